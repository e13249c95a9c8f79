using BizConf.Transport;

namespace BizConf;

public sealed partial class BizConfClient
{
    /// <summary>listConf: one page, numbered from 1, of the meetings starting in the query's span.</summary>
    public async Task<MeetingPage> ListMeetingsAsync(MeetingQuery query, int pageNumber, int pageSize, CancellationToken cancellationToken = default)
    {
        if (pageNumber < 1)
        {
            throw new BizConfArgumentException($"PageNumber must be 1 or more; it is {pageNumber}.", "PageNumber");
        }

        if (pageSize < 1 || pageSize > MeetingQuery.MaxPageSize)
        {
            throw new BizConfArgumentException($"PageSize must be 1 to {MeetingQuery.MaxPageSize}; it is {pageSize}.", "PageSize");
        }

        query.Validate();
        var call = Post("listConf", Repeat.Safe)
            .Add("keyword", string.IsNullOrEmpty(query.Keyword) ? null : query.Keyword)
            .Add("startTime", query.From.HasValue ? SiteTime.ToWire(query.From.Value, Options.TimeZone) : null)
            .Add("endTime", query.To.HasValue ? SiteTime.ToWire(query.To.Value, Options.TimeZone) : null)
            .Add("pageNo", pageNumber)
            .Add("pageSize", pageSize);
        var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        var items = new List<Meeting>();
        foreach (var item in Json.Items(root, "data"))
        {
            items.Add(Own(MeetingParser.Parse(item)));
        }

        var totalCount = Json.Int32(root, "totalRecord") ?? items.Count;
        var size = Json.Int32(root, "pageSize") ?? pageSize;
        var totalPages = Json.Int32(root, "totalPage") ?? (size > 0 ? (totalCount + size - 1) / size : 1);
        return new MeetingPage(items, Json.Int32(root, "currentPage") ?? pageNumber, size, totalPages, totalCount);
    }
}
