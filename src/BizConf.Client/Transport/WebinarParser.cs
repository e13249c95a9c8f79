using System.Text.Json;
using BizConf.Resources;

namespace BizConf.Transport;

/// <summary>Reads the service's webinar object into a <see cref="Webinar"/>, through the webinar's schema.</summary>
internal static class WebinarParser
{
    public static Webinar Parse(JsonElement data) => WebinarSchema.Table.Read(data);
}
