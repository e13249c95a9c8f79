namespace BizConf.PowerShell.Internal;

/// <summary>
/// The rows a cmdlet takes from the pipeline (Import-Csv, Select-Object, [pscustomobject]), seen through its hidden
/// InputObject parameter, which binds before any other: PowerShell binds a piped object to a ValueFromPipeline
/// parameter of its own type first, and only then by property name. Two things are caught there.
/// <para>
/// A property the cmdlet does not read (a misspelled column): one warning per run names each such property and the
/// parameter it probably meant, so a "Pasword" column does not silently make meetings without a password.
/// </para>
/// <para>
/// A file read with the wrong delimiter (Excel saves CSV with ';' in many European cultures): every row then has one
/// column whose name holds the real delimiter. PowerShell turns whatever a command throws while a row binds into an
/// error of that row and goes on with the next, so refusing the row there would write one error per row. Instead the
/// row is unfolded on its delimiter (the properties it was meant to have are added to it), so that it binds and the
/// command gets control; <see cref="Check"/> then ends the command with one terminating error saying how to read the
/// file, before anything is sent, and takes the added properties off the rows again.
/// </para>
/// </summary>
internal sealed class PipedRows(PSCmdlet cmdlet)
{
    private static readonly char[] Delimiters = { ';', '\t', ',' };

    private readonly HashSet<string> reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> unused = new List<string>();
    private readonly List<(PSObject Row, List<string> Added)> unfolded = new List<(PSObject, List<string>)>();
    private InputNames? names;
    private (PSObject Row, string Column, char Delimiter)? misread;
    private bool misreadTold;
    private bool accepted;

    /// <summary>The object bound to InputObject for the current row.</summary>
    public PSObject? Current { get; private set; }

    /// <summary>The properties of rows this command reads; known once the command is.</summary>
    public InputNames Names => names ??= new InputNames(cmdlet.MyInvocation.MyCommand);

    /// <summary>The InputObject setter: each piped object as it binds, and null when PowerShell resets the parameter between rows.</summary>
    public void Take(PSObject? row)
    {
        Current = row;
        if (row == null || !(row.BaseObject is PSCustomObject))
        {
            return;
        }

        var properties = row.Properties.ToList();
        if (properties.Count == 1 && Delimiter(properties[0].Name) is char delimiter)
        {
            Misread(row, properties[0], delimiter);
            return;
        }

        foreach (var property in properties)
        {
            if (!Names.IsExpected(property.Name) && reported.Add(property.Name))
            {
                unused.Add(Names.Describe(property.Name));
            }
        }
    }

    /// <summary>
    /// First thing in ProcessRecord: writes what the rows so far did not use, and ends the command when its input was
    /// read with the wrong delimiter.
    /// </summary>
    public void Check()
    {
        RefuseMisread();
        accepted = true;
        WriteUnused();
    }

    /// <summary>In EndProcessing: what no row reached ProcessRecord to tell.</summary>
    public void Finish()
    {
        RefuseMisread();
        WriteUnused();
    }

    private void Misread(PSObject row, PSPropertyInfo column, char delimiter)
    {
        if (accepted)
        {
            // Rows before it were sent already: it fails as PowerShell fails a row it cannot bind, and the reason is told once.
            if (!misreadTold)
            {
                misreadTold = true;
                unused.Add(Advice(column.Name, delimiter).Replace(" Nothing was sent.", string.Empty));
            }

            return;
        }

        misread ??= (row, column.Name, delimiter);
        var headers = column.Name.Split(delimiter);
        var cells = (LanguagePrimitives.ConvertTo<string>(column.Value) ?? string.Empty).Split(delimiter);
        var added = new List<string>();
        for (var i = 0; i < headers.Length && i < cells.Length; i++)
        {
            var header = headers[i].Trim().Trim('"');
            if (header.Length > 0 && Names.Reads(header) && row.Properties[header] == null)
            {
                row.Properties.Add(new PSNoteProperty(header, cells[i].Trim().Trim('"')));
                added.Add(header);
            }
        }

        unfolded.Add((row, added));
    }

    private void RefuseMisread()
    {
        if (misread is not { } first || accepted)
        {
            return;
        }

        foreach (var (row, added) in unfolded)
        {
            foreach (var name in added)
            {
                row.Properties.Remove(name);
            }
        }

        unfolded.Clear();
        misread = null;
        var message = Advice(first.Column, first.Delimiter);
        cmdlet.ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message), "CsvDelimiterMismatch", ErrorCategory.InvalidData, first.Row));
    }

    private void WriteUnused()
    {
        if (unused.Count == 0)
        {
            return;
        }

        var command = cmdlet.MyInvocation.MyCommand.Name;
        var text = unused.Count == 1
            ? $"{command} does not use the input property {unused[0]}: its values were not sent."
            : $"{command} does not use the input properties {string.Join(", ", unused)}: their values were not sent.";
        unused.Clear();
        cmdlet.WriteWarning(text + $" It reads the properties named like its parameters or their aliases (Get-Help {command} -Parameter *).");
    }

    /// <summary>The delimiter a one-column header shows the file was written with, or null for a real single column.</summary>
    private static char? Delimiter(string header)
    {
        var counts = Delimiters.Select(c => (Char: c, Count: header.Count(h => h == c))).Where(c => c.Count > 0).ToList();
        return counts.Count == 0 ? (char?)null : counts.OrderByDescending(c => c.Count).First().Char;
    }

    private static string Advice(string column, char delimiter)
    {
        var shown = column.Replace("\t", "`t");
        var (named, fix) = delimiter switch
        {
            ';' => ("';' (as Excel saves CSV files where the list separator is ';')",
                "Read it with Import-Csv -Delimiter ';' (or Import-Csv -UseCulture on a computer whose list separator is ';')"),
            '\t' => ("tabs", "Read it with Import-Csv -Delimiter \"`t\""),
            _ => ("',' but was read with another delimiter", "Read it with Import-Csv without -Delimiter (a comma is its default)"),
        };
        return $"The input has a single column named '{shown}': its file separates columns with {named}. {fix}. Nothing was sent.";
    }
}
