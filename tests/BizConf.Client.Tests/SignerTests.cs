using System.Collections.Concurrent;
using BizConf.Client.Tests.Support;
using BizConf.Transport;

namespace BizConf.Client.Tests;

/// <summary>docs/API.md, "Signing": the one-time tokens and their timestamps (Transport/Signer.cs).</summary>
public class SignerTests
{
    private static readonly DateTimeOffset Fixed = DateTimeOffset.FromUnixTimeMilliseconds(1700000000000);

    [Fact]
    public void Account_token_matches_the_fixed_vector_computed_with_md5sum()
    {
        // printf '%s' 'demo|demo-api-key|1700000000000' | md5sum
        Assert.Equal("c4735efec7c8a7ec8387d65e66ef00db", new Signer("demo-api-key").AccountToken("demo", "1700000000000"));
    }

    [Fact]
    public void Site_token_matches_the_fixed_vector_computed_with_md5sum()
    {
        // printf '%s' 'demo-api-key|1700000000000' | md5sum
        Assert.Equal("7febcb2e9d852234f037d8338742f3a1", new Signer("demo-api-key").SiteToken("1700000000000"));
    }

    [Theory]
    [InlineData("demo", "demo-api-key", "1700000000000")]
    [InlineData("alice@example.com", "K3y+With/Odd=Chars", "1501545600000")]
    [InlineData("user", "key with spaces", "1")]
    public void Account_token_is_lowercase_md5_of_login_key_and_stamp(string login, string key, string stamp)
    {
        var token = new Signer(key).AccountToken(login, stamp);

        Assert.Equal(TestClient.Md5($"{login}|{key}|{stamp}"), token);
        Assert.Matches("^[0-9a-f]{32}$", token);
    }

    [Theory]
    [InlineData("demo-api-key", "1700000000000")]
    [InlineData("K3y+With/Odd=Chars", "1501545600000")]
    public void Site_token_is_lowercase_md5_of_key_and_stamp(string key, string stamp)
    {
        var token = new Signer(key).SiteToken(stamp);

        Assert.Equal(TestClient.Md5($"{key}|{stamp}"), token);
        Assert.Matches("^[0-9a-f]{32}$", token);
    }

    [Fact]
    public void Account_token_hashes_a_Chinese_login_name_as_UTF8()
    {
        // printf '%s' '张三|demo-api-key|1700000000000' | md5sum
        var token = new Signer("demo-api-key").AccountToken("张三", "1700000000000");

        Assert.Equal("0da8e9385dc117c73d330a0b74eaac0c", token);
        Assert.Equal(TestClient.Md5("张三|demo-api-key|1700000000000"), token);
    }

    [Fact]
    public void Account_token_hashes_a_Chinese_api_key_as_UTF8()
    {
        Assert.Equal(TestClient.Md5("demo|密钥-1|42"), new Signer("密钥-1").AccountToken("demo", "42"));
    }

    [Fact]
    public void Account_and_site_tokens_differ_for_the_same_stamp()
    {
        var signer = new Signer("demo-api-key");

        Assert.NotEqual(signer.AccountToken("demo", "1700000000000"), signer.SiteToken("1700000000000"));
    }

    [Fact]
    public void Empty_api_key_is_refused_naming_ApiKey()
    {
        var e = Assert.Throws<BizConfArgumentException>(() => new Signer(""));

        Assert.Equal("ApiKey", e.ParamName);
    }

    [Fact]
    public void Signer_ToString_hides_the_key()
    {
        var key = TestClient.NewApiKey();

        Assert.DoesNotContain(key, new Signer(key).ToString());
    }

    [Fact]
    public void Timestamp_is_the_clock_in_unix_milliseconds()
    {
        var signer = new Signer(TestClient.NewApiKey());

        Assert.Equal(1700000000000, signer.NextTimeStamp(() => Fixed));
        Assert.Equal(1700000000123, signer.NextTimeStamp(() => Fixed.AddMilliseconds(123)));
    }

    [Fact]
    public void Timestamps_increase_by_one_when_the_clock_stands_still()
    {
        var signer = new Signer(TestClient.NewApiKey());

        var stamps = Enumerable.Range(0, 5).Select(_ => signer.NextTimeStamp(() => Fixed)).ToArray();

        Assert.Equal(new[] { 1700000000000, 1700000000001, 1700000000002, 1700000000003, 1700000000004 }, stamps);
    }

    [Fact]
    public void Timestamps_keep_increasing_when_the_clock_goes_backwards()
    {
        var signer = new Signer(TestClient.NewApiKey());

        var first = signer.NextTimeStamp(() => Fixed);
        var second = signer.NextTimeStamp(() => Fixed.AddSeconds(-30));
        var third = signer.NextTimeStamp(() => Fixed.AddHours(-1));
        var later = signer.NextTimeStamp(() => Fixed.AddSeconds(5));

        Assert.Equal(1700000000000, first);
        Assert.Equal(1700000000001, second);
        Assert.Equal(1700000000002, third);
        Assert.Equal(1700000005000, later);
    }

    [Fact]
    public void Timestamps_are_distinct_and_increasing_per_thread_across_8_threads_of_2000()
    {
        var signer = new Signer(TestClient.NewApiKey());
        var perThread = new long[8][];
        using var start = new Barrier(8);

        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            var mine = new long[2000];
            start.SignalAndWait();
            for (var i = 0; i < mine.Length; i++)
            {
                // A clock that stands still: only the signer's counter can keep the stamps apart.
                mine[i] = signer.NextTimeStamp(() => Fixed);
            }

            perThread[t] = mine;
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var all = perThread.SelectMany(s => s).ToList();
        Assert.Equal(16000, all.Count);
        Assert.Equal(16000, all.Distinct().Count());
        Assert.Equal(1700000000000, all.Min());
        Assert.Equal(1700000000000 + 15999, all.Max());
        foreach (var mine in perThread)
        {
            for (var i = 1; i < mine.Length; i++)
            {
                Assert.True(mine[i] > mine[i - 1], $"stamp {mine[i]} after {mine[i - 1]} on one thread");
            }
        }
    }

    [Fact]
    public void Two_signers_with_the_same_key_share_the_last_stamp()
    {
        var key = TestClient.NewApiKey();
        var a = new Signer(key);
        var b = new Signer(key);

        Assert.Equal(1700000000000, a.NextTimeStamp(() => Fixed));
        Assert.Equal(1700000000001, b.NextTimeStamp(() => Fixed));
        Assert.Equal(1700000000002, a.NextTimeStamp(() => Fixed));
        Assert.Equal(1700000000003, b.NextTimeStamp(() => Fixed.AddMinutes(-1)));
    }

    [Fact]
    public void Two_signers_with_the_same_key_on_parallel_threads_never_repeat_a_stamp()
    {
        var key = TestClient.NewApiKey();
        var signers = new[] { new Signer(key), new Signer(key) };
        var seen = new ConcurrentBag<long>();

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            for (var i = 0; i < 1000; i++)
            {
                seen.Add(signers[t % 2].NextTimeStamp(() => Fixed));
            }
        });

        Assert.Equal(8000, seen.Distinct().Count());
    }

    [Fact]
    public void Signers_with_different_keys_count_independently()
    {
        var a = new Signer(TestClient.NewApiKey());
        var b = new Signer(TestClient.NewApiKey());

        Assert.Equal(1700000000000, a.NextTimeStamp(() => Fixed));
        Assert.Equal(1700000000001, a.NextTimeStamp(() => Fixed));
        Assert.Equal(1700000000002, a.NextTimeStamp(() => Fixed));
        Assert.Equal(1700000000000, b.NextTimeStamp(() => Fixed));
    }

    [Fact]
    public async Task Parallel_calls_through_one_client_send_distinct_stamps_each_with_a_matching_token()
    {
        var key = TestClient.NewApiKey();
        var handler = FakeHttpHandler.Json(TestClient.RealisticMeeting);
        using var client = TestClient.Create(handler, key);

        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => client.GetMeetingAsync(17962))));

        var requests = handler.Requests;
        Assert.Equal(64, requests.Count);
        Assert.Equal(
            Enumerable.Range(0, 64).Select(i => (1501545600000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            requests.Select(r => r.Field("timeStamp")).OrderBy(s => s, StringComparer.Ordinal).ToArray());
        Assert.All(requests, r => Assert.Equal(TestClient.Md5($"demo|{key}|{r.Field("timeStamp")}"), r.Field("token")));
    }
}
