using System.Text.Json.Nodes;
using BizConf.Emulator.Hosting;
using BizConf.Emulator.Model;
using BizConf.Emulator.Registration;

namespace BizConf.Emulator.Reports;

/// <summary>
/// The wire shapes of the report endpoints (docs/API.md, "Reports"), with the key names as written there (including
/// <c>Details Log</c>), times in GMT.
/// </summary>
internal static class ReportJson
{
    /// <summary>
    /// The keys of a getRegistrants item that a participant of a registration meeting carries (docs/API.md, "Reports"): all of
    /// them but the id, which a participant has as <c>registrantId</c>, and the two purchasing questions, which the
    /// report does not list.
    /// </summary>
    private static readonly string[] RegistrationKeys =
    {
        "email", "first_name", "last_name", "address", "city", "state", "zip", "country", "phone", "industry", "org",
        "job_title", "no_of_employees", "comments", "custom_questions", "status", "create_time", "join_url",
    };

    /// <summary>
    /// confAttendeeLog: one <c>confInfo</c> entry per held session (the planned meeting when it was never held)
    /// and every stay of every session in <c>Details Log</c>.
    /// </summary>
    public static JsonObject AttendeeLog(Meeting meeting)
    {
        var info = new JsonArray();
        var log = new JsonArray();
        if (meeting.HeldSessions.Count == 0)
        {
            info.Add(ConfInfo(meeting, meeting.StartUtc, meeting.EndUtc));
        }

        foreach (var session in meeting.HeldSessions)
        {
            info.Add(ConfInfo(meeting, session.StartUtc, session.EndUtc));
            foreach (var row in session.Attendance)
            {
                log.Add(new JsonObject
                {
                    ["joinTime"] = SiteTime.FormatGmt(row.JoinUtc),
                    ["leaveTime"] = SiteTime.FormatGmt(row.LeaveUtc),
                    ["joinName"] = row.Name,
                    ["cuid"] = row.Cuid,
                    ["ip"] = row.Ip,
                });
            }
        }

        return new JsonObject { ["confInfo"] = info, ["Details Log"] = log };
    }

    /// <summary>One session of getConfLogListByConfNumber / ByJoinUrl; registration meetings list people under <c>records</c>.</summary>
    public static JsonObject Session(Meeting meeting, HeldSession session, ServerInfo server)
    {
        var registration = meeting.RegistrationType == 1;
        var people = new JsonArray();
        foreach (var row in session.Attendance)
        {
            var registrant = registration && row.RegistrantId is not null
                ? meeting.Registrants.Find(r => r.Id == row.RegistrantId)
                : null;
            people.Add(Participant(row, registrant, server));
        }

        return new JsonObject
        {
            ["confId"] = meeting.Id,
            ["confName"] = meeting.Name,
            ["confNumber"] = meeting.MeetingNo,
            ["hostName"] = session.HostName,
            ["confUUID"] = session.Uuid,
            ["startTime"] = SiteTime.FormatGmt(session.StartUtc),
            ["endTime"] = SiteTime.FormatGmt(session.EndUtc),
            ["duration"] = Minutes(session.StartUtc, session.EndUtc),
            [registration ? "records" : "attendees"] = people,
        };
    }

    /// <summary>getConfPolls for one session: every person who voted, with their answers.</summary>
    public static JsonObject Polls(Meeting meeting, HeldSession session)
    {
        var records = new JsonArray();
        foreach (var response in session.PollResponses)
        {
            var record = new JsonObject { ["name"] = response.Name };
            if (response.Email is not null)
            {
                record["email"] = response.Email;
            }

            record["question_details"] = new JsonArray(response.Answers
                .Select(a => (JsonNode)new JsonObject { ["question"] = a.Question, ["answer"] = a.Answer })
                .ToArray());
            records.Add(record);
        }

        return new JsonObject
        {
            ["startTime"] = SiteTime.FormatGmt(session.StartUtc),
            ["confNo"] = meeting.MeetingNo,
            ["uuid"] = session.Uuid,
            ["records"] = records,
        };
    }

    private static JsonObject ConfInfo(Meeting meeting, DateTimeOffset start, DateTimeOffset end) => new()
    {
        ["topic"] = meeting.Name,
        ["meetingNo"] = meeting.MeetingNo,
        ["duration"] = Minutes(start, end),
        ["startTime"] = SiteTime.FormatGmt(start),
        ["endTime"] = SiteTime.FormatGmt(end),
    };

    private static JsonObject Participant(AttendanceRow row, Registrant? registrant, ServerInfo server)
    {
        var json = new JsonObject
        {
            ["cuid"] = row.Cuid,
            ["participantName"] = row.Name,
            ["joinTime"] = SiteTime.FormatGmt(row.JoinUtc),
            ["leaveTime"] = SiteTime.FormatGmt(row.LeaveUtc),
            ["device"] = row.Device,
            ["ip"] = row.Ip,
        };
        if (registrant is null)
        {
            return json;
        }

        // The registration is written as getRegistrants writes it, so the two answers never drift apart.
        var listed = RegistrantJson.Listed(registrant, server);
        json["registrantId"] = registrant.Id;
        foreach (var key in RegistrationKeys)
        {
            json[key] = listed[key]?.DeepClone();
        }

        return json;
    }

    private static int Minutes(DateTimeOffset start, DateTimeOffset end) => (int)Math.Round((end - start).TotalMinutes);
}
