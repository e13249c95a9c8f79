using System;
using System.Management.Automation;

namespace BizConf.PowerShell.Commands;

/// <summary>Remove-BizConfWebinar: deletes webinars (deleteWebinar), each on its own account. Asks first unless -Force.</summary>
[Cmdlet(VerbsCommon.Remove, "BizConfWebinar", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveBizConfWebinarCommand : BizConfAccountCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("webinarNo")]
    public string[] WebinarNumber { get; set; } = Array.Empty<string>();

    /// <summary>Deletes without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override string Activity => "Deleting BizConf webinars";

    protected override void ProcessRecord()
    {
        KnownTotal = MyInvocation.ExpectingInput ? (int?)null : WebinarNumber.Length;
        var account = Account;
        foreach (var number in WebinarNumber)
        {
            try
            {
                InputRules.CheckWebinarNumber(number);
            }
            catch (BizConfArgumentException e)
            {
                Fail(e, number);
                continue;
            }

            SendRemoval(number, account, Force, $"Webinar {number} on account {account}", "Delete",
                (client, token) => client.GetWebinarAsync(number, token),
                webinar => $"Webinar '{webinar.Name}' (number {webinar.WebinarNumber}, {webinar.StartTime:yyyy-MM-dd HH:mm zzz}) on account {account}",
                (client, token) => client.DeleteWebinarAsync(number, token));
        }
    }
}
