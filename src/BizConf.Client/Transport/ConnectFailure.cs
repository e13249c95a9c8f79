using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace BizConf.Transport;

/// <summary>
/// Tells a failure that happened before the request left this machine (refused connection, unknown host, failed
/// TLS handshake, a proxy that refused the tunnel) from one after it was sent, and says the cause in a sentence.
/// Only the first kind is certain to have done nothing; a create that failed so is simply sent again.
/// </summary>
internal static class ConnectFailure
{
    private const string CertificateErrorKey = "BizConf.CertificateError";

    /// <summary>Checks the certificate as the platform does, and keeps why it failed for the message.</summary>
    public static bool RecordCertificateErrors(HttpRequestMessage request, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        var reasons = new System.Collections.Generic.List<string>();
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            reasons.Add($"the certificate is for {certificate?.GetNameInfo(X509NameType.DnsName, false) ?? "another name"}, not {request.RequestUri?.Host}");
        }

        if ((errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            var statuses = chain?.ChainStatus.Select(s => s.Status.ToString()).Distinct().ToArray() ?? Array.Empty<string>();
            reasons.Add("its chain is not trusted" + (statuses.Length > 0 ? " (" + string.Join(", ", statuses) + ")" : string.Empty));
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            reasons.Add("the server sent no certificate");
        }

        request.Properties[CertificateErrorKey] = string.Join(" and ", reasons);
        return false;
    }

    /// <summary>The cause when <paramref name="failure"/> happened before anything was sent; null when the request may have left.</summary>
    public static string? Describe(Exception failure, HttpRequestMessage request, BizConfClientOptions options)
    {
        var target = $"{request.RequestUri?.Host}:{request.RequestUri?.Port}";
        for (var e = failure; e != null; e = e.InnerException)
        {
            if (e is AuthenticationException)
            {
                var why = request.Properties.TryGetValue(CertificateErrorKey, out var kept) ? kept as string : null;
                return $"the TLS handshake with {target} failed: " + (why ?? e.Message) + ".";
            }

            if (e is SocketException socket)
            {
                switch (socket.SocketErrorCode)
                {
                    case SocketError.ConnectionRefused:
                        return $"the connection to {Via(options, request.RequestUri, target)} was refused (nothing listens there).";
                    case SocketError.HostNotFound:
                    case SocketError.TryAgain:
                    case SocketError.NoData:
                        return $"the name {request.RequestUri?.Host} could not be resolved (DNS).";
                    case SocketError.NetworkUnreachable:
                    case SocketError.HostUnreachable:
                    case SocketError.NetworkDown:
                    case SocketError.AddressNotAvailable:
                        return $"{Via(options, request.RequestUri, target)} cannot be reached from this machine ({socket.SocketErrorCode}).";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Where the connection went: the proxy of -Proxy, or the system's one (HTTP_PROXY, HTTPS_PROXY and NO_PROXY on
    /// PowerShell 7, the Internet settings on Windows PowerShell) when it applies to this address, else the host itself.
    /// </summary>
    private static string Via(BizConfClientOptions options, Uri? uri, string target)
    {
        if (options.Proxy != null)
        {
            return $"the proxy {options.Proxy.Host}:{options.Proxy.Port}";
        }

        if (options.Handler == null && uri != null && WebRequest.DefaultWebProxy is { } system && !system.IsBypassed(uri)
            && system.GetProxy(uri) is { } proxy && proxy != uri)
        {
            return $"the proxy {proxy.Host}:{proxy.Port} (the system's proxy for this address)";
        }

        return target;
    }

    /// <summary>Whether a proxy refused to open a tunnel with 407. The status is in HttpRequestException.StatusCode on .NET 5 and later, which netstandard2.0 cannot name.</summary>
    public static bool ProxyRefusedTunnel(Exception failure)
    {
        for (var e = failure; e != null; e = e.InnerException)
        {
            if (e is HttpRequestException http)
            {
                var code = http.GetType().GetProperty("StatusCode")?.GetValue(http);
                if ((code != null && Convert.ToInt32(code, System.Globalization.CultureInfo.InvariantCulture) == HttpStatusCodes.ProxyAuthenticationRequired)
                    || http.Message.IndexOf("'407'", StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
