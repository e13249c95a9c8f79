using System;
using System.Management.Automation;
using BizConf.PowerShell.Internal;

namespace BizConf.PowerShell.Commands
{
    /// <summary>
    /// Set-BizConfMeeting: changes only the settings given. confModify replaces the whole meeting, so the current
    /// meeting is read first and sent back with the changes.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "BizConfMeeting", SupportsShouldProcess = true)]
    [OutputType(typeof(Meeting))]
    public sealed class SetBizConfMeetingCommand : BizConfCmdlet
    {
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        [Alias("confId", "MeetingId")]
        public long Id { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [Alias("confName", "meetingName", "Topic")]
        public string? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [Alias("Start")]
        public DateTimeOffset? StartTime { get; set; }

        // Nullable, with the range checked before sending, so that an empty CSV cell means "unchanged".
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        public int? Duration { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [Alias("hostKey")]
        public string? Password { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BooleanTransformation]
        [Alias("optionJbh")]
        public SwitchParameter AllowJoinBeforeHost { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [Alias("optionStartType")]
        public VideoOption? Video { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        public AudioOption? Audio { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            ItemDone("Changing BizConf meetings");
            var id = Id;
            var target = (object?)InputObject ?? id;
            if (!TryAwait((client, token) => client.GetMeetingAsync(id, token), target, out var current))
            {
                return;
            }

            var piped = InputObject;
            MeetingRequest request;
            try
            {
                request = MeetingRequest.From(current);
            }
            catch (ArgumentException e)
            {
                WriteError(ErrorRecords.From(e, target));
                return;
            }

            if (IsGiven(nameof(Name), piped))
            {
                request.Name = Name ?? string.Empty;
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

            if (IsGiven(nameof(AllowJoinBeforeHost), piped))
            {
                request.AllowJoinBeforeHost = AllowJoinBeforeHost;
            }

            if (IsGiven(nameof(Video), piped) && Video.HasValue)
            {
                request.Video = Video.Value;
            }

            if (IsGiven(nameof(Audio), piped) && Audio.HasValue)
            {
                request.Audio = Audio.Value;
            }

            try
            {
                // Only a moved start must lie ahead: a round trip of a meeting in progress keeps its start.
                request.Validate(DateTimeOffset.UtcNow, requireFutureStart: request.StartTime != current.StartTime);
            }
            catch (ArgumentException e)
            {
                WriteError(ErrorRecords.From(e, target));
                return;
            }

            if (!ShouldProcess($"Meeting '{current.Name}' (Id {current.Id}, number {current.MeetingNumber})", "Change"))
            {
                return;
            }

            if (TryAwait((client, token) => client.ModifyMeetingAsync(id, request, token), target, out var changed) && PassThru)
            {
                WriteObject(changed);
            }
        }
    }
}
