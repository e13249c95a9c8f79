using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace BizConf.Emulator;

/// <summary>
/// Every /openapi/ request in arrival order, with the fields as sent and what was answered. Tests read it to
/// check what a client really put on the wire. It is bounded two ways, so that neither many requests nor a few
/// huge ones grow it without end: the oldest entries go once there are more than <see cref="Capacity"/> or their
/// field text passes <see cref="MaxFieldBytes"/>; and a value longer than <see cref="MaxValueLength"/> characters
/// is kept only up to there, with a marker saying how long it was.
/// </summary>
internal sealed class RequestLog
{
    public const int Capacity = 50_000;

    /// <summary>UTF-8 bytes of field names and kept values over all entries.</summary>
    public const long MaxFieldBytes = 64L * 1024 * 1024;

    public const int MaxValueLength = 16 * 1024;

    private readonly object gate = new();
    private readonly LinkedList<Entry> entries = new();
    private long fieldBytes;

    /// <summary>The log's size in UTF-8 bytes of field text, what <see cref="MaxFieldBytes"/> bounds.</summary>
    public long FieldBytes
    {
        get
        {
            lock (gate)
            {
                return fieldBytes;
            }
        }
    }

    public Entry Begin(DateTimeOffset time, string endpoint, string method, IEnumerable<KeyValuePair<string, string>> sent)
    {
        var fields = new JsonObject();
        long size = 0;
        foreach (var (name, value) in sent)
        {
            var kept = Keep(value);
            fields[name] = kept;
            size += Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(kept);
        }

        var entry = new Entry(time, endpoint, method, fields, size);
        lock (gate)
        {
            entries.AddLast(entry);
            fieldBytes += size;
            while (entries.Count > Capacity || (fieldBytes > MaxFieldBytes && entries.Count > 1))
            {
                fieldBytes -= entries.First!.Value.FieldBytes;
                entries.RemoveFirst();
            }
        }

        return entry;
    }

    /// <summary>The value, or its first <see cref="MaxValueLength"/> characters (never half a surrogate pair) and a marker.</summary>
    public static string Keep(string value)
    {
        if (value.Length <= MaxValueLength)
        {
            return value;
        }

        var cut = char.IsHighSurrogate(value[MaxValueLength - 1]) ? MaxValueLength - 1 : MaxValueLength;
        return value[..cut] + $"…[truncated: {value.Length.ToString(CultureInfo.InvariantCulture)} characters sent]";
    }

    public JsonArray ToJson()
    {
        lock (gate)
        {
            return new JsonArray(entries.Select(e => (JsonNode)e.ToJson()).ToArray());
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
            fieldBytes = 0;
        }
    }

    public sealed class Entry(DateTimeOffset time, string endpoint, string method, JsonObject fields, long fieldBytes)
    {
        private readonly object gate = new();
        private int? httpStatus;
        private int? apiStatus;
        private FaultKind? fault;

        public DateTimeOffset Time { get; } = time;

        public string Endpoint { get; } = endpoint;

        public string Method { get; } = method;

        public JsonObject Fields { get; } = fields;

        public long FieldBytes { get; } = fieldBytes;

        /// <summary>
        /// Records the answer; a null HTTP status means the connection was dropped without one. The API status is
        /// what the endpoint did, also when a <c>lost</c> fault kept its answer from the caller.
        /// </summary>
        public void Complete(int? httpStatus, int? apiStatus, FaultKind? fault)
        {
            lock (gate)
            {
                this.httpStatus = httpStatus;
                this.apiStatus = apiStatus;
                this.fault = fault;
            }
        }

        public JsonObject ToJson()
        {
            lock (gate)
            {
                return new JsonObject
                {
                    ["time"] = Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                    ["endpoint"] = Endpoint,
                    ["method"] = Method,
                    ["fields"] = Fields.DeepClone(),
                    ["httpStatus"] = httpStatus,
                    ["status"] = apiStatus,
                    ["fault"] = fault is { } kind ? Faults.NameOf(kind) : null,
                };
            }
        }
    }
}
