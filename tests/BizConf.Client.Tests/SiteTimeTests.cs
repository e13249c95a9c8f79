using System.Globalization;
using BizConf.Client.Tests.Support;

namespace BizConf.Client.Tests;

/// <summary>docs/API.md, "Times": request times are China wall time, response times are GMT (SiteTime.cs).</summary>
[Collection(LocalZoneCollection.Name)]
public class SiteTimeTests
{
    private static readonly DateTimeOffset VendorExample = new(2017, 8, 9, 4, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo China = SiteTime.ResolveZone(null);

    [Fact]
    public void ToWire_gives_China_wall_time_for_a_utc_instant()
    {
        // The vendor's example: sent 2017-08-09 12:00:00, returned 2017-08-09 04:00:00 (GMT).
        Assert.Equal("2017-08-09 12:00:00", SiteTime.ToWire(VendorExample, China));
    }

    [Fact]
    public void ToWire_converts_an_instant_with_an_offset()
    {
        Assert.Equal("2017-08-09 12:00:00", SiteTime.ToWire(new DateTimeOffset(2017, 8, 9, 6, 0, 0, TimeSpan.FromHours(2)), China));
        Assert.Equal("2017-08-09 12:00:00", SiteTime.ToWire(new DateTimeOffset(2017, 8, 8, 23, 0, 0, TimeSpan.FromHours(-5)), China));
    }

    [Fact]
    public void ToWire_crosses_midnight_into_the_next_China_day()
    {
        Assert.Equal("2017-08-10 04:30:15", SiteTime.ToWire(new DateTimeOffset(2017, 8, 9, 20, 30, 15, TimeSpan.Zero), China));
    }

    [Fact]
    public void ToWire_ignores_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA"); // another calendar and other digits
            Assert.Equal("2017-08-09 12:00:00", SiteTime.ToWire(VendorExample, China));
            Assert.Equal(VendorExample, SiteTime.FromWire("2017-08-09 04:00:00"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void FromWire_reads_the_wire_format_as_GMT()
    {
        var value = SiteTime.FromWire("2017-08-09 04:00:00");

        Assert.Equal(VendorExample, value);
        Assert.Equal(VendorExample.UtcDateTime, value!.Value.UtcDateTime);
    }

    [Theory]
    [InlineData("2017-08-09 04:00:00", "2017-08-09T00:00:00.0000000-04:00")] // summer time
    [InlineData("2017-01-09 04:00:00", "2017-01-08T23:00:00.0000000-05:00")] // winter time, the day before
    public void FromWire_returns_the_local_zone_of_this_machine_with_the_offset_of_that_instant(string wire, string newYork)
    {
        using (new PinnedLocalZone("America/New_York"))
        {
            Assert.Equal(newYork, SiteTime.FromWire(wire)!.Value.ToString("o", CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("2017-08-09T04:00:00Z")]
    [InlineData("2017-08-09T04:00:00.000Z")]
    [InlineData("2017-08-09T12:00:00+08:00")]
    [InlineData(" 2017-08-09 04:00:00 ")]
    public void FromWire_accepts_iso_8601_with_Z_or_an_offset(string text)
    {
        Assert.Equal(VendorExample, SiteTime.FromWire(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("开始时间")]
    public void FromWire_gives_null_for_empty_or_unreadable_text(string? text)
    {
        Assert.Null(SiteTime.FromWire(text));
    }

    [Theory]
    [InlineData("Asia/Shanghai")]
    [InlineData("China Standard Time")]
    [InlineData(" Asia/Shanghai ")]
    [InlineData(null)]
    [InlineData("")]
    public void ResolveZone_takes_iana_and_windows_ids_and_gives_plus_8_all_year(string? id)
    {
        var zone = SiteTime.ResolveZone(id);

        Assert.Equal(TimeSpan.FromHours(8), zone.BaseUtcOffset);
        Assert.Equal(TimeSpan.FromHours(8), zone.GetUtcOffset(new DateTimeOffset(2017, 1, 15, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.FromHours(8), zone.GetUtcOffset(new DateTimeOffset(2017, 7, 15, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2017-08-09 12:00:00", SiteTime.ToWire(VendorExample, zone));
    }

    [Fact]
    public void ResolveZone_takes_other_zones_too()
    {
        var berlin = SiteTime.ResolveZone("Europe/Berlin");

        Assert.Equal("2017-08-09 06:00:00", SiteTime.ToWire(VendorExample, berlin)); // summer time, +02:00
    }

    [Theory]
    [InlineData(null)]
    [InlineData("China Standard Time")]
    [InlineData("Asia/Shanghai")]
    public void ResolveZone_falls_back_to_a_fixed_plus_8_zone_where_the_machine_has_no_zone_data(string? id)
    {
        var zone = SiteTime.ResolveZone(id, _ => throw new TimeZoneNotFoundException("no zone data here"));

        Assert.Equal(TimeSpan.FromHours(8), zone.BaseUtcOffset);
        Assert.False(zone.SupportsDaylightSavingTime);
        Assert.Equal("2017-08-09 12:00:00", SiteTime.ToWire(new DateTimeOffset(2017, 8, 9, 4, 0, 0, TimeSpan.Zero), zone));
    }

    [Fact]
    public void ResolveZone_without_zone_data_still_refuses_a_zone_it_cannot_stand_in_for()
    {
        var e = Assert.Throws<BizConfArgumentException>(() => SiteTime.ResolveZone("Europe/Berlin", _ => throw new TimeZoneNotFoundException("no zone data here")));
        Assert.Equal("TimeZone", e.ParamName);
    }

    [Fact]
    public void ResolveZone_refuses_an_unknown_id_naming_TimeZone()
    {
        var e = Assert.Throws<BizConfArgumentException>(() => SiteTime.ResolveZone("Mars/Olympus_Mons"));

        Assert.Equal("TimeZone", e.ParamName);
        Assert.Contains("Mars/Olympus_Mons", e.Message);
    }

    [Fact]
    public void Options_time_zone_defaults_to_China_Standard_Time()
    {
        Assert.Equal(TimeSpan.FromHours(8), new BizConfClientOptions().TimeZone.BaseUtcOffset);
    }

    /// <summary>What the server does with a request time: reads it as China wall time and answers in GMT.</summary>
    private static string ServerEcho(string wire)
    {
        var wall = DateTime.ParseExact(wire, SiteTime.WireFormat, CultureInfo.InvariantCulture);
        return new DateTimeOffset(wall, TimeSpan.FromHours(8)).UtcDateTime.ToString(SiteTime.WireFormat, CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("2017-08-09T04:00:00Z")]
    [InlineData("2017-08-09T23:59:59+02:00")]
    [InlineData("2017-12-31T20:00:00-05:00")]
    [InlineData("2024-02-29T16:30:00+08:00")]
    public void Round_trip_ToWire_server_echo_FromWire_is_the_same_instant(string iso)
    {
        var instant = DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

        var back = SiteTime.FromWire(ServerEcho(SiteTime.ToWire(instant, China)));

        Assert.Equal(instant, back);
    }

    [Fact]
    public async Task Round_trip_through_create_and_modify_moves_nothing()
    {
        // A fake server that stores the wall time sent and answers it as GMT, as the service does.
        var handler = new FakeHttpHandler((_, request, _) => Task.FromResult(FakeHttpHandler.Ok(
            $$$"""{"status":100,"data":{"id":17962,"meetingNo":"1234567890","meetingName":"x","duration":30,"startTime":"{{{ServerEcho(request.Field("startTime"))}}}"}}""")));
        using var client = TestClient.Create(handler);
        var start = new DateTimeOffset(2017, 8, 9, 18, 15, 0, TimeSpan.FromHours(-7));

        var created = await client.CreateMeetingAsync(new MeetingRequest { Name = "x", StartTime = start, Duration = 30 });
        var modified = await client.ModifyMeetingAsync(created.Id, MeetingRequest.From(created));

        Assert.Equal(start, created.StartTime);
        Assert.Equal(start, modified.StartTime);
        Assert.Equal("2017-08-10 09:15:00", handler.Requests[0].Field("startTime"));
        Assert.Equal("2017-08-10 09:15:00", handler.Requests[1].Field("startTime"));
    }
}
