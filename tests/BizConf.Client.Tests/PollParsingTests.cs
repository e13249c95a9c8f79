namespace BizConf.Client.Tests;

/// <summary>getConfPolls: one row per person per question, for one session (an object) or several (an array).</summary>
public sealed class PollParsingTests
{
    [Fact]
    public async Task Every_answer_of_every_person_is_a_row_of_its_session()
    {
        using var fake = new ReportFakeHandler("""
            {"status":100,"data":[
              {"startTime":"2031-03-10 02:00:00","confNo":1234567890,"uuid":"s1","records":[
                {"name":"Ann","email":"ann@example.com","question_details":[{"question":"Q1","answer":"Yes"},{"question":"Q2","answer":"Friday"}]},
                {"name":"Bo","question_details":[{"question":"Q1","answer":"No"}]},
                {"name":"Cy"}]},
              {"startTime":"2031-03-11 02:00:00","uuid":"s2","records":[{"name":"Ann","question_details":{"question":"Q1","answer":"Yes"}}]}]}
            """);
        using var client = fake.CreateClient();

        var rows = await client.GetPollAnswersAsync("1234567890");

        Assert.Equal(
            new[] { "s1 Ann Q1 Yes", "s1 Ann Q2 Friday", "s1 Bo Q1 No", "s2 Ann Q1 Yes" },
            rows.Select(r => $"{r.SessionId} {r.Name} {r.Question} {r.Answer}"));
        Assert.All(rows, r => Assert.Equal("1234567890", r.MeetingNumber));
        Assert.Equal("ann@example.com", rows[0].Email);
        Assert.Null(rows[2].Email);
        Assert.Equal(new DateTimeOffset(2031, 3, 11, 2, 0, 0, TimeSpan.Zero), rows[3].StartTime);
        Assert.Equal("1234567890", ReportFakeHandler.Fields(fake.Requests.Single())["confNo"]);
    }

    [Fact]
    public async Task Tally_by_question_and_answer_counts_votes()
    {
        using var fake = new ReportFakeHandler("""
            {"status":100,"data":{"uuid":"s","records":[
              {"name":"A","question_details":[{"question":"Day","answer":"Mon"}]},
              {"name":"B","question_details":[{"question":"Day","answer":"Mon"}]},
              {"name":"C","question_details":[{"question":"Day","answer":"Fri"}]}]}}
            """);
        using var client = fake.CreateClient();

        var tally = (await client.GetPollAnswersAsync("42"))
            .GroupBy(r => (r.Question, r.Answer))
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(2, tally[("Day", "Mon")]);
        Assert.Equal(1, tally[("Day", "Fri")]);
    }

    [Fact]
    public async Task A_meeting_without_polls_gives_no_rows()
    {
        using var fake = new ReportFakeHandler("""{"status":100,"data":[]}""");
        using var client = fake.CreateClient();

        Assert.Empty(await client.GetPollAnswersAsync("1234567890"));
    }

    [Fact]
    public async Task Poll_meeting_number_must_be_digits()
    {
        using var fake = new ReportFakeHandler("""{"status":100,"data":[]}""");
        using var client = fake.CreateClient();

        var refused = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.GetPollAnswersAsync("12a"));

        Assert.Equal("MeetingNumber", refused.ParamName);
        Assert.Empty(fake.Requests);
    }
}
