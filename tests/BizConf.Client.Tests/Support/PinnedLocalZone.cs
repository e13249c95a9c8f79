namespace BizConf.Client.Tests.Support;

/// <summary>
/// The tests that pin the machine's local zone: they run alone, after every other test, because the local zone
/// belongs to the whole process.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LocalZoneCollection
{
    public const string Name = "Local time zone";
}

/// <summary>
/// Makes an IANA zone the local zone of this process until disposed, through TZ as .NET reads it on Linux and
/// macOS. CI machines run in UTC, where a time left in UTC and a time converted to local time look the same, so a
/// test of the conversion must choose a zone of its own.
/// </summary>
internal sealed class PinnedLocalZone : IDisposable
{
    private readonly string? saved = Environment.GetEnvironmentVariable("TZ");

    public PinnedLocalZone(string ianaId)
    {
        Environment.SetEnvironmentVariable("TZ", ianaId);
        TimeZoneInfo.ClearCachedData();
        if (TimeZoneInfo.Local.Id != ianaId)
        {
            Dispose();
            throw new InvalidOperationException($"Could not make {ianaId} the local zone of this process: TZ sets it on Linux and macOS only.");
        }
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("TZ", saved);
        TimeZoneInfo.ClearCachedData();
    }
}
