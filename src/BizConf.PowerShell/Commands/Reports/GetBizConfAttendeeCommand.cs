using System;
using System.Management.Automation;

namespace BizConf.PowerShell.Commands
{
    /// <summary>Get-BizConfAttendee: who joined a meeting, when, for how long and from where (confAttendeeLog, site token).</summary>
    [Cmdlet(VerbsCommon.Get, "BizConfAttendee")]
    [OutputType(typeof(Attendee))]
    public sealed class GetBizConfAttendeeCommand : BizConfCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        [Alias("Id", "confId")]
        public long[] MeetingId { get; set; } = Array.Empty<long>();

        protected override void ProcessRecord()
        {
            foreach (var id in MeetingId)
            {
                if (TryAwait((client, token) => client.GetAttendeesAsync(id, token), id, out var attendees))
                {
                    WriteObject(attendees, enumerateCollection: true);
                }
            }
        }
    }
}
