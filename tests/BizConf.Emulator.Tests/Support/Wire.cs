using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BizConf.Emulator.Tests.Support;

/// <summary>The client side of the wire, written here independently of the emulator: tokens and site wall times.</summary>
public static class Wire
{
    public const string DemoLogin = "demo";
    public const string DemoKey = "demo-api-key";
    public const string DemoSite = "demo-site";

    private static readonly TimeSpan SiteOffset = TimeSpan.FromHours(8);

    public static string Md5(string text)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes(text));
        var hex = new StringBuilder(32);
        foreach (var b in hash)
        {
            hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }

    public static string AccountToken(string login, string apiKey, long timeStamp) =>
        Md5($"{login}|{apiKey}|{timeStamp.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>A site wall time (UTC+8) as the API expects it in requests.</summary>
    public static string Wall(DateTimeOffset instant) =>
        instant.ToOffset(SiteOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>An instant as the API writes it in responses (GMT).</summary>
    public static string Gmt(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
