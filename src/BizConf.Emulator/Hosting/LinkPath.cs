namespace BizConf.Emulator.Hosting;

/// <summary>
/// The web links the emulator hands out (join, start, registrant links) are stored as path and query only, and
/// <see cref="ServerInfo.Absolute"/> puts the current address in front when answering: a restart on the same
/// state file but another port (<c>--urls http://127.0.0.1:0</c>) must not hand out links to the old port.
/// </summary>
internal static class LinkPath
{
    /// <summary>The path and query of an http(s) link; anything else (a path already) unchanged.</summary>
    public static string Of(string link) =>
        link.StartsWith("http", StringComparison.OrdinalIgnoreCase)
        && Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.PathAndQuery
            : link;
}
