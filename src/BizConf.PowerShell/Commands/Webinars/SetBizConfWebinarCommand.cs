using System.Globalization;
using BizConf.Resources;

namespace BizConf.PowerShell.Commands;

/// <summary>
/// Set-BizConfWebinar: changes only the settings given. updateDiyWebinar replaces the whole webinar, so the
/// current webinar is read first and sent back with the changes.
/// </summary>
[Cmdlet(VerbsCommon.Set, "BizConfWebinar", SupportsShouldProcess = true)]
[OutputType(typeof(Webinar))]
public sealed class SetBizConfWebinarCommand : BizConfCmdlet
{
    /// <summary>The piped object itself: a row's error names it, and its columns are checked as it binds (see PipedRows).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get => Rows.Current; set => Rows.Take(value); }

    // From the pipeline by value too, like Get- and Remove-BizConfWebinar: '48432493631' | Set-BizConfWebinar ...
    /// <summary>The number of the webinar to change; binds from a piped string or number, or a WebinarNumber property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("webinarNo")]
    public string WebinarNumber { get; set; } = string.Empty;

    /// <summary>The new name, 1 to 128 characters.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [Alias("confName", "Topic")]
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

    /// <summary>The new password; an empty string removes it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? Password { get; set; }

    // Nullable, like Duration: an empty CSV cell means "unchanged".
    /// <summary>Whether the host's video is on when the webinar starts; an empty CSV cell keeps it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanTransformation(EmptyMeansNotGiven = true)]
    [Alias("optionVideoHost")]
    public bool? HostVideo { get; set; }

    /// <summary>Whether the participants' video is on when the webinar starts; an empty CSV cell keeps it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanTransformation(EmptyMeansNotGiven = true)]
    [Alias("optionVideoParticipants")]
    public bool? ParticipantVideo { get; set; }

    /// <summary>The new audio setting: Default, Phone, Voip or PhoneAndVoip.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EnumText(typeof(AudioOption))]
    public AudioOption? Audio { get; set; }

    /// <summary>The RTMP address to push the live stream to; given with StreamKey and LiveUrl, all three empty turn it off.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [Alias("streanUrl")]
    public string? StreamUrl { get; set; }

    /// <summary>The key of the live stream, given with StreamUrl and LiveUrl; shown only as (hidden).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? StreamKey { get; set; }

    /// <summary>The page where viewers watch the stream, given with StreamUrl and StreamKey.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? LiveUrl { get; set; }

    /// <summary>Writes the changed webinar, as the service returns it.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The account of the site that holds the webinar; by default the session's (a piped webinar names its own).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    [ArgumentCompleter(typeof(AccountCompleter))]
    [Alias("HostLoginName")]
    public string? LoginName { get; set; }

    private static readonly string[] StreamFields = { nameof(StreamUrl), nameof(StreamKey), nameof(LiveUrl) };

    private DateTimeOffset? startTime;
    private ItemEngine items = null!;
    private ChangeFlow changes = null!;

    /// <summary>Opens the session and starts the engine that reads each webinar and sends it back with the changes.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        items = StartChanges("Changing BizConf webinars");
        changes = new ChangeFlow(this, items);
    }

    /// <summary>Checks this row (or the command line) and hands its changes to the engine.</summary>
    protected override void ProcessRecord()
    {
        Rows.Check();
        var number = WebinarNumber;
        var account = AccountOf(LoginName);
        var piped = InputObject;
        var target = (object?)piped ?? number;
        var given = $"Webinar {number} on account {account}";
        IReadOnlyList<FieldChange> changed;
        try
        {
            InputRules.CheckWebinarNumber(number);
            // All three stream settings or none: three values turn the stream on or change it, three empty ones turn it off.
            WebinarRequest.ValidateStream(Given.IsGiven(nameof(StreamUrl), piped), Given.IsGiven(nameof(StreamKey), piped), Given.IsGiven(nameof(LiveUrl), piped));
            changed = WebinarRequest.Changes(Given.Values(WebinarRequest.ChangeableFields, piped));
        }
        catch (BizConfArgumentException e)
        {
            items.Fail(target, given, e);
            return;
        }

        var client = Client.ForAccount(account);
        changes.Send(new ChangeItem<Webinar, WebinarRequest>
        {
            Target = target,
            Given = given,
            Changes = changed,
            Action = "Change " + Describe(changed),
            Footprint = new Footprint(account).Changes(ResourceKeys.Webinar(number)),
            Read = token => client.GetWebinarAsync(number, token),
            Change = (apply, token) => client.ChangeWebinarAsync(number, apply, token),
            Apply = current => Changed(current, changed, client.Options.Clock()),
            Named = current => $"Webinar '{current.Name}' (number {current.WebinarNumber}) on account {account}",
            PassThru = PassThru.IsPresent,
        });
    }

    /// <summary>updateDiyWebinar replaces the whole webinar: the current one with the changes applied, checked.</summary>
    private static WebinarRequest Changed(Webinar current, IReadOnlyList<FieldChange> changed, DateTimeOffset now)
    {
        var request = WebinarRequest.Apply(current, changed);

        // Only a moved start is checked here. A started webinar keeps a past start, and the service refuses any
        // update of it (201, worded for the webinar); that refusal is the service's to give, so it is left to it.
        request.Validate(now, requireFutureStart: request.StartTime != current.StartTime);
        return request;
    }

    /// <summary>The changes as -WhatIf words them, the three stream settings as one.</summary>
    private static string Describe(IReadOnlyList<FieldChange> changed)
    {
        var words = changed.Where(c => !StreamFields.Contains(c.Field)).Select(c => c.Description).ToList();
        var url = changed.FirstOrDefault(c => c.Field == nameof(StreamUrl));
        if (url != null)
        {
            var live = changed.First(c => c.Field == nameof(LiveUrl)).Value;
            words.Add(url.Value == null ? "turn the stream off" : $"stream to {url.Value}, watch at {live}");
        }

        return string.Join(", ", words);
    }
}
