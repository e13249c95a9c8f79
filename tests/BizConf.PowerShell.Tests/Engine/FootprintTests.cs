using BizConf.PowerShell.Engine;

namespace BizConf.PowerShell.Tests.Engine;

/// <summary>The pieces a footprint is made of: windows to the second, half open, and the strongest use of a key.</summary>
public sealed class FootprintTests
{
    private static readonly DateTimeOffset Nine = new(2031, 1, 7, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_window_ends_where_the_next_may_begin()
    {
        var first = TimeWindow.FromMinutes(Nine, 60);
        var next = TimeWindow.FromMinutes(Nine.AddHours(1), 60);

        Assert.False(first.Overlaps(next));
        Assert.False(next.Overlaps(first));
        Assert.True(first.Overlaps(TimeWindow.FromMinutes(Nine.AddMinutes(59), 60)));
    }

    [Fact]
    public void A_window_starts_at_the_whole_second_as_the_wire_carries_it()
    {
        var window = TimeWindow.FromMinutes(Nine.AddMilliseconds(900), 60);

        Assert.Equal(Nine, window.Start);
        Assert.Equal(Nine.AddHours(1), window.End);
        Assert.True(window.Overlaps(TimeWindow.FromMinutes(Nine.AddHours(1).AddMilliseconds(-100), 30)));
    }

    [Fact]
    public void A_window_must_last()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TimeWindow.FromMinutes(Nine, 0));
        Assert.Equal("length", e.ParamName);
    }

    [Fact]
    public void A_change_of_a_key_outweighs_a_use_of_it_in_either_order()
    {
        var footprint = new Footprint(" host-a ")
            .Uses(ResourceKeys.Meeting(1))
            .Changes(ResourceKeys.Meeting(1))
            .Changes(ResourceKeys.Meeting(2))
            .Uses(ResourceKeys.Meeting(2))
            .Uses(ResourceKeys.Meeting(3));

        Assert.Equal("host-a", footprint.Account);
        Assert.Equal(ResourceUse.Exclusive, footprint.Resources[ResourceKeys.Meeting(1)]);
        Assert.Equal(ResourceUse.Exclusive, footprint.Resources[ResourceKeys.Meeting(2)]);
        Assert.Equal(ResourceUse.Shared, footprint.Resources[ResourceKeys.Meeting(3)]);
    }

    [Fact]
    public void Creates_of_one_identity_share_a_key_and_any_difference_parts_them()
    {
        var key = ResourceKeys.NewMeeting("Sales 4", Nine, 60);

        Assert.Equal(key, ResourceKeys.NewMeeting(" Sales 4 ", Nine.ToUniversalTime().AddMilliseconds(300), 60));
        Assert.NotEqual(key, ResourceKeys.NewMeeting("Sales 4", Nine, 45));
        Assert.NotEqual(key, ResourceKeys.NewMeeting("Sales 4", Nine.AddMinutes(1), 60));
        Assert.NotEqual(key, ResourceKeys.NewMeeting("Sales 5", Nine, 60));
        Assert.NotEqual(key, ResourceKeys.NewWebinar("Sales 4", Nine, 60));
        Assert.NotEqual(ResourceKeys.Meeting(17), ResourceKeys.Webinar(17));
        Assert.NotEqual(ResourceKeys.Registrant(17, "a@example.com"), ResourceKeys.Registrant(18, "a@example.com"));
    }
}
