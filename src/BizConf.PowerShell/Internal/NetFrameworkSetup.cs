using System.Net;

namespace BizConf.PowerShell.Internal;

/// <summary>
/// What the module needs from .NET Framework (Windows PowerShell 5.1) that .NET gives by default: the assembly
/// resolver, TLS 1.2, and more than two connections per host. The settings live in ServicePointManager, which is
/// process-wide there; they are only ever raised, never lowered, so other modules lose nothing.
/// </summary>
internal static class NetFrameworkSetup
{
    /// <summary>The most requests one cmdlet keeps in flight (the upper bound of -ThrottleLimit).</summary>
    public const int ConnectionsPerHost = 64;

    /// <summary>True on .NET Framework, whose core library is mscorlib (System.Private.CoreLib on .NET).</summary>
    public static bool IsCurrentRuntime =>
        string.Equals(typeof(object).Assembly.GetName().Name, "mscorlib", StringComparison.Ordinal);

    /// <summary>
    /// TLS 1.2 added to an explicit protocol list. SystemDefault (0, the default from .NET Framework 4.7 on) is left
    /// alone: there the operating system chooses, TLS 1.2 and newer included, and adding a flag would pin it.
    /// </summary>
    public static SecurityProtocolType WithTls12(SecurityProtocolType current) =>
        current == 0 ? current : current | SecurityProtocolType.Tls12;

    /// <summary>The default connection limit, raised so that -ThrottleLimit requests can be in flight at once.</summary>
    public static int WithConnectionsPerHost(int current) => Math.Max(current, ConnectionsPerHost);

    public static void ApplyNetworkSettings()
    {
        ServicePointManager.SecurityProtocol = WithTls12(ServicePointManager.SecurityProtocol);
        ServicePointManager.DefaultConnectionLimit = WithConnectionsPerHost(ServicePointManager.DefaultConnectionLimit);
    }
}
