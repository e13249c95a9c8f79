using System.Globalization;
using System.Text.Json.Nodes;

namespace BizConf.Emulator;

/// <summary>
/// Every /openapi/ request in arrival order, with the fields as sent and what was answered. Tests read it to
/// check what a client really put on the wire. The oldest entries go once <see cref="Capacity"/> is reached.
/// </summary>
public sealed class RequestLog
{
    public const int Capacity = 50_000;

    private readonly object _gate = new();
    private readonly LinkedList<Entry> _entries = new();

    public Entry Begin(DateTimeOffset time, string endpoint, string method, JsonObject fields)
    {
        var entry = new Entry(time, endpoint, method, fields);
        lock (_gate)
        {
            _entries.AddLast(entry);
            if (_entries.Count > Capacity)
            {
                _entries.RemoveFirst();
            }
        }

        return entry;
    }

    public JsonArray ToJson()
    {
        lock (_gate)
        {
            return new JsonArray(_entries.Select(e => (JsonNode)e.ToJson()).ToArray());
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    public sealed class Entry
    {
        private readonly object _gate = new();
        private int? _httpStatus;
        private int? _apiStatus;

        public Entry(DateTimeOffset time, string endpoint, string method, JsonObject fields)
        {
            Time = time;
            Endpoint = endpoint;
            Method = method;
            Fields = fields;
        }

        public DateTimeOffset Time { get; }

        public string Endpoint { get; }

        public string Method { get; }

        public JsonObject Fields { get; }

        /// <summary>Records the answer; a null HTTP status means the connection was dropped without one.</summary>
        public void Complete(int? httpStatus, int? apiStatus)
        {
            lock (_gate)
            {
                _httpStatus = httpStatus;
                _apiStatus = apiStatus;
            }
        }

        public JsonObject ToJson()
        {
            lock (_gate)
            {
                return new JsonObject
                {
                    ["time"] = Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                    ["endpoint"] = Endpoint,
                    ["method"] = Method,
                    ["fields"] = Fields.DeepClone(),
                    ["httpStatus"] = _httpStatus,
                    ["status"] = _apiStatus,
                };
            }
        }
    }
}
