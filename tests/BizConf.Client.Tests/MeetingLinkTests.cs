namespace BizConf.Client.Tests;

/// <summary>The cfcloud:// links of docs/API.md, "Links": exact text, UTF-8 percent-encoding of every value.</summary>
public class MeetingLinkTests
{
    [Fact]
    public void Join_encodes_a_chinese_name_as_utf8()
    {
        var link = MeetingLinks.Join("1234567890", "2468", "张三");

        Assert.Equal("cfcloud://www.bizvideo.cn/join?confno=1234567890&pwd=2468&uname=%E5%BC%A0%E4%B8%89", link.Uri);
        Assert.Equal(MeetingLinkRole.Attendee, link.Role);
        Assert.Equal("张三", link.DisplayName);
        Assert.Equal(link.Uri, link.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_empty_password_leaves_pwd_empty(string? password)
    {
        Assert.Equal("cfcloud://www.bizvideo.cn/join?confno=1234567890&pwd=&uname=Ann", MeetingLinks.Join("1234567890", password, "Ann").Uri);
    }

    [Fact]
    public void Reserved_characters_in_values_are_encoded()
    {
        var link = MeetingLinks.Join("1234567890", "a&b=c d", "O'Neil + 李");

        Assert.Equal("cfcloud://www.bizvideo.cn/join?confno=1234567890&pwd=a%26b%3Dc%20d&uname=O%27Neil%20%2B%20%E6%9D%8E", link.Uri);
    }

    [Fact]
    public void Start_puts_the_user_id_in_sid_and_uid_with_stype_100()
    {
        var link = MeetingLinks.Start("1234567890", "1001", "host/token+1", "会畅管理员");

        Assert.Equal(
            "cfcloud://www.bizvideo.cn/start?confno=1234567890&sid=1001&stype=100&uid=1001&uname=%E4%BC%9A%E7%95%85%E7%AE%A1%E7%90%86%E5%91%98&token=host%2Ftoken%2B1",
            link.Uri);
        Assert.Equal(MeetingLinkRole.Host, link.Role);
    }

    [Theory]
    [InlineData("", "t", "UserId")]
    [InlineData("1001", " ", "HostToken")]
    public void Start_needs_the_user_id_and_the_host_token(string userId, string token, string parameter)
    {
        var e = Assert.Throws<BizConfArgumentException>(() => MeetingLinks.Start("1234567890", userId, token, "host"));

        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void A_meeting_number_is_required()
    {
        Assert.Equal("MeetingNumber", Assert.Throws<BizConfArgumentException>(() => MeetingLinks.Join(" ", null, null)).ParamName);
    }
}
