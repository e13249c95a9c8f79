using System;
using System.Management.Automation;

namespace BizConf.PowerShell.Commands
{
    /// <summary>Remove-BizConfWebinar: deletes webinars (deleteWebinar). Asks first unless -Force.</summary>
    [Cmdlet(VerbsCommon.Remove, "BizConfWebinar", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveBizConfWebinarCommand : BizConfCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("webinarNo")]
        public string[] WebinarNumber { get; set; } = Array.Empty<string>();

        /// <summary>Deletes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var number in WebinarNumber)
            {
                ItemDone("Deleting BizConf webinars");
                try
                {
                    InputRules.CheckWebinarNumber(number);
                }
                catch (ArgumentException e)
                {
                    WriteError(Internal.ErrorRecords.From(e, number));
                    continue;
                }

                if (WhatIfInForce)
                {
                    // -WhatIf reads nothing and sends nothing, so it names the webinar by the number it was given.
                    ShouldProcess($"Webinar {number}", "Delete");
                    continue;
                }

                if (!AsksBeforeEach(Force))
                {
                    // Nobody will be asked, so nothing needs naming: one request per webinar, not two.
                    TryAwait((client, token) => client.DeleteWebinarAsync(number, token), number);
                    continue;
                }

                // Read first: the question names the real webinar, and a wrong number fails without a prompt.
                if (!TryAwait((client, token) => client.GetWebinarAsync(number, token), number, out var webinar))
                {
                    continue;
                }

                if (ShouldProcess($"Webinar '{webinar.Name}' (number {webinar.WebinarNumber}, {webinar.StartTime:yyyy-MM-dd HH:mm zzz})", "Delete"))
                {
                    TryAwait((client, token) => client.DeleteWebinarAsync(number, token), webinar);
                }
            }
        }
    }
}
