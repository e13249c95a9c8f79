using System;
using System.Management.Automation;

namespace BizConf.PowerShell.Commands
{
    /// <summary>
    /// Get-BizConfReport: one report per session of a meeting, with its participants, found by meeting number
    /// (getConfLogListByConfNumber) or by join link (getConfLogListByJoinUrl); site token.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "BizConfReport", DefaultParameterSetName = NumberSet)]
    [OutputType(typeof(MeetingReport))]
    public sealed class GetBizConfReportCommand : BizConfCmdlet
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

        protected override void ProcessRecord()
        {
            if (ParameterSetName == JoinUrlSet)
            {
                foreach (var link in JoinUrl)
                {
                    if (TryAwait((client, token) => client.GetReportsByJoinUrlAsync(link, token), link, out var reports))
                    {
                        WriteObject(reports, enumerateCollection: true);
                    }
                }

                return;
            }

            foreach (var number in MeetingNumber)
            {
                if (TryAwait((client, token) => client.GetReportsByNumberAsync(number, token), number, out var reports))
                {
                    WriteObject(reports, enumerateCollection: true);
                }
            }
        }
    }
}
