using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace BizConf.Transport;

internal enum TokenKind
{
    Account,
    Site,
}

/// <summary>One request to one endpoint: its fields in order, which token signs it, and whether it may be repeated.</summary>
internal sealed class ApiCall
{
    private readonly List<KeyValuePair<string, string>> fields = new List<KeyValuePair<string, string>>();

    public ApiCall(string endpoint, HttpMethod method, TokenKind token, bool safeToRepeat)
    {
        Endpoint = endpoint;
        Method = method;
        Token = token;
        SafeToRepeat = safeToRepeat;
    }

    public string Endpoint { get; }

    public HttpMethod Method { get; }

    public TokenKind Token { get; }

    /// <summary>
    /// True when sending the request twice does no harm, so an ambiguous failure (timeout, broken connection,
    /// status 103) may be retried. Creating calls are not: a retry could make a second meeting.
    /// </summary>
    public bool SafeToRepeat { get; }

    /// <summary>The account the call acts for; null signs with the session's login name.</summary>
    public string? LoginName { get; set; }

    /// <summary>
    /// For a call that is not safe to repeat blindly: after a failure that may hide the request carried out, the
    /// transport awaits this before sending again (a create looks for its meeting). Found, the transport stops with
    /// <see cref="RequestCarriedOutException"/>; not found, the call is sent again as a retry.
    /// </summary>
    public Func<CancellationToken, Task<LookResult>>? LookBeforeRepeat { get; set; }

    /// <summary>
    /// What a failure that may hide the request carried out says, on a call that is not repeated and has nothing
    /// to look in; a generic sentence when null.
    /// </summary>
    public string? NotRepeatedNote { get; set; }

    /// <summary>How many attempts of this call failed in a way that may hide a request carried out.</summary>
    public int AmbiguousFailures { get; set; }

    public IReadOnlyList<KeyValuePair<string, string>> Fields => fields;

    /// <summary>Adds a field; a null value is left out (the API reads a missing key as "not set").</summary>
    public ApiCall Add(string name, string? value)
    {
        if (value != null)
        {
            fields.Add(new KeyValuePair<string, string>(name, value));
        }

        return this;
    }

    public ApiCall Add(string name, long? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public ApiCall AddFlag(string name, bool? value) =>
        Add(name, value.HasValue ? (value.Value ? "1" : "0") : null);
}

/// <summary>What looking for a lost request's result found.</summary>
internal enum LookOutcome
{
    /// <summary>The request was carried out: nothing more is sent.</summary>
    Found,

    /// <summary>It was not: the request is sent again, as a retry.</summary>
    NotFound,

    /// <summary>The look itself failed: the request is not sent again, and the failure says to look by hand.</summary>
    Unknown,
}

/// <summary>What <see cref="ApiCall.LookBeforeRepeat"/> found, and the sentence that says so.</summary>
internal sealed class LookResult
{
    public LookResult(LookOutcome outcome, string said)
    {
        Outcome = outcome;
        Said = said;
    }

    public LookOutcome Outcome { get; }

    public string Said { get; }
}

/// <summary>Ends a call whose lost request <see cref="ApiCall.LookBeforeRepeat"/> found carried out; its caller holds the result.</summary>
internal sealed class RequestCarriedOutException : Exception
{
}
