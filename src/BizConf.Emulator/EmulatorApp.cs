using BizConf.Emulator.Api;
using BizConf.Emulator.Endpoints;
using BizConf.Emulator.Hosting;

namespace BizConf.Emulator;

/// <summary>Builds the emulator's web application; <see cref="Program"/> runs it, tests host it in-process.</summary>
internal static class EmulatorApp
{
    public static WebApplication Build(string[] args, TimeProvider? clock = null) =>
        Build(EmulatorOptions.Parse(args), clock);

    private static readonly string[] HostArgs = ["--hostBuilder:reloadConfigOnChange=false"];

    public static WebApplication Build(EmulatorOptions options, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // Our own switches are parsed above; the host gets none of them, and no config file watchers.
            Args = HostArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);

        // stdout carries only the ready line; anything the host has to say goes to stderr, and only warnings.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // A failed start (a port in use) is told by Program in one line; the host would add its stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        var time = clock ?? TimeProvider.System;
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(time);
        var replay = new ReplayGuard(keepsUnsaved: options.StatePath is not null);
        var state = new EmulatorState(time, options.StatePath is null ? null : new StateFile(options.StatePath), replay);
        builder.Services.AddSingleton(replay);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton<ServerInfo>();
        builder.Services.AddSingleton<Auth>();
        builder.Services.AddSingleton<Faults>();
        builder.Services.AddSingleton<RateLimiter>();
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.AddSingleton<OpenApiPipeline>();
        AdminGuard.CaptureConnectionFirst(builder.Services);

        var app = builder.Build();
        var server = app.Services.GetRequiredService<ServerInfo>();
        app.Lifetime.ApplicationStarted.Register(() => server.Resolve(app.Urls));

        // Stopped, not Stopping: requests still being answered may spend tokens until the server has drained.
        app.Lifetime.ApplicationStopped.Register(state.SaveOnStop);

        var pipeline = app.Services.GetRequiredService<OpenApiPipeline>();
        app.UseRouting();
        app.Use(next => context => AdminGuard.InvokeAsync(context, next));
        app.Use(next => context => pipeline.InvokeAsync(context, next));

        MeetingEndpoints.Map(app);
        AccountEndpoints.Map(app);
        AdminEndpoints.Map(app);
        FaultEndpoints.Map(app);
        LinkEndpoints.Map(app);
        WebinarEndpoints.Map(app);
        RegistrationEndpoints.Map(app);
        ReportEndpoints.Map(app);
        SimulateEndpoint.Map(app);
        return app;
    }
}
