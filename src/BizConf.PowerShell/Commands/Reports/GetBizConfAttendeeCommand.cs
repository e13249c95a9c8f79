using System;
using System.Management.Automation;

namespace BizConf.PowerShell.Commands;

/// <summary>Get-BizConfAttendee: who joined a meeting, when, for how long and from where (confAttendeeLog, site token).</summary>
[Cmdlet(VerbsCommon.Get, "BizConfAttendee")]
[OutputType(typeof(Attendee))]
public sealed class GetBizConfAttendeeCommand : BizConfItemCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [Alias("Id", "confId")]
    public long[] MeetingId { get; set; } = Array.Empty<long>();

    protected override string Activity => "Reading BizConf attendance";

    protected override void ProcessRecord()
    {
        KnownTotal = MyInvocation.ExpectingInput ? (int?)null : MeetingId.Length;
        foreach (var id in MeetingId)
        {
            // A site-token call: the account does not matter, so the session's is named.
            Send(id, ActiveSession.LoginName, null, (client, token) => client.GetAttendeesAsync(id, token),
                attendees => WriteObject(attendees, enumerateCollection: true));
        }
    }
}
