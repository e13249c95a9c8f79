using System.Text.Json;

namespace BizConf.Transport;

/// <summary>
/// Reads the report answers of docs/API.md, "Reports". The vendor's own samples are loose, so every key is matched
/// ignoring case, spaces and underscores, and a <c>data</c> that should be an array may be a single object.
/// </summary>
internal static class ReportParser
{
    /// <summary>confAttendeeLog: the meeting's topic and number come from <c>confInfo</c>, the rows from <c>Details Log</c>.</summary>
    public static List<Attendee> ParseAttendees(JsonElement root, long meetingId)
    {
        var attendees = new List<Attendee>();
        foreach (var part in Json.Items(root, "data"))
        {
            var info = Json.Items(part, "confInfo").FirstOrDefault();
            var meetingNumber = Json.String(info, "meetingNo", "confNumber") ?? string.Empty;
            var topic = Json.String(info, "topic", "confName") ?? string.Empty;
            foreach (var row in Json.Items(part, "Details Log"))
            {
                var join = Json.Time(row, "joinTime");
                var leave = Json.Time(row, "leaveTime");
                attendees.Add(new Attendee
                {
                    MeetingId = meetingId,
                    MeetingNumber = meetingNumber,
                    Topic = topic,
                    Name = Json.String(row, "joinName", "participantName") ?? string.Empty,
                    CustomId = Json.String(row, "cuid"),
                    IPAddress = Json.String(row, "ip"),
                    JoinTime = join,
                    LeaveTime = leave,
                    Duration = Between(join, leave),
                });
            }
        }

        return attendees;
    }

    /// <summary>
    /// getConfLogListByConfNumber / ByJoinUrl: one report per session. A later session that leaves out the
    /// meeting's id, number, name or host (as in the vendor sample) is the same meeting, so it inherits them.
    /// </summary>
    public static List<MeetingReport> ParseReports(JsonElement root, string? requestedNumber)
    {
        var reports = new List<MeetingReport>();
        var previous = new MeetingReport { MeetingNumber = requestedNumber ?? string.Empty };
        foreach (var session in Json.Items(root, "data"))
        {
            var start = Json.Time(session, "startTime");
            var end = Json.Time(session, "endTime");
            var report = new MeetingReport
            {
                MeetingId = Json.Int64(session, "confId") ?? previous.MeetingId,
                MeetingNumber = Json.String(session, "confNumber", "meetingNo", "confNo") ?? previous.MeetingNumber,
                Name = Json.String(session, "confName", "topic") ?? previous.Name,
                HostName = Json.String(session, "hostName") ?? previous.HostName,
                SessionId = Json.String(session, "confUUID", "uuid"),
                StartTime = start,
                EndTime = end,
                Duration = Json.Int32(session, "duration") ?? (int)Math.Round(Between(start, end)?.TotalMinutes ?? 0),
            };
            report.Participants = Json.Items(session, "records")
                .Concat(Json.Items(session, "attendees"))
                .Select(p => ParseParticipant(p, report))
                .ToArray();
            reports.Add(report);
            previous = report;
        }

        return reports;
    }

    /// <summary>getConfPolls: one row per person per question, for every session in <c>data</c>.</summary>
    public static List<PollAnswer> ParsePolls(JsonElement root, string requestedNumber)
    {
        var answers = new List<PollAnswer>();
        foreach (var session in Json.Items(root, "data"))
        {
            var meetingNumber = Json.String(session, "confNo", "confNumber", "meetingNo") ?? requestedNumber;
            var sessionId = Json.String(session, "uuid", "confUUID");
            var start = Json.Time(session, "startTime");
            foreach (var record in Json.Items(session, "records"))
            {
                var name = Json.String(record, "name", "participantName") ?? string.Empty;
                var email = Json.String(record, "email");
                foreach (var detail in Json.Items(record, "question_details"))
                {
                    answers.Add(new PollAnswer
                    {
                        MeetingNumber = meetingNumber,
                        SessionId = sessionId,
                        StartTime = start,
                        Name = name,
                        Email = email,
                        Question = Json.String(detail, "question") ?? string.Empty,
                        Answer = Json.String(detail, "answer") ?? string.Empty,
                    });
                }
            }
        }

        return answers;
    }

    private static Participant ParseParticipant(JsonElement item, MeetingReport session)
    {
        var join = Json.Time(item, "joinTime");
        var leave = Json.Time(item, "leaveTime");
        var answers = RegistrationWire.ReadCustomAnswers(item);
        return RegistrationWire.Read(item, new Participant
        {
            MeetingNumber = session.MeetingNumber,
            SessionId = session.SessionId,
            Name = Json.String(item, "participantName", "joinName", "name") ?? string.Empty,
            CustomId = Json.String(item, "cuid"),
            JoinTime = join,
            LeaveTime = leave,
            Duration = Between(join, leave),
            Device = Json.String(item, "device"),
            IPAddress = Json.String(item, "ip"),
            RegistrantId = Json.String(item, "registrantId"),
            RegistrationStatus = Json.String(item, "status"),
            RegistrationTime = Json.Time(item, "create_time"),
            JoinUrl = Json.String(item, "join_url"),
            CustomAnswers = answers.Count == 0 ? null : CustomAnswerText.Format(answers),
        });
    }

    private static TimeSpan? Between(DateTimeOffset? start, DateTimeOffset? end) =>
        start.HasValue && end.HasValue ? end.Value - start.Value : (TimeSpan?)null;
}
