using BizConf.Emulator.Hosting;

namespace BizConf.Emulator;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        WebApplication app;
        EmulatorOptions options;
        try
        {
            options = EmulatorOptions.Parse(args);
            app = EmulatorApp.Build(options);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync();
            }
            catch (IOException ex)
            {
                await Console.Error.WriteLineAsync(CannotListen(options.Urls, ex));
                return 2;
            }

            var address = app.Services.GetRequiredService<ServerInfo>().BaseAddress;
            await Console.Out.WriteLineAsync($"BizConf emulator listening on {address}");
            await Console.Out.FlushAsync();
            await app.WaitForShutdownAsync();
        }

        return 0;
    }

    /// <summary>
    /// One line for a start that could not bind: the address (the one Kestrel names, of those asked for), why,
    /// and what to do instead.
    /// </summary>
    private static string CannotListen(string urls, IOException ex)
    {
        var asked = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var address = asked.FirstOrDefault(url => ex.Message.Contains(url, StringComparison.OrdinalIgnoreCase)) ?? string.Join(", ", asked);
        var inUse = ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException
            || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase);
        var why = inUse ? "the address is already in use" : (ex.InnerException ?? ex).Message.TrimEnd('.');
        return $"Cannot listen on {address}: {why}. Choose another with --urls (for example --urls http://127.0.0.1:0 for any free port).";
    }
}
