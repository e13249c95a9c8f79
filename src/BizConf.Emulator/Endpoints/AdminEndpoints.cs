using System.Text.Json.Nodes;
using BizConf.Emulator.Hosting;
using BizConf.Emulator.Meetings;
using BizConf.Emulator.Model;

namespace BizConf.Emulator.Endpoints;

/// <summary>
/// The emulator's own control API under /_emulator/: sites, accounts, the request log, reset, and a view of all
/// meetings (faults and the rate limit are in <see cref="FaultEndpoints"/>). Plain JSON in and out; 400 with
/// <c>{"error":…}</c> naming the field for a bad body.
/// </summary>
internal sealed class AdminEndpoints(EmulatorState state, Faults faults, RequestLog log, RateLimiter limiter, ServerInfo server)
{
    private const string SiteExample = "{\"siteSign\":\"s\",\"apiKey\":\"k\",\"licences\":5}";
    private const string AccountExample = "{\"loginName\":\"a\",\"siteSign\":\"s\",\"maxConcurrent\":1,\"locked\":false}";

    public static void Map(IEndpointRouteBuilder routes)
    {
        var endpoints = ActivatorUtilities.CreateInstance<AdminEndpoints>(routes.ServiceProvider);
        var admin = routes.MapAdminGroup();

        admin.MapPost("/sites", (HttpRequest request) => endpoints.PutSiteAsync(request));
        admin.MapPost("/accounts", (HttpRequest request) => endpoints.PutAccountAsync(request));
        admin.MapGet("/requests", endpoints.Requests);
        admin.MapDelete("/requests", endpoints.ClearRequests);
        admin.MapPost("/reset", endpoints.Reset);
        admin.MapGet("/meetings", endpoints.AllMeetings);
    }

    private IResult Requests() => AdminGroup.Json(log.ToJson());

    private IResult ClearRequests()
    {
        log.Clear();
        return Results.NoContent();
    }

    private async Task<IResult> PutSiteAsync(HttpRequest request)
    {
        var body = await AdminBody.ReadAsync(request, SiteExample, emptyAllowed: false, "siteSign", "apiKey", "licences");
        var siteSign = Required(body, "siteSign");
        var apiKey = body.Text("apiKey");
        var licences = body.Whole("licences", min: 0);
        return state.Change(data =>
        {
            var site = data.FindSite(siteSign);
            if (site is null)
            {
                if (string.IsNullOrEmpty(apiKey))
                {
                    throw new AdminBodyException($"'apiKey' is required for a new site ('{siteSign}' is not one yet).");
                }

                site = new Site { SiteSign = siteSign, Licences = EmulatorData.SeedLicences };
                data.Add(site);
            }

            data.Changing(site);
            site.ApiKey = string.IsNullOrEmpty(apiKey) ? site.ApiKey : apiKey;
            site.Licences = licences ?? site.Licences;
            return AdminGroup.Json(new JsonObject
            {
                ["siteSign"] = site.SiteSign,
                ["apiKey"] = site.ApiKey,
                ["licences"] = site.Licences,
            });
        });
    }

    private async Task<IResult> PutAccountAsync(HttpRequest request)
    {
        var body = await AdminBody.ReadAsync(request, AccountExample, emptyAllowed: false, "loginName", "siteSign", "maxConcurrent", "locked");
        var loginName = Required(body, "loginName");
        var givenSite = body.Text("siteSign");
        var maxConcurrent = body.Whole("maxConcurrent", min: 0);
        var locked = body.Flag("locked");
        return state.Change(data =>
        {
            var account = data.FindAccount(loginName);
            var siteSign = string.IsNullOrEmpty(givenSite) ? account?.SiteSign : givenSite;
            if (siteSign is null)
            {
                throw new AdminBodyException($"'siteSign' is required for a new account ('{loginName}' is not one yet).");
            }

            if (data.FindSite(siteSign) is null)
            {
                throw new AdminBodyException($"'siteSign' names an unknown site '{siteSign}': add it with POST /_emulator/sites first.");
            }

            if (account is null)
            {
                account = new Account { LoginName = loginName, UserId = data.NextUserId++ };
                data.Add(account);
            }

            data.Changing(account);
            account.SiteSign = siteSign;
            account.MaxConcurrent = maxConcurrent ?? account.MaxConcurrent;
            account.Locked = locked ?? account.Locked;
            return AdminGroup.Json(new JsonObject
            {
                ["loginName"] = account.LoginName,
                ["siteSign"] = account.SiteSign,
                ["maxConcurrent"] = account.MaxConcurrent,
                ["locked"] = account.Locked,
                ["userId"] = account.UserId,
            });
        });
    }

    private IResult Reset()
    {
        state.ResetToSeed();
        faults.Clear();
        log.Clear();
        limiter.Reset();
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
                json["sendEmail"] = m.SendEmail;
                return (JsonNode)json;
            }).ToArray();
        });
        return AdminGroup.Json(new JsonArray(meetings));
    }

    private static string Required(AdminBody body, string name) =>
        body.Text(name) is { Length: > 0 } text ? text : throw new AdminBodyException($"'{name}' is required.");
}
