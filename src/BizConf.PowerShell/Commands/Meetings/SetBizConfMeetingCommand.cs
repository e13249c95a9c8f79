using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using BizConf.PowerShell.Internal;

namespace BizConf.PowerShell.Commands;

/// <summary>
/// Set-BizConfMeeting: changes only the settings given. confModify replaces the whole meeting, so the current
/// meeting is read first and sent back with the changes, on the meeting's own account.
/// </summary>
[Cmdlet(VerbsCommon.Set, "BizConfMeeting", SupportsShouldProcess = true)]
[OutputType(typeof(Meeting))]
public sealed class SetBizConfMeetingCommand : BizConfAccountCmdlet
{
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    // From the pipeline by value too, like Get- and Remove-BizConfMeeting: 123 | Set-BizConfMeeting -Duration 45.
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [Alias("confId", "MeetingId")]
    [WholeNumberText(EmptyMeansNotGiven = false)]
    public long Id { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [Alias("confName", "meetingName", "Topic")]
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
    [Alias("hostKey")]
    public string? Password { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanTransformation]
    [Alias("optionJbh")]
    public SwitchParameter AllowJoinBeforeHost { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EnumText(typeof(VideoOption))]
    [Alias("optionStartType")]
    public VideoOption? Video { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EnumText(typeof(AudioOption))]
    public AudioOption? Audio { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override string Activity => "Changing BizConf meetings";

    protected override void ProcessRecord()
    {
        var id = Id;
        var account = Account;
        var target = (object?)InputObject ?? id;
        List<Change<MeetingRequest>> changes;
        try
        {
            changes = GivenChanges(InputObject);
        }
        catch (BizConfArgumentException e)
        {
            Fail(e, target);
            return;
        }

        SendChange(target, account, $"Meeting {id} on account {account}", changes,
            (client, token) => client.GetMeetingAsync(id, token),
            (current, now) => Changed(current, changes, now),
            current => $"Meeting '{current.Name}' (Id {current.Id}, number {current.MeetingNumber}) on account {account}",
            (client, request, token) => client.ModifyMeetingAsync(id, request, token),
            PassThru ? meeting => WriteObject(meeting) : (Action<Meeting>?)null);
    }

    /// <summary>confModify replaces the whole meeting: the current one with the changes applied, checked.</summary>
    private static MeetingRequest Changed(Meeting current, List<Change<MeetingRequest>> changes, DateTimeOffset now)
    {
        var request = MeetingRequest.From(current);
        foreach (var change in changes)
        {
            change.Apply(request);
        }

        // Only a moved start must lie ahead: a round trip of a meeting in progress keeps its start.
        request.Validate(now, requireFutureStart: request.StartTime != current.StartTime);
        return request;
    }

    /// <summary>The settings given for this item, each checked on its own as far as it can be without the meeting.</summary>
    private List<Change<MeetingRequest>> GivenChanges(PSObject? piped)
    {
        var changes = new List<Change<MeetingRequest>>();
        if (IsGiven(nameof(Name), piped))
        {
            var name = (Name ?? string.Empty).Trim();
            InputRules.CheckText(nameof(Name), name);
            changes.Add(new Change<MeetingRequest>($"Name to '{name}'", r => r.Name = name));
        }

        if (IsGiven(nameof(StartTime), piped) && StartTime.HasValue)
        {
            var start = StartTime.Value;
            InputRules.CheckTime(nameof(StartTime), start);
            changes.Add(new Change<MeetingRequest>(string.Format(CultureInfo.InvariantCulture, "StartTime to {0:yyyy-MM-dd HH:mm zzz}", start), r => r.StartTime = start));
        }

        if (IsGiven(nameof(Duration), piped) && Duration.HasValue)
        {
            var duration = Duration.Value;
            ScheduleRules.ValidateDuration(duration);
            changes.Add(new Change<MeetingRequest>($"Duration to {duration} minutes", r => r.Duration = duration));
        }

        if (IsGiven(nameof(Password), piped))
        {
            var password = string.IsNullOrEmpty(Password) ? null : Password;
            InputRules.CheckText(nameof(Password), password);
            changes.Add(new Change<MeetingRequest>(password == null ? "clear Password" : "Password", r => r.Password = password));
        }

        if (IsGiven(nameof(AllowJoinBeforeHost), piped))
        {
            bool allow = AllowJoinBeforeHost;
            changes.Add(new Change<MeetingRequest>($"AllowJoinBeforeHost to {allow}", r => r.AllowJoinBeforeHost = allow));
        }

        if (IsGiven(nameof(Video), piped) && Video.HasValue)
        {
            var video = Video.Value;
            changes.Add(new Change<MeetingRequest>($"Video to {video}", r => r.Video = video));
        }

        if (IsGiven(nameof(Audio), piped) && Audio.HasValue)
        {
            var audio = Audio.Value;
            changes.Add(new Change<MeetingRequest>($"Audio to {audio}", r => r.Audio = audio));
        }

        return changes;
    }
}
