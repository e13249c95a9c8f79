using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BizConf.Emulator.Model;

namespace BizConf.Emulator.Hosting;

/// <summary>
/// The <c>--state</c> file. A save writes a temporary file in the same folder, forces it to disk, renames it over
/// the old one and forces the folder to disk too, so a reader (or a restart after kill -9 or a power cut) sees
/// either the old document or the new one whole. The file holds site keys and spent tokens, so only its owner
/// may read it (mode 0600 on Unix).
/// </summary>
public sealed class StateFile
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Reading refuses a null where the model has none (<c>{"meetings":null}</c>) instead of taking it in.</summary>
    private static readonly JsonSerializerOptions ReadOptions = new(JsonOptions) { RespectNullableAnnotations = true };

    public StateFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    /// <summary>
    /// The saved document, or null when the file does not exist yet. A file that is not a sound document is
    /// <see cref="InvalidDataException"/> naming the file and the fault; it is never changed.
    /// </summary>
    public EmulatorData? Load()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            var data = JsonSerializer.Deserialize<EmulatorData>(File.ReadAllBytes(Path), ReadOptions)
                ?? throw new InvalidDataException($"The state file '{Path}' holds no document.");
            if (StateRules.Problem(data) is { } problem)
            {
                throw new InvalidDataException($"The state file '{Path}' is not a valid emulator state: {problem}");
            }

            ReduceLinksToPaths(data);
            return data;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The state file '{Path}' is not a valid emulator state: {Describe(ex)}", ex);
        }
    }

    public void Save(EmulatorData data)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(data, JsonOptions);
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, CreateOptions()))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
            FolderSync.Flush(folder);
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
    /// The reader's first sentence and where it stopped, without the advice to developers it goes on with
    /// ("Consider updating its nullability annotation").
    /// </summary>
    private static string Describe(JsonException ex)
    {
        var sentence = ex.Message.Split(". ", 2)[0].TrimEnd('.');
        var line = ex.LineNumber is { } number ? $", line {number + 1}" : "";
        return ex.Path is null ? sentence + "." : $"{sentence} (at {ex.Path}{line}).";
    }

    /// <summary>Owner read and write only, set as the file is made, so it is never readable by others for a moment.</summary>
    private static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
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
