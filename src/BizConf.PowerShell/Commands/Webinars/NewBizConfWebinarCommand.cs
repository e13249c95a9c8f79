using System.Globalization;

namespace BizConf.PowerShell.Commands;

/// <summary>New-BizConfWebinar: creates a webinar (createDiyWebinar); binds CSV rows by column name.</summary>
[Cmdlet(VerbsCommon.New, "BizConfWebinar", SupportsShouldProcess = true)]
[OutputType(typeof(Webinar))]
public sealed class NewBizConfWebinarCommand : BizConfCmdlet
{
    /// <summary>The piped object itself, kept as the target of an error so a failed CSV row can be found.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get => Rows.Current; set => Rows.Take(value); }

    /// <summary>The webinar's name (topic), 1 to 128 characters.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateLength(1, ScheduleRules.MaxNameLength)]
    [Alias("confName", "Topic")]
    public string Name { get; set; } = string.Empty;

    /// <summary>When the webinar starts; it must be in the future.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [InstantText(EmptyMeansNotGiven = false)]
    [Alias("Start")]
    public DateTimeOffset StartTime { get => startTime; set => startTime = BindingNotes.Warned(Output, nameof(StartTime), value); }

    /// <summary>The length of the webinar in minutes, 1 to 1440.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(ScheduleRules.MinDuration, ScheduleRules.MaxDuration)]
    [WholeNumberText(EmptyMeansNotGiven = false)]
    public int Duration { get; set; }

    /// <summary>The password attendees must enter; empty or left out for none.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Password { get; set; }

    // Nullable so that an empty CSV cell means "not given": the default, on, and not off.
    /// <summary>Whether the host's video is on when the webinar starts (the API's optionVideoHost); on by default.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanTransformation(EmptyMeansNotGiven = true)]
    [Alias("optionVideoHost")]
    public bool? HostVideo { get; set; }

    /// <summary>Whether the participants' video is on when the webinar starts (the API's optionVideoParticipants); on by default.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanTransformation(EmptyMeansNotGiven = true)]
    [Alias("optionVideoParticipants")]
    public bool? ParticipantVideo { get; set; }

    /// <summary>The audio setting: Default (phone and VoIP), Phone, Voip or PhoneAndVoip.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EnumText(typeof(AudioOption))]
    public AudioOption? Audio { get; set; }

    /// <summary>The RTMP address the live stream is pushed to; with StreamKey and LiveUrl it turns the stream on.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("streanUrl")]
    public string? StreamUrl { get; set; }

    /// <summary>The key of the live stream, given with StreamUrl and LiveUrl; shown only as (hidden).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? StreamKey { get; set; }

    /// <summary>The page where viewers watch the live stream, given with StreamUrl and StreamKey.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? LiveUrl { get; set; }

    /// <summary>The account of the site the call acts for; by default the session's (a piped object names its own).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    [ArgumentCompleter(typeof(AccountCompleter))]
    [Alias("HostLoginName")]
    public string? LoginName { get; set; }

    private DateTimeOffset startTime;
    private ItemEngine items = null!;

    /// <summary>Opens the session and starts the engine that creates the webinars (a webinar create is never repeated).</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        items = StartChanges("Creating BizConf webinars",
            "Before running the command again, look in the BizConf portal for the webinars named above: the API has no webinar list to check.");
    }

    /// <summary>Checks this row (or the command line) and hands its create to the engine.</summary>
    protected override void ProcessRecord()
    {
        Rows.Check();
        var account = AccountOf(LoginName);
        var request = WebinarRequest.Build(Given.Values(WebinarRequest.CreatableFields, InputObject, fromSnapshots: true));
        var target = (object?)InputObject ?? request;
        var label = string.Format(CultureInfo.InvariantCulture, "Webinar '{0}' at {1:yyyy-MM-dd HH:mm zzz} for {2} minutes on account {3}", request.Name, request.StartTime, request.Duration, account);
        try
        {
            request.Validate(Client.Options.Clock(), requireFutureStart: true);
        }
        catch (BizConfArgumentException e)
        {
            items.Fail(target, label, e);
            return;
        }

        if (!ShouldProcess(label, "Create"))
        {
            return;
        }

        var client = Client.ForAccount(account);
        var memory = SessionMemory.Of(ActiveSession);
        var footprint = new Footprint(account).Changes(ResourceKeys.NewWebinar(request.Name, request.StartTime, request.Duration));
        items.Submit(target, label, footprint, null, async token =>
        {
            var webinar = await client.CreateWebinarAsync(request, token).ConfigureAwait(false);
            memory.ActedFor(account);
            return ItemResult.Write(webinar, $"webinar number {webinar.WebinarNumber}");
        });
    }
}
