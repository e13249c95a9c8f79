namespace BizConf;

/// <summary>How a request object shows a secret it holds (a password, a stream key): set or not, never the text.</summary>
public static class SecretText
{
    /// <summary>What a set secret reads as in output and logs.</summary>
    public const string Hidden = "(hidden)";

    /// <summary>Null and empty stay as they are, so "no password" still reads as none; anything else reads as <see cref="Hidden"/>.</summary>
    public static string? Mask(string? secret) => string.IsNullOrEmpty(secret) ? secret : Hidden;
}
