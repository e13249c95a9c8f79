using System.Text;
using System.Text.Json;
using BizConf.Emulator.Model;

namespace BizConf.Emulator.Hosting;

/// <summary>
/// The <c>--state</c> file and its journal, <c>FILE.journal</c> beside it. The file is the whole state as one JSON
/// document as of some change; each change after it is one line appended to the journal and forced to disk
/// (<c>fsync</c>) before it is answered. Once the journal outgrows half the file (and 64 KiB), the next save
/// writes the file anew and starts an empty journal: a restart reads one document and a short journal. A path
/// that is a symbolic link is written through: the link stays, its target is the state file. Not thread-safe:
/// one <see cref="StateSaver"/> writes it, and only after <see cref="Load"/>.
/// </summary>
internal sealed class StateFile : IDisposable
{
    public const long MinCompactionBytes = 64 * 1024;

    private static readonly byte[] Header = Encoding.UTF8.GetBytes(StateLoader.JournalHeader + "\n");

    private FileStream? journal;
    private long journalLength = -1;
    private long snapshotLength;

    public StateFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        TargetPath = ResolveLink(Path);
        JournalPath = TargetPath + ".journal";
        Folder = System.IO.Path.GetDirectoryName(TargetPath)!;
        if (!Directory.Exists(Folder))
        {
            throw new ArgumentException($"The folder of the state file '{Path}' does not exist: '{Folder}'. Create it, or name a file in a folder that exists.");
        }
    }

    /// <summary>The path as named on the command line (made absolute).</summary>
    public string Path { get; }

    /// <summary>The file really written: <see cref="Path"/>, or the final target when that is a symbolic link.</summary>
    public string TargetPath { get; }

    public string JournalPath { get; }

    public string Folder { get; }

    /// <summary>True when the next save must write the whole state: first save, a journal grown big, or one that failed.</summary>
    public bool NeedsSnapshot { get; set; } = true;

    public LoadedState Load()
    {
        var loaded = StateLoader.Load(this);
        journalLength = loaded.JournalLength;
        snapshotLength = loaded.SnapshotExists ? new FileInfo(TargetPath).Length : 0;
        NeedsSnapshot = !loaded.SnapshotExists || loaded.EarlierFormat;
        if (loaded.SnapshotExists)
        {
            DurableFile.TightenMode(TargetPath);
            DurableFile.TightenMode(JournalPath);
        }

        return loaded;
    }

    /// <summary>The whole document as the state file holds it.</summary>
    public static byte[] Serialize(EmulatorData data) => JsonSerializer.SerializeToUtf8Bytes(data, DurableFile.JsonOptions);

    /// <summary>
    /// Writes the whole state, then an empty journal (or, at a clean stop, none: the state file alone holds
    /// everything). Once the state file is in place every change it holds is saved, even if the journal cannot be
    /// made afresh: then the next save writes the whole state again.
    /// </summary>
    public void WriteSnapshot(byte[] document, bool startJournal)
    {
        CloseJournal();
        NeedsSnapshot = true;
        DurableFile.Replace(TargetPath, document);
        snapshotLength = document.Length;
        journalLength = -1;
        try
        {
            if (startJournal)
            {
                DurableFile.Replace(JournalPath, Header);
                journalLength = Header.Length;
                NeedsSnapshot = false;
            }
            else
            {
                File.Delete(JournalPath);
                FolderSync.Flush(Folder);
            }
        }
        catch (Exception ex) when (SaveFailure.IsSaveFailure(ex))
        {
            // The state file holds it all; the journal is made afresh by the next save.
        }
    }

    /// <summary>Appends whole journal lines and forces them to disk; throws when they may not be there.</summary>
    public void Append(ReadOnlySpan<byte> lines)
    {
        try
        {
            var stream = OpenJournal();
            stream.Write(lines);
            stream.Flush(flushToDisk: true);
            journalLength += lines.Length;
            CheckStillInPlace();
        }
        catch
        {
            CloseJournal();
            NeedsSnapshot = true;
            throw;
        }

        if (journalLength > Math.Max(MinCompactionBytes, snapshotLength / 2))
        {
            NeedsSnapshot = true;
        }
    }

    public void Dispose() => CloseJournal();

    private FileStream OpenJournal()
    {
        if (journal is not null)
        {
            return journal;
        }

        if (journalLength < 0 || !File.Exists(JournalPath))
        {
            DurableFile.Replace(JournalPath, Header);
            journalLength = Header.Length;
        }

        var stream = new FileStream(JournalPath, DurableFile.CreateOptions(FileMode.Open));
        if (stream.Length != journalLength)
        {
            // A torn last line from a run that died while writing it: never answered, so cut off.
            stream.SetLength(journalLength);
            stream.Flush(flushToDisk: true);
        }

        stream.Seek(0, SeekOrigin.End);
        journal = stream;
        return stream;
    }

    /// <summary>
    /// An fsync succeeds on a file that was deleted (its folder removed) while it was open, and saves nothing a
    /// restart would find: so after each one the files must still be where a restart looks for them.
    /// </summary>
    private void CheckStillInPlace()
    {
        var onDisk = new FileInfo(JournalPath);
        if (!onDisk.Exists || onDisk.Length != journalLength || !File.Exists(TargetPath))
        {
            throw new StateFileGoneException($"the state file '{Path}' or its journal was deleted, moved or replaced while the emulator ran");
        }
    }

    private void CloseJournal()
    {
        var stream = journal;
        journal = null;
        try
        {
            stream?.Dispose();
        }
        catch (Exception ex) when (SaveFailure.IsSaveFailure(ex))
        {
            // Closing after a failed write can fail again; the handle is released either way.
        }
    }

    /// <summary>The final target of a symbolic link (relative targets resolved from the link's folder), or the path itself.</summary>
    private static string ResolveLink(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is null)
        {
            return path;
        }

        try
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true)!;
            if (target is DirectoryInfo || Directory.Exists(target.FullName))
            {
                throw new ArgumentException($"The state file '{path}' is a link to the folder '{target.FullName}'; name a file.");
            }

            return target.FullName;
        }
        catch (IOException ex)
        {
            throw new ArgumentException($"The state file '{path}' is a symbolic link that cannot be followed: {ex.Message}", ex);
        }
    }
}

/// <summary>The state file or its journal is no longer where it was written: the save did not last.</summary>
internal sealed class StateFileGoneException : IOException
{
    public StateFileGoneException(string message)
        : base(message)
    {
    }
}
