using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace BizConf.TestTools;

/// <summary>
/// HTTPS with a self-signed certificate made in memory at start for --name (default wrong.example), answering any
/// request 200. A client that checks certificates must refuse it on 127.0.0.1 twice over: the name does not match
/// and no trusted authority issued it.
/// </summary>
internal sealed class TlsServer : HttpTool
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    private readonly X509Certificate2 certificate;

    public TlsServer(ToolOptions options, JsonLog log)
        : base(log)
    {
        certificate = CreateCertificate(options.Name);
    }

    public override string Scheme => Uri.UriSchemeHttps;

    public override void ConfigureListen(ListenOptions listen) => listen.UseHttps(certificate);

    protected override async Task HandleAsync(HttpContext context)
    {
        var entry = new JsonObject();
        entry["method"] = context.Request.Method;
        entry["path"] = context.Request.Path.Value;
        Log.Write(entry);
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("BizConf test tool tls", Stopping);
    }

    private static X509Certificate2 CreateCertificate(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var alternativeNames = new SubjectAlternativeNameBuilder();
        if (IPAddress.TryParse(name, out var address))
        {
            alternativeNames.AddIpAddress(address);
        }
        else
        {
            alternativeNames.AddDnsName(name);
        }

        request.CertificateExtensions.Add(alternativeNames.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthentication)], false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        // Through PKCS#12 and back, so that the key is one the TLS stack can use on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
