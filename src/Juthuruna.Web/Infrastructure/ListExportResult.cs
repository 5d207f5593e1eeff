using Juthuruna.Common.Dates;
using Juthuruna.Features.Exports;
using Microsoft.AspNetCore.Mvc;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// A page's list written out as the response (ADR 0018): the download's headers, the rows streamed by
/// <see cref="ListExport"/>, then the audit entry with the filters and the number of rows — one path for every list.
/// </summary>
public sealed class ListExportResult<T>(
    ExportFormat format, string list, string fileName, string sheetName, IReadOnlyList<ExportColumn<T>> columns,
    IAsyncEnumerable<T> rows, IReadOnlyDictionary<string, string?> filters) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var today = DualDate.Today(http.RequestServices.GetRequiredService<TimeProvider>());
        http.Response.ContentType = ListExport.ContentType(format);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}-{today:yyyy-MM-dd}.{ListExport.Extension(format)}\"";
        var written = await ListExport.WriteAsync(format, http.Response.Body, sheetName, columns, rows, http.RequestAborted);
        await http.RequestServices.GetRequiredService<ExportLog>().RecordAsync(list, ListExport.Extension(format), filters, written, CancellationToken.None);
    }
}
