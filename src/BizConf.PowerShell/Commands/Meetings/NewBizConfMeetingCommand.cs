using System;
using System.Globalization;
using System.Management.Automation;
using BizConf.PowerShell.Internal;

namespace BizConf.PowerShell.Commands;

/// <summary>
/// New-BizConfMeeting: schedules meetings (confReservation), each on its row's account, exactly once even when an
/// answer is lost; binds CSV rows by column name.
/// </summary>
[Cmdlet(VerbsCommon.New, "BizConfMeeting", SupportsShouldProcess = true)]
[OutputType(typeof(Meeting))]
public sealed class NewBizConfMeetingCommand : BizConfAccountCmdlet
{
    /// <summary>The piped object itself, kept as the target of an error so a failed CSV row can be found.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateLength(1, MeetingRequest.MaxNameLength)]
    [Alias("confName", "meetingName", "Topic")]
    public string Name { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [InstantText(EmptyMeansNotGiven = false)]
    [Alias("Start")]
    public DateTimeOffset StartTime { get; set; }

    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(MeetingRequest.MinDuration, MeetingRequest.MaxDuration)]
    [WholeNumberText(EmptyMeansNotGiven = false)]
    public int Duration { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
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

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanTransformation]
    public SwitchParameter NoEmail { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanTransformation]
    [Alias("registrationType")]
    public SwitchParameter RequireRegistration { get; set; }

    /// <summary>Looks on the account first and schedules only a meeting that is not there yet (same name, start and duration).</summary>
    [Parameter]
    public SwitchParameter SkipExisting { get; set; }

    protected override string Activity => "Scheduling BizConf meetings";

    protected override void ProcessRecord()
    {
        var account = Account;
        var request = new MeetingRequest
        {
            Name = Name.Trim(),
            StartTime = StartTime,
            Duration = Duration,
            Password = string.IsNullOrEmpty(Password) ? null : Password,
            AllowJoinBeforeHost = AllowJoinBeforeHost,
            Video = Video ?? VideoOption.On,
            Audio = Audio ?? AudioOption.Default,
            SendEmail = !NoEmail,
            RequireRegistration = RequireRegistration,
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

        var description = string.Format(CultureInfo.InvariantCulture, "Meeting '{0}' at {1:yyyy-MM-dd HH:mm zzz} for {2} minutes on account {3}", Name, StartTime, Duration, account);
        if (!ShouldProcess(description, "Schedule"))
        {
            return;
        }

        var skipExisting = SkipExisting.IsPresent;
        Send(target, account, account, (client, token) => client.CreateMeetingAsync(request, skipExisting, token), meeting => WriteObject(meeting));
    }
}
