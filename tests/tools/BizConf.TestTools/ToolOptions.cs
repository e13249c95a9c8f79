using System.Globalization;

namespace BizConf.TestTools;

/// <summary>
/// The command line: a tool name, then <c>--option value</c> pairs. Every mistake is an
/// <see cref="ArgumentException"/> whose message names the option and the rule, printed to stderr with exit code 2.
/// </summary>
internal sealed class ToolOptions
{
    public const string Usage = """
        Usage: dotnet BizConf.TestTools.dll <tool> [--port N] [--log FILE] [options]
          proxy    [--user U --password P]
          gateway  --target URL [--hold-ms N] [--match TEXT]
          redirect --status 301|302|307|308 --location URL
          sink
          tls      [--name wrong.example]
        """;

    private static readonly string[] Common = ["--port", "--log"];

    private static readonly Dictionary<string, string[]> ToolSwitches = new(StringComparer.Ordinal)
    {
        ["proxy"] = ["--user", "--password"],
        ["gateway"] = ["--target", "--hold-ms", "--match"],
        ["redirect"] = ["--status", "--location"],
        ["sink"] = [],
        ["tls"] = ["--name"],
    };

    private static readonly int[] RedirectStatuses = [301, 302, 307, 308];

    private ToolOptions(string tool, IReadOnlyDictionary<string, string> values)
    {
        Tool = tool;
        Port = values.TryGetValue("--port", out var port) ? ParseInt("--port", port, 0, 65535) : 0;
        LogPath = values.TryGetValue("--log", out var log) ? Path.GetFullPath(log) : null;
        User = values.GetValueOrDefault("--user");
        Password = values.GetValueOrDefault("--password");
        if ((User is null) != (Password is null))
        {
            throw new ArgumentException("proxy: --user and --password go together; give both or neither.");
        }

        if (tool == "gateway")
        {
            Target = values.TryGetValue("--target", out var target)
                ? ParseHttpUri("--target", target)
                : throw new ArgumentException("gateway: --target URL is required (the server to forward to, such as http://127.0.0.1:5080).");
        }

        HoldMs = values.TryGetValue("--hold-ms", out var hold) ? ParseInt("--hold-ms", hold, 0, int.MaxValue) : 0;
        Match = values.GetValueOrDefault("--match");

        if (tool == "redirect")
        {
            Status = values.TryGetValue("--status", out var status)
                ? ParseInt("--status", status, 0, 999)
                : throw new ArgumentException("redirect: --status is required: 301, 302, 307 or 308.");
            if (!RedirectStatuses.Contains(Status))
            {
                throw new ArgumentException($"redirect: --status must be 301, 302, 307 or 308, not {status}.");
            }

            Location = values.TryGetValue("--location", out var location) && Uri.IsWellFormedUriString(location, UriKind.RelativeOrAbsolute)
                ? location
                : throw new ArgumentException("redirect: --location URL is required, a well-formed URL (such as http://127.0.0.1:5081/openapi/listConf).");
        }

        Name = values.GetValueOrDefault("--name") ?? "wrong.example";
        if (Uri.CheckHostName(Name) is UriHostNameType.Unknown or UriHostNameType.Basic)
        {
            throw new ArgumentException($"tls: --name must be a host name or an IP address, not '{Name}'.");
        }
    }

    public string Tool { get; }

    public int Port { get; }

    public string? LogPath { get; }

    public string? User { get; }

    public string? Password { get; }

    public Uri? Target { get; }

    public int HoldMs { get; }

    public string? Match { get; }

    public int Status { get; }

    public string? Location { get; }

    public string Name { get; }

    public static ToolOptions Parse(string[] args)
    {
        if (args.Length == 0)
        {
            throw new ArgumentException("Name a tool: proxy, gateway, redirect, sink or tls.");
        }

        var tool = args[0];
        if (!ToolSwitches.TryGetValue(tool, out var own))
        {
            throw new ArgumentException($"Unknown tool '{tool}'; the tools are proxy, gateway, redirect, sink and tls.");
        }

        var allowed = Common.Concat(own).ToArray();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            var name = args[i];
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"{tool}: unknown option '{name}'; it takes {string.Join(", ", allowed)}.");
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{tool}: {name} needs a value.");
            }

            if (!values.TryAdd(name, args[i + 1]))
            {
                throw new ArgumentException($"{tool}: {name} is given twice.");
            }
        }

        return new ToolOptions(tool, values);
    }

    private static int ParseInt(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{text}'.");

    private static Uri ParseHttpUri(string name, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new ArgumentException($"{name} must be an absolute http or https URL, not '{text}'.");
}
