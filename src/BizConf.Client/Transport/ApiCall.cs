using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;

namespace BizConf.Transport
{
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
        /// For a call that is not safe to repeat blindly: its caller looks for the result of an ambiguous failure
        /// itself before sending again (a create looks for the meeting), so the failure is handed back as it is.
        /// </summary>
        public bool CallerChecksBeforeRepeat { get; set; }

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
}
