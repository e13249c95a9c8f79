using System;
using System.Management.Automation;
using BizConf.PowerShell.Internal;

namespace BizConf.PowerShell.Commands
{
    /// <summary>
    /// Get-BizConfMeetingLink: cfcloud:// links that open the BizConf app in a meeting (API.md section 6). Only
    /// text is built, so no session is needed and nothing is sent.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "BizConfMeetingLink")]
    [OutputType(typeof(MeetingLink))]
    public sealed class GetBizConfMeetingLinkCommand : PSCmdlet
    {
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("meetingNo", "confno")]
        public string MeetingNumber { get; set; } = string.Empty;

        [Parameter]
        public MeetingLinkRole Role { get; set; } = MeetingLinkRole.Attendee;

        /// <summary>The name shown in the meeting: the attendee's, or the host's for a host link.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [Alias("uname")]
        public string? DisplayName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [AllowNull]
        [Alias("hostKey", "pwd")]
        public string? Password { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [AllowNull]
        [Alias("uid")]
        public string? UserId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [AllowNull]
        public string? HostToken { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                WriteObject(Role == MeetingLinkRole.Host
                    ? MeetingLinks.Start(MeetingNumber, UserId ?? string.Empty, HostToken ?? string.Empty, DisplayName)
                    : MeetingLinks.Join(MeetingNumber, Password, DisplayName));
            }
            catch (ArgumentException e)
            {
                WriteError(ErrorRecords.From(e, (object?)InputObject ?? MeetingNumber));
            }
        }
    }
}
