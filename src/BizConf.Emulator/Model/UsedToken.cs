namespace BizConf.Emulator.Model;

/// <summary>A token already spent, known by its API key and timeStamp (the token follows from the two).</summary>
internal sealed class UsedToken
{
    public string ApiKey { get; set; } = "";

    public long TimeStamp { get; set; }
}
