using System.IO;

namespace BizConf.PowerShell;

/// <summary>
/// Runs when the module is imported and removed. On .NET Framework (Windows PowerShell 5.1) it registers the
/// assembly resolver and the network settings; on PowerShell 7 it does nothing at all.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    // AssemblyResolve belongs to the AppDomain, not to a runspace: one handler for the process, kept while any
    // runspace has the module imported.
    private static readonly object Gate = new object();
    private static AssemblyResolver? resolver;
    private static int imports;

    /// <summary>Called by PowerShell on Import-Module: on Windows PowerShell 5.1 it puts the resolver and the network settings in place.</summary>
    public void OnImport()
    {
        if (!NetFrameworkSetup.IsCurrentRuntime)
        {
            return;
        }

        lock (Gate)
        {
            if (imports++ == 0)
            {
                var folder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;
                resolver = new AssemblyResolver(folder);
                AppDomain.CurrentDomain.AssemblyResolve += resolver.Resolve;
            }
        }

        NetFrameworkSetup.ApplyNetworkSettings();
    }

    /// <summary>Called by PowerShell on Remove-Module: the last removal in the process takes the resolver away again.</summary>
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (!NetFrameworkSetup.IsCurrentRuntime)
        {
            return;
        }

        lock (Gate)
        {
            if (imports > 0 && --imports == 0 && resolver != null)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= resolver.Resolve;
                resolver = null;
            }
        }
    }
}
