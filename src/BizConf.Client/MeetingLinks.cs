using System.Globalization;

namespace BizConf;

/// <summary>
/// The client protocol links of docs/API.md, "Links". Pure text: nothing is sent. Every value is percent-encoded
/// as UTF-8 (张三 becomes %E5%BC%A0%E4%B8%89), and an empty value stays empty (<c>pwd=</c>).
/// </summary>
public static class MeetingLinks
{
    private const string Root = "cfcloud://www.bizvideo.cn/";

    /// <summary>The link that joins the meeting as <paramref name="displayName"/>.</summary>
    public static MeetingLink Join(string meetingNumber, string? password, string? displayName)
    {
        RequireMeetingNumber(meetingNumber);
        InputRules.CheckText("Password", password);
        InputRules.CheckText("DisplayName", displayName);
        var uri = string.Format(
            CultureInfo.InvariantCulture,
            "{0}join?confno={1}&pwd={2}&uname={3}",
            Root,
            Encode(meetingNumber),
            Encode(password),
            Encode(displayName));
        return new MeetingLink(meetingNumber, MeetingLinkRole.Attendee, displayName ?? string.Empty, uri);
    }

    /// <summary>The link that starts the meeting as its host; the user id and the host's token are required.</summary>
    public static MeetingLink Start(string meetingNumber, string userId, string hostToken, string? hostName)
    {
        RequireMeetingNumber(meetingNumber);
        if (string.IsNullOrWhiteSpace(userId))
        {
            throw new BizConfArgumentException("UserId must be given for a host link (the meeting's UserId).", "UserId");
        }

        if (string.IsNullOrWhiteSpace(hostToken))
        {
            throw new BizConfArgumentException("HostToken must be given for a host link (the meeting's HostToken).", "HostToken");
        }

        InputRules.CheckText("DisplayName", hostName);
        var user = Encode(userId);
        var uri = string.Format(
            CultureInfo.InvariantCulture,
            "{0}start?confno={1}&sid={2}&stype=100&uid={2}&uname={3}&token={4}",
            Root,
            Encode(meetingNumber),
            user,
            Encode(hostName),
            Encode(hostToken));
        return new MeetingLink(meetingNumber, MeetingLinkRole.Host, hostName ?? string.Empty, uri);
    }

    private static void RequireMeetingNumber(string meetingNumber)
    {
        if (string.IsNullOrWhiteSpace(meetingNumber))
        {
            throw new BizConfArgumentException("MeetingNumber must not be empty.", "MeetingNumber");
        }
    }

    private static string Encode(string? value) => string.IsNullOrEmpty(value) ? string.Empty : Uri.EscapeDataString(value);
}
