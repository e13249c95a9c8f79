using System;
using System.Management.Automation;

namespace BizConf.PowerShell.Commands;

/// <summary>
/// Get-BizConfReport: one report per session of a meeting, with its participants, found by meeting number
/// (getConfLogListByConfNumber) or by join link (getConfLogListByJoinUrl); site token.
/// </summary>
[Cmdlet(VerbsCommon.Get, "BizConfReport", DefaultParameterSetName = NumberSet)]
[OutputType(typeof(MeetingReport))]
public sealed class GetBizConfReportCommand : BizConfItemCmdlet
{
    private const string NumberSet = "MeetingNumber";
    private const string JoinUrlSet = "JoinUrl";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NumberSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("meetingNo", "confNumber", "confNo")]
    public string[] MeetingNumber { get; set; } = Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = JoinUrlSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("join_url")]
    public string[] JoinUrl { get; set; } = Array.Empty<string>();

    protected override string Activity => "Reading BizConf meeting reports";

    protected override void ProcessRecord()
    {
        // Site-token calls: the account does not matter, so the session's is named.
        var account = ActiveSession.LoginName;
        if (ParameterSetName == JoinUrlSet)
        {
            foreach (var link in JoinUrl)
            {
                Send(link, account, null, (client, token) => client.GetReportsByJoinUrlAsync(link, token),
                    reports => WriteObject(reports, enumerateCollection: true));
            }

            return;
        }

        foreach (var number in MeetingNumber)
        {
            Send(number, account, null, (client, token) => client.GetReportsByNumberAsync(number, token),
                reports => WriteObject(reports, enumerateCollection: true));
        }
    }
}
