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
    public sealed class SetBizConfWebinarCommand : BizConfAccountCmdlet
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

        protected override string Activity => "Changing BizConf webinars";

        protected override void ProcessRecord()
        {
            var number = WebinarNumber;
            var account = Account;
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
                Fail(e, target);
                return;
            }

            var write = PassThru ? webinar => WriteObject(webinar) : (Action<Webinar>?)null;
            var given = Settings.Where(name => IsGiven(name, piped)).ToList();
            if (given.Count == 0)
            {
                WriteVerbose($"Nothing to change for webinar {number} on account {account}: no setting was given.");
                if (write != null)
                {
                    Send(target, account, null, (client, token) => client.GetWebinarAsync(number, token), write);
                }

                return;
            }

            var action = "Change " + string.Join(", ", given);
            if (WhatIfInForce)
            {
                // Described from what was given: -WhatIf reads nothing and sends nothing.
                ShouldProcess($"Webinar {number} on account {account}", action);
                return;
            }

            // The changes as values now: the parameters hold the next row's values once this one is sent.
            var change = Capture(piped, streamGiven);
            if (WillAsk())
            {
                // Someone will read the question, so it names the real webinar: read it first, here.
                if (!TryRead(target, account, (client, token) => client.GetWebinarAsync(number, token), out var current))
                {
                    return;
                }

                WebinarRequest request;
                try
                {
                    request = Changed(current, change, Client.Options.Clock());
                }
                catch (ArgumentException e)
                {
                    Fail(e, target);
                    return;
                }

                if (ShouldProcess($"Webinar '{current.Name}' (number {current.WebinarNumber}) on account {account}", action))
                {
                    Send(target, account, account, (client, token) => client.ModifyWebinarAsync(number, request, token), write);
                }

                return;
            }

            if (!ShouldProcess($"Webinar {number} on account {account}", action))
            {
                return;
            }

            // The read is part of the change, in the account's turn, so it sees the changes of the rows before it.
            Send(target, account, account, async (client, token) =>
            {
                var current = await client.GetWebinarAsync(number, token).ConfigureAwait(false);
                return await client.ModifyWebinarAsync(number, Changed(current, change, client.Options.Clock()), token).ConfigureAwait(false);
            }, write);
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

        /// <summary>updateDiyWebinar replaces the whole webinar: the current one with the changes applied, checked.</summary>
        private static WebinarRequest Changed(Webinar current, Action<WebinarRequest> change, DateTimeOffset now)
        {
            var request = WebinarRequest.From(current);
            change(request);

            // Only a moved start is checked here. A started webinar keeps a past start, and the service refuses any
            // update of it (201, worded for the webinar); that refusal is the service's to give, so it is left to it.
            request.Validate(now, requireFutureStart: request.StartTime != current.StartTime);
            return request;
        }

        /// <summary>The given settings of this row, captured as values so that they can be applied later, on another thread.</summary>
        private Action<WebinarRequest> Capture(PSObject? piped, bool streamGiven)
        {
            var name = IsGiven(nameof(Name), piped) ? (Name ?? string.Empty).Trim() : null;
            var start = IsGiven(nameof(StartTime), piped) ? StartTime : null;
            var duration = IsGiven(nameof(Duration), piped) ? Duration : null;
            var passwordGiven = IsGiven(nameof(Password), piped);
            var password = string.IsNullOrEmpty(Password) ? null : Password;
            var hostVideo = IsGiven(nameof(HostVideo), piped) ? HostVideo : null;
            var participantVideo = IsGiven(nameof(ParticipantVideo), piped) ? ParticipantVideo : null;
            var audio = IsGiven(nameof(Audio), piped) ? Audio : null;
            var streamUrl = StreamUrl;
            var streamKey = StreamKey;
            var liveUrl = LiveUrl;
            return request =>
            {
                if (name != null)
                {
                    request.Name = name;
                }

                if (start.HasValue)
                {
                    request.StartTime = start.Value;
                }

                if (duration.HasValue)
                {
                    request.Duration = duration.Value;
                }

                if (passwordGiven)
                {
                    request.Password = password;
                }

                if (hostVideo.HasValue)
                {
                    request.HostVideo = hostVideo.Value;
                }

                if (participantVideo.HasValue)
                {
                    request.ParticipantVideo = participantVideo.Value;
                }

                if (audio.HasValue)
                {
                    request.Audio = audio.Value;
                }

                // All three given (checked above): three values turn the stream on or change it, three empty ones turn it off.
                if (streamGiven)
                {
                    request.StreamUrl = streamUrl;
                    request.StreamKey = streamKey;
                    request.LiveUrl = liveUrl;
                }
            };
        }
    }
}
