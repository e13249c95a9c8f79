namespace BizConf.PowerShell.Internal;

/// <summary>
/// What a report cmdlet writes for one meeting: its rows, or, when the service has none, a warning saying so. A
/// meeting that was never held answers an empty list, and writing nothing for it would look like a fault.
/// </summary>
internal static class ReportResults
{
    public static ItemResult RowsOrWarning<T>(PSCmdlet cmdlet, IReadOnlyCollection<T> rows, string warning) =>
        rows.Count > 0 ? ItemResult.WriteEach(rows) : ItemResult.Run(() => cmdlet.WriteWarning(warning));
}
