namespace BizConf.TestTools;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        ToolOptions options;
        JsonLog log;
        try
        {
            options = ToolOptions.Parse(args);
            log = new JsonLog(options.LogPath);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message + Environment.NewLine + ToolOptions.Usage);
            return 2;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"--log: the file cannot be written: {ex.Message}");
            return 2;
        }

        using (log)
        {
            Tool tool = options.Tool switch
            {
                "proxy" => new Proxy.ForwardProxy(options, log),
                "gateway" => new Gateway(options, log),
                "redirect" => new Redirect(options, log),
                "sink" => new Sink(log),
                _ => new TlsServer(options, log),
            };
            await using var app = ToolHost.Build(options.Port, tool);
            try
            {
                await app.StartAsync();
            }
            catch (IOException ex)
            {
                // Typically the port is taken.
                await Console.Error.WriteLineAsync($"{options.Tool}: cannot listen on port {options.Port}: {ex.Message}");
                return 2;
            }

            await Console.Out.WriteLineAsync($"BizConf test tool {options.Tool} listening on {ToolHost.ListeningUrl(app, tool.Scheme)}");
            await Console.Out.FlushAsync();
            ToolHost.StopWhenStdinCloses(app.Lifetime);
            await app.WaitForShutdownAsync();
        }

        return 0;
    }
}
