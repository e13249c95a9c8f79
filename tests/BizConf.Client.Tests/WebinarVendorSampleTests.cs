using BizConf.Client.Tests.Support;

namespace BizConf.Client.Tests;

/// <summary>
/// The vendor's webinar samples (3.2 to 3.4, one answer printed three times) and registration samples (3.7, 3.8),
/// repaired into JSON (tests/samples), read through the real client methods.
/// </summary>
public class WebinarVendorSampleTests
{
    [Theory]
    [InlineData("3.2-createDiyWebinar", "createDiyWebinar")]
    [InlineData("3.3-updateDiyWebinar", "updateDiyWebinar")]
    [InlineData("3.4-getWebinarInfo", "getWebinarInfo")]
    public async Task Webinar_sample_reads_into_every_property_with_its_string_status(string sample, string endpoint)
    {
        var handler = FakeHttpHandler.Json(Samples.Repaired(sample));
        using var client = TestClient.Create(handler);
        var request = new WebinarRequest { Name = "测试", StartTime = TestClient.Now.AddDays(1), Duration = 30 };

        var webinar = endpoint switch
        {
            "createDiyWebinar" => await client.CreateWebinarAsync(request),
            "updateDiyWebinar" => await client.ModifyWebinarAsync("123333333", request),
            _ => await client.GetWebinarAsync("123333333"),
        };

        Assert.Equal(endpoint, handler.Single.Uri.Segments.Last());
        Assert.Equal("123333333", webinar.WebinarNumber);
        Assert.Equal("测试", webinar.Name);
        Assert.Equal(new DateTimeOffset(2022, 6, 13, 12, 0, 0, TimeSpan.Zero), webinar.StartTime);
        Assert.Equal(30, webinar.Duration);
        Assert.Null(webinar.Password);
        Assert.True(webinar.HostVideo);
        Assert.True(webinar.ParticipantVideo);
        Assert.Equal(AudioOption.Default, webinar.Audio);
        Assert.Equal("ddxx", webinar.HostUid);
        Assert.Equal("会议室id", webinar.RoomId);
        Assert.Equal("dsxxss2222xxxx", webinar.HostToken);
        Assert.Null(webinar.JoinUrl);
        Assert.Equal("https://xxx.bizvideo.cn/j/10000015903/DFE1059897134E0D0E8EB81390D25167", webinar.StartUrl);
        Assert.Null(webinar.StreamUrl);
        Assert.Equal("2232323", webinar.VideoConferenceNumber);
        Assert.Equal("+86 4006012733", webinar.VideoPhone);
    }

    [Fact]
    public async Task The_add_registrant_sample_alone_makes_the_registrant()
    {
        var handler = FakeHttpHandler.Json(Samples.Repaired("3.7-addRegistrant"));
        using var client = TestClient.Create(handler);

        var registrant = await client.AddRegistrantAsync(1130352963, new RegistrantRequest { Email = "isom@vip.qq.com", FirstName = "binson1" });

        Assert.Single(handler.Requests);
        Assert.Equal("oMCmm7WcSnm57uEbqwWs-A", registrant.RegistrantId);
        Assert.Equal(1130352963, registrant.MeetingId);
        Assert.Equal("1130352963", registrant.MeetingNumber);
        Assert.Equal("921728", registrant.Topic);
        Assert.Equal(new DateTimeOffset(2022, 9, 23, 1, 30, 0, TimeSpan.Zero), registrant.MeetingStartTime);
        Assert.Equal("https://meeting.bizvideo.cn/j/xxxx?tk=tsGz2SVkdPl0AzqPZNDe4dSJWYwKPLyBZryQg9nsUPM.DQIAAAAAQ1_RQxZvTUNtbTdXY1NubTU3dUVicXdXcy1BAAAAAAAAAAAAAAAAAAAAAAAAAAAA", registrant.JoinUrl);
        Assert.Equal(RegistrantStatus.Approved, registrant.Status);
        Assert.Equal("isom@vip.qq.com", registrant.Email);
        Assert.Equal("binson1", registrant.FirstName);
    }

    [Fact]
    public async Task The_registrants_sample_reads_every_field_and_the_custom_answer()
    {
        var handler = FakeHttpHandler.Json(Samples.Repaired("3.8-getRegistrants"));
        using var client = TestClient.Create(handler);

        var registrant = Assert.Single(await client.GetRegistrantsAsync(17962));

        Assert.Equal("datpeQ2QTYmsT462Rr-O2w", registrant.RegistrantId);
        Assert.Equal(17962, registrant.MeetingId);
        Assert.Equal("binson1", registrant.FirstName);
        Assert.Equal("binson1", registrant.LastName);
        Assert.Equal("isom@vip.qq.com", registrant.Email);
        Assert.Null(registrant.City);
        Assert.Null(registrant.NumberOfEmployees);
        Assert.Equal(RegistrantStatus.Approved, registrant.Status);
        Assert.Equal(new DateTimeOffset(2022, 9, 28, 6, 37, 22, TimeSpan.Zero), registrant.CreatedTime);
        Assert.StartsWith("https://meeting.bizvideo.cn/w/1340678743?tk=", registrant.JoinUrl);
        Assert.Equal("How are you?=GOOD.", registrant.CustomAnswers);
        Assert.Equal("GOOD.", registrant.Answer("how are you?"));
    }
}

/// <summary>The repaired webinar answer, for the tests elsewhere that need a valid createDiyWebinar answer.</summary>
internal static class WebinarVendorSamples
{
    public static string WebinarRepaired => Samples.Repaired("3.2-createDiyWebinar");
}
