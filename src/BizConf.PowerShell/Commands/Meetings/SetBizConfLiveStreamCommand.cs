using System.Management.Automation;

namespace BizConf.PowerShell.Commands
{
    /// <summary>Set-BizConfLiveStream: where a meeting pushes its live stream (settingLivestream).</summary>
    [Cmdlet(VerbsCommon.Set, "BizConfLiveStream", SupportsShouldProcess = true)]
    [OutputType(typeof(Meeting))]
    public sealed class SetBizConfLiveStreamCommand : BizConfCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        [Alias("confId", "MeetingId")]
        public long Id { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("streanUrl")]
        public string StreamUrl { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string StreamKey { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string LiveUrl { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var id = Id;
            try
            {
                InputRules.CheckLiveStream(StreamUrl, StreamKey, LiveUrl);
            }
            catch (System.ArgumentException e)
            {
                WriteError(Internal.ErrorRecords.From(e, id));
                return;
            }

            if (!ShouldProcess($"Meeting {id}", $"Stream to {StreamUrl}, watch at {LiveUrl}"))
            {
                return;
            }

            if (!TryAwait((client, token) => client.SetLiveStreamAsync(id, StreamUrl, StreamKey, LiveUrl, token), id))
            {
                return;
            }

            if (PassThru && TryAwait((client, token) => client.GetMeetingAsync(id, token), id, out var meeting))
            {
                WriteObject(meeting);
            }
        }
    }
}
