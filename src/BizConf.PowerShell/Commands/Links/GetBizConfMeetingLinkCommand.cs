namespace BizConf.PowerShell.Commands;

/// <summary>
/// Get-BizConfMeetingLink: cfcloud:// links that open the BizConf app in a meeting (docs/API.md, "Links"). Only
/// text is built, so no session is needed and nothing is sent.
/// </summary>
[Cmdlet(VerbsCommon.Get, "BizConfMeetingLink")]
[OutputType(typeof(MeetingLink))]
public sealed class GetBizConfMeetingLinkCommand : PSCmdlet
{
    /// <summary>The piped object itself; its columns are checked as it binds (see PipedRows).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get => Rows.Current; set => Rows.Take(value); }

    /// <summary>The 10-digit number of the meeting the link opens; binds from a piped meeting's MeetingNumber.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("meetingNo", "confno")]
    public string MeetingNumber { get; set; } = string.Empty;

    /// <summary>Attendee (the default) for a join link, or Host for a start link.</summary>
    [Parameter]
    public MeetingLinkRole Role { get; set; } = MeetingLinkRole.Attendee;

    /// <summary>
    /// The name shown in the meeting: the attendee's, or the host's for a host link. Binds from a DisplayName or
    /// Name column (a report participant's Name); without one, FirstName and LastName make it (a registrant).
    /// </summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    [Alias("uname", "Name")]
    public string? DisplayName { get; set; }

    /// <summary>With LastName, the name shown when no DisplayName is given: a registrant's or a CSV row's.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    [Alias("first_name", "GivenName")]
    public string? FirstName { get; set; }

    /// <summary>With FirstName, the name shown when no DisplayName is given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    [Alias("last_name", "Surname")]
    public string? LastName { get; set; }

    /// <summary>The meeting password, for a join link; left out for a meeting without one (pwd= stays empty).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    [Alias("hostKey", "pwd")]
    public string? Password { get; set; }

    /// <summary>The host's user id, which a host link needs; binds from a piped meeting's UserId.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    [Alias("uid")]
    public string? UserId { get; set; }

    /// <summary>The host's start token, which a host link needs; binds from a piped meeting's HostToken.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? HostToken { get; set; }

    private string? commandLineDisplayName;
    private PipedRows? rows;

    private PipedRows Rows => rows ??= new PipedRows(this);

    /// <summary>Notes the display name given on the command line, which a piped meeting's Name must not replace.</summary>
    protected override void BeginProcessing()
    {
        FormatViews.EnsureLoaded(this);
        commandLineDisplayName = MyInvocation.BoundParameters.ContainsKey(nameof(DisplayName)) ? DisplayName : null;
    }

    /// <summary>Builds the link of this row; no request is sent.</summary>
    protected override void ProcessRecord()
    {
        Rows.Check();
        try
        {
            // A meeting's or webinar's Name is its title, not a person's: from those only the command line names the person.
            var fromModuleObject = InputObject?.BaseObject is Meeting || InputObject?.BaseObject is Webinar;
            var displayName = fromModuleObject ? commandLineDisplayName : DisplayName;
            if (string.IsNullOrWhiteSpace(displayName))
            {
                var person = string.Join(" ", new[] { FirstName, LastName }.Where(part => !string.IsNullOrWhiteSpace(part)).Select(part => part!.Trim()));
                displayName = person.Length == 0 ? displayName : person;
            }

            WriteObject(Role == MeetingLinkRole.Host
                ? MeetingLinks.Start(MeetingNumber, UserId ?? string.Empty, HostToken ?? string.Empty, displayName)
                : MeetingLinks.Join(MeetingNumber, Password, displayName));
        }
        catch (BizConfArgumentException e)
        {
            WriteError(ErrorRecords.From(e, (object?)InputObject ?? MeetingNumber));
        }
    }

    /// <summary>Reports the piped columns that bound to nothing.</summary>
    protected override void EndProcessing() => Rows.Finish();
}
