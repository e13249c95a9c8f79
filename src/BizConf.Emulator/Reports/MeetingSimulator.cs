using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BizConf.Emulator.Model;

namespace BizConf.Emulator.Reports;

/// <summary>What a simulation is asked for: how many people come besides the registrants, the seed, and how many poll questions.</summary>
internal sealed record SimulationPlan(int Guests, int Seed, int Polls);

/// <summary>
/// Makes a meeting take place: the <c>duration</c> minutes up to an end time, with its approved registrants and
/// some guests joining and leaving inside that window. Names of guests, devices, addresses, join times and votes
/// come from a <see cref="Random"/> seeded by the plan, so the same seed gives the same people doing the same
/// things. The session id does not: it comes from the meeting and the session's place among its sessions, so no
/// two sessions share one, whatever their seeds.
/// </summary>
internal static class MeetingSimulator
{
    private static readonly string[] GuestNames =
    {
        "王芳", "Li Wei", "Anna Berg", "张敏", "Omar Haddad", "Sofia Rossi", "刘洋", "Kenji Sato", "Maria Silva", "陈静",
        "David Cohen", "Priya Nair",
    };

    private static readonly string[] Devices = { "windows", "mac", "ios", "android", "web" };

    private static readonly (string Question, string[] Choices)[] PollPool =
    {
        ("Which day suits the follow-up?", new[] { "Monday", "Wednesday", "Friday" }),
        ("How useful was this meeting?", new[] { "Very", "Somewhat", "Not really" }),
        ("谁当班长", new[] { "simon", "lion", "binson" }),
        ("Shall we record the next session?", new[] { "Yes", "No" }),
    };

    private sealed record Person(string Cuid, string Name, string? RegistrantId, string? Email);

    /// <summary>
    /// The window a session ending at <paramref name="end"/> takes: the meeting's duration up to the end, in whole
    /// seconds.
    /// </summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Window(Meeting meeting, DateTimeOffset end)
    {
        var wholeEnd = new DateTimeOffset(end.UtcTicks - end.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        return (wholeEnd.AddMinutes(-meeting.Duration), wholeEnd);
    }

    /// <summary>The session of <paramref name="meeting"/> that overlaps the window, if any: a meeting cannot be held twice at once.</summary>
    public static HeldSession? HeldDuring(Meeting meeting, (DateTimeOffset Start, DateTimeOffset End) window) =>
        meeting.HeldSessions.Find(s => s.StartUtc < window.End && window.Start < s.EndUtc);

    /// <summary>
    /// Adds a held session to <paramref name="meeting"/> in <paramref name="window"/> (see <see cref="Window"/>),
    /// keeps the sessions oldest first, moves the meeting's start to its latest session and marks it ended. Every
    /// third person leaves once and comes back, so there are always people with two rows when anyone attends.
    /// </summary>
    public static HeldSession Hold(Meeting meeting, SimulationPlan plan, (DateTimeOffset Start, DateTimeOffset End) window)
    {
        var random = new Random(plan.Seed);
        var start = window.Start;
        var session = new HeldSession
        {
            Uuid = SessionUuid(meeting, meeting.HeldSessions.Count),
            StartUtc = start,
            EndUtc = window.End,
            HostName = meeting.OwnerLoginName,
        };

        var people = PeopleOf(meeting, plan.Guests);
        var questions = Questions(plan.Polls);
        var seconds = meeting.Duration * 60;
        for (var index = 0; index < people.Count; index++)
        {
            var person = people[index];
            var device = Devices[random.Next(Devices.Length)];
            var ip = string.Create(CultureInfo.InvariantCulture, $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}");
            foreach (var (joinAt, leaveAt) in Stays(random, seconds, rejoins: index % 3 == 0))
            {
                session.Attendance.Add(new AttendanceRow
                {
                    Cuid = person.Cuid,
                    Name = person.Name,
                    RegistrantId = person.RegistrantId,
                    JoinUtc = start.AddSeconds(joinAt),
                    LeaveUtc = start.AddSeconds(leaveAt),
                    Device = device,
                    Ip = ip,
                });
            }

            if (questions.Count > 0)
            {
                session.PollResponses.Add(new PollResponse
                {
                    Name = person.Name,
                    Email = person.Email,
                    Answers = questions
                        .Select(q => new PollChoice { Question = q.Question, Answer = q.Choices[random.Next(q.Choices.Length)] })
                        .ToList(),
                });
            }
        }

        session.Attendance.Sort((a, b) => a.JoinUtc.CompareTo(b.JoinUtc));
        meeting.HeldSessions.Add(session);
        meeting.HeldSessions.Sort((a, b) => a.StartUtc.CompareTo(b.StartUtc));
        meeting.StartUtc = meeting.HeldSessions[^1].StartUtc;
        meeting.Lifecycle = MeetingLifecycle.Ended;
        return session;
    }

    private static List<Person> PeopleOf(Meeting meeting, int guests)
    {
        var people = meeting.Registrants
            .Where(r => string.Equals(r.Status, "approved", StringComparison.Ordinal))
            .Select(r => new Person(r.Id, FullName(r), r.Id, r.Email))
            .ToList();
        for (var i = 0; i < guests; i++)
        {
            var round = i / GuestNames.Length;
            var name = round == 0 ? GuestNames[i] : string.Create(CultureInfo.InvariantCulture, $"{GuestNames[i % GuestNames.Length]} {round + 1}");
            people.Add(new Person(string.Create(CultureInfo.InvariantCulture, $"guest-{i + 1}"), name, null, null));
        }

        return people;
    }

    private static string FullName(Registrant registrant) =>
        registrant.Fields.TryGetValue("last_name", out var last) && last.Length > 0
            ? $"{registrant.FirstName} {last}"
            : registrant.FirstName;

    private static List<(string Question, string[] Choices)> Questions(int count)
    {
        var questions = new List<(string, string[])>();
        for (var i = 0; i < count; i++)
        {
            var (question, choices) = PollPool[i % PollPool.Length];
            var round = i / PollPool.Length;
            questions.Add((round == 0 ? question : string.Create(CultureInfo.InvariantCulture, $"{question} ({round + 1})"), choices));
        }

        return questions;
    }

    /// <summary>Offsets in seconds from the start: one stay, or two with a gap between them. Every stay lasts at least a second.</summary>
    private static IEnumerable<(int Join, int Leave)> Stays(Random random, int seconds, bool rejoins)
    {
        if (!rejoins)
        {
            var join = random.Next(0, seconds / 3);
            yield return (join, random.Next(join + 1, seconds + 1));
            yield break;
        }

        var firstJoin = random.Next(0, seconds / 4);
        var firstLeave = random.Next(firstJoin + 1, seconds / 2 + 1);
        var secondJoin = random.Next(firstLeave + 1, seconds * 3 / 4 + 1);
        yield return (firstJoin, firstLeave);
        yield return (secondJoin, random.Next(secondJoin + 1, seconds + 1));
    }

    /// <summary>
    /// A base64 id like the service's, from the meeting's id and number and the session's index: sessions are
    /// never removed, so the index is new for every session, and the number (random per meeting) keeps ids from
    /// repeating after a reset or in another emulator.
    /// </summary>
    private static string SessionUuid(Meeting meeting, int index)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{meeting.Id}/{meeting.MeetingNo}/{index}");
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
    }
}
