namespace BizConf.Emulator.Tests.Support;

/// <summary>What a <c>--state</c> emulator has on disk: the state file and its journal (<c>FILE.journal</c>).</summary>
public static class StateOnDisk
{
    public static string JournalOf(string statePath) => statePath + ".journal";

    /// <summary>The state file's text followed by its journal's (either may be missing).</summary>
    public static string Text(string statePath) => ReadIfThere(statePath) + ReadIfThere(JournalOf(statePath));

    /// <summary>
    /// The two files copied as they are at this moment into <paramref name="folder"/>: what a kill -9 right now
    /// would leave behind, for a second emulator to start on while the first goes on.
    /// </summary>
    public static string CrashCopy(string statePath, TempFolder folder)
    {
        var copy = folder.File($"crash-{Guid.NewGuid():N}.json");
        if (File.Exists(statePath))
        {
            File.Copy(statePath, copy);
        }

        if (File.Exists(JournalOf(statePath)))
        {
            File.Copy(JournalOf(statePath), JournalOf(copy));
        }

        return copy;
    }

    private static string ReadIfThere(string path) => File.Exists(path) ? File.ReadAllText(path) : "";
}
