using System.Text.Json;

namespace BizConf.Emulator.Tests.Support;

public static class JsonAssertions
{
    public static int Status(this JsonElement answer) => answer.GetProperty("status").GetInt32();

    public static JsonElement Data(this JsonElement answer) => answer.GetProperty("data");

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static long Num(this JsonElement element, string name) => element.GetProperty(name).GetInt64();

    public static bool Has(this JsonElement element, string name) => element.TryGetProperty(name, out _);
}
