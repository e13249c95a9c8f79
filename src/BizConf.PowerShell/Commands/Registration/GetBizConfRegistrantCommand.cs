using System;
using System.Management.Automation;

namespace BizConf.PowerShell.Commands;

/// <summary>
/// Get-BizConfRegistrant: a registration meeting's registrants (getRegistrants), one request per status asked.
/// The service answers only until the meeting's end time.
/// </summary>
[Cmdlet(VerbsCommon.Get, "BizConfRegistrant")]
[OutputType(typeof(Registrant))]
public sealed class GetBizConfRegistrantCommand : BizConfAccountCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [Alias("confId", "Id")]
    public long[] MeetingId { get; set; } = Array.Empty<long>();

    /// <summary>Which registrants; the service's default is Approved.</summary>
    [Parameter]
    public RegistrantStatus[]? Status { get; set; }

    protected override string Activity => "Reading BizConf registrants";

    protected override void ProcessRecord()
    {
        KnownTotal = MyInvocation.ExpectingInput ? (int?)null : MeetingId.Length;
        var account = Account;
        var statuses = Status == null || Status.Length == 0 ? new RegistrantStatus?[] { null } : Array.ConvertAll(Status, s => (RegistrantStatus?)s);
        foreach (var id in MeetingId)
        {
            foreach (var status in statuses)
            {
                Send(id, account, null, (client, token) => client.GetRegistrantsAsync(id, status, token),
                    registrants => WriteObject(registrants, enumerateCollection: true));
            }
        }
    }
}
