using System.ComponentModel;
using System.Globalization;
using System.Management.Automation.Runspaces;

namespace BizConf.PowerShell.Internal;

/// <summary>
/// How the times of this module's objects read as text in PowerShell: ISO 8601 with the offset
/// (2031-01-07T09:00:00+08:00), in every culture, so that Export-Csv and Select-Object write them in a form every
/// computer reads back the same, and the module's own cmdlets take them again.
/// <para>
/// Export-Csv writes a property as the .NET ToString() of its value, which for a [DateTimeOffset] is the current
/// culture's "G" form (07.01.2031 09:00:00 +08:00 in Germany, 1/7/2031 9:00:00 AM in the US), and nothing about
/// [DateTimeOffset] itself may change for the whole session. So each time property of these types gets an ETS code
/// property of the same name (type data takes precedence over the .NET property in PowerShell; C# callers still see
/// the plain property), which gives the same instant wrapped in a PSObject tagged <see cref="InstantTypeName"/>. The
/// wrapper is a [DateTimeOffset] to PowerShell in every way (-is, comparison, arithmetic, methods, parameter
/// binding); only its ToString() without arguments, which type data for that tag gives, is the ISO form.
/// ToString('yyyy-MM-dd HH:mm') and the other overloads behave as on any [DateTimeOffset].
/// </para>
/// These members are PowerShell's to call (they must be public for ETS); they are not an API of their own.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class InstantMembers
{
    /// <summary>The type name that marks a time of this module's objects.</summary>
    public const string InstantTypeName = "BizConf.Instant";

    private const string IsoFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    /// <summary>The Meeting's StartTime as a tagged time, which reads as ISO 8601; null when unknown.</summary>
    public static object? MeetingStartTime(PSObject instance) => Wrap(((Meeting)instance.BaseObject).StartTime);

    /// <summary>Sets the Meeting's StartTime from what PowerShell assigns (a tagged time, a date or null).</summary>
    public static void MeetingStartTime(PSObject instance, object? value) => ((Meeting)instance.BaseObject).StartTime = Unwrap(value);

    /// <summary>The Meeting's EndTime as a tagged time, which reads as ISO 8601; null when unknown.</summary>
    public static object? MeetingEndTime(PSObject instance) => Wrap(((Meeting)instance.BaseObject).EndTime);

    /// <summary>The Webinar's StartTime as a tagged time, which reads as ISO 8601; null when unknown.</summary>
    public static object? WebinarStartTime(PSObject instance) => Wrap(((Webinar)instance.BaseObject).StartTime);

    /// <summary>Sets the Webinar's StartTime from what PowerShell assigns (a tagged time, a date or null).</summary>
    public static void WebinarStartTime(PSObject instance, object? value) => ((Webinar)instance.BaseObject).StartTime = Unwrap(value);

    /// <summary>The Registrant's MeetingStartTime as a tagged time, which reads as ISO 8601; null when unknown.</summary>
    public static object? RegistrantMeetingStartTime(PSObject instance) => Wrap(((Registrant)instance.BaseObject).MeetingStartTime);

    /// <summary>Sets the Registrant's MeetingStartTime from what PowerShell assigns (a tagged time, a date or null).</summary>
    public static void RegistrantMeetingStartTime(PSObject instance, object? value) => ((Registrant)instance.BaseObject).MeetingStartTime = Unwrap(value);

    /// <summary>The Registrant's CreatedTime as a tagged time, which reads as ISO 8601; null when unknown.</summary>
    public static object? RegistrantCreatedTime(PSObject instance) => Wrap(((Registrant)instance.BaseObject).CreatedTime);

    /// <summary>Sets the Registrant's CreatedTime from what PowerShell assigns (a tagged time, a date or null).</summary>
    public static void RegistrantCreatedTime(PSObject instance, object? value) => ((Registrant)instance.BaseObject).CreatedTime = Unwrap(value);

    /// <summary>The MeetingReport's StartTime as a tagged time, which reads as ISO 8601; null when unknown.</summary>
    public static object? ReportStartTime(PSObject instance) => Wrap(((MeetingReport)instance.BaseObject).StartTime);

    /// <summary>Sets the MeetingReport's StartTime from what PowerShell assigns (a tagged time, a date or null).</summary>
    public static void ReportStartTime(PSObject instance, object? value) => ((MeetingReport)instance.BaseObject).StartTime = Unwrap(value);

    /// <summary>The MeetingReport's EndTime as a tagged time, which reads as ISO 8601; null when unknown.</summary>
    public static object? ReportEndTime(PSObject instance) => Wrap(((MeetingReport)instance.BaseObject).EndTime);

    /// <summary>Sets the MeetingReport's EndTime from what PowerShell assigns (a tagged time, a date or null).</summary>
    public static void ReportEndTime(PSObject instance, object? value) => ((MeetingReport)instance.BaseObject).EndTime = Unwrap(value);

    /// <summary>The Attendee's JoinTime as a tagged time, which reads as ISO 8601; null when unknown.</summary>
    public static object? AttendeeJoinTime(PSObject instance) => Wrap(((Attendee)instance.BaseObject).JoinTime);

    /// <summary>Sets the Attendee's JoinTime from what PowerShell assigns (a tagged time, a date or null).</summary>
    public static void AttendeeJoinTime(PSObject instance, object? value) => ((Attendee)instance.BaseObject).JoinTime = Unwrap(value);

    /// <summary>The Attendee's LeaveTime as a tagged time, which reads as ISO 8601; null when unknown.</summary>
    public static object? AttendeeLeaveTime(PSObject instance) => Wrap(((Attendee)instance.BaseObject).LeaveTime);

    /// <summary>Sets the Attendee's LeaveTime from what PowerShell assigns (a tagged time, a date or null).</summary>
    public static void AttendeeLeaveTime(PSObject instance, object? value) => ((Attendee)instance.BaseObject).LeaveTime = Unwrap(value);

    /// <summary>The Participant's JoinTime as a tagged time, which reads as ISO 8601; null when unknown.</summary>
    public static object? ParticipantJoinTime(PSObject instance) => Wrap(((Participant)instance.BaseObject).JoinTime);

    /// <summary>Sets the Participant's JoinTime from what PowerShell assigns (a tagged time, a date or null).</summary>
    public static void ParticipantJoinTime(PSObject instance, object? value) => ((Participant)instance.BaseObject).JoinTime = Unwrap(value);

    /// <summary>The Participant's LeaveTime as a tagged time, which reads as ISO 8601; null when unknown.</summary>
    public static object? ParticipantLeaveTime(PSObject instance) => Wrap(((Participant)instance.BaseObject).LeaveTime);

    /// <summary>Sets the Participant's LeaveTime from what PowerShell assigns (a tagged time, a date or null).</summary>
    public static void ParticipantLeaveTime(PSObject instance, object? value) => ((Participant)instance.BaseObject).LeaveTime = Unwrap(value);

    /// <summary>The Participant's RegistrationTime as a tagged time, which reads as ISO 8601; null when unknown.</summary>
    public static object? ParticipantRegistrationTime(PSObject instance) => Wrap(((Participant)instance.BaseObject).RegistrationTime);

    /// <summary>Sets the Participant's RegistrationTime from what PowerShell assigns (a tagged time, a date or null).</summary>
    public static void ParticipantRegistrationTime(PSObject instance, object? value) => ((Participant)instance.BaseObject).RegistrationTime = Unwrap(value);

    /// <summary>The PollAnswer's StartTime as a tagged time, which reads as ISO 8601; null when unknown.</summary>
    public static object? PollStartTime(PSObject instance) => Wrap(((PollAnswer)instance.BaseObject).StartTime);

    /// <summary>Sets the PollAnswer's StartTime from what PowerShell assigns (a tagged time, a date or null).</summary>
    public static void PollStartTime(PSObject instance, object? value) => ((PollAnswer)instance.BaseObject).StartTime = Unwrap(value);

    /// <summary>The BizConfSession's ConnectedAt as a tagged time, which reads as ISO 8601; null when unknown.</summary>
    public static object? SessionConnectedAt(PSObject instance) => Wrap(((BizConfSession)instance.BaseObject).ConnectedAt);

    /// <summary>ToString of a tagged time: without arguments the ISO form; with them, [DateTimeOffset]'s own overloads.</summary>
    public static string Text(PSObject instance, object? format = null, object? formatProvider = null)
    {
        var value = (DateTimeOffset)instance.BaseObject;
        var first = format is PSObject wrappedFormat ? wrappedFormat.BaseObject : format;
        var second = formatProvider is PSObject wrappedProvider ? wrappedProvider.BaseObject : formatProvider;
        if (first == null && second == null)
        {
            return value.ToString(IsoFormat, CultureInfo.InvariantCulture);
        }

        if (first is IFormatProvider provider && second == null)
        {
            return value.ToString(provider);
        }

        return value.ToString(first as string ?? LanguagePrimitives.ConvertTo<string>(first), second as IFormatProvider ?? CultureInfo.CurrentCulture);
    }

    /// <summary>The type data that puts these members in place, for Update-TypeData.</summary>
    internal static TypeData[] TypeData()
    {
        var types = new Dictionary<Type, TypeData>();
        void Add(Type type, string property, string method, bool settable)
        {
            if (!types.TryGetValue(type, out var data))
            {
                types[type] = data = new TypeData(type);
            }

            var getter = typeof(InstantMembers).GetMethod(method, new[] { typeof(PSObject) });
            var setter = settable ? typeof(InstantMembers).GetMethod(method, new[] { typeof(PSObject), typeof(object) }) : null;
            data.Members.Add(property, new CodePropertyData(property, getter, setter));
        }

        Add(typeof(Meeting), nameof(Meeting.StartTime), nameof(MeetingStartTime), true);
        Add(typeof(Meeting), nameof(Meeting.EndTime), nameof(MeetingEndTime), false);
        Add(typeof(Webinar), nameof(Webinar.StartTime), nameof(WebinarStartTime), true);
        Add(typeof(Registrant), nameof(Registrant.MeetingStartTime), nameof(RegistrantMeetingStartTime), true);
        Add(typeof(Registrant), nameof(Registrant.CreatedTime), nameof(RegistrantCreatedTime), true);
        Add(typeof(MeetingReport), nameof(MeetingReport.StartTime), nameof(ReportStartTime), true);
        Add(typeof(MeetingReport), nameof(MeetingReport.EndTime), nameof(ReportEndTime), true);
        Add(typeof(Attendee), nameof(Attendee.JoinTime), nameof(AttendeeJoinTime), true);
        Add(typeof(Attendee), nameof(Attendee.LeaveTime), nameof(AttendeeLeaveTime), true);
        Add(typeof(Participant), nameof(Participant.JoinTime), nameof(ParticipantJoinTime), true);
        Add(typeof(Participant), nameof(Participant.LeaveTime), nameof(ParticipantLeaveTime), true);
        Add(typeof(Participant), nameof(Participant.RegistrationTime), nameof(ParticipantRegistrationTime), true);
        Add(typeof(PollAnswer), nameof(PollAnswer.StartTime), nameof(PollStartTime), true);
        Add(typeof(BizConfSession), nameof(BizConfSession.ConnectedAt), nameof(SessionConnectedAt), false);

        var instant = new TypeData(InstantTypeName);
        instant.Members.Add("ToString", new CodeMethodData("ToString", typeof(InstantMembers).GetMethod(nameof(Text))));
        var all = new List<TypeData>(types.Values) { instant };
        return all.ToArray();
    }

    private static PSObject? Wrap(DateTimeOffset? value)
    {
        if (!value.HasValue)
        {
            return null;
        }

        var wrapped = new PSObject(value.Value);
        wrapped.TypeNames.Insert(0, InstantTypeName);
        return wrapped;
    }

    private static DateTimeOffset? Unwrap(object? value) =>
        value == null || (value is PSObject wrapped && wrapped.BaseObject == null) ? (DateTimeOffset?)null : LanguagePrimitives.ConvertTo<DateTimeOffset>(value);
}
