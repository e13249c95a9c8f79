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
                // Read first: the question names the real webinar, and a wrong number fails without a prompt.
                if (!TryAwait((client, token) => client.GetWebinarAsync(number, token), number, out var webinar))
                {
                    continue;
                }

                if (MayDelete($"Webinar '{webinar.Name}' (number {webinar.WebinarNumber}, {webinar.StartTime:yyyy-MM-dd HH:mm zzz})"))
                {
                    TryAwait((client, token) => client.DeleteWebinarAsync(number, token), webinar);
                }
            }
        }

        /// <summary>
        /// -Force answers the ConfirmImpact High question in advance. It does not turn -WhatIf into a deletion, and an
        /// explicit -Confirm still asks.
        /// </summary>
        private bool MayDelete(string target)
        {
            var askedToConfirm = MyInvocation.BoundParameters.ContainsKey("Confirm");
            if (!Force || askedToConfirm)
            {
                return ShouldProcess(target, "Delete");
            }

            var whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var given)
                ? ((SwitchParameter)given).IsPresent
                : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));
            if (whatIf)
            {
                // Prints the "What if" line and declines.
                ShouldProcess(target, "Delete");
                return false;
            }

            return true;
        }
    }
}
