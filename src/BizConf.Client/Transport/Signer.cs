using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace BizConf.Transport
{
    /// <summary>
    /// Makes the one-time tokens of API.md section 2. The API key is held only here, as UTF-8 bytes, and never
    /// leaves this class except inside an MD5 digest.
    /// </summary>
    internal sealed class Signer
    {
        private static readonly ConcurrentDictionary<string, LastStamp> LastStampByKey = new ConcurrentDictionary<string, LastStamp>();

        // The table is keyed by an HMAC of the API key under a random salt of this process, so that what it holds for
        // the life of the process cannot be looked up against a list of keys, as a plain digest could be.
        private static readonly byte[] ProcessSalt = NewSalt();

        private readonly byte[] apiKey;
        private readonly LastStamp lastStamp;

        public Signer(string apiKey)
        {
            if (string.IsNullOrEmpty(apiKey))
            {
                throw new BizConfArgumentException("ApiKey must not be empty.", "ApiKey");
            }

            this.apiKey = Encoding.UTF8.GetBytes(apiKey);
            // Two sessions with one key share the server's "already seen" list, so they share the last stamp too.
            lastStamp = LastStampByKey.GetOrAdd(KeyId(this.apiKey), _ => new LastStamp());
        }

        /// <summary>
        /// A Unix-millisecond timestamp greater than every one handed out before for this key in this process,
        /// also across threads: the server refuses a timestamp it has already seen.
        /// </summary>
        public long NextTimeStamp(Func<DateTimeOffset> clock)
        {
            while (true)
            {
                var last = Interlocked.Read(ref lastStamp.Value);
                var now = clock().ToUnixTimeMilliseconds();
                var next = now > last ? now : last + 1;
                if (Interlocked.CompareExchange(ref lastStamp.Value, next, last) == last)
                {
                    return next;
                }
            }
        }

        /// <summary>md5(loginName|apiKey|timeStamp), lowercase hex.</summary>
        public string AccountToken(string loginName, string timeStamp) =>
            Md5Hex(Join(Encoding.UTF8.GetBytes(loginName + "|"), apiKey, Encoding.UTF8.GetBytes("|" + timeStamp)));

        /// <summary>md5(apiKey|timeStamp), lowercase hex.</summary>
        public string SiteToken(string timeStamp) =>
            Md5Hex(Join(apiKey, Encoding.UTF8.GetBytes("|" + timeStamp)));

        public override string ToString() => "BizConf signer (key hidden)";

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

        private sealed class LastStamp
        {
            public long Value;
        }
    }
}
