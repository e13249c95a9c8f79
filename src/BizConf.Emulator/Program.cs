using BizConf.Emulator.Hosting;

namespace BizConf.Emulator;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        WebApplication app;
        try
        {
            app = EmulatorApp.Build(args);
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
                // Typically the port is taken.
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }

            var address = app.Services.GetRequiredService<ServerInfo>().BaseAddress;
            await Console.Out.WriteLineAsync($"BizConf emulator listening on {address}");
            await Console.Out.FlushAsync();
            await app.WaitForShutdownAsync();
        }

        return 0;
    }
}
