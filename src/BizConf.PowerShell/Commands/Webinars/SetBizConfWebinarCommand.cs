using System;
using System.Linq;
using System.Management.Automation;
using BizConf.PowerShell.Internal;

namespace BizConf.PowerShell.Commands
{
    /// <summary>
    /// Set-BizConfWebinar: changes only the settings given. updateDiyWebinar replaces the whole webinar, so the
    /// current webinar is read first and sent back with the changes.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "BizConfWebinar", SupportsShouldProcess = true)]
    [OutputType(typeof(Webinar))]
    public sealed class SetBizConfWebinarCommand : BizConfCmdlet
    {
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        // From the pipeline by value too, like Get- and Remove-BizConfWebinar: '48432493631' | Set-BizConfWebinar ...
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("webinarNo")]
        public string WebinarNumber { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [Alias("confName", "Topic")]
        public string? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [InstantText]
        [Alias("Start")]
        public DateTimeOffset? StartTime { get; set; }

        // Nullable, with the range checked before sending, so that an empty CSV cell means "unchanged".
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [WholeNumberText]
        public int? Duration { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? Password { get; set; }

        // Nullable, like Duration: an empty CSV cell means "unchanged".
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BooleanTransformation(EmptyMeansNotGiven = true)]
        [Alias("optionVideoHost")]
        public bool? HostVideo { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BooleanTransformation(EmptyMeansNotGiven = true)]
        [Alias("optionVideoParticipants")]
        public bool? ParticipantVideo { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EnumText(typeof(AudioOption))]
        public AudioOption? Audio { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [Alias("streanUrl")]
        public string? StreamUrl { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? StreamKey { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? LiveUrl { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private static readonly string[] Settings =
        {
            nameof(Name), nameof(StartTime), nameof(Duration), nameof(Password), nameof(HostVideo), nameof(ParticipantVideo),
            nameof(Audio), nameof(StreamUrl), nameof(StreamKey), nameof(LiveUrl),
        };

        protected override void ProcessRecord()
        {
            ItemDone("Changing BizConf webinars");
            var number = WebinarNumber;
            var piped = InputObject;
            var target = (object?)piped ?? number;

            // Checked before the read, so a refused change sends nothing at all.
            var streamGiven = IsGiven(nameof(StreamUrl), piped);
            try
            {
                InputRules.CheckWebinarNumber(number);
                WebinarRequest.ValidateStream(streamGiven, IsGiven(nameof(StreamKey), piped), IsGiven(nameof(LiveUrl), piped));
                if (IsGiven(nameof(Duration), piped) && Duration.HasValue)
                {
                    ScheduleRules.ValidateDuration(Duration.Value);
                }

                CheckGivenText(piped, streamGiven);
            }
            catch (ArgumentException e)
            {
                WriteError(ErrorRecords.From(e, target));
                return;
            }

            var given = Settings.Where(name => IsGiven(name, piped)).ToList();
            if (given.Count == 0)
            {
                WriteVerbose($"Nothing to change for webinar {number}: no setting was given.");
                if (PassThru && TryAwait((client, token) => client.GetWebinarAsync(number, token), target, out var unchanged))
                {
                    WriteObject(unchanged);
                }

                return;
            }

            var action = "Change " + string.Join(", ", given);
            if (WhatIfInForce)
            {
                // Described from what was given: -WhatIf reads nothing and sends nothing.
                ShouldProcess($"Webinar {number}", action);
                return;
            }

            if (!TryAwait((client, token) => client.GetWebinarAsync(number, token), target, out var current))
            {
                return;
            }

            WebinarRequest request;
            try
            {
                request = WebinarRequest.From(current);
                Apply(request, piped, streamGiven);
                // Only a moved start is checked here. A started webinar keeps a past start, and the service refuses any
                // update of it (201, worded for the webinar); that refusal is the service's to give, so it is left to it.
                request.Validate(DateTimeOffset.UtcNow, requireFutureStart: request.StartTime != current.StartTime);
            }
            catch (ArgumentException e)
            {
                WriteError(ErrorRecords.From(e, target));
                return;
            }

            if (!ShouldProcess($"Webinar '{current.Name}' (number {current.WebinarNumber})", action))
            {
                return;
            }

            if (TryAwait((client, token) => client.ModifyWebinarAsync(number, request, token), target, out var changed) && PassThru)
            {
                WriteObject(changed);
            }
        }

        /// <summary>The input rules of the settings given, each as far as it can be checked without the webinar.</summary>
        private void CheckGivenText(PSObject? piped, bool streamGiven)
        {
            if (IsGiven(nameof(Name), piped))
            {
                InputRules.CheckText(nameof(Name), Name?.Trim());
            }

            if (IsGiven(nameof(StartTime), piped))
            {
                InputRules.CheckTime(nameof(StartTime), StartTime);
            }

            if (IsGiven(nameof(Password), piped))
            {
                InputRules.CheckText(nameof(Password), Password);
            }

            if (streamGiven)
            {
                InputRules.CheckStreamUrl(StreamUrl);
                InputRules.CheckText(nameof(StreamKey), StreamKey);
                InputRules.CheckLiveUrl(LiveUrl);
            }
        }

        private void Apply(WebinarRequest request, PSObject? piped, bool streamGiven)
        {
            if (IsGiven(nameof(Name), piped))
            {
                request.Name = (Name ?? string.Empty).Trim();
            }

            if (IsGiven(nameof(StartTime), piped) && StartTime.HasValue)
            {
                request.StartTime = StartTime.Value;
            }

            if (IsGiven(nameof(Duration), piped) && Duration.HasValue)
            {
                request.Duration = Duration.Value;
            }

            if (IsGiven(nameof(Password), piped))
            {
                request.Password = string.IsNullOrEmpty(Password) ? null : Password;
            }

            if (IsGiven(nameof(HostVideo), piped) && HostVideo.HasValue)
            {
                request.HostVideo = HostVideo.Value;
            }

            if (IsGiven(nameof(ParticipantVideo), piped) && ParticipantVideo.HasValue)
            {
                request.ParticipantVideo = ParticipantVideo.Value;
            }

            if (IsGiven(nameof(Audio), piped) && Audio.HasValue)
            {
                request.Audio = Audio.Value;
            }

            // All three given (checked above): three values turn the stream on or change it, three empty ones turn it off.
            if (streamGiven)
            {
                request.StreamUrl = StreamUrl;
                request.StreamKey = StreamKey;
                request.LiveUrl = LiveUrl;
            }
        }
    }
}
