using System;
using System.Management.Automation;

namespace BizConf.PowerShell.Commands;

/// <summary>Get-BizConfWebinar: webinars by number (getWebinarInfo). The API has no webinar list.</summary>
[Cmdlet(VerbsCommon.Get, "BizConfWebinar")]
[OutputType(typeof(Webinar))]
public sealed class GetBizConfWebinarCommand : BizConfAccountCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("webinarNo")]
    public string[] WebinarNumber { get; set; } = Array.Empty<string>();

    protected override string Activity => "Reading BizConf webinars";

    protected override void ProcessRecord()
    {
        KnownTotal = MyInvocation.ExpectingInput ? (int?)null : WebinarNumber.Length;
        var account = Account;
        foreach (var number in WebinarNumber)
        {
            Send(number, account, null, (client, token) => client.GetWebinarAsync(number, token), webinar => WriteObject(webinar));
        }
    }
}
