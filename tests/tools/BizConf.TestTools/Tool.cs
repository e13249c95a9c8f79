using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace BizConf.TestTools;

/// <summary>One subcommand: how its port is set up and how it answers.</summary>
internal abstract class Tool
{
    protected Tool(JsonLog log)
    {
        Log = log;
    }

    /// <summary>The scheme of the ready line's URL.</summary>
    public virtual string Scheme => Uri.UriSchemeHttp;

    protected JsonLog Log { get; }

    /// <summary>Cancelled when the tool is told to stop, so that held requests and open tunnels end at once.</summary>
    protected CancellationToken Stopping { get; private set; }

    /// <summary>Kestrel's settings for the one port, before it starts.</summary>
    public virtual void ConfigureListen(ListenOptions listen)
    {
    }

    public void Attach(WebApplication app)
    {
        Stopping = app.Lifetime.ApplicationStopping;
        Map(app);
    }

    protected abstract void Map(WebApplication app);
}

/// <summary>A tool that answers HTTP requests through Kestrel, one handler for every request.</summary>
internal abstract class HttpTool : Tool
{
    protected HttpTool(JsonLog log)
        : base(log)
    {
    }

    protected override void Map(WebApplication app) => app.Run(HandleAsync);

    protected abstract Task HandleAsync(HttpContext context);
}
