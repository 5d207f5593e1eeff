using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Juthuruna.Web.Infrastructure;

/// <summary>The <c>DataProtection</c> configuration section.</summary>
public sealed class DataProtectionSettings
{
    /// <summary>Where the key ring is kept (shared by every web node); a relative path is from the working directory.</summary>
    public string KeysDirectory { get; set; } = "App_Data/keys";

    /// <summary>
    /// A PKCS#12 (.pfx) file whose certificate encrypts every key at rest (the private key decrypts them): without it a
    /// key is written in the clear, and anyone who can read the directory can forge sign-in cookies.
    /// </summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Certificates of earlier years, still able to decrypt the keys they protected (rotation).</summary>
    public string[] PreviousCertificatePaths { get; set; } = [];
}

/// <summary>
/// The data-protection keys (sign-in cookies, antiforgery, the portal's session): kept in one directory that outlives
/// restarts and is shared by every node, encrypted at rest with a certificate when one is configured — as Production
/// must (docs/operations.md). Without one, Development keeps today's plain keys and Production warns at start-up.
/// </summary>
public static class DataProtectionSetup
{
    public static DataProtectionSettings AddJuthurunaDataProtection(this IServiceCollection services, IConfiguration configuration, string baseDirectory)
    {
        var settings = configuration.GetSection("DataProtection").Get<DataProtectionSettings>() ?? new DataProtectionSettings();
        var builder = services.AddDataProtection()
            .SetApplicationName("Juthuruna")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(baseDirectory, settings.KeysDirectory)));
        if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            builder.ProtectKeysWithCertificate(Load(Path.Combine(baseDirectory, settings.CertificatePath), settings.CertificatePassword));
            if (settings.PreviousCertificatePaths.Length > 0)
            {
                builder.UnprotectKeysWithAnyCertificate(settings.PreviousCertificatePaths
                    .Select(p => Load(Path.Combine(baseDirectory, p), settings.CertificatePassword)).ToArray());
            }
        }

        return settings;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"DataProtection:CertificatePath {path} has no private key: the keys it encrypts could not be read back.");
    }
}
