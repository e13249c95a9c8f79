namespace BizConf;

/// <summary>The filters of listConf.</summary>
public sealed class MeetingQuery
{
    /// <summary>The most meetings one page of listConf holds.</summary>
    public const int MaxPageSize = 50;

    /// <summary>A part of the meeting name.</summary>
    public string? Keyword { get; set; }

    /// <summary>Meetings starting at or after this instant.</summary>
    public DateTimeOffset? From { get; set; }

    /// <summary>Meetings starting at or before this instant.</summary>
    public DateTimeOffset? To { get; set; }

    /// <summary>Refuses filters the service cannot take, naming the parameter and the rule, before anything is sent.</summary>
    public void Validate()
    {
        InputRules.CheckText(nameof(Keyword), Keyword);
        InputRules.CheckTime(nameof(From), From);
        InputRules.CheckTime(nameof(To), To);
        if (From.HasValue && To.HasValue && From > To)
        {
            throw new BizConfArgumentException("From must not be later than To.", nameof(From));
        }
    }

    /// <summary>The same filters over another span of start times.</summary>
    public MeetingQuery Between(DateTimeOffset? from, DateTimeOffset? to) => new MeetingQuery { Keyword = Keyword, From = from, To = to };

    /// <inheritdoc/>
    public override string ToString() => $"Meetings (Keyword '{Keyword}', From {From:yyyy-MM-dd HH:mm zzz}, To {To:yyyy-MM-dd HH:mm zzz})";
}

/// <summary>One page of listConf.</summary>
public sealed class MeetingPage
{
    /// <summary>A page as the service answered it.</summary>
    public MeetingPage(IReadOnlyList<Meeting> items, int pageNumber, int pageSize, int totalPages, int totalCount)
    {
        Items = items;
        PageNumber = pageNumber;
        PageSize = pageSize;
        TotalPages = totalPages;
        TotalCount = totalCount;
    }

    /// <summary>The meetings of this page.</summary>
    public IReadOnlyList<Meeting> Items { get; }

    /// <summary>The page's number, from 1.</summary>
    public int PageNumber { get; }

    /// <summary>How many meetings a page holds.</summary>
    public int PageSize { get; }

    /// <summary>How many pages the service says there are.</summary>
    public int TotalPages { get; }

    /// <summary>How many meetings the service says match.</summary>
    public int TotalCount { get; }
}
