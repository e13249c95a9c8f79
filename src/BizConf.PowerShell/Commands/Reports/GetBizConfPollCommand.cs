using System;
using System.Management.Automation;

namespace BizConf.PowerShell.Commands
{
    /// <summary>Get-BizConfPoll: the poll answers of a meeting, one row per person per question (getConfPolls, site token).</summary>
    [Cmdlet(VerbsCommon.Get, "BizConfPoll")]
    [OutputType(typeof(PollAnswer))]
    public sealed class GetBizConfPollCommand : BizConfCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("meetingNo", "confNumber", "confNo")]
        public string[] MeetingNumber { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            foreach (var number in MeetingNumber)
            {
                if (TryAwait((client, token) => client.GetPollAnswersAsync(number, token), number, out var answers))
                {
                    WriteObject(answers, enumerateCollection: true);
                }
            }
        }
    }
}
