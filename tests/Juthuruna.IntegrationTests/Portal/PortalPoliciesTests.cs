using System.Net;
using Juthuruna.Common.Dates;
using Juthuruna.Features.Policies;
using Juthuruna.IntegrationTests.Infrastructure;

namespace Juthuruna.IntegrationTests.Portal;

/// <summary>The association's public policies on its portal: approved versions of public documents only.</summary>
public sealed class PortalPoliciesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string RelationsText = "# سياسة تنظيم العلاقة مع المستفيدين\n\n## الهدف\n\nخدمة المستفيدين بعدالة وشفافية.\n";

    [Fact]
    public async Task Portal_policies_list_public_approved_documents_with_their_version_and_read_one()
    {
        var tenant = await factory.CreateTenantAsync();
        var relations = await TestPolicies.ApprovedAsync(factory, tenant, "سياسة تنظيم العلاقة مع المستفيدين", PolicyKind.BeneficiaryRelationsPolicy,
            RelationsText, "5", DualDate.FromHijri(1447, 7, 3));
        var internalGuide = await TestPolicies.ApprovedAsync(factory, tenant, "دليل داخلي", PolicyKind.Other, "# داخلي", "3", DualDate.FromHijri(1447, 1, 10), isPublic: false);
        var draft = await TestPolicies.DraftAsync(factory, tenant, "مسودة عامة", "# مسودة");
        using var visitor = factory.CreateStaffClient();

        var list = await visitor.GetDocumentAsync($"/t/{tenant.Slug}/policies");

        var item = Assert.Single(list.QuerySelectorAll("[data-testid=public-policy]"));
        Assert.Equal(relations.ToString(), item.GetAttribute("data-id"));
        Assert.Contains("سياسة تنظيم العلاقة مع المستفيدين", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("الإصدار 1", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("1447", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("2025", item.TextContent, StringComparison.Ordinal);

        var page = await visitor.GetDocumentAsync($"/t/{tenant.Slug}/policies/{relations}");
        Assert.Equal("سياسة تنظيم العلاقة مع المستفيدين", page.QuerySelector("[data-testid=policy-title]")!.TextContent.Trim());
        Assert.Equal("الهدف", page.QuerySelector("[data-testid=policy-text] h2")!.TextContent.Trim());
        Assert.Contains("5", page.QuerySelector("[data-testid=policy-version]")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/t/{tenant.Slug}/policies/{internalGuide}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/t/{tenant.Slug}/policies/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/t/{tenant.Slug}/policies/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Portal_policy_of_another_association_is_not_found_even_when_public()
    {
        var own = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        var foreign = await TestPolicies.ApprovedAsync(factory, other, "سياسة جمعية أخرى", PolicyKind.SupportPolicyGuide, "# سياسة", "2", DualDate.FromHijri(1447, 2, 1));
        using var visitor = factory.CreateStaffClient();

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/t/{own.Slug}/policies/{foreign}")).StatusCode);
        Assert.Empty((await visitor.GetDocumentAsync($"/t/{own.Slug}/policies")).QuerySelectorAll("[data-testid=public-policy]"));
        Assert.Equal(HttpStatusCode.OK, (await visitor.Http.GetAsync($"/t/{other.Slug}/policies/{foreign}")).StatusCode);
    }

    [Fact]
    public async Task Portal_policy_markdown_with_scripts_is_shown_without_them()
    {
        var tenant = await factory.CreateTenantAsync();
        const string hostile = "## البند الأول\n\n<script>alert('x')</script>\n\n<img src=\"x\" onerror=\"alert(1)\">\n\n[اضغط هنا](javascript:alert(1))\n\n<iframe src=\"https://evil.example\"></iframe>\n";
        var id = await TestPolicies.ApprovedAsync(factory, tenant, "سياسة", PolicyKind.Other, hostile, "1", DualDate.FromHijri(1447, 3, 1));
        using var visitor = factory.CreateStaffClient();

        var response = await visitor.Http.GetAsync($"/t/{tenant.Slug}/policies/{id}");

        var html = await response.Content.ReadAsStringAsync();
        var text = (await StaffClient.ParseAsync(response)).QuerySelector("[data-testid=policy-text]")!;
        Assert.Equal("البند الأول", text.QuerySelector("h2")!.TextContent.Trim());
        Assert.Empty(text.QuerySelectorAll("script, iframe, [onerror], a[href^='javascript']"));
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Portal_policies_with_nothing_public_says_so()
    {
        var tenant = await factory.CreateTenantAsync();
        using var visitor = factory.CreateStaffClient();

        var page = await visitor.GetDocumentAsync($"/t/{tenant.Slug}/policies");

        Assert.NotNull(page.QuerySelector("[data-testid=no-policies]"));
    }
}
