using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using BizConf.PowerShell.Internal;

namespace BizConf.PowerShell.Commands;

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

    protected override string Activity => "Changing BizConf webinars";

    protected override void ProcessRecord()
    {
        var number = WebinarNumber;
        var account = Account;
        var piped = InputObject;
        var target = (object?)piped ?? number;
        List<Change<WebinarRequest>> changes;
        try
        {
            InputRules.CheckWebinarNumber(number);
            changes = GivenChanges(piped);
        }
        catch (BizConfArgumentException e)
        {
            Fail(e, target);
            return;
        }

        SendChange(target, account, $"Webinar {number} on account {account}", changes,
            (client, token) => client.GetWebinarAsync(number, token),
            (current, now) => Changed(current, changes, now),
            current => $"Webinar '{current.Name}' (number {current.WebinarNumber}) on account {account}",
            (client, request, token) => client.ModifyWebinarAsync(number, request, token),
            PassThru ? webinar => WriteObject(webinar) : (Action<Webinar>?)null);
    }

    /// <summary>updateDiyWebinar replaces the whole webinar: the current one with the changes applied, checked.</summary>
    private static WebinarRequest Changed(Webinar current, List<Change<WebinarRequest>> changes, DateTimeOffset now)
    {
        var request = WebinarRequest.From(current);
        foreach (var change in changes)
        {
            change.Apply(request);
        }

        // Only a moved start is checked here. A started webinar keeps a past start, and the service refuses any
        // update of it (201, worded for the webinar); that refusal is the service's to give, so it is left to it.
        request.Validate(now, requireFutureStart: request.StartTime != current.StartTime);
        return request;
    }

    /// <summary>
    /// The settings given for this item, each checked on its own as far as it can be without the webinar, so that a
    /// refused change sends nothing at all.
    /// </summary>
    private List<Change<WebinarRequest>> GivenChanges(PSObject? piped)
    {
        var changes = new List<Change<WebinarRequest>>();
        if (IsGiven(nameof(Name), piped))
        {
            var name = (Name ?? string.Empty).Trim();
            InputRules.CheckText(nameof(Name), name);
            changes.Add(new Change<WebinarRequest>($"Name to '{name}'", r => r.Name = name));
        }

        if (IsGiven(nameof(StartTime), piped) && StartTime.HasValue)
        {
            var start = StartTime.Value;
            InputRules.CheckTime(nameof(StartTime), start);
            changes.Add(new Change<WebinarRequest>(string.Format(CultureInfo.InvariantCulture, "StartTime to {0:yyyy-MM-dd HH:mm zzz}", start), r => r.StartTime = start));
        }

        if (IsGiven(nameof(Duration), piped) && Duration.HasValue)
        {
            var duration = Duration.Value;
            ScheduleRules.ValidateDuration(duration);
            changes.Add(new Change<WebinarRequest>($"Duration to {duration} minutes", r => r.Duration = duration));
        }

        if (IsGiven(nameof(Password), piped))
        {
            var password = string.IsNullOrEmpty(Password) ? null : Password;
            InputRules.CheckText(nameof(Password), password);
            changes.Add(new Change<WebinarRequest>(password == null ? "clear Password" : "Password", r => r.Password = password));
        }

        if (IsGiven(nameof(HostVideo), piped) && HostVideo.HasValue)
        {
            var hostVideo = HostVideo.Value;
            changes.Add(new Change<WebinarRequest>($"HostVideo to {hostVideo}", r => r.HostVideo = hostVideo));
        }

        if (IsGiven(nameof(ParticipantVideo), piped) && ParticipantVideo.HasValue)
        {
            var participantVideo = ParticipantVideo.Value;
            changes.Add(new Change<WebinarRequest>($"ParticipantVideo to {participantVideo}", r => r.ParticipantVideo = participantVideo));
        }

        if (IsGiven(nameof(Audio), piped) && Audio.HasValue)
        {
            var audio = Audio.Value;
            changes.Add(new Change<WebinarRequest>($"Audio to {audio}", r => r.Audio = audio));
        }

        // All three or none: three values turn the stream on or change it, three empty ones turn it off.
        var streamGiven = IsGiven(nameof(StreamUrl), piped);
        WebinarRequest.ValidateStream(streamGiven, IsGiven(nameof(StreamKey), piped), IsGiven(nameof(LiveUrl), piped));
        if (streamGiven)
        {
            var streamUrl = string.IsNullOrEmpty(StreamUrl) ? null : StreamUrl;
            var streamKey = string.IsNullOrEmpty(StreamKey) ? null : StreamKey;
            var liveUrl = string.IsNullOrEmpty(LiveUrl) ? null : LiveUrl;
            InputRules.CheckStreamUrl(streamUrl);
            InputRules.CheckText(nameof(StreamKey), streamKey);
            InputRules.CheckLiveUrl(liveUrl);
            changes.Add(new Change<WebinarRequest>(streamUrl == null ? "turn the stream off" : $"stream to {streamUrl}, watch at {liveUrl}", r =>
            {
                r.StreamUrl = streamUrl;
                r.StreamKey = streamKey;
                r.LiveUrl = liveUrl;
            }));
        }

        return changes;
    }
}
