namespace BizConf.Client.Tests;

/// <summary>Every verbatim sample constant is a literal copy of the vendor document, so none has drifted.</summary>
public class VendorDocumentTests
{
    public static TheoryData<string, string> VerbatimSamples => new()
    {
        { "2.1", VendorSamples.CreateVerbatim },
        { "2.2", VendorSamples.ModifyVerbatim },
        { "2.3", VendorSamples.CancelVerbatim },
        { "2.4", VendorSamples.ListVerbatim },
        { "2.5", VendorSamples.GetVerbatim },
        { "2.6", ReportVendorSamples.AttendeeLogVerbatim },
        { "2.7", VendorSamples.CheckAccountVerbatim },
        { "2.8", VendorSamples.SetLiveStreamVerbatim },
        { "2.9", ReportVendorSamples.ReportByNumberVerbatim },
        { "3.0", ReportVendorSamples.ReportByJoinUrlVerbatim },
        { "3.1", ReportVendorSamples.PollsVerbatim },
        { "3.2-3.4", WebinarVendorSamples.WebinarVerbatim },
        { "3.7", WebinarVendorSamples.AddRegistrantVerbatim },
        { "3.8", WebinarVendorSamples.RegistrantsVerbatim },
    };

    [Theory]
    [MemberData(nameof(VerbatimSamples))]
    public void Verbatim_sample_is_a_literal_copy_of_the_vendor_document(string section, string verbatim)
    {
        var document = VendorDocument.TextOrNull();
        if (document == null)
        {
            // A plain clone has no shared/ folder; under CI it must be there, or this check would pass unseen.
            Assert.False(VendorDocument.MustBePresent, "CI lays shared/ beside the clone, but the vendor document is not there.");
            return;
        }

        Assert.True(document.Contains(verbatim, StringComparison.Ordinal), $"The sample of section {section} is not in the vendor document as written.");
    }
}
