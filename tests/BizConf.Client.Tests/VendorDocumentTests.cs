using System.Runtime.CompilerServices;
using System.Text.Json;
using BizConf.Client.Tests.Support;
using BizConf.Transport;

namespace BizConf.Client.Tests;

/// <summary>
/// The record of the vendor's answer samples (tests/samples): one file per sample as printed, none of which is
/// JSON, each with a repaired twin that is a success envelope and differs from it only by <see cref="SampleRepair"/>.
/// </summary>
public class VendorDocumentTests
{
    public static TheoryData<string> Names => new(Samples.Names());

    [Fact]
    public void Every_answer_sample_of_the_vendor_document_has_its_file()
    {
        Assert.Equal(
            new[]
            {
                "2.1-confReservation", "2.2-confModify", "2.3-cancelConf", "2.4-listConf", "2.5-getConf",
                "2.6-confAttendeeLog", "2.7-account-check", "2.8-settingLivestream", "2.9-getConfLogListByConfNumber",
                "3.0-getConfLogListByJoinUrl", "3.1-getConfPolls", "3.2-createDiyWebinar", "3.3-updateDiyWebinar",
                "3.4-getWebinarInfo", "3.5-deleteWebinar", "3.6-updateRegistrationQuestions", "3.7-addRegistrant",
                "3.8-getRegistrants",
            },
            Samples.Names());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Vendor_sample_is_not_json_as_printed(string name)
    {
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(Samples.Vendor(name)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Repaired_sample_is_the_vendor_text_with_only_the_listed_repairs(string name)
    {
        Assert.Equal(Samples.Repaired(name), SampleRepair.Apply(name, Samples.Vendor(name)));
    }

    [Theory]
    [InlineData("2.1-confReservation", null)]
    [InlineData("2.2-confModify", null)]
    [InlineData("2.3-cancelConf", null)]
    [InlineData("2.4-listConf", null)]
    [InlineData("2.5-getConf", null)]
    [InlineData("2.6-confAttendeeLog", null)]
    [InlineData("2.7-account-check", null)]
    [InlineData("2.8-settingLivestream", null)]
    [InlineData("2.9-getConfLogListByConfNumber", "success")]
    [InlineData("3.0-getConfLogListByJoinUrl", "success")]
    [InlineData("3.1-getConfPolls", "success")]
    [InlineData("3.2-createDiyWebinar", "success")]
    [InlineData("3.3-updateDiyWebinar", "success")]
    [InlineData("3.4-getWebinarInfo", "success")]
    [InlineData("3.5-deleteWebinar", null)]
    [InlineData("3.6-updateRegistrationQuestions", null)]
    [InlineData("3.7-addRegistrant", "success")]
    [InlineData("3.8-getRegistrants", "success")]
    public void Repaired_sample_is_a_success_envelope(string name, string? message)
    {
        using (var document = JsonDocument.Parse(Samples.Repaired(name)))
        {
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        }

        var root = ApiTransport.ParseEnvelope(name, Samples.Repaired(name));

        Assert.Equal(100, Json.Int32(root, "status"));
        Assert.Equal(message, Json.String(root, "message"));
    }

    [Fact]
    public void Every_sample_is_named_by_a_test_that_reads_it()
    {
        var sources = Directory.GetFiles(SourceFolder(), "*.cs")
            .Where(path => Path.GetFileName(path) != nameof(VendorDocumentTests) + ".cs")
            .Select(File.ReadAllText)
            .ToList();

        Assert.All(Samples.Names(), name => Assert.Contains(sources, source => source.Contains($"\"{name}\"", StringComparison.Ordinal)));
    }

    /// <summary>This file's folder at build time: the test sources, which are not copied to the output.</summary>
    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
