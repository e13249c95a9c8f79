namespace BizConf.PowerShell.Commands;

/// <summary>
/// Get-BizConfMeeting: meetings by id (getConf), or the meetings of one or more accounts (listConf), each account's
/// listing walked by start time so that a Remove or Set downstream cannot make it skip one (see MeetingWalk).
/// </summary>
[Cmdlet(VerbsCommon.Get, "BizConfMeeting", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(Meeting))]
public sealed class GetBizConfMeetingCommand : BizConfCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";

    private ItemEngine items = null!;
    private bool listed;

    /// <summary>The piped object itself: a row's error names it, and its columns are checked as it binds (see PipedRows).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get => Rows.Current; set => Rows.Take(value); }

    /// <summary>The ids of the meetings to read (a meeting's Id, the API's confId); binds from piped numbers or an Id, confId or MeetingId property.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [Alias("confId", "MeetingId")]
    [ArgumentCompleter(typeof(MeetingIdCompleter))]
    public long[] Id { get; set; } = Array.Empty<long>();

    // Named only: at position 0, a typed number (Get-BizConfMeeting 3) would search names for "3".
    /// <summary>Keeps only the meetings whose name contains this text (the API's keyword).</summary>
    [Parameter(ParameterSetName = ListSet)]
    public string? Keyword { get; set; }

    /// <summary>Keeps only the meetings that start at or after this instant; not later than To.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [Alias("startTime")]
    public DateTimeOffset? From { get; set; }

    /// <summary>Keeps only the meetings that start at or before this instant.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [Alias("endTime")]
    public DateTimeOffset? To { get; set; }

    /// <summary>How many meetings each request asks for, 1 to 50; every page is fetched whatever the size.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(1, MeetingQuery.MaxPageSize)]
    public int PageSize { get; set; } = MeetingQuery.MaxPageSize;

    /// <summary>
    /// The accounts whose meetings to list (each in turn), or the account that holds the meetings named by -Id;
    /// by default the session's.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyCollection]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(AccountCompleter))]
    [Alias("HostLoginName")]
    public string[]? LoginName { get; set; }

    /// <summary>Opens the session, checks the time window and starts the engine that reads and lists meetings.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        items = StartItems(ParameterSetName == IdSet ? "Reading BizConf meetings" : "Listing BizConf meetings");
        if (ParameterSetName == ListSet && From.HasValue && To.HasValue && From > To)
        {
            ThrowTerminatingError(Internal.ErrorRecords.From(new BizConfArgumentException("From must not be later than To.", "From"), From));
        }
    }

    /// <summary>Reads the meetings of this row's ids, or lists this row's account when it names no id.</summary>
    protected override void ProcessRecord()
    {
        Rows.Check();
        var named = (LoginName ?? Array.Empty<string>()).Where(name => !string.IsNullOrWhiteSpace(name)).Select(name => name.Trim()).ToList();
        if (ParameterSetName == IdSet)
        {
            if (named.Count > 1)
            {
                items.Fail(Id, "Meetings " + string.Join(", ", Id), new BizConfArgumentException("LoginName must name one account with -Id: the account that holds those meetings.", "LoginName"));
                return;
            }

            items.ExpectGiven(Id.Length);
            var account = AccountOf(named.FirstOrDefault());
            var client = Client.ForAccount(account);
            var memory = SessionMemory.Of(ActiveSession);
            foreach (var id in Id)
            {
                items.Submit(id, $"Meeting {id} on account {account}", new Footprint(account).Uses(ResourceKeys.Meeting(id)), null,
                    async token => ItemResult.Write(memory.Saw(await client.GetMeetingAsync(id, token).ConfigureAwait(false))));
            }

            return;
        }

        // The hidden InputObject takes any piped object, so one that binds nothing else would list the session's
        // account once for each: it is refused as PowerShell refused it before InputObject was there.
        if (InputObject != null && InputObject.Properties["LoginName"] == null && InputObject.Properties["HostLoginName"] == null)
        {
            listed = true;
            items.Fail(InputObject, $"Piped object {InputObject}", new BizConfArgumentException(
                "A piped object with no Id and no LoginName (or HostLoginName) property names no meeting to read and no account to list.", "LoginName"));
            return;
        }

        // Accounts named on the command line or by piped rows are listed as they come; none at all lists the
        // session's own account once, at the end.
        if (named.Count == 0 && !MyInvocation.ExpectingInput)
        {
            return;
        }

        listed = true;
        foreach (var account in named.Count == 0 ? new List<string> { ActiveSession.LoginName } : named)
        {
            List(account);
        }
    }

    /// <summary>Lists the session's account when nothing was piped or given, then writes what is left.</summary>
    protected override void EndProcessing()
    {
        if (ParameterSetName == ListSet && !listed)
        {
            List(ActiveSession.LoginName);
        }

        base.EndProcessing();
    }

    private void List(string account)
    {
        if (PagingParameters.First == 0)
        {
            return;
        }

        var query = new MeetingQuery { Keyword = Keyword, From = From, To = To };
        try
        {
            query.Validate();
        }
        catch (BizConfArgumentException e)
        {
            items.Fail(account, $"Listing the meetings of account '{account}'", e);
            return;
        }

        // -Skip and -First apply to each account's listing, as its pages do.
        var memory = SessionMemory.Of(ActiveSession);
        // The first page answered shows the account can be listed: completion offers it even when it holds no meetings.
        var walk = new MeetingWalk(items, Client.ForAccount(account), account, query, PageSize, Math.Max(2, ThrottleLimit),
            PagingParameters.Skip, PagingParameters.First, meeting => WriteObject(memory.Saw(meeting)),
            count =>
            {
                memory.ActedFor(account);
                if (PagingParameters.IncludeTotalCount)
                {
                    WriteObject(PagingParameters.NewTotalCount((ulong)count, 1.0));
                }
            });
        walk.Start();
        items.Flush(all: false);
    }
}
