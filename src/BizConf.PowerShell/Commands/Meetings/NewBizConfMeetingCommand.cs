using System.Globalization;

namespace BizConf.PowerShell.Commands;

/// <summary>
/// New-BizConfMeeting: schedules meetings (confReservation), each on its row's account, exactly once even when an
/// answer is lost; binds CSV rows by column name.
/// </summary>
[Cmdlet(VerbsCommon.New, "BizConfMeeting", SupportsShouldProcess = true)]
[OutputType(typeof(Meeting))]
public sealed class NewBizConfMeetingCommand : BizConfCmdlet
{
    /// <summary>The piped object itself, kept as the target of an error so a failed CSV row can be found.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get => Rows.Current; set => Rows.Take(value); }

    /// <summary>The meeting's name (topic), 1 to 128 characters.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateLength(1, MeetingRequest.MaxNameLength)]
    [Alias("confName", "meetingName", "Topic")]
    public string Name { get; set; } = string.Empty;

    /// <summary>When the meeting starts; it must be in the future.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [InstantText(EmptyMeansNotGiven = false)]
    [Alias("Start")]
    public DateTimeOffset StartTime { get => startTime; set => startTime = BindingNotes.Warned(Output, nameof(StartTime), value); }

    /// <summary>The length of the meeting in minutes, 1 to 1440.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(MeetingRequest.MinDuration, MeetingRequest.MaxDuration)]
    [WholeNumberText(EmptyMeansNotGiven = false)]
    public int Duration { get; set; }

    /// <summary>The password participants must enter (the API's hostKey); empty or left out for none.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("hostKey")]
    public string? Password { get; set; }

    /// <summary>Lets participants join before the host arrives (the API's optionJbh); off by default.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanTransformation]
    [Alias("optionJbh")]
    public SwitchParameter AllowJoinBeforeHost { get; set; }

    /// <summary>Whether video is on when the meeting starts: On (the default) or Off.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EnumText(typeof(VideoOption))]
    [Alias("optionStartType")]
    public VideoOption? Video { get; set; }

    /// <summary>The audio setting: Default (the site's choice), Phone, Voip or PhoneAndVoip.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EnumText(typeof(AudioOption))]
    public AudioOption? Audio { get; set; }

    /// <summary>Tells the service not to send the notification e-mail for this meeting.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanTransformation]
    public SwitchParameter NoEmail { get; set; }

    /// <summary>Makes people register before they can join (the API's registrationType=1).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanTransformation]
    [Alias("registrationType")]
    public SwitchParameter RequireRegistration { get; set; }

    /// <summary>Looks on the account first and schedules only a meeting that is not there yet (same name, start and duration).</summary>
    [Parameter]
    public SwitchParameter SkipExisting { get; set; }

    /// <summary>The account of the site the meeting is scheduled on; by default the session's.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    [ArgumentCompleter(typeof(AccountCompleter))]
    [Alias("HostLoginName")]
    public string? LoginName { get; set; }

    private readonly RunLedger ledger = new RunLedger { DeferTwinChecks = true };
    private DateTimeOffset startTime;
    private ItemEngine items = null!;

    /// <summary>Opens the session and starts the engine that creates the meetings exactly once each.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        items = StartChanges("Scheduling BizConf meetings",
            "Run the same command again with -SkipExisting to finish: it schedules only the meetings that are not there yet.");
    }

    /// <summary>Checks this row (or the command line) and hands its create to the engine.</summary>
    protected override void ProcessRecord()
    {
        Rows.Check();
        var account = AccountOf(LoginName);
        var given = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in Given.Values(MeetingRequest.CreatableFields, InputObject, fromSnapshots: true))
        {
            given[value.Key] = value.Value;
        }

        if (NoEmail.IsPresent)
        {
            given[nameof(MeetingRequest.SendEmail)] = false;
        }

        var request = MeetingRequest.Build(given);
        var target = (object?)InputObject ?? request;
        var label = string.Format(CultureInfo.InvariantCulture, "Meeting '{0}' at {1:yyyy-MM-dd HH:mm zzz} for {2} minutes on account {3}", request.Name, request.StartTime, request.Duration, account);
        try
        {
            request.Validate(Client.Options.Clock(), requireFutureStart: true);
        }
        catch (BizConfArgumentException e)
        {
            items.Fail(target, label, e);
            return;
        }

        if (!ShouldProcess(label, "Schedule"))
        {
            return;
        }

        var skipExisting = SkipExisting.IsPresent;
        var client = Client.ForAccount(account);
        var memory = SessionMemory.Of(ActiveSession);
        var footprint = new Footprint(account)
            .Changes(ResourceKeys.NewMeeting(request.Name, request.StartTime, request.Duration))
            .Holds(TimeWindow.FromMinutes(request.StartTime, request.Duration));
        items.Submit(target, label, footprint, null, async token =>
        {
            var meeting = memory.Saw(await client.CreateMeetingAsync(request, ledger, skipExisting, token).ConfigureAwait(false));
            return ItemResult.Write(meeting, $"meeting Id {meeting.Id}");
        });
    }

    /// <summary>Waits for the creates still in flight and writes their meetings, then for the looks for late twins still due.</summary>
    protected override void EndProcessing()
    {
        base.EndProcessing();
        SettleTwinChecks();
        ledger.Dispose();
        if (ledger.SkippedExisting > 0)
        {
            WriteWarning($"-SkipExisting: {ledger.SkippedExisting} of the rows were already on their accounts and were not scheduled again; their meetings were written as found.");
        }
    }

    /// <summary>Stops the run as every item cmdlet does, and names the meetings whose look for a late twin was cut short.</summary>
    protected override void StopProcessing()
    {
        base.StopProcessing();
        ledger.StopTwinChecks();
        foreach (var meeting in ledger.PendingTwinChecks)
        {
            Host?.UI?.WriteWarningLine(
                $"Meeting {meeting} was written, but the look for a twin that an earlier unanswered attempt may still make was stopped: " +
                "check that account for a second meeting with this name and start.");
        }
    }

    /// <summary>
    /// Rows whose create was answered only after an unanswered attempt were written at once; the look for a twin
    /// such an attempt may still make waits for it, and the command ends once every such look is done.
    /// </summary>
    private void SettleTwinChecks()
    {
        var pending = ledger.PendingTwinChecks.Count;
        if (pending == 0)
        {
            return;
        }

        var by = ledger.SettlesBy ?? Client.Options.Clock();
        WriteVerbose(string.Format(CultureInfo.InvariantCulture,
            "{0} meeting{1} had an unanswered attempt that may still be carried out: looking for twins until {2:HH:mm:ss} before the command ends.",
            pending, pending == 1 ? string.Empty : "s", by.ToLocalTime()));
        Await(async token =>
        {
            await ledger.SettleAsync(token).ConfigureAwait(false);
            return true;
        });
    }
}
