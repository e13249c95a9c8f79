using System.Globalization;

namespace BizConf.Emulator;

/// <summary>The command line: <c>[--urls URL] [--state FILE] [--latency-ms N] [--rate-limit N]</c> (also <c>--name=value</c>).</summary>
internal sealed class EmulatorOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public const string Usage = "Usage: [--urls URL] [--state FILE] [--latency-ms N] [--rate-limit N]";

    public string Urls { get; init; } = DefaultUrl;

    public string? StatePath { get; init; }

    public int LatencyMs { get; init; }

    /// <summary>Requests a second per site (<see cref="RateLimiter"/>), or null for no limit.</summary>
    public double? RateLimit { get; init; }

    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        string urls = DefaultUrl;
        string? state = null;
        var latency = 0;
        double? rateLimit = null;
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
                case "--rate-limit":
                    rateLimit = ParseRate(Value());
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }
        }

        return new EmulatorOptions { Urls = urls, StatePath = state, LatencyMs = latency, RateLimit = rateLimit };
    }

    private static double ParseRate(string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate)
        && rate > 0 && rate <= BizConf.Emulator.RateLimit.MaxPerSecond
            ? rate
            : throw new ArgumentException($"--rate-limit takes a number of requests a second, more than 0 and at most {BizConf.Emulator.RateLimit.MaxPerSecond.ToString(CultureInfo.InvariantCulture)}, not '{text}'.");

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0
            ? (arg[..equals], arg[(equals + 1)..])
            : (arg, null);
    }
}
