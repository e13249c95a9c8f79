using System.Text.Json.Nodes;
using BizConf.Emulator.Hosting;
using BizConf.Emulator.Meetings;
using BizConf.Emulator.Model;

namespace BizConf.Emulator.Endpoints;

/// <summary>
/// The emulator's own control API under /_emulator/ (DESIGN.md section 3): sites, accounts, faults, the request
/// log, reset, and a view of all meetings. Plain JSON in and out; 400 with <c>{"error":…}</c> for a bad body.
/// </summary>
public sealed class AdminEndpoints
{
    private readonly EmulatorState state;
    private readonly Faults faults;
    private readonly RequestLog log;
    private readonly ServerInfo server;

    public AdminEndpoints(EmulatorState state, Faults faults, RequestLog log, ServerInfo server)
    {
        this.state = state;
        this.faults = faults;
        this.log = log;
        this.server = server;
    }

    public static void Map(IEndpointRouteBuilder routes)
    {
        var endpoints = ActivatorUtilities.CreateInstance<AdminEndpoints>(routes.ServiceProvider);
        var admin = routes.MapAdminGroup();

        admin.MapPost("/sites", (SiteRequest body) => endpoints.PutSite(body));
        admin.MapPost("/accounts", (AccountRequest body) => endpoints.PutAccount(body));
        admin.MapPost("/faults", (FaultRequest body) => endpoints.AddFault(body));
        admin.MapGet("/faults", () => Json(endpoints.faults.ToJson()));
        admin.MapDelete("/faults", () =>
        {
            endpoints.faults.Clear();
            return Results.NoContent();
        });
        admin.MapGet("/requests", () => Json(endpoints.log.ToJson()));
        admin.MapDelete("/requests", () =>
        {
            endpoints.log.Clear();
            return Results.NoContent();
        });
        admin.MapPost("/reset", endpoints.Reset);
        admin.MapGet("/meetings", endpoints.AllMeetings);
    }

    private IResult PutSite(SiteRequest body)
    {
        if (string.IsNullOrEmpty(body.SiteSign))
        {
            return Problem("'siteSign' is required.");
        }

        if (body.Licences is < 0)
        {
            return Problem("'licences' cannot be negative.");
        }

        return state.Change(data =>
        {
            var site = data.FindSite(body.SiteSign);
            if (site is null)
            {
                if (string.IsNullOrEmpty(body.ApiKey))
                {
                    return Problem("'apiKey' is required for a new site.");
                }

                site = new Site { SiteSign = body.SiteSign, Licences = EmulatorData.SeedLicences };
                data.Sites.Add(site);
            }

            site.ApiKey = string.IsNullOrEmpty(body.ApiKey) ? site.ApiKey : body.ApiKey;
            site.Licences = body.Licences ?? site.Licences;
            return Json(new JsonObject
            {
                ["siteSign"] = site.SiteSign,
                ["apiKey"] = site.ApiKey,
                ["licences"] = site.Licences,
            });
        });
    }

    private IResult PutAccount(AccountRequest body)
    {
        if (string.IsNullOrEmpty(body.LoginName))
        {
            return Problem("'loginName' is required.");
        }

        if (body.MaxConcurrent is < 0)
        {
            return Problem("'maxConcurrent' cannot be negative.");
        }

        return state.Change(data =>
        {
            var account = data.FindAccount(body.LoginName);
            var siteSign = body.SiteSign ?? account?.SiteSign;
            if (data.FindSite(siteSign) is null)
            {
                return Problem($"Unknown site '{siteSign}'.");
            }

            if (account is null)
            {
                account = new Account { LoginName = body.LoginName, UserId = data.NextUserId++ };
                data.Accounts.Add(account);
            }

            account.SiteSign = siteSign!;
            account.MaxConcurrent = body.MaxConcurrent ?? account.MaxConcurrent;
            account.Locked = body.Locked ?? account.Locked;
            return Json(new JsonObject
            {
                ["loginName"] = account.LoginName,
                ["siteSign"] = account.SiteSign,
                ["maxConcurrent"] = account.MaxConcurrent,
                ["locked"] = account.Locked,
                ["userId"] = account.UserId,
            });
        });
    }

    private IResult AddFault(FaultRequest body)
    {
        if (!Faults.TryParseKind(body.Kind, out var kind))
        {
            return Problem("'kind' must be http429, http503, status103, status102, delay, drop, lost or late.");
        }

        if (body.Count is < 1 || body.Every is < 1 || body.DelayMs is < 0 || body.RetryAfterSec is < 0)
        {
            return Problem("'count' and 'every' must be at least 1; 'delayMs' and 'retryAfterSec' cannot be negative.");
        }

        var rule = new FaultRule
        {
            Endpoint = string.IsNullOrEmpty(body.Endpoint) ? FaultRule.AnyEndpoint : body.Endpoint.Trim('/'),
            Kind = kind,
            Remaining = body.Count ?? 1,
            Every = body.Every ?? 1,
            DelayMs = body.DelayMs ?? 0,
            RetryAfterSec = body.RetryAfterSec,
        };
        faults.Add(rule);
        return Json(rule.ToJson());
    }

    private IResult Reset()
    {
        state.ResetToSeed();
        faults.Clear();
        log.Clear();
        return Results.NoContent();
    }

    private IResult AllMeetings()
    {
        var meetings = state.Read(data =>
        {
            var now = state.Now;
            return data.Meetings.Select(m =>
            {
                var json = MeetingJson.Detail(m, now, server);
                json["loginName"] = m.OwnerLoginName;
                json["registrationType"] = m.RegistrationType;
                json["sendEmail"] = m.SendEmail;
                return (JsonNode)json;
            }).ToArray();
        });
        return Json(new JsonArray(meetings));
    }

    private static IResult Json(JsonNode body) =>
        Results.Text(Api.Envelope.Serialize(body), "application/json; charset=utf-8");

    private static IResult Problem(string error) =>
        Results.Text(Api.Envelope.Serialize(new JsonObject { ["error"] = error }), "application/json; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
