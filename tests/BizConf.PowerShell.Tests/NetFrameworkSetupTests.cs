using System.Net;
using BizConf.PowerShell.Internal;

namespace BizConf.PowerShell.Tests;

/// <summary>The settings the module makes on .NET Framework only, and that it recognises where it runs.</summary>
public sealed class NetFrameworkSetupTests
{
    // Tls (192) and Tls11 (768) by number: their names are obsolete on .NET, and a warning is an error here.
    private const SecurityProtocolType OldProtocols = (SecurityProtocolType)(192 | 768);

    [Fact]
    public void Tls12_is_added_to_an_explicit_protocol_list()
    {
        Assert.Equal(OldProtocols | SecurityProtocolType.Tls12, NetFrameworkSetup.WithTls12(OldProtocols));
    }

    [Fact]
    public void The_system_default_is_left_to_the_operating_system()
    {
        Assert.Equal(SecurityProtocolType.SystemDefault, NetFrameworkSetup.WithTls12(SecurityProtocolType.SystemDefault));
    }

    [Fact]
    public void Newer_protocols_already_chosen_stay()
    {
        var chosen = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;

        Assert.Equal(chosen, NetFrameworkSetup.WithTls12(chosen));
    }

    [Fact]
    public void The_connection_limit_is_raised_to_the_most_requests_in_flight_and_never_lowered()
    {
        Assert.Equal(64, NetFrameworkSetup.WithConnectionsPerHost(2));
        Assert.Equal(64, NetFrameworkSetup.WithConnectionsPerHost(64));
        Assert.Equal(int.MaxValue, NetFrameworkSetup.WithConnectionsPerHost(int.MaxValue));
    }

    [Fact]
    public void On_dotnet_the_runtime_is_not_taken_for_the_framework()
    {
        Assert.False(NetFrameworkSetup.IsCurrentRuntime);
    }
}
