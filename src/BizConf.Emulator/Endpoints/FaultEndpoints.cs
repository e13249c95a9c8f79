using System.Text.Json.Nodes;

namespace BizConf.Emulator.Endpoints;

/// <summary>
/// What the admin API can make go wrong: armed faults (<c>/_emulator/faults</c>) and the rate limit
/// (<c>/_emulator/rate-limit</c>), which rations /openapi/ requests per site and answers the rest 429.
/// </summary>
internal sealed class FaultEndpoints(Faults faults, RateLimiter limiter)
{
    private const string FaultExample = "{\"endpoint\":\"*\",\"kind\":\"http503\",\"count\":1,\"every\":1,\"delayMs\":0,\"retryAfterSec\":5}";
    private const string RateExample = "{\"perSecond\":20,\"burst\":20}";

    public static void Map(IEndpointRouteBuilder routes)
    {
        var endpoints = ActivatorUtilities.CreateInstance<FaultEndpoints>(routes.ServiceProvider);
        var admin = routes.MapAdminGroup();

        admin.MapPost("/faults", (HttpRequest request) => endpoints.AddFaultAsync(request));
        admin.MapGet("/faults", endpoints.ListFaults);
        admin.MapDelete("/faults", endpoints.ClearFaults);
        admin.MapPut("/rate-limit", (HttpRequest request) => endpoints.SetRateAsync(request));
        admin.MapGet("/rate-limit", endpoints.Rate);
        admin.MapDelete("/rate-limit", endpoints.ClearRate);
    }

    private IResult ListFaults() => AdminGroup.Json(faults.ToJson());

    private IResult ClearFaults()
    {
        faults.Clear();
        return Results.NoContent();
    }

    private IResult Rate() => AdminGroup.Json(RateLimiter.ToJson(limiter.Current));

    private IResult ClearRate()
    {
        limiter.Clear();
        return Results.NoContent();
    }

    private async Task<IResult> AddFaultAsync(HttpRequest request)
    {
        var body = await AdminBody.ReadAsync(request, FaultExample, emptyAllowed: false,
            "endpoint", "kind", "count", "every", "delayMs", "retryAfterSec", "totalPage");
        var kindName = body.Text("kind");
        if (!Faults.TryParseKind(kindName, out var kind))
        {
            var given = kindName is null ? "is required" : $"'{kindName}' is not one";
            throw new AdminBodyException($"'kind' {given}: it must be one of {Faults.KindNames}.");
        }

        var endpoint = body.Text("endpoint") is { Length: > 0 } named ? named.Trim('/') : FaultRule.AnyEndpoint;
        var totalPage = body.Whole("totalPage", min: 0);
        if (kind == FaultKind.ClaimPages)
        {
            if (totalPage is null)
            {
                throw new AdminBodyException("'totalPage' is required for claimPages: the page count the listing is to claim.");
            }

            if (endpoint != FaultRule.AnyEndpoint && !string.Equals(endpoint, Faults.ListingEndpoint, StringComparison.OrdinalIgnoreCase))
            {
                throw new AdminBodyException($"'endpoint' must be {Faults.ListingEndpoint} or * for claimPages, not '{endpoint}'.");
            }
        }
        else if (totalPage is not null)
        {
            throw new AdminBodyException("'totalPage' is only for the kind claimPages.");
        }

        var rule = new FaultRule
        {
            Endpoint = endpoint,
            Kind = kind,
            Remaining = body.Whole("count", min: 1) ?? 1,
            Every = body.Whole("every", min: 1) ?? 1,
            DelayMs = body.Whole("delayMs", min: 0) ?? 0,
            RetryAfterSec = body.Whole("retryAfterSec", min: 0),
            TotalPage = totalPage,
        };
        faults.Add(rule);
        return AdminGroup.Json(rule.ToJson());
    }

    private async Task<IResult> SetRateAsync(HttpRequest request)
    {
        var body = await AdminBody.ReadAsync(request, RateExample, emptyAllowed: false, "perSecond", "burst");
        var perSecond = body.Positive("perSecond", RateLimit.MaxPerSecond)
            ?? throw new AdminBodyException("'perSecond' is required: the requests a second each site may send.");
        var burst = body.Whole("burst", min: 1, max: RateLimit.MaxBurst);
        return AdminGroup.Json(RateLimiter.ToJson(limiter.Set(perSecond, burst)));
    }
}
