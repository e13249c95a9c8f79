namespace BizConf.Emulator.Hosting;

/// <summary>The address the emulator really listens on (the bound port when port 0 was asked), once started.</summary>
internal sealed class ServerInfo
{
    private string? baseAddress;

    public string BaseAddress =>
        baseAddress ?? throw new InvalidOperationException("The emulator has not started listening yet.");

    public void Resolve(IEnumerable<string> boundAddresses)
    {
        var addresses = boundAddresses.ToList();
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The emulator is not bound to any address.");
        baseAddress = chosen.TrimEnd('/');
    }

    /// <summary>A stored link (see <see cref="LinkPath"/>) as handed out now: on this run's address.</summary>
    public string Absolute(string path) => BaseAddress + path;
}
