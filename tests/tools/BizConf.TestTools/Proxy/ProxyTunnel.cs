using System.Net.Sockets;

namespace BizConf.TestTools.Proxy;

/// <summary>
/// The bytes of a CONNECT tunnel, both ways, until the server side ends, the client side fails, or the tool stops.
/// A client that ends its side cleanly passes that on (half-close), so the server can still finish its answer.
/// </summary>
internal static class ProxyTunnel
{
    public static async Task PumpAsync(byte[] early, Stream clientIn, Stream clientOut, TcpClient upstream, CancellationToken cancellation)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var server = upstream.GetStream();
        var toServer = CopyAsync(early, clientIn, server, () => upstream.Client.Shutdown(SocketShutdown.Send), both.Token);
        var toClient = CopyAsync([], server, clientOut, null, both.Token);
        var first = await Task.WhenAny(toServer, toClient);
        if (first == toServer && await toServer)
        {
            await toClient;
        }

        await both.CancelAsync();
        upstream.Close();
        await Task.WhenAll(toServer, toClient);
    }

    /// <summary>True when the source ended cleanly and all of it was passed on.</summary>
    private static async Task<bool> CopyAsync(byte[] early, Stream from, Stream to, Action? ended, CancellationToken cancellation)
    {
        try
        {
            if (early.Length > 0)
            {
                await to.WriteAsync(early, cancellation);
            }

            await from.CopyToAsync(to, cancellation);
            ended?.Invoke();
            return true;
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            return false;
        }
    }
}
