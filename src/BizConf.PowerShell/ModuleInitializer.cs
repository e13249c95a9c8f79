using System;
using System.IO;
using System.Management.Automation;
using BizConf.PowerShell.Internal;

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
