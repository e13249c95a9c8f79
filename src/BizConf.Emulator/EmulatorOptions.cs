using System.Globalization;

namespace BizConf.Emulator;

/// <summary>The command line: <c>[--urls URL] [--state FILE] [--latency-ms N]</c> (also <c>--name=value</c>).</summary>
public sealed class EmulatorOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public string Urls { get; init; } = DefaultUrl;

    public string? StatePath { get; init; }

    public int LatencyMs { get; init; }

    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        string urls = DefaultUrl;
        string? state = null;
        var latency = 0;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            string Value() => inlineValue
                ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value."));
            switch (name)
            {
                case "--urls":
                    urls = Value();
                    break;
                case "--state":
                    state = Value();
                    break;
                case "--latency-ms":
                    var text = Value();
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out latency))
                    {
                        throw new ArgumentException($"--latency-ms takes a number of milliseconds, not '{text}'.");
                    }

                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: [--urls URL] [--state FILE] [--latency-ms N]");
            }
        }

        return new EmulatorOptions { Urls = urls, StatePath = state, LatencyMs = latency };
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0
            ? (arg[..equals], arg[(equals + 1)..])
            : (arg, null);
    }
}
