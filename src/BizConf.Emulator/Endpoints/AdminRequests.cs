namespace BizConf.Emulator.Endpoints;

/// <summary>Body of POST /_emulator/sites. Absent values keep the site's current ones (licences default to 100 for a new site).</summary>
public sealed record SiteRequest(string? SiteSign, string? ApiKey, int? Licences);

/// <summary>Body of POST /_emulator/accounts. Absent values keep the account's current ones (maxConcurrent 1, not locked for a new one).</summary>
public sealed record AccountRequest(string? LoginName, string? SiteSign, int? MaxConcurrent, bool? Locked);

/// <summary>Body of POST /_emulator/faults.</summary>
public sealed record FaultRequest(string? Endpoint, string? Kind, int? Count, int? DelayMs, int? RetryAfterSec, int? Every);
