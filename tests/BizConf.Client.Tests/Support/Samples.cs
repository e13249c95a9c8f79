namespace BizConf.Client.Tests.Support;

/// <summary>
/// The vendor's answer samples, kept as files under tests/samples (its README names each file's section of the
/// vendor document): <c>vendor/NAME.txt</c> as the document prints it, <c>repaired/NAME.json</c> the same text
/// with only the repairs of <see cref="SampleRepair"/>. The test project copies both folders to its output.
/// </summary>
internal static class Samples
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "samples");

    /// <summary>The sample as the vendor printed it: not JSON, for the tests of the record itself.</summary>
    public static string Vendor(string name) => File.ReadAllText(Path.Combine(Root, "vendor", name + ".txt"));

    /// <summary>The sample made into JSON, for the tests that read it through the client.</summary>
    public static string Repaired(string name) => File.ReadAllText(Path.Combine(Root, "repaired", name + ".json"));

    /// <summary>Every sample's name (its vendor section and endpoint, such as <c>2.1-confReservation</c>), in order.</summary>
    public static IReadOnlyList<string> Names() =>
        Directory.GetFiles(Path.Combine(Root, "vendor"), "*.txt")
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Order(StringComparer.Ordinal)
            .ToList();
}
