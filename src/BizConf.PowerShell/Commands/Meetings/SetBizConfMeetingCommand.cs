using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using BizConf.PowerShell.Engine;
using BizConf.PowerShell.Internal;
using BizConf.Resources;

namespace BizConf.PowerShell.Commands;

/// <summary>
/// Set-BizConfMeeting: changes only the settings given. confModify replaces the whole meeting, so the current
/// meeting is read first and sent back with the changes, on the meeting's own account.
/// </summary>
[Cmdlet(VerbsCommon.Set, "BizConfMeeting", SupportsShouldProcess = true)]
[OutputType(typeof(Meeting))]
public sealed class SetBizConfMeetingCommand : BizConfCmdlet
{
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get => Rows.Current; set => Rows.Take(value); }

    // From the pipeline by value too, like Get- and Remove-BizConfMeeting: 123 | Set-BizConfMeeting -Duration 45.
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [Alias("confId", "MeetingId")]
    [ArgumentCompleter(typeof(MeetingIdCompleter))]
    [WholeNumberText(EmptyMeansNotGiven = false)]
    public long Id { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [Alias("confName", "meetingName", "Topic")]
    public string? Name { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [InstantText]
    [Alias("Start")]
    public DateTimeOffset? StartTime { get => startTime; set => startTime = BindingNotes.Warned(Output, nameof(StartTime), value); }

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

    /// <summary>The account of the site that holds the meeting; by default the session's (a piped meeting names its own).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    [ArgumentCompleter(typeof(AccountCompleter))]
    [Alias("HostLoginName")]
    public string? LoginName { get; set; }

    private DateTimeOffset? startTime;
    private ItemEngine items = null!;
    private ChangeFlow changes = null!;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        items = StartItems("Changing BizConf meetings");
        items.Changes = true;
        changes = new ChangeFlow(this, items);
    }

    protected override void ProcessRecord()
    {
        Rows.Check();
        var id = Id;
        var account = AccountOf(LoginName);
        var target = (object?)InputObject ?? id;
        var given = $"Meeting {id} on account {account}";
        IReadOnlyList<FieldChange> changed;
        try
        {
            changed = MeetingRequest.Changes(Given.Values(MeetingRequest.ChangeableFields, InputObject));
        }
        catch (BizConfArgumentException e)
        {
            items.Fail(target, given, e);
            return;
        }

        var client = Client.ForAccount(account);
        var memory = SessionMemory.Of(ActiveSession);
        var moves = changed.Any(c => c.Field == nameof(StartTime) || c.Field == nameof(Duration));
        changes.Send(new ChangeItem<Meeting, MeetingRequest>
        {
            Target = target,
            Given = given,
            Changes = changed,
            Action = "Change " + string.Join(", ", changed.Select(c => c.Description)),
            Footprint = new Footprint(account).Changes(ResourceKeys.Meeting(id)),
            // A move holds the meeting's old time and its new one: what overlaps either waits for it.
            Windows = moves ? current => Windows(current, changed) : null,
            Read = token => client.GetMeetingAsync(id, token),
            Change = async (apply, token) => memory.Saw(await client.ChangeMeetingAsync(id, apply, token).ConfigureAwait(false)),
            Apply = current => Changed(current, changed, client.Options.Clock()),
            Named = current => $"Meeting '{current.Name}' (Id {current.Id}, number {current.MeetingNumber}) on account {account}",
            PassThru = PassThru.IsPresent,
        });
    }

    /// <summary>confModify replaces the whole meeting: the current one with the changes applied, checked.</summary>
    private static MeetingRequest Changed(Meeting current, IReadOnlyList<FieldChange> changed, DateTimeOffset now)
    {
        var request = MeetingRequest.Apply(current, changed);

        // Only a moved start must lie ahead: a round trip of a meeting in progress keeps its start.
        request.Validate(now, requireFutureStart: request.StartTime != current.StartTime);
        return request;
    }

    private static IEnumerable<TimeWindow> Windows(Meeting current, IReadOnlyList<FieldChange> changed)
    {
        if (current.StartTime.HasValue && current.Duration > 0)
        {
            yield return TimeWindow.FromMinutes(current.StartTime.Value, current.Duration);
            var moved = MeetingRequest.Apply(current, changed);
            if (moved.Duration > 0)
            {
                yield return TimeWindow.FromMinutes(moved.StartTime, moved.Duration);
            }
        }
    }
}
