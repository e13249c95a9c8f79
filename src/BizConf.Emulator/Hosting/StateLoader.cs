using System.Text.Json;
using BizConf.Emulator.Model;

namespace BizConf.Emulator.Hosting;

/// <summary>What a start found on disk: the data, and how much of the journal is sound and may be appended to.</summary>
/// <param name="Data">The state file replayed with its journal; the seed when there was no state file.</param>
/// <param name="SnapshotExists">False on a first start: the first save then writes the state file.</param>
/// <param name="EarlierFormat">The state file is a single document written by an earlier version (no journal yet).</param>
/// <param name="JournalLength">Bytes of whole lines in the journal (a torn last line after them is cut off at the first save); -1 when there is no usable journal.</param>
internal sealed record LoadedState(EmulatorData Data, bool SnapshotExists, bool EarlierFormat, long JournalLength);

/// <summary>
/// Reads the state file and replays its journal. Anything unsound (not JSON, a null where none may be, a journal
/// line out of sequence, a journal without its state file) is <see cref="InvalidDataException"/> naming the file;
/// nothing is ever written here, so a file refused is a file left as it was.
/// </summary>
internal static class StateLoader
{
    public const string JournalHeader = "{\"bizconfJournal\":1}";

    public static LoadedState Load(StateFile file)
    {
        var snapshotExists = File.Exists(file.TargetPath);
        var journalExists = File.Exists(file.JournalPath);
        if (!snapshotExists)
        {
            return journalExists
                ? throw new InvalidDataException($"The state journal '{file.JournalPath}' has no state file '{file.Path}' beside it: restore that file, or move the journal away to start afresh.")
                : new LoadedState(EmulatorData.Seed(), SnapshotExists: false, EarlierFormat: false, JournalLength: -1);
        }

        var data = ReadSnapshot(file);
        var earlier = data.FormatVersion == 1;
        if (earlier && journalExists)
        {
            throw new InvalidDataException($"The state journal '{file.JournalPath}' cannot belong to the state file '{file.Path}', which an earlier version wrote (formatVersion 1): move the journal away.");
        }

        var journalLength = journalExists ? ReplayJournal(file, data) : -1;
        if (StateRules.Problem(data) is { } problem)
        {
            var replayed = journalExists ? $" (with its journal '{file.JournalPath}')" : "";
            throw new InvalidDataException($"The state file '{file.Path}'{replayed} is not a valid emulator state: {problem}");
        }

        ReduceLinksToPaths(data);
        return new LoadedState(data, SnapshotExists: true, earlier, journalLength);
    }

    private static EmulatorData ReadSnapshot(StateFile file)
    {
        EmulatorData data;
        try
        {
            data = SnapshotReader.Read(File.ReadAllBytes(file.TargetPath));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The state file '{file.Path}' is not a valid emulator state: {DurableFile.Describe(ex)}", ex);
        }

        if (data.FormatVersion is not (1 or EmulatorData.CurrentFormat))
        {
            throw new InvalidDataException($"The state file '{file.Path}' is not a valid emulator state: formatVersion is {data.FormatVersion}; this emulator reads versions 1 and {EmulatorData.CurrentFormat}.");
        }

        return data;
    }

    /// <summary>
    /// Applies the journal's lines after the state file's last change, in sequence, and returns the length of its
    /// whole lines. A last line without its newline was being written when the process died: it was never
    /// answered, so it is left out. A header-less journal (torn while it was being made) counts as none.
    /// </summary>
    private static long ReplayJournal(StateFile file, EmulatorData data)
    {
        var bytes = File.ReadAllBytes(file.JournalPath);
        var whole = bytes.AsSpan(0, bytes.AsSpan().LastIndexOf((byte)'\n') + 1);
        var header = whole.IndexOf((byte)'\n');
        if (header < 0)
        {
            return -1;
        }

        if (!whole[..header].SequenceEqual(System.Text.Encoding.UTF8.GetBytes(JournalHeader)))
        {
            throw Unsound(file, 1, $"the first line must be {JournalHeader}.");
        }

        var replay = new JournalReplay(data);
        var expected = data.LastChange + 1;
        var rest = whole[(header + 1)..];
        for (var line = 2; !rest.IsEmpty; line++)
        {
            var end = rest.IndexOf((byte)'\n');
            var entry = Parse(file, line, rest[..end]);
            rest = rest[(end + 1)..];
            if (entry.Seq <= data.LastChange)
            {
                continue;
            }

            if (entry.Seq != expected)
            {
                throw Unsound(file, line, $"change {entry.Seq} follows change {expected - 1}; the journal does not continue its state file.");
            }

            if (replay.Apply(entry) is { } problem)
            {
                throw Unsound(file, line, problem);
            }

            data.LastChange = expected++;
        }

        return whole.Length;
    }

    private static JournalEntry Parse(StateFile file, int line, ReadOnlySpan<byte> text)
    {
        try
        {
            return JsonSerializer.Deserialize<JournalEntry>(text, DurableFile.ReadOptions)
                ?? throw Unsound(file, line, "the line is null.");
        }
        catch (JsonException ex)
        {
            throw Unsound(file, line, DurableFile.Describe(ex));
        }
    }

    private static InvalidDataException Unsound(StateFile file, int line, string problem) =>
        new($"The state journal '{file.JournalPath}' of '{file.Path}' is not valid: line {line}: {problem}");

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
