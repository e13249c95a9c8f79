using System;
using System.Management.Automation;

namespace BizConf.PowerShell.Commands;

/// <summary>Get-BizConfPoll: the poll answers of a meeting, one row per person per question (getConfPolls, site token).</summary>
[Cmdlet(VerbsCommon.Get, "BizConfPoll")]
[OutputType(typeof(PollAnswer))]
public sealed class GetBizConfPollCommand : BizConfItemCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("meetingNo", "confNumber", "confNo")]
    public string[] MeetingNumber { get; set; } = Array.Empty<string>();

    protected override string Activity => "Reading BizConf poll results";

    protected override void ProcessRecord()
    {
        KnownTotal = MyInvocation.ExpectingInput ? (int?)null : MeetingNumber.Length;
        foreach (var number in MeetingNumber)
        {
            // A site-token call: the account does not matter, so the session's is named.
            Send(number, ActiveSession.LoginName, null, (client, token) => client.GetPollAnswersAsync(number, token),
                answers => WriteObject(answers, enumerateCollection: true));
        }
    }
}
