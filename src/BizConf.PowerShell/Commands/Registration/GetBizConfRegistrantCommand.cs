using System.Threading;
using System.Threading.Tasks;

namespace BizConf.PowerShell.Commands;

/// <summary>
/// Get-BizConfRegistrant: a registration meeting's registrants (getRegistrants), one request per status asked, and
/// the meeting's number, name and start from one getConf. The service answers only until the meeting's end time.
/// </summary>
[Cmdlet(VerbsCommon.Get, "BizConfRegistrant")]
[OutputType(typeof(Registrant))]
public sealed class GetBizConfRegistrantCommand : BizConfCmdlet
{
    /// <summary>The piped object itself: a row's error names it, and its columns are checked as it binds (see PipedRows).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get => Rows.Current; set => Rows.Take(value); }

    /// <summary>The Id of each registration meeting; binds from piped numbers or a piped meeting's Id.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [Alias("confId", "Id")]
    [ArgumentCompleter(typeof(MeetingIdCompleter))]
    public long[] MeetingId { get; set; } = Array.Empty<long>();

    /// <summary>Which registrants; the service's default is Approved.</summary>
    [Parameter]
    public RegistrantStatus[]? Status { get; set; }

    /// <summary>The account of the site the call acts for; by default the session's (a piped object names its own).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    [ArgumentCompleter(typeof(AccountCompleter))]
    [Alias("HostLoginName")]
    public string? LoginName { get; set; }

    private ItemEngine items = null!;

    /// <summary>Opens the session and starts the engine that reads the registrants.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        items = StartItems("Reading BizConf registrants");
    }

    /// <summary>Checks this row (or the command line) and hands its reads to the engine.</summary>
    protected override void ProcessRecord()
    {
        Rows.Check();
        items.ExpectGiven(MeetingId.Length);
        var account = AccountOf(LoginName);
        var client = Client.ForAccount(account);
        var memory = SessionMemory.Of(ActiveSession);
        var statuses = Status == null || Status.Length == 0 ? new RegistrantStatus?[] { null } : Array.ConvertAll(Status, s => (RegistrantStatus?)s);
        foreach (var id in MeetingId)
        {
            items.Submit(id, $"Registrants of meeting {id} on account {account}", new Footprint(account).Uses(ResourceKeys.Meeting(id)), null,
                async token => ItemResult.WriteEach(await ListAsync(client, memory, id, statuses, token).ConfigureAwait(false)));
        }
    }

    /// <summary>
    /// Each status asked, in turn, and then, for any registrant listed, the meeting once (getConf): getRegistrants
    /// does not say the meeting's number, name or start, and Get-BizConfMeetingLink needs the number, as it has it
    /// from what Add-BizConfRegistrant writes.
    /// </summary>
    private static async Task<List<Registrant>> ListAsync(BizConfClient client, SessionMemory memory, long id, RegistrantStatus?[] statuses, CancellationToken token)
    {
        var registrants = new List<Registrant>();
        foreach (var status in statuses)
        {
            registrants.AddRange(await client.GetRegistrantsAsync(id, status, token).ConfigureAwait(false));
        }

        if (registrants.Count > 0)
        {
            var meeting = memory.Saw(await client.GetMeetingAsync(id, token).ConfigureAwait(false));
            foreach (var registrant in registrants)
            {
                registrant.MeetingNumber = meeting.MeetingNumber;
                registrant.Topic = meeting.Name;
                registrant.MeetingStartTime = meeting.StartTime;
            }
        }

        return registrants;
    }
}
