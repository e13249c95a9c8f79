using System;
using System.Management.Automation;
using BizConf.PowerShell.Engine;

namespace BizConf.PowerShell.Commands;

/// <summary>
/// Get-BizConfRegistrant: a registration meeting's registrants (getRegistrants), one request per status asked.
/// The service answers only until the meeting's end time.
/// </summary>
[Cmdlet(VerbsCommon.Get, "BizConfRegistrant")]
[OutputType(typeof(Registrant))]
public sealed class GetBizConfRegistrantCommand : BizConfCmdlet
{
    /// <summary>The piped object itself: a row's error names it, and its columns are checked as it binds (see PipedRows).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get => Rows.Current; set => Rows.Take(value); }

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [Alias("confId", "Id")]
    public long[] MeetingId { get; set; } = Array.Empty<long>();

    /// <summary>Which registrants; the service's default is Approved.</summary>
    [Parameter]
    public RegistrantStatus[]? Status { get; set; }

    /// <summary>The account of the site the call acts for; by default the session's (a piped object names its own).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    [Alias("HostLoginName")]
    public string? LoginName { get; set; }

    private ItemEngine items = null!;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        items = StartItems("Reading BizConf registrants");
    }

    protected override void ProcessRecord()
    {
        Rows.Check();
        items.KnownTotal = MyInvocation.ExpectingInput ? (int?)null : MeetingId.Length;
        var account = AccountOf(LoginName);
        var client = Client.ForAccount(account);
        var statuses = Status == null || Status.Length == 0 ? new RegistrantStatus?[] { null } : Array.ConvertAll(Status, s => (RegistrantStatus?)s);
        foreach (var id in MeetingId)
        {
            foreach (var status in statuses)
            {
                items.Submit(id, $"Registrants of meeting {id} on account {account}", new Footprint(account).Uses(ResourceKeys.Meeting(id)), null,
                    async token => ItemResult.WriteEach(await client.GetRegistrantsAsync(id, status, token).ConfigureAwait(false)));
            }
        }
    }
}
