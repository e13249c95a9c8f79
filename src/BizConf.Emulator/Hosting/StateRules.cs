using System.Globalization;
using BizConf.Emulator.Model;

namespace BizConf.Emulator.Hosting;

/// <summary>
/// What a loaded state document must hold before the emulator runs on it: no empty entries in its lists, every
/// account on a known site, every meeting and webinar of a known account, ids and numbers unique and below the
/// counters that hand out the next ones. Nulls where the model allows none are refused while the JSON is read.
/// </summary>
internal static class StateRules
{
    /// <summary>The first thing wrong with <paramref name="data"/>, in words; null when it is sound.</summary>
    public static string? Problem(EmulatorData data) =>
        data.FormatVersion is not (1 or EmulatorData.CurrentFormat)
            ? $"formatVersion is {data.FormatVersion}; this emulator reads versions 1 and {EmulatorData.CurrentFormat}."
            : SitesProblem(data) ?? AccountsProblem(data) ?? MeetingsProblem(data) ?? WebinarsProblem(data) ?? TokensProblem(data);

    private static string? SitesProblem(EmulatorData data)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (site, i) in Indexed(data.Sites))
        {
            var at = $"sites[{i}]";
            if (site is null)
            {
                return $"{at} is null.";
            }

            if (site.SiteSign.Length == 0 || site.ApiKey.Length == 0)
            {
                return $"{at} needs a siteSign and an apiKey.";
            }

            if (!seen.Add(site.SiteSign))
            {
                return $"{at}: site '{site.SiteSign}' is listed twice.";
            }

            if (site.Licences < 0)
            {
                return $"{at}: licences cannot be negative.";
            }
        }

        return null;
    }

    private static string? AccountsProblem(EmulatorData data)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var userIds = new HashSet<long>();
        foreach (var (account, i) in Indexed(data.Accounts))
        {
            var at = $"accounts[{i}]";
            if (account is null)
            {
                return $"{at} is null.";
            }

            if (account.LoginName.Length == 0)
            {
                return $"{at} needs a loginName.";
            }

            if (!seen.Add(account.LoginName))
            {
                return $"{at}: account '{account.LoginName}' is listed twice.";
            }

            if (data.FindSite(account.SiteSign) is null)
            {
                return $"{at}: account '{account.LoginName}' is on site '{account.SiteSign}', which is not in sites.";
            }

            if (account.MaxConcurrent < 0)
            {
                return $"{at}: maxConcurrent cannot be negative.";
            }

            if (!userIds.Add(account.UserId) || account.UserId >= data.NextUserId)
            {
                return $"{at}: userId {account.UserId} is used twice or is not below nextUserId ({data.NextUserId}).";
            }
        }

        return null;
    }

    /// <summary>Checked for every meeting at each start, so written to cost little when all is well: words only for a fault.</summary>
    private static string? MeetingsProblem(EmulatorData data)
    {
        var ids = new HashSet<long>(data.Meetings.Count);
        var numbers = new HashSet<string>(data.Meetings.Count, StringComparer.Ordinal);
        var owners = data.Accounts.Select(a => a.LoginName).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < data.Meetings.Count; i++)
        {
            var meeting = data.Meetings[i];
            string At() => $"meetings[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (meeting is null)
            {
                return $"{At()} is null.";
            }

            if (meeting.Id < 1 || meeting.Id >= data.NextMeetingId || !ids.Add(meeting.Id))
            {
                return $"{At()}: id {meeting.Id} is used twice or is not between 1 and nextMeetingId ({data.NextMeetingId}).";
            }

            if (meeting.MeetingNo.Length == 0 || !numbers.Add(meeting.MeetingNo))
            {
                return $"{At()}: meetingNo '{meeting.MeetingNo}' is empty or used twice.";
            }

            if (!owners.Contains(meeting.OwnerLoginName))
            {
                return $"{At()}: meeting {meeting.Id} belongs to account '{meeting.OwnerLoginName}', which is not in accounts.";
            }

            if (meeting.Duration < 1 || meeting.Lifecycle is not (MeetingLifecycle.Scheduled or MeetingLifecycle.Cancelled or MeetingLifecycle.Ended))
            {
                return $"{At()}: meeting {meeting.Id} needs a duration of at least 1 and a lifecycle of Scheduled, Cancelled or Ended.";
            }

            if (ListProblem(meeting) is { } problem)
            {
                return At() + problem;
            }
        }

        return null;
    }

    /// <summary>The lists inside a meeting may be empty, never hold null entries.</summary>
    private static string? ListProblem(Meeting meeting)
    {
        for (var c = 0; c < meeting.CustomQuestions.Count; c++)
        {
            if (meeting.CustomQuestions[c] is not { } question || question.Answers.Contains(null!))
            {
                return $".customQuestions[{c}] is null or holds a null answer.";
            }
        }

        if (FirstNull(meeting.StandardQuestions) is { } s)
        {
            return $".standardQuestions[{s}] is null.";
        }

        for (var r = 0; r < meeting.Registrants.Count; r++)
        {
            if (meeting.Registrants[r] is not { } registrant
                || registrant.Fields.ContainsValue(null!)
                || registrant.CustomAnswers.ContainsValue(null!))
            {
                return $".registrants[{r}] is null or has a null value in its fields or customAnswers.";
            }
        }

        for (var h = 0; h < meeting.HeldSessions.Count; h++)
        {
            if (meeting.HeldSessions[h] is not { } session
                || FirstNull(session.Attendance) is not null
                || FirstNull(session.PollResponses) is not null
                || session.PollResponses.Exists(p => FirstNull(p.Answers) is not null))
            {
                return $".heldSessions[{h}] is null or holds a null entry.";
            }
        }

        return null;
    }

    private static string? WebinarsProblem(EmulatorData data)
    {
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (webinar, i) in Indexed(data.Webinars))
        {
            var at = $"webinars[{i}]";
            if (webinar is null)
            {
                return $"{at} is null.";
            }

            if (webinar.WebinarNo.Length == 0 || !numbers.Add(webinar.WebinarNo))
            {
                return $"{at}: webinarNo '{webinar.WebinarNo}' is empty or used twice.";
            }

            if (data.FindAccount(webinar.OwnerLoginName) is null)
            {
                return $"{at}: webinar {webinar.WebinarNo} belongs to account '{webinar.OwnerLoginName}', which is not in accounts.";
            }
        }

        return null;
    }

    private static string? TokensProblem(EmulatorData data) =>
        FirstNull(data.UsedTokens) is { } t
            ? $"usedTokens[{t.ToString(CultureInfo.InvariantCulture)}] is null."
            : null;

    private static int? FirstNull<T>(List<T> items)
        where T : class
    {
        var index = items.FindIndex(item => item is null);
        return index < 0 ? null : index;
    }

    private static IEnumerable<(T? Item, int Index)> Indexed<T>(List<T> items)
        where T : class =>
        items.Select((item, index) => ((T?)item, index));
}
