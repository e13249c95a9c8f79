using System.Text.Json;
using BizConf.Resources;

namespace BizConf.Transport;

/// <summary>Reads the service's meeting object into a <see cref="Meeting"/>, through the meeting's schema.</summary>
internal static class MeetingParser
{
    public static Meeting Parse(JsonElement data) => MeetingSchema.Table.Read(data);
}
