namespace BizConf.Emulator.Hosting;

/// <summary>
/// What one request's answer waits for before it is sent: the save of its own change, and of every change it could
/// have seen, so that nothing is reported that a crash could still take back. The endpoint wrappers begin one per
/// request; <see cref="EmulatorState"/> notes into it, through the request's async flow, what it handed out.
/// </summary>
internal sealed class SaveWait
{
    private static readonly AsyncLocal<SaveWait?> Current = new();

    private Task? latest;

    public static SaveWait Begin()
    {
        var wait = new SaveWait();
        Current.Value = wait;
        return wait;
    }

    /// <summary>Saves complete in order, so the latest one noted stands for all before it.</summary>
    public static void Note(Task? save)
    {
        if (save is not null && Current.Value is { } wait)
        {
            wait.latest = save;
        }
    }

    /// <summary>Null once everything noted is on disk; otherwise why it is not (the change was undone).</summary>
    public async Task<StateNotSavedException?> FailureAsync()
    {
        if (latest is null)
        {
            return null;
        }

        try
        {
            await latest.ConfigureAwait(false);
            return null;
        }
        catch (StateNotSavedException failure)
        {
            return failure;
        }
    }
}
