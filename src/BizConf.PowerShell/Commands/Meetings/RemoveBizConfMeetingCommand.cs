using System;
using System.Management.Automation;

namespace BizConf.PowerShell.Commands;

/// <summary>Remove-BizConfMeeting: cancels meetings (cancelConf), each on its own account. Asks first unless -Force.</summary>
[Cmdlet(VerbsCommon.Remove, "BizConfMeeting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveBizConfMeetingCommand : BizConfAccountCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [Alias("confId", "MeetingId")]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>Cancels without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override string Activity => "Cancelling BizConf meetings";

    protected override void ProcessRecord()
    {
        KnownTotal = MyInvocation.ExpectingInput ? (int?)null : Id.Length;
        var account = Account;
        foreach (var id in Id)
        {
            SendRemoval(id, account, Force, $"Meeting {id} on account {account}", "Cancel",
                (client, token) => client.GetMeetingAsync(id, token),
                meeting => $"Meeting '{meeting.Name}' (Id {meeting.Id}, number {meeting.MeetingNumber}, {meeting.StartTime:yyyy-MM-dd HH:mm zzz}) on account {account}",
                (client, token) => client.CancelMeetingAsync(id, token));
        }
    }
}
