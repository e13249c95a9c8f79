using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace BizConf.Transport;

/// <summary>
/// Makes the one-time tokens of docs/API.md, "Signing". The API key is held only here, as UTF-8 bytes, and never
/// leaves this class except inside an MD5 digest.
/// </summary>
internal sealed class Signer
{
    /// <summary>
    /// How many lanes the milliseconds are split into once another process is seen signing with the same key:
    /// this process then takes every fourth millisecond only, so two processes in different lanes never pick the
    /// same timestamp. The cost is a ceiling of 250 requests a second per process, and only while sharing.
    /// </summary>
    internal const int SharedLanes = 4;

    /// <summary>
    /// How far past the clock a clash moves this key's timestamps at most, at random: the other processes sign at
    /// about the clock, so the repeat lands where they are not. The server takes timestamps up to five minutes
    /// away from its clock; <see cref="MaxLeadMs"/> keeps the lead well inside that.
    /// </summary>
    internal const int MaxClashJumpMs = 5000;

    internal const int MaxLeadMs = 120000;

    private static readonly ConcurrentDictionary<string, StampState> StampsByKey = new ConcurrentDictionary<string, StampState>();

    // The table is keyed by an HMAC of the API key under a random salt of this process, so that what it holds for
    // the life of the process cannot be looked up against a list of keys, as a plain digest could be.
    private static readonly byte[] ProcessSalt = NewSalt();

    private readonly byte[] apiKey;
    private readonly StampState stamps;

    public Signer(string apiKey)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            throw new BizConfArgumentException("ApiKey must not be empty.", "ApiKey");
        }

        this.apiKey = Encoding.UTF8.GetBytes(apiKey);
        // Two sessions with one key share the server's "already seen" list, so they share the last stamp too.
        stamps = StampsByKey.GetOrAdd(KeyId(this.apiKey), _ => new StampState());
    }

    /// <summary>
    /// A Unix-millisecond timestamp greater than every one handed out before for this key in this process,
    /// also across threads: the server refuses a timestamp it has already seen.
    /// </summary>
    public long NextTimeStamp(Func<DateTimeOffset> clock)
    {
        var now = clock().ToUnixTimeMilliseconds();
        lock (stamps)
        {
            var next = now > stamps.Last ? now : stamps.Last + 1;
            if (stamps.Lanes > 1)
            {
                next += ((stamps.Lane - (next % stamps.Lanes)) + stamps.Lanes) % stamps.Lanes;
            }

            stamps.Last = next;
            return next;
        }
    }

    /// <summary>
    /// Called on a 102, which most often means that another process took the same millisecond with this key:
    /// from now on this process keeps to one lane of <see cref="SharedLanes"/>, and moves to another lane at
    /// each further clash, so processes sharing a key soon sit in lanes of their own; and its next timestamp jumps
    /// one to five seconds ahead, where the processes still signing at the clock are not.
    /// </summary>
    public void ClashSeen(Func<DateTimeOffset> clock)
    {
        var now = clock().ToUnixTimeMilliseconds();
        lock (stamps)
        {
            var from = Math.Max(stamps.Last, now);
            if (from - now < MaxLeadMs)
            {
                stamps.Last = Math.Min(now + MaxLeadMs, from + 1000 + RandomLane(MaxClashJumpMs - 1000));
            }

            if (stamps.Lanes == 1)
            {
                stamps.Lanes = SharedLanes;
                stamps.Lane = RandomLane(SharedLanes);
            }
            else
            {
                stamps.Lane = (stamps.Lane + 1 + RandomLane(stamps.Lanes - 1)) % stamps.Lanes;
            }
        }
    }

    /// <summary>For tests: the lane count and lane this key's timestamps keep to (1 and 0 until a clash).</summary>
    internal (int Lanes, int Lane) LaneOf()
    {
        lock (stamps)
        {
            return (stamps.Lanes, stamps.Lane);
        }
    }

    /// <summary>md5(loginName|apiKey|timeStamp), lowercase hex.</summary>
    public string AccountToken(string loginName, string timeStamp) =>
        Md5Hex(Join(Encoding.UTF8.GetBytes(loginName + "|"), apiKey, Encoding.UTF8.GetBytes("|" + timeStamp)));

    /// <summary>md5(apiKey|timeStamp), lowercase hex.</summary>
    public string SiteToken(string timeStamp) =>
        Md5Hex(Join(apiKey, Encoding.UTF8.GetBytes("|" + timeStamp)));

    public override string ToString() => "BizConf signer (key hidden)";

    // The API's tokens are MD5 digests (docs/API.md, "Signing"); nothing is protected by MD5 on this side.
#pragma warning disable CA5351
    internal static string Md5Hex(byte[] bytes)
    {
        using (var md5 = MD5.Create())
        {
            var hash = md5.ComputeHash(bytes);
            var text = new StringBuilder(hash.Length * 2);
            foreach (var b in hash)
            {
                text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }
    }
#pragma warning restore CA5351

    private static string KeyId(byte[] key)
    {
        using (var hmac = new HMACSHA256(ProcessSalt))
        {
            return Convert.ToBase64String(hmac.ComputeHash(key));
        }
    }

    private static byte[] NewSalt()
    {
        var salt = new byte[32];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(salt);
        }

        return salt;
    }

    private static byte[] Join(params byte[][] parts)
    {
        var length = 0;
        foreach (var part in parts)
        {
            length += part.Length;
        }

        var result = new byte[length];
        var offset = 0;
        foreach (var part in parts)
        {
            Buffer.BlockCopy(part, 0, result, offset, part.Length);
            offset += part.Length;
        }

        return result;
    }

    private static int RandomLane(int count)
    {
        var bytes = new byte[4];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(bytes);
        }

        return (int)(BitConverter.ToUInt32(bytes, 0) % (uint)count);
    }

    private sealed class StampState
    {
        public long Last;

        public int Lanes = 1;

        public int Lane;
    }
}
