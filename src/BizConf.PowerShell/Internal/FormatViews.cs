using System.IO;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace BizConf.PowerShell.Internal;

/// <summary>
/// Loads the module's table views, and the type data that makes its times read as ISO 8601 (see
/// <see cref="InstantMembers"/>), into a runspace the first time one of its cmdlets runs there, not at import: a
/// format file in the manifest makes PowerShell rebuild its whole format database during Import-Module (measured:
/// about 17 ms of the 45 ms that import costs over an empty module), a cost the many scripts that import the module
/// and never show a table should not pay. Every object of this module is written by one of its cmdlets, so its
/// views are in place before the first one is shown.
/// </summary>
internal static class FormatViews
{
    private const string FileName = "BizConf.format.ps1xml";

    private static readonly ConditionalWeakTable<Runspace, object> Loaded = new ConditionalWeakTable<Runspace, object>();

    public static void EnsureLoaded(PSCmdlet cmdlet)
    {
        var runspace = Runspace.DefaultRunspace;
        if (runspace == null)
        {
            return;
        }

        lock (Loaded)
        {
            if (Loaded.TryGetValue(runspace, out _))
            {
                return;
            }

            Loaded.Add(runspace, new object());
        }

        var path = Path.Combine(Path.GetDirectoryName(typeof(FormatViews).Assembly.Location)!, FileName);
        cmdlet.InvokeCommand.InvokeScript(false,
            ScriptBlock.Create("param($types, $path) Update-TypeData -TypeData $types -Force; if ($path) { Update-FormatData -PrependPath $path }"),
            null, InstantMembers.TypeData(), File.Exists(path) ? path : null);
    }
}
