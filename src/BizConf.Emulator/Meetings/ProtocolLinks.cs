namespace BizConf.Emulator.Meetings;

/// <summary>The <c>cfcloud://</c> links that open the BizConf client (docs/API.md, "Links"); every value URL-encoded as UTF-8.</summary>
internal static class ProtocolLinks
{
    private const string Host = "cfcloud://www.bizvideo.cn";

    public static string Join(string meetingNo, string password, string displayName) =>
        $"{Host}/join?confno={E(meetingNo)}&pwd={E(password)}&uname={E(displayName)}";

    public static string Start(string meetingNo, long userId, string hostName, string token)
    {
        var uid = E(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return $"{Host}/start?confno={E(meetingNo)}&sid={uid}&stype=100&uid={uid}&uname={E(hostName)}&token={E(token)}";
    }

    private static string E(string value) => Uri.EscapeDataString(value);
}
