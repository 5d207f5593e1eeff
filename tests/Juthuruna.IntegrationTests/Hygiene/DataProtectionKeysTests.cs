using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Hygiene;

/// <summary>The data-protection keys at rest (issue 17, item 7): encrypted with the configured certificate, read back after a restart.</summary>
public sealed class DataProtectionKeysTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("juthuruna-dp-").FullName;

    private IDataProtectionProvider Start(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJuthurunaDataProtection(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), _dir);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
    }

    private string Certificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Juthuruna data protection {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        var path = Path.Combine(_dir, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "كلمة-سر"));
        return path;
    }

    private string KeyXml() => File.ReadAllText(Directory.GetFiles(Path.Combine(_dir, "keys"), "key-*.xml").Single());

    [Fact]
    public void Keys_with_a_certificate_are_encrypted_at_rest_and_read_back_after_a_restart()
    {
        var settings = new Dictionary<string, string?>
        {
            ["DataProtection:KeysDirectory"] = "keys",
            ["DataProtection:CertificatePath"] = Certificate("current"),
            ["DataProtection:CertificatePassword"] = "كلمة-سر",
        };
        var token = Start(settings).CreateProtector("test").Protect("رمز الجلسة");

        var xml = KeyXml();
        Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        Assert.Equal("رمز الجلسة", Start(settings).CreateProtector("test").Unprotect(token));
    }

    [Fact]
    public void Keys_of_a_previous_certificate_are_still_read_after_it_is_replaced()
    {
        var old = Certificate("2026");
        var token = Start(new() { ["DataProtection:KeysDirectory"] = "keys", ["DataProtection:CertificatePath"] = old, ["DataProtection:CertificatePassword"] = "كلمة-سر" })
            .CreateProtector("test").Protect("رمز الجلسة");

        var renewed = Start(new()
        {
            ["DataProtection:KeysDirectory"] = "keys",
            ["DataProtection:CertificatePath"] = Certificate("2027"),
            ["DataProtection:CertificatePassword"] = "كلمة-سر",
            ["DataProtection:PreviousCertificatePaths:0"] = old,
        });

        Assert.Equal("رمز الجلسة", renewed.CreateProtector("test").Unprotect(token));
    }

    [Fact]
    public void Keys_without_a_certificate_are_written_in_the_clear_which_production_warns_about()
    {
        Start(new() { ["DataProtection:KeysDirectory"] = "keys" }).CreateProtector("test").Protect("x");

        Assert.Contains("<value>", KeyXml(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
