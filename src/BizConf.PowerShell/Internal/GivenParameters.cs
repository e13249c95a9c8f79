namespace BizConf.PowerShell.Internal;

/// <summary>
/// Which parameters the current item was given: on the command line, or as a non-empty property of the piped object
/// (an empty CSV cell means "leave as it is"). PowerShell's BoundParameters keeps keys bound by earlier pipeline
/// objects, so it cannot answer this alone. An object this module wrote (a Meeting, a Webinar, ...) is a snapshot: it
/// names what to act on, and changes come from the command line only, or a stale copy would undo newer changes.
/// </summary>
internal sealed class GivenParameters(PSCmdlet cmdlet)
{
    private HashSet<string> commandLine = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Notes the parameters of the command line; from BeginProcessing, before any pipeline object binds.</summary>
    public void Begin() => commandLine = new HashSet<string>(cmdlet.MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);

    /// <param name="parameterName">The parameter.</param>
    /// <param name="pipelineObject">The current piped object, if any.</param>
    /// <param name="fromSnapshots">
    /// Whether an object of this module gives values: true for a create (a listed registrant registered again), false for
    /// a change, where it only names what to change.
    /// </param>
    public bool IsGiven(string parameterName, PSObject? pipelineObject, bool fromSnapshots = false)
    {
        if (commandLine.Contains(parameterName))
        {
            return true;
        }

        if (pipelineObject == null)
        {
            return cmdlet.MyInvocation.BoundParameters.ContainsKey(parameterName);
        }

        if (!fromSnapshots && pipelineObject.BaseObject?.GetType().Assembly == typeof(Meeting).Assembly)
        {
            return false;
        }

        var names = new List<string> { parameterName };
        if (cmdlet.MyInvocation.MyCommand.Parameters.TryGetValue(parameterName, out var metadata))
        {
            names.AddRange(metadata.Aliases);
        }

        foreach (var property in pipelineObject.Properties)
        {
            foreach (var name in names)
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    var value = property.Value is PSObject wrapped ? wrapped.BaseObject : property.Value;
                    return value != null && !(value is string text && text.Length == 0);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The given values of <paramref name="names"/> for the current item, by parameter name, as bound (a switch as a
    /// bool); the input of a resource schema's changes.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Values(IEnumerable<string> names, PSObject? pipelineObject, bool fromSnapshots = false)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            if (IsGiven(name, pipelineObject, fromSnapshots) && cmdlet.MyInvocation.BoundParameters.TryGetValue(name, out var value))
            {
                values[name] = value is SwitchParameter flag ? flag.IsPresent : value;
            }
        }

        return values;
    }
}
