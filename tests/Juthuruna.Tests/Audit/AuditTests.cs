using System.Text.Json;
using Juthuruna.Common.Saudi;
using Juthuruna.Features.Audit;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Tests.Audit;

public sealed class AuditTests
{
    [Fact]
    public void ToJson_records_old_and_new_and_leaves_out_unchanged_fields()
    {
        var json = AuditChanges.ToJson([
            new FieldChange("FirstName", "أحمد", "محمد"),
            new FieldChange("Gender", Gender.Male, Gender.Male),
            new FieldChange("Email", null, "a@b.test"),
            new FieldChange("MaritalStatus", MaritalStatus.Married, MaritalStatus.Widowed),
        ]);

        Assert.Equal("""{"FirstName":{"old":"أحمد","new":"محمد"},"Email":{"old":null,"new":"a@b.test"},"MaritalStatus":{"old":"Married","new":"Widowed"}}""", json);
        Assert.Equal([("FirstName", "أحمد", "محمد"), ("Email", null, "a@b.test"), ("MaritalStatus", "Married", "Widowed")], AuditChanges.Read(json));
    }

    [Fact]
    public void ToJson_nothing_changed_is_null() =>
        Assert.Null(AuditChanges.ToJson([new FieldChange("FirstName", "أحمد", "أحمد")]));

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{not json")]
    public void Read_entry_that_is_not_a_field_map_is_shown_as_one_row_of_text(string json) =>
        Assert.Equal([("", (string?)null, (string?)json)], AuditChanges.Read(json));

    [Fact]
    public void Read_field_without_old_and_new_is_shown_as_its_new_value() =>
        Assert.Equal(
            [("Batch", (string?)null, (string?)"3"), ("FirstName", "أحمد", "محمد")],
            AuditChanges.Read("""{"Batch":3,"FirstName":{"old":"أحمد","new":"محمد"}}"""));

    [Fact]
    public async Task SaveChanges_writes_created_and_updated_rows_with_owned_children_on_the_owner()
    {
        await using var database = await TestDatabase.CreateAsync();
        var tenantId = await database.AddTenantAsync("audit");
        var beneficiary = new Beneficiary
        {
            FileNumber = "B-000001",
            IdentityType = IdentityType.NationalId,
            IdentityNumber = "1000000008",
            FirstName = "أحمد",
            FatherName = "محمد",
            GrandfatherName = "علي",
            FamilyName = "الغامدي",
            Nationality = "سعودي",
            Mobile = "+966551234567",
            SearchKey = "احمد",
            IncomeSources = [new IncomeSource { Kind = IncomeKind.Salary, MonthlyHalalas = 100 }],
        };
        await using (var db = database.Context(tenantId))
        {
            db.Beneficiaries.Add(beneficiary);
            await db.SaveChangesAsync();
        }

        await using (var db = database.Context(tenantId))
        {
            var saved = await db.Beneficiaries.SingleAsync();
            saved.FirstName = "خالد";
            saved.IncomeSources.Single().MonthlyHalalas = 250;
            await db.SaveChangesAsync();
        }

        await using (var db = database.Context(tenantId))
        {
            var rows = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
            Assert.Equal([AuditAction.Created, AuditAction.Updated], rows.Select(r => r.Action));
            Assert.All(rows, r => Assert.Equal((nameof(Beneficiary), beneficiary.Id.ToString(), AuditEntry.SystemUser), (r.EntityType, r.EntityId, r.UserId)));

            var created = JsonDocument.Parse(rows[0].Changes!).RootElement;
            Assert.Equal("1000000008", created.GetProperty("IdentityNumber").GetProperty("new").GetString());
            var income = $"IncomeSources[{beneficiary.IncomeSources[0].Id}].MonthlyHalalas";
            Assert.Equal(100, created.GetProperty(income).GetProperty("new").GetInt64());

            var updated = AuditChanges.Read(rows[1].Changes);
            Assert.Contains(("FirstName", "أحمد", "خالد"), updated);
            Assert.Contains((income, "100", "250"), updated);
            Assert.DoesNotContain(updated, c => c.Field == "LastName" || c.Field == "IdentityNumber");
        }
    }
}
