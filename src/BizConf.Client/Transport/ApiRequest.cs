using System.Globalization;
using System.Net.Http;

namespace BizConf.Transport;

/// <summary>Which token signs a request (docs/API.md, "Signing").</summary>
internal enum TokenKind
{
    /// <summary>md5(loginName|apiKey|timeStamp), acting for one account.</summary>
    Account,

    /// <summary>md5(apiKey|timeStamp) with the siteSign: the report endpoints.</summary>
    Site,
}

/// <summary>What may be done after a failure that may hide the request carried out (a timeout, a broken connection, 103).</summary>
internal enum Repeat
{
    /// <summary>Sending it twice does no harm (a read, a change that sets the same values): the transport retries it.</summary>
    Safe,

    /// <summary>A second copy would do the work twice: the transport stops, and the client step looks for the result before repeating.</summary>
    LookFirst,

    /// <summary>A second copy would do the work twice and there is nothing to look in: the failure is final, with a note saying how to check.</summary>
    Never,
}

/// <summary>
/// One request to one endpoint, as its operation declares it: the fields in order, which token signs it, the account
/// it acts for, and whether it is safe to repeat. It is built, then only read: what changes from one attempt to the
/// next (the timestamp, the attempt number) lives in <see cref="CallState"/>.
/// </summary>
/// <param name="endpoint">The endpoint's path below the base URI.</param>
/// <param name="method">GET or POST, as the endpoint takes it.</param>
/// <param name="token">Which token signs it.</param>
/// <param name="loginName">The account an account-token request acts for.</param>
/// <param name="repeat">Whether, and how, it is safe to send again.</param>
internal sealed class ApiRequest(string endpoint, HttpMethod method, TokenKind token, string? loginName, Repeat repeat)
{
    private readonly List<KeyValuePair<string, string>> fields = new List<KeyValuePair<string, string>>();

    public string Endpoint { get; } = endpoint;

    public HttpMethod Method { get; } = method;

    public TokenKind Token { get; } = token;

    /// <summary>The account an account-token request acts for.</summary>
    public string? LoginName { get; } = loginName;

    public Repeat Repeat { get; } = repeat;

    /// <summary>For <see cref="Repeat.Never"/>: what the failure says about checking by hand; a general sentence when null.</summary>
    public string? NotRepeatedNote { get; private set; }

    public IReadOnlyList<KeyValuePair<string, string>> Fields => fields;

    /// <summary>Adds a field; a null value is left out (the API reads a missing key as "not set").</summary>
    public ApiRequest Add(string name, string? value)
    {
        if (value != null)
        {
            fields.Add(new KeyValuePair<string, string>(name, value));
        }

        return this;
    }

    public ApiRequest Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public ApiRequest AddFlag(string name, bool? value) => Add(name, value.HasValue ? (value.Value ? "1" : "0") : null);

    public ApiRequest WithNotRepeatedNote(string note)
    {
        NotRepeatedNote = note;
        return this;
    }
}
