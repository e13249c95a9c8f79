namespace BizConf.TestTools;

/// <summary>Reading request bodies the tools look at but never keep.</summary>
internal static class RequestBody
{
    /// <summary>Reads the body to its end and gives its length; a client that leaves midway gives what arrived.</summary>
    public static async Task<long> CountAsync(HttpRequest request, CancellationToken cancellation)
    {
        var buffer = new byte[16 * 1024];
        long total = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellation)) > 0)
            {
                total += read;
            }
        }
        catch (Exception ex) when (ex is IOException or BadHttpRequestException or OperationCanceledException)
        {
        }

        return total;
    }
}
