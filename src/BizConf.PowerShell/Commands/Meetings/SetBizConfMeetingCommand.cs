using System.Globalization;
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
    /// <summary>The piped object itself: a row's error names it, and its columns are checked as it binds (see PipedRows).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get => Rows.Current; set => Rows.Take(value); }

    // From the pipeline by value too, like Get- and Remove-BizConfMeeting: 123 | Set-BizConfMeeting -Duration 45.
    /// <summary>The id of the meeting to change (a meeting's Id, the API's confId); a positive number.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [Alias("confId", "MeetingId")]
    [ArgumentCompleter(typeof(MeetingIdCompleter))]
    [WholeNumberText(EmptyMeansNotGiven = false)]
    public long Id { get; set; }

    /// <summary>The new name, 1 to 128 characters.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [Alias("confName", "meetingName", "Topic")]
    public string? Name { get; set; }

    /// <summary>The new start, which must be in the future; sent as wall-clock time in the site's zone.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [InstantText]
    [Alias("Start")]
    public DateTimeOffset? StartTime { get => startTime; set => startTime = BindingNotes.Warned(Output, nameof(StartTime), value); }

    // Nullable, with the range checked before sending, so that an empty CSV cell means "unchanged".
    /// <summary>The new length in minutes, 1 to 1440.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [WholeNumberText]
    public int? Duration { get; set; }

    /// <summary>The new password (the API's hostKey); '' on the command line removes it, an empty CSV cell keeps it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [Alias("hostKey")]
    public string? Password { get; set; }

    /// <summary>Whether participants may join before the host; -AllowJoinBeforeHost:$false turns it off.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanTransformation]
    [Alias("optionJbh")]
    public SwitchParameter AllowJoinBeforeHost { get; set; }

    /// <summary>Whether video is on when the meeting starts: On or Off.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EnumText(typeof(VideoOption))]
    [Alias("optionStartType")]
    public VideoOption? Video { get; set; }

    /// <summary>The new audio setting: Default, Phone, Voip or PhoneAndVoip.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EnumText(typeof(AudioOption))]
    public AudioOption? Audio { get; set; }

    /// <summary>Writes the changed meeting, as the service returns it.</summary>
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

    /// <summary>Opens the session and starts the engine that reads each meeting and sends it back with the changes.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        items = StartChanges("Changing BizConf meetings");
        changes = new ChangeFlow(this, items);
    }

    /// <summary>Checks this row (or the command line) and hands its changes to the engine.</summary>
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
