using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BizConf.Emulator.Model;

namespace BizConf.Emulator.Hosting;

/// <summary>
/// The <c>--state</c> file. A save writes a temporary file in the same folder, forces it to disk and renames it
/// over the old one, so a reader (or a restart after kill -9) sees either the old document or the new one whole.
/// </summary>
public sealed class StateFile
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public StateFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    /// <summary>The saved document, or null when the file does not exist yet.</summary>
    public EmulatorData? Load()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            var data = JsonSerializer.Deserialize<EmulatorData>(File.ReadAllBytes(Path), JsonOptions)
                ?? throw new InvalidDataException($"The state file '{Path}' holds no document.");
            ReduceLinksToPaths(data);
            return data;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The state file '{Path}' is not a valid emulator state: {ex.Message}", ex);
        }
    }

    public void Save(EmulatorData data)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(data, JsonOptions);
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// Earlier versions stored links whole, with the address of the run that made them; only their path is kept
    /// now, so such a file still loads and hands out links on the current address.
    /// </summary>
    private static void ReduceLinksToPaths(EmulatorData data)
    {
        foreach (var meeting in data.Meetings)
        {
            meeting.JoinUrl = LinkPath.Of(meeting.JoinUrl);
            meeting.StartUrl = LinkPath.Of(meeting.StartUrl);
            meeting.HostStartUrl = LinkPath.Of(meeting.HostStartUrl);
            foreach (var registrant in meeting.Registrants)
            {
                registrant.JoinUrl = LinkPath.Of(registrant.JoinUrl);
            }
        }

        foreach (var webinar in data.Webinars)
        {
            webinar.JoinUrl = LinkPath.Of(webinar.JoinUrl);
            webinar.StartUrl = LinkPath.Of(webinar.StartUrl);
        }
    }
}
