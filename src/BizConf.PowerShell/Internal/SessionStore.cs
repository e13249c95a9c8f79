using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace BizConf.PowerShell.Internal;

/// <summary>
/// The default session of each runspace. Keyed by runspace rather than held in one static, so that parallel
/// runspaces (ForEach-Object -Parallel, jobs, hosted automation) each keep their own connection. A failed
/// Connect-BizConf leaves no default behind (a runbook going on after it must not act for the site before), and
/// says why in the next cmdlet's error.
/// </summary>
internal static class SessionStore
{
    private static readonly ConditionalWeakTable<Runspace, Holder> Sessions = new ConditionalWeakTable<Runspace, Holder>();

    public static BizConfSession? Current
    {
        get => Get()?.Session;

        set
        {
            if (Runspace.DefaultRunspace is { } runspace)
            {
                var holder = Sessions.GetOrCreateValue(runspace);
                holder.Session = value;
                holder.ConnectFailure = null;
            }
        }
    }

    /// <summary>Why the last Connect-BizConf of this runspace failed, while no connect has succeeded since.</summary>
    public static string? LastConnectFailure => Get()?.ConnectFailure;

    /// <summary>A Connect-BizConf failed: the runspace keeps no default session, and remembers why.</summary>
    public static void ConnectFailed(string why)
    {
        if (Runspace.DefaultRunspace is { } runspace)
        {
            var holder = Sessions.GetOrCreateValue(runspace);
            holder.Session = null;
            holder.ConnectFailure = why;
        }
    }

    private static Holder? Get() =>
        Runspace.DefaultRunspace is { } runspace && Sessions.TryGetValue(runspace, out var holder) ? holder : null;

    private sealed class Holder
    {
        public BizConfSession? Session { get; set; }

        public string? ConnectFailure { get; set; }
    }
}
