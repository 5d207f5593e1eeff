using Juthuruna.Common.Saudi;

namespace Juthuruna.Tests.Saudi;

public sealed class NationalIdTests
{
    [Theory]
    [InlineData("1000000008", IdentityType.NationalId)]
    [InlineData("1010101010", IdentityType.NationalId)]
    [InlineData("2000000006", IdentityType.Iqama)]
    [InlineData("١٠٠٠٠٠٠٠٠٨", IdentityType.NationalId)]
    [InlineData("1000 000 008", IdentityType.NationalId)]
    public void Check_valid_numbers_pass(string id, IdentityType type) =>
        Assert.Equal(NationalIdProblem.None, NationalId.Check(id, type));

    [Theory]
    [InlineData("1000000009", IdentityType.NationalId, NationalIdProblem.WrongCheckDigit)]
    [InlineData("1010101011", IdentityType.NationalId, NationalIdProblem.WrongCheckDigit)]
    [InlineData("2000000006", IdentityType.NationalId, NationalIdProblem.WrongFirstDigit)]
    [InlineData("1000000008", IdentityType.Iqama, NationalIdProblem.WrongFirstDigit)]
    [InlineData("3000000004", IdentityType.NationalId, NationalIdProblem.WrongFirstDigit)]
    [InlineData("100000000", IdentityType.NationalId, NationalIdProblem.NotTenDigits)]
    [InlineData("10000000a8", IdentityType.NationalId, NationalIdProblem.NotTenDigits)]
    [InlineData("", IdentityType.NationalId, NationalIdProblem.Empty)]
    public void Check_invalid_numbers_name_the_problem(string id, IdentityType type, NationalIdProblem expected) =>
        Assert.Equal(expected, NationalId.Check(id, type));

    [Theory]
    [InlineData("100000000", "1000000008")]
    [InlineData("140001237", "1400012371")]
    public void WithCheckDigit_appends_the_digit_that_makes_the_number_valid(string nine, string expected)
    {
        Assert.Equal(expected, NationalId.WithCheckDigit(nine));
        Assert.Equal(NationalIdProblem.None, NationalId.Check(expected, IdentityType.NationalId));
    }
}
