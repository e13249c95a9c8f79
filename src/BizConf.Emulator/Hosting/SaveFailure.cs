namespace BizConf.Emulator.Hosting;

/// <summary>A change that could not be saved, and so was undone: the request that made it is answered as failed.</summary>
internal sealed class StateNotSavedException : Exception
{
    public StateNotSavedException(string reason, Exception inner)
        : base($"The state could not be saved: {reason}.", inner)
    {
        Reason = reason;
    }

    public string Reason { get; }
}

/// <summary>
/// Says in words why a save failed, and tells stderr once per kind of failure (a vanished folder, a full disk,
/// refused access ...) rather than once per refused request; when saving works again it says so, and a later
/// failure of the same kind is told again.
/// </summary>
internal sealed class SaveFailure(StateFile file, TextWriter errors)
{
    private const int NoSpaceOnUnix = 28;
    private const int DiskFullOnWindows = unchecked((int)0x80070070);

    private readonly object gate = new();
    private readonly HashSet<string> told = new(StringComparer.Ordinal);

    /// <summary>The exceptions a save can meet from the file system; anything else is a bug and goes up.</summary>
    public static bool IsSaveFailure(Exception ex) => ex is IOException or UnauthorizedAccessException;

    /// <summary>The failure as the exception callers see, told on stderr if its kind is new.</summary>
    public StateNotSavedException Report(Exception ex)
    {
        var (kind, reason) = Classify(ex);
        bool tell;
        lock (gate)
        {
            tell = told.Add(kind);
        }

        if (tell)
        {
            errors.WriteLine($"BizConf emulator: the state could not be saved to '{file.Path}': {reason}. Changes are undone and answered as failed (status 103) until saving works again.");
            errors.Flush();
        }

        return new StateNotSavedException(reason, ex);
    }

    /// <summary>A save succeeded: if saves had been failing, say that they work again.</summary>
    public void Saved()
    {
        lock (gate)
        {
            if (told.Count == 0)
            {
                return;
            }

            told.Clear();
        }

        errors.WriteLine($"BizConf emulator: the state is saved to '{file.Path}' again.");
        errors.Flush();
    }

    private (string Kind, string Reason) Classify(Exception ex)
    {
        if (!Directory.Exists(file.Folder))
        {
            return ("folder", $"its folder '{file.Folder}' no longer exists");
        }

        return ex switch
        {
            StateFileGoneException gone => ("gone", gone.Message),
            UnauthorizedAccessException => ("access", $"access to '{file.Folder}' is denied"),
            IOException io when io.HResult is NoSpaceOnUnix or DiskFullOnWindows => ("full", "the disk is full"),
            _ => ($"{ex.GetType().Name}:{ex.HResult}", ex.Message.TrimEnd('.')),
        };
    }
}
