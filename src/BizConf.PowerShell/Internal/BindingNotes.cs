namespace BizConf.PowerShell.Internal;

/// <summary>
/// A warning an argument transformation has for the value it made. A transformation cannot write to the command's
/// streams (it is given no command), so it leaves the note here, on the pipeline thread that binds, and the
/// parameter's setter, which PowerShell calls next on the same thread with the same value, takes it: the value
/// must be the one noted, so a note whose value never reached a setter (its validation failed) is never handed on.
/// </summary>
internal static class BindingNotes
{
    [ThreadStatic]
    private static Note? last;

    public static void Leave(object value, string text) => last = new Note(value, text);

    /// <summary>The note left for <paramref name="value"/>, once; null when there is none.</summary>
    public static string? Take(object? value)
    {
        var note = last;
        last = null;
        return note != null && Equals(note.Value, value) ? note.Text : null;
    }

    /// <summary>
    /// For a setter: <paramref name="value"/> as given, with the note left for it written as a warning of the command
    /// ("StartTime 2031-03-09 02:30 does not exist ..."), in its turn on the pipeline thread.
    /// </summary>
    public static T Warned<T>(CommandOutput output, string parameter, T value)
    {
        if (Take(value) is { } text)
        {
            output.Warning(parameter + " " + text);
        }

        return value;
    }

    private sealed record Note(object Value, string Text);
}
