using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace BizConf.TestTools;

/// <summary>
/// What every tool shares: Kestrel on 127.0.0.1, host logging on stderr (warnings only, stdout carries the ready line
/// alone), SIGINT and SIGTERM handled by the host (exit code 0), and a stop when stdin closes.
/// </summary>
internal static class ToolHost
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    public static WebApplication Build(int port, Tool tool)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                tool.ConfigureListen(listen);
            });
        });

        var app = builder.Build();
        tool.Attach(app);
        return app;
    }

    /// <summary>The address bound, with the real port when port 0 was asked.</summary>
    public static string ListeningUrl(WebApplication app, string scheme)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var port = new Uri(addresses.First()).Port;
        return $"{scheme}://127.0.0.1:{port}";
    }

    /// <summary>
    /// The test that started the tool holds the other end of stdin; when that process ends, even by a crash, stdin
    /// reaches its end and the tool stops, so no tool outlives its test run.
    /// </summary>
    public static void StopWhenStdinCloses(IHostApplicationLifetime lifetime)
    {
        var watcher = new Thread(() =>
        {
            try
            {
                using var stdin = Console.OpenStandardInput();
                var buffer = new byte[256];
                while (stdin.Read(buffer, 0, buffer.Length) > 0)
                {
                }
            }
            catch (IOException)
            {
            }

            Console.Error.WriteLine("stdin was closed: stopping.");
            lifetime.StopApplication();
        })
        {
            IsBackground = true,
            Name = "stdin watcher",
        };
        watcher.Start();
    }
}
