using System.Net;

namespace Juthuruna.IntegrationTests.Infrastructure;

public static class Forbidden
{
    /// <summary>A role that may not use a page gets 403 at that address, with the friendly Arabic page.</summary>
    public static async Task AssertAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Equal("غير مسموح", page.QuerySelector("[data-testid=error-page] h1")?.TextContent.Trim());
    }
}
