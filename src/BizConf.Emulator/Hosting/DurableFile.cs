using System.Text.Encodings.Web;
using System.Text.Json;
using System.Collections;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BizConf.Emulator.Model;

namespace BizConf.Emulator.Hosting;

/// <summary>
/// What the state file and its journal share: one JSON shape, files only their owner may read (they hold site keys
/// and spent tokens), and whole-file replacement that a crash or a power cut cannot leave half done.
/// </summary>
internal static class DurableFile
{
    /// <summary>
    /// Metadata made at build time (<see cref="StateJsonContext"/>), not by reflection at start-up: a restart reads
    /// a document of 100,000 meetings in a fresh process, where reflection would cost most of the time. Empty lists
    /// are left out (a meeting's four are mostly empty): they read back as the empty lists the model starts with.
    /// </summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = StateJsonContext.Default.WithAddedModifier(LeaveOutEmptyLists),
    };

    /// <summary>Reading refuses a null where the model has none (<c>{"meetings":null}</c>) instead of taking it in.</summary>
    public static readonly JsonSerializerOptions ReadOptions = new(JsonOptions) { RespectNullableAnnotations = true };

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Puts <paramref name="content"/> at <paramref name="path"/> whole: a temporary file in the same folder (0600
    /// from the start), forced to disk, renamed over the old file, and the folder forced to disk too, so that a
    /// reader or a restart sees the old file or the new one, never a mix.
    /// </summary>
    public static void Replace(string path, ReadOnlySpan<byte> content)
    {
        var folder = Path.GetDirectoryName(path)!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, CreateOptions(FileMode.CreateNew)))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            FolderSync.Flush(folder);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>Owner read and write only, set as the file is made, so it is never readable by others for a moment.</summary>
    public static FileStreamOptions CreateOptions(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows() && mode != FileMode.Open)
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return options;
    }

    /// <summary>Takes away the rights of others from a file written before this version, or by hand.</summary>
    public static void TightenMode(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path) && File.GetUnixFileMode(path) != OwnerOnly)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }

    /// <summary>
    /// The reader's first sentence and where it stopped, without the advice to developers it goes on with
    /// ("Consider updating its nullability annotation").
    /// </summary>
    public static string Describe(JsonException ex)
    {
        var sentence = ex.Message.Split(". ", 2)[0].TrimEnd('.');
        var line = ex.LineNumber is { } number ? $", line {number + 1}" : "";
        return ex.Path is null ? sentence + "." : $"{sentence} (at {ex.Path}{line}).";
    }

    private static void LeaveOutEmptyLists(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (typeof(ICollection).IsAssignableFrom(property.PropertyType))
            {
                property.ShouldSerialize = static (_, value) => value is ICollection { Count: > 0 };
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The folder itself is gone or shut: there is no temporary file left to remove.
        }
    }
}

/// <summary>The types the state file and its journal hold, for <see cref="DurableFile.JsonOptions"/>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(EmulatorData))]
[JsonSerializable(typeof(JournalEntry))]
[JsonSerializable(typeof(Meeting))]
[JsonSerializable(typeof(Webinar))]
[JsonSerializable(typeof(Site))]
[JsonSerializable(typeof(Account))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
