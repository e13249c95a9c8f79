using System;
using System.Globalization;
using System.Management.Automation;
using BizConf.PowerShell.Internal;

namespace BizConf.PowerShell.Commands;

/// <summary>New-BizConfWebinar: creates a webinar (createDiyWebinar); binds CSV rows by column name.</summary>
[Cmdlet(VerbsCommon.New, "BizConfWebinar", SupportsShouldProcess = true)]
[OutputType(typeof(Webinar))]
public sealed class NewBizConfWebinarCommand : BizConfAccountCmdlet
{
    /// <summary>The piped object itself, kept as the target of an error so a failed CSV row can be found.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateLength(1, ScheduleRules.MaxNameLength)]
    [Alias("confName", "Topic")]
    public string Name { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [InstantText(EmptyMeansNotGiven = false)]
    [Alias("Start")]
    public DateTimeOffset StartTime { get; set; }

    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(ScheduleRules.MinDuration, ScheduleRules.MaxDuration)]
    [WholeNumberText(EmptyMeansNotGiven = false)]
    public int Duration { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Password { get; set; }

    // Nullable so that an empty CSV cell means "not given": the default, on, and not off.
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
    [Alias("streanUrl")]
    public string? StreamUrl { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? StreamKey { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? LiveUrl { get; set; }

    protected override string Activity => "Creating BizConf webinars";

    protected override void ProcessRecord()
    {
        var account = Account;
        var request = new WebinarRequest
        {
            Name = Name.Trim(),
            StartTime = StartTime,
            Duration = Duration,
            Password = string.IsNullOrEmpty(Password) ? null : Password,
            HostVideo = HostVideo ?? true,
            ParticipantVideo = ParticipantVideo ?? true,
            Audio = Audio ?? AudioOption.Default,
            StreamUrl = StreamUrl,
            StreamKey = StreamKey,
            LiveUrl = LiveUrl,
        };
        var target = (object?)InputObject ?? request;
        try
        {
            request.Validate(Client.Options.Clock(), requireFutureStart: true);
        }
        catch (BizConfArgumentException e)
        {
            Fail(e, target);
            return;
        }

        var description = string.Format(CultureInfo.InvariantCulture, "Webinar '{0}' at {1:yyyy-MM-dd HH:mm zzz} for {2} minutes on account {3}", Name, StartTime, Duration, account);
        if (!ShouldProcess(description, "Create"))
        {
            return;
        }

        Send(target, account, account, (client, token) => client.CreateWebinarAsync(request, token), webinar => WriteObject(webinar));
    }
}
