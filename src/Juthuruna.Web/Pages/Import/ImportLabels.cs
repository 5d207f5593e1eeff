using Juthuruna.Features.Import;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Import;

/// <summary>The import's statuses and sheets in the user's language (written out so every key is checked for Arabic).</summary>
public static class ImportLabels
{
    public static string Of(IStringLocalizer l, ImportStatus status) => status switch
    {
        ImportStatus.Validated => l["Checked, not imported"],
        ImportStatus.Queued => l["Waiting to start"],
        ImportStatus.Running => l["Importing"],
        ImportStatus.Completed => l["Imported"],
        ImportStatus.Cancelled => l["Cancelled"],
        ImportStatus.Failed => l["Stopped on an error"],
        ImportStatus.RolledBack => l["Rolled back"],
        ImportStatus.RollingBack => l["Rolling back"],
        _ => status.ToString(),
    };

    public static string Of(IStringLocalizer l, ImportSheet sheet) => l[ImportColumns.SheetName(sheet)];

    /// <summary>The header of a template column, for the report's first errors.</summary>
    public static string Column(IStringLocalizer l, ImportSheet sheet, string key) =>
        ImportColumns.Of(sheet).FirstOrDefault(c => c.Key == key) is { } column ? l[column.Header] : key;
}
