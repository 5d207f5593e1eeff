using System.Net;

namespace Juthuruna.IntegrationTests.Infrastructure;

/// <summary>Creates beneficiary files through the real Create form, for tests of features that hang off them.</summary>
public static class TestBeneficiaries
{
    public const string Form = "form[data-testid=beneficiary-form]";

    private static int _next = 500;

    /// <summary>A valid national ID (first digit 1, Luhn check digit) built from <paramref name="n"/>.</summary>
    public static string NationalIdFor(int n) =>
        Juthuruna.Common.Saudi.NationalId.WithCheckDigit("1" + n.ToString("D8", System.Globalization.CultureInfo.InvariantCulture));

    public static Dictionary<string, string> Fields(string firstName = "أحمد") => new()
    {
        ["Input.IdentityType"] = "NationalId",
        ["Input.IdentityNumber"] = NationalIdFor(Interlocked.Increment(ref _next)),
        ["Input.FirstName"] = firstName,
        ["Input.FatherName"] = "محمد",
        ["Input.GrandfatherName"] = "علي",
        ["Input.FamilyName"] = "الغامدي",
        ["Input.Gender"] = "Male",
        ["Input.BirthDateCalendar"] = "Gregorian",
        ["Input.BirthDate"] = "1985-03-10",
        ["Input.Nationality"] = "سعودي",
        ["Input.MaritalStatus"] = "Married",
        ["Input.Mobile"] = "0551234567",
        ["Input.EmploymentStatus"] = "Unemployed",
        ["Input.HousingType"] = "Rented",
    };

    public static async Task<Guid> CreateAsync(StaffClient client, Dictionary<string, string>? fields = null)
    {
        var response = await client.SubmitFormAsync("/Beneficiaries/Create", Form, fields ?? Fields());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var path = response.Headers.Location!.OriginalString;
        return Guid.Parse(path["/Beneficiaries/Details/".Length..]);
    }
}
