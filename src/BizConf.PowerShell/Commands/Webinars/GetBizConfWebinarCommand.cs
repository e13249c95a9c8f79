using System;
using System.Management.Automation;

namespace BizConf.PowerShell.Commands
{
    /// <summary>Get-BizConfWebinar: webinars by number (getWebinarInfo). The API has no webinar list.</summary>
    [Cmdlet(VerbsCommon.Get, "BizConfWebinar")]
    [OutputType(typeof(Webinar))]
    public sealed class GetBizConfWebinarCommand : BizConfCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("webinarNo")]
        public string[] WebinarNumber { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            foreach (var number in WebinarNumber)
            {
                if (TryAwait((client, token) => client.GetWebinarAsync(number, token), number, out var webinar))
                {
                    WriteObject(webinar);
                }
            }
        }
    }
}
