using System.Management.Automation;

namespace BizConf.PowerShell.Commands;

/// <summary>Set-BizConfLiveStream: where a meeting pushes its live stream (settingLivestream).</summary>
[Cmdlet(VerbsCommon.Set, "BizConfLiveStream", SupportsShouldProcess = true)]
[OutputType(typeof(Meeting))]
public sealed class SetBizConfLiveStreamCommand : BizConfAccountCmdlet
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

    protected override string Activity => "Setting BizConf live streams";

    protected override void ProcessRecord()
    {
        var id = Id;
        var account = Account;
        var streamUrl = StreamUrl;
        var streamKey = StreamKey;
        var liveUrl = LiveUrl;
        try
        {
            InputRules.CheckLiveStream(streamUrl, streamKey, liveUrl);
        }
        catch (BizConfArgumentException e)
        {
            Fail(e, id);
            return;
        }

        if (!ShouldProcess($"Meeting {id} on account {account}", $"Stream to {streamUrl}, watch at {liveUrl}"))
        {
            return;
        }

        var passThru = PassThru.IsPresent;
        Send<Meeting?>(id, account, account, async (client, token) =>
        {
            await client.SetLiveStreamAsync(id, streamUrl, streamKey, liveUrl, token).ConfigureAwait(false);
            return passThru ? await client.GetMeetingAsync(id, token).ConfigureAwait(false) : null;
        }, meeting =>
        {
            if (meeting != null)
            {
                WriteObject(meeting);
            }
        });
    }
}
