namespace BizConf.Client.Tests;

public class CustomAnswerTextTests
{
    [Fact]
    public void Format_joins_title_value_pairs_with_semicolons()
    {
        var text = CustomAnswerText.Format(new Dictionary<string, string> { ["Track"] = "Dev", ["饮食"] = "素食" });

        Assert.Equal("Track=Dev; 饮食=素食", text);
    }

    [Fact]
    public void Separators_inside_titles_and_values_are_escaped_and_survive_the_round_trip()
    {
        var answers = new List<KeyValuePair<string, string>>
        {
            new("Team", "Kitchen; Ops"),
            new("Diet, pref", "a=b"),
            new(@"Path\name", @"C:\x"),
        };

        var text = CustomAnswerText.Format(answers);
        var back = CustomAnswerText.Parse(text);

        Assert.Equal(@"Team=Kitchen\; Ops; Diet, pref=a\=b; Path\\name=C:\\x", text);
        Assert.Equal(answers, back);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" ; ")]
    public void Empty_text_has_no_answers(string? text)
    {
        Assert.Empty(CustomAnswerText.Parse(text));
    }

    [Fact]
    public void Parse_trims_around_entries_and_keeps_an_empty_value()
    {
        var back = CustomAnswerText.Parse(" Track = Dev ;Note=");

        Assert.Equal(new[] { new KeyValuePair<string, string>("Track", "Dev"), new KeyValuePair<string, string>("Note", "") }, back);
    }

    [Theory]
    [InlineData("Track")]
    [InlineData("Track=Dev; Oops")]
    [InlineData("=Dev")]
    public void An_entry_without_a_title_and_an_equals_sign_is_refused_naming_the_parameter(string text)
    {
        var e = Assert.Throws<BizConfArgumentException>(() => CustomAnswerText.Parse(text, "CustomAnswer"));

        Assert.Equal("CustomAnswer", e.ParamName);
        Assert.Contains("Title=Value", e.Message);
    }
}
