using Juthuruna.Features.SupportRequests;

namespace Juthuruna.Tests.SupportRequests;

public sealed class DocumentValidityTests
{
    private static readonly DateOnly Submitted = new(2026, 2, 18);

    [Fact]
    public void Evaluate_id_expiring_before_the_submission_date_is_expired() =>
        Assert.Equal((DocumentStatus.Expired, DocumentValidity.Problem.None),
            DocumentValidity.Evaluate(DocumentStatus.Matched, true, null, null, new DateOnly(2026, 2, 17), Submitted));

    [Fact]
    public void Evaluate_id_expiring_on_the_submission_date_is_still_valid() =>
        Assert.Equal((DocumentStatus.Matched, DocumentValidity.Problem.None),
            DocumentValidity.Evaluate(DocumentStatus.Matched, true, null, null, Submitted, Submitted));

    [Theory]
    [InlineData(90, DocumentStatus.Matched)]
    [InlineData(91, DocumentStatus.Expired)]
    public void Evaluate_salary_certificate_older_than_its_maximum_age_is_expired(int ageInDays, DocumentStatus expected) =>
        Assert.Equal(expected,
            DocumentValidity.Evaluate(DocumentStatus.Matched, false, 90, Submitted.AddDays(-ageInDays), null, Submitted).Status);

    [Fact]
    public void Evaluate_matched_document_needs_the_dates_its_type_asks_for()
    {
        Assert.Equal(DocumentValidity.Problem.ExpiryDateRequired, DocumentValidity.Evaluate(DocumentStatus.Matched, true, null, null, null, Submitted).Problem);
        Assert.Equal(DocumentValidity.Problem.IssueDateRequired, DocumentValidity.Evaluate(DocumentStatus.Matched, false, 90, null, null, Submitted).Problem);
        Assert.Equal(DocumentValidity.Problem.IssueDateInFuture, DocumentValidity.Evaluate(DocumentStatus.Matched, false, 90, Submitted.AddDays(1), null, Submitted).Problem);
    }

    [Theory]
    [InlineData(DocumentStatus.Missing)]
    [InlineData(DocumentStatus.Mismatched)]
    [InlineData(DocumentStatus.Expired)]
    public void Evaluate_officers_negative_finding_stands(DocumentStatus found) =>
        Assert.Equal(found, DocumentValidity.Evaluate(found, true, 90, null, null, Submitted).Status);
}
