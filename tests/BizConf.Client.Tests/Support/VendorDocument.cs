namespace BizConf.Client.Tests;

/// <summary>
/// The vendor's API document, which the workspace keeps in <c>shared/</c> beside the checkout (CI lays it there
/// too). A plain clone of the repository has no such folder; the sample constants are then the test data alone.
/// </summary>
internal static class VendorDocument
{
    private const string FromWorkspaceRoot = "shared/seed/000_b13ab09e7642d2a7.txt";

    /// <summary>The document's text, or null where no shared/ folder stands beside this checkout.</summary>
    public static string? TextOrNull()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BizConf.PowerShell.sln")))
            {
                var path = Path.Combine(folder.Parent?.FullName ?? folder.FullName, FromWorkspaceRoot);
                return File.Exists(path) ? File.ReadAllText(path) : null;
            }
        }

        return null;
    }

    /// <summary>True under CI, where shared/ is always laid beside the clone, so a missing document is a failure.</summary>
    public static bool MustBePresent => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
}
