using System.Text.Json.Nodes;

namespace BizConf.Emulator;

/// <summary>The ways a fault can break a request (POST /_emulator/faults <c>kind</c>).</summary>
internal enum FaultKind
{
    Http429,
    Http503,
    Status103,

    /// <summary>Answered 102 before anything is done, as when another process signing with the key took the timestamp.</summary>
    Status102,
    Delay,
    Drop,

    /// <summary>Carried out (changes saved), then the connection is dropped with no answer.</summary>
    Lost,

    /// <summary>Carried out, then answered after <see cref="FaultRule.DelayMs"/>: a client timeout hides a done request.</summary>
    Late,

    /// <summary>
    /// listConf only: carried out, but the answer claims <see cref="FaultRule.TotalPage"/> pages (and that many
    /// full pages of records) whatever the real count, so a client that trusts the page count instead of the data
    /// can be caught.
    /// </summary>
    ClaimPages,
}

/// <summary>One armed fault: the next <see cref="Remaining"/> requests to <see cref="Endpoint"/> ("*" = any) hit it.</summary>
internal sealed class FaultRule
{
    public const string AnyEndpoint = "*";

    public required string Endpoint { get; init; }

    public required FaultKind Kind { get; init; }

    public int Remaining { get; set; }

    /// <summary>Strikes every <see cref="Every"/>th matching request (1: each one), so a fault can be spread over a run.</summary>
    public int Every { get; init; } = 1;

    /// <summary>Matching requests seen so far, struck or not.</summary>
    public int Seen { get; set; }

    public int DelayMs { get; init; }

    public int? RetryAfterSec { get; init; }

    /// <summary>The page count a <see cref="FaultKind.ClaimPages"/> answer claims.</summary>
    public int? TotalPage { get; init; }

    public bool Matches(string endpoint) =>
        (Endpoint == AnyEndpoint || string.Equals(Endpoint, endpoint, StringComparison.OrdinalIgnoreCase))
        && (Kind != FaultKind.ClaimPages || string.Equals(endpoint, Faults.ListingEndpoint, StringComparison.OrdinalIgnoreCase));

    public JsonObject ToJson() => new()
    {
        ["endpoint"] = Endpoint,
        ["kind"] = Faults.NameOf(Kind),
        ["count"] = Remaining,
        ["every"] = Every,
        ["delayMs"] = DelayMs,
        ["retryAfterSec"] = RetryAfterSec,
        ["totalPage"] = TotalPage,
    };
}

/// <summary>The armed faults. Rules are tried in the order they were added; each use spends one of a rule's count.</summary>
internal sealed class Faults
{
    /// <summary>The one endpoint a <see cref="FaultKind.ClaimPages"/> fault can strike.</summary>
    public const string ListingEndpoint = "listConf";

    private static readonly Dictionary<string, FaultKind> KindsByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["http429"] = FaultKind.Http429,
        ["http503"] = FaultKind.Http503,
        ["status103"] = FaultKind.Status103,
        ["status102"] = FaultKind.Status102,
        ["delay"] = FaultKind.Delay,
        ["drop"] = FaultKind.Drop,
        ["lost"] = FaultKind.Lost,
        ["late"] = FaultKind.Late,
        ["claimPages"] = FaultKind.ClaimPages,
    };

    private readonly object gate = new();
    private readonly List<FaultRule> rules = new();

    public static bool TryParseKind(string? name, out FaultKind kind) =>
        KindsByName.TryGetValue(name ?? "", out kind);

    public static string NameOf(FaultKind kind) => KindsByName.First(pair => pair.Value == kind).Key;

    /// <summary>Every kind by name, for error messages.</summary>
    public static string KindNames => string.Join(", ", KindsByName.Keys);

    public void Add(FaultRule rule)
    {
        lock (gate)
        {
            rules.Add(rule);
        }
    }

    /// <summary>The fault the request to <paramref name="endpoint"/> must suffer, if any, spending one use of it.</summary>
    public FaultRule? Take(string endpoint)
    {
        lock (gate)
        {
            foreach (var rule in rules)
            {
                if (!rule.Matches(endpoint) || ++rule.Seen % rule.Every != 0)
                {
                    continue;
                }

                rule.Remaining--;
                if (rule.Remaining <= 0)
                {
                    rules.Remove(rule);
                }

                return rule;
            }

            return null;
        }
    }

    public JsonArray ToJson()
    {
        lock (gate)
        {
            return new JsonArray(rules.Select(r => (JsonNode)r.ToJson()).ToArray());
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
        }
    }
}
