namespace BizConf.PowerShell.Internal;

/// <summary>
/// The property names one cmdlet reads from piped rows (the names and aliases of its parameters that bind by
/// property name), and for a name it does not read, the parameter it probably meant. Names that objects of this module
/// carry (an exported meeting read back with Import-Csv) and names PowerShell adds (PSComputerName, ...) are expected
/// in input, so they are never reported.
/// </summary>
internal sealed class InputNames
{
    private static readonly HashSet<string> PowerShellNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "PSComputerName", "PSShowComputerName", "PSSourceJobInstanceId", "RunspaceId", "PSPath", "PSParentPath",
        "PSChildName", "PSDrive", "PSProvider", "PSIsContainer", "ReadCount",
    };

    private static readonly HashSet<string> CommonNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
        "UseTransaction",
    };

    private static readonly Lazy<HashSet<string>> ModuleNames = new Lazy<HashSet<string>>(() => new HashSet<string>(
        new[]
        {
            typeof(Meeting), typeof(Webinar), typeof(Registrant), typeof(MeetingReport), typeof(Participant), typeof(Attendee),
            typeof(PollAnswer), typeof(MeetingLink), typeof(MeetingRequest), typeof(WebinarRequest), typeof(RegistrantRequest),
            typeof(BizConfSession),
        }.SelectMany(type => type.GetProperties()).Select(property => property.Name),
        StringComparer.OrdinalIgnoreCase));

    // Column name (or alias) -> the parameter it binds to, for the parameters that bind by property name.
    private readonly Dictionary<string, string> read = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    // The other parameters a user could name in a column, which are given on the command line only.
    private readonly HashSet<string> commandLineOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public InputNames(CommandInfo command)
    {
        foreach (var parameter in command.Parameters.Values)
        {
            if (CommonNames.Contains(parameter.Name) || parameter.Name == "InputObject")
            {
                continue;
            }

            if (parameter.ParameterSets.Values.Any(set => set.ValueFromPipelineByPropertyName))
            {
                read[parameter.Name] = parameter.Name;
                foreach (var alias in parameter.Aliases)
                {
                    read[alias] = parameter.Name;
                }
            }
            else
            {
                commandLineOnly.Add(parameter.Name);
            }
        }
    }

    /// <summary>Whether a property of this name in a row is read, or expected there without being read.</summary>
    public bool IsExpected(string name) =>
        read.ContainsKey(name) || ModuleNames.Value.Contains(name) || PowerShellNames.Contains(name);

    /// <summary>Whether some parameter binds from a property of this name.</summary>
    public bool Reads(string name) => read.ContainsKey(name);

    /// <summary>"'Pasword' (did you mean Password?)": the name, and the parameter it probably meant, if one is near.</summary>
    public string Describe(string name)
    {
        if (commandLineOnly.Contains(name))
        {
            return $"'{name}' (a parameter given on the command line only)";
        }

        var limit = Math.Max(1, Math.Min(3, name.Length / 3));
        var best = read.Keys.Concat(commandLineOnly)
            .Select(candidate => (Candidate: candidate, Distance: Distance(name, candidate)))
            .Where(pair => pair.Distance <= limit)
            .OrderBy(pair => pair.Distance)
            .ThenBy(pair => pair.Candidate, StringComparer.OrdinalIgnoreCase)
            .Select(pair => pair.Candidate)
            .FirstOrDefault();
        if (best == null)
        {
            return $"'{name}'";
        }

        if (commandLineOnly.Contains(best))
        {
            return $"'{name}' (did you mean {best}? It is given on the command line only)";
        }

        var parameter = read[best];
        return string.Equals(best, parameter, StringComparison.OrdinalIgnoreCase)
            ? $"'{name}' (did you mean {parameter}?)"
            : $"'{name}' (did you mean {best}, an alias of {parameter}?)";
    }

    /// <summary>
    /// Edit distance ignoring case, spaces, underscores and hyphens, with a swap of two neighbours as one edit
    /// ("Emial" is one edit from "Email", "Start_Time" none from "StartTime").
    /// </summary>
    internal static int Distance(string a, string b)
    {
        var x = Plain(a);
        var y = Plain(b);
        var rows = new int[x.Length + 1, y.Length + 1];
        for (var i = 0; i <= x.Length; i++)
        {
            rows[i, 0] = i;
        }

        for (var j = 0; j <= y.Length; j++)
        {
            rows[0, j] = j;
        }

        for (var i = 1; i <= x.Length; i++)
        {
            for (var j = 1; j <= y.Length; j++)
            {
                var cost = x[i - 1] == y[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(rows[i - 1, j] + 1, rows[i, j - 1] + 1), rows[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
                {
                    best = Math.Min(best, rows[i - 2, j - 2] + 1);
                }

                rows[i, j] = best;
            }
        }

        return rows[x.Length, y.Length];
    }

    private static string Plain(string name) =>
        new string(name.Where(c => c != ' ' && c != '_' && c != '-').Select(char.ToUpperInvariant).ToArray());
}
