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
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, MeetingRequest.MaxNameLength)]
        [Alias("confName", "meetingName", "Topic")]
        public string? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Start")]
        public DateTimeOffset StartTime { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(MeetingRequest.MinDuration, MeetingRequest.MaxDuration)]
        public int Duration { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [Alias("hostKey")]
        public string? Password { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BooleanTransformation]
        [Alias("optionJbh")]
        public SwitchParameter AllowJoinBeforeHost { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("optionStartType")]
        public VideoOption Video { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public AudioOption Audio { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var id = Id;
            var target = (object?)InputObject ?? id;
            if (!TryAwait((client, token) => client.GetMeetingAsync(id, token), target, out var current))
            {
                return;
            }

            var request = MeetingRequest.From(current);
            var piped = InputObject;
            if (IsGiven(nameof(Name), piped))
            {
                request.Name = Name!;
            }

            if (IsGiven(nameof(StartTime), piped))
            {
                request.StartTime = StartTime;
            }

            if (IsGiven(nameof(Duration), piped))
            {
                request.Duration = Duration;
            }

            if (IsGiven(nameof(Password), piped))
            {
                request.Password = string.IsNullOrEmpty(Password) ? null : Password;
            }

            if (IsGiven(nameof(AllowJoinBeforeHost), piped))
            {
                request.AllowJoinBeforeHost = AllowJoinBeforeHost;
            }

            if (IsGiven(nameof(Video), piped))
            {
                request.Video = Video;
            }

            if (IsGiven(nameof(Audio), piped))
            {
                request.Audio = Audio;
            }

            try
            {
                request.Validate(DateTimeOffset.UtcNow, requireFutureStart: IsGiven(nameof(StartTime), piped));
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
