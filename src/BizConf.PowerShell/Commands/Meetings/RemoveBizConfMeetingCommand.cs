using System;
using System.Management.Automation;

namespace BizConf.PowerShell.Commands
{
    /// <summary>Remove-BizConfMeeting: cancels meetings (cancelConf). Asks first unless -Force.</summary>
    [Cmdlet(VerbsCommon.Remove, "BizConfMeeting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveBizConfMeetingCommand : BizConfCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        [Alias("confId", "MeetingId")]
        public long[] Id { get; set; } = Array.Empty<long>();

        /// <summary>Cancels without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                ItemDone("Cancelling BizConf meetings");
                if (WhatIfInForce)
                {
                    // -WhatIf reads nothing and sends nothing, so it names the meeting by the id it was given.
                    ShouldProcess($"Meeting {id}", "Cancel");
                    continue;
                }

                if (!AsksBeforeEach(Force))
                {
                    // Nobody will be asked, so nothing needs naming: one request per meeting, not two.
                    TryAwait((client, token) => client.CancelMeetingAsync(id, token), id);
                    continue;
                }

                // Read first: the question names the real meeting, and a wrong id fails without a prompt.
                if (!TryAwait((client, token) => client.GetMeetingAsync(id, token), id, out var meeting))
                {
                    continue;
                }

                if (!ShouldProcess($"Meeting '{meeting.Name}' (Id {meeting.Id}, number {meeting.MeetingNumber}, {meeting.StartTime:yyyy-MM-dd HH:mm zzz})", "Cancel"))
                {
                    continue;
                }

                TryAwait((client, token) => client.CancelMeetingAsync(id, token), meeting);
            }
        }
    }
}
