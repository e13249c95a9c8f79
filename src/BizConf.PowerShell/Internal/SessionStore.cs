using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace BizConf.PowerShell.Internal;

/// <summary>
/// The default session of each runspace. Keyed by runspace rather than held in one static, so that parallel
/// runspaces (ForEach-Object -Parallel, jobs, hosted automation) each keep their own connection.
/// </summary>
internal static class SessionStore
{
    private static readonly ConditionalWeakTable<Runspace, Holder> Sessions = new ConditionalWeakTable<Runspace, Holder>();

    public static BizConfSession? Current
    {
        get
        {
            var runspace = Runspace.DefaultRunspace;
            return runspace != null && Sessions.TryGetValue(runspace, out var holder) ? holder.Session : null;
        }

        set
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace != null)
            {
                Sessions.GetOrCreateValue(runspace).Session = value;
            }
        }
    }

    private sealed class Holder
    {
        public BizConfSession? Session { get; set; }
    }
}
