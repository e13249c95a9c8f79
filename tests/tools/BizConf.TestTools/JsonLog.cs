using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace BizConf.TestTools;

/// <summary>
/// The <c>--log</c> file: one JSON object a line, each written whole and flushed to the file at once, so a test
/// reading the file while the tool runs sees complete lines. The tools write a request's line before they answer it,
/// so a client that has its answer finds the line already there. Without <c>--log</c> nothing is written.
/// </summary>
internal sealed class JsonLog : IDisposable
{
    private readonly object gate = new();
    private readonly StreamWriter? writer;

    public JsonLog(string? path)
    {
        if (path is null)
        {
            return;
        }

        // No buffer of its own: every line reaches the file when it is written. Readers may open it meanwhile.
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 0);
        writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
    }

    public static string Stamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes the entry as one line, after a first key <c>time</c>: the moment of writing.</summary>
    public void Write(JsonObject entry)
    {
        if (writer is null)
        {
            return;
        }

        var line = new JsonObject { ["time"] = Stamp(DateTimeOffset.UtcNow) };
        foreach (var (key, value) in entry.ToList())
        {
            entry.Remove(key);
            line[key] = value;
        }

        var text = line.ToJsonString();
        lock (gate)
        {
            writer.WriteLine(text);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            writer?.Dispose();
        }
    }
}
