using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace BizConf.PowerShell.Commands;

/// <summary>
/// Get-BizConfMeeting: meetings by id (getConf), or the meetings of one or more accounts (listConf): after each
/// account's first page, its other pages are fetched in parallel and written in page order.
/// </summary>
[Cmdlet(VerbsCommon.Get, "BizConfMeeting", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(Meeting))]
public sealed class GetBizConfMeetingCommand : BizConfItemCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";

    private bool listed;

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [Alias("confId", "MeetingId")]
    public long[] Id { get; set; } = Array.Empty<long>();

    // Named only: at position 0, a typed number (Get-BizConfMeeting 3) would search names for "3".
    [Parameter(ParameterSetName = ListSet)]
    public string? Keyword { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Alias("startTime")]
    public DateTimeOffset? From { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Alias("endTime")]
    public DateTimeOffset? To { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(1, MeetingQuery.MaxPageSize)]
    public int PageSize { get; set; } = MeetingQuery.MaxPageSize;

    /// <summary>
    /// The accounts whose meetings to list (each in turn), or the account that holds the meetings named by -Id;
    /// by default the session's.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyCollection]
    [AllowEmptyString]
    [Alias("HostLoginName")]
    public string[]? LoginName { get; set; }

    protected override string Activity => ParameterSetName == IdSet ? "Reading BizConf meetings" : "Listing BizConf meetings";

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        if (ParameterSetName == ListSet && From.HasValue && To.HasValue && From > To)
        {
            ThrowTerminatingError(Internal.ErrorRecords.From(new BizConfArgumentException("From must not be later than To.", "From"), From));
        }
    }

    protected override void ProcessRecord()
    {
        var named = (LoginName ?? Array.Empty<string>()).Where(name => !string.IsNullOrWhiteSpace(name)).Select(name => name.Trim()).ToList();
        if (ParameterSetName == IdSet)
        {
            if (named.Count > 1)
            {
                Fail(new BizConfArgumentException("LoginName must name one account with -Id: the account that holds those meetings.", "LoginName"), Id);
                return;
            }

            KnownTotal = MyInvocation.ExpectingInput ? (int?)null : Id.Length;
            var account = AccountOf(named.FirstOrDefault());
            foreach (var id in Id)
            {
                Send(id, account, null, (client, token) => client.GetMeetingAsync(id, token), meeting => WriteObject(meeting));
            }

            return;
        }

        // Accounts named on the command line or by piped rows are listed as they come; none at all lists the
        // session's own account once, at the end.
        if (named.Count == 0 && !MyInvocation.ExpectingInput)
        {
            return;
        }

        listed = true;
        foreach (var account in named.Count == 0 ? new List<string> { ActiveSession.LoginName } : named)
        {
            List(account);
        }
    }

    protected override void EndProcessing()
    {
        if (ParameterSetName == ListSet && !listed)
        {
            List(ActiveSession.LoginName);
        }

        base.EndProcessing();
    }

    private void List(string account)
    {
        if (PagingParameters.First == 0)
        {
            return;
        }

        var query = new MeetingQuery { Keyword = Keyword, From = From, To = To };
        var pageSize = PageSize;
        var skip = PagingParameters.Skip;
        var firstPage = (int)Math.Min(skip / (ulong)pageSize, int.MaxValue - 1) + 1;
        var listing = new Listing(firstPage, (int)(skip % (ulong)pageSize), PagingParameters.First);
        var context = $"Listing the meetings of account '{account}' failed";
        if (!TryRead(account, account, (client, token) => client.ListMeetingsAsync(query, firstPage, pageSize, token), out var first, context))
        {
            return;
        }

        Done(account, () => Write(listing, firstPage, first));

        // Only the pages that -First can reach; the rest in parallel, written in page order.
        var lastPage = first.TotalPages;
        if (PagingParameters.First != ulong.MaxValue)
        {
            var needed = (ulong)listing.SkipInPage + PagingParameters.First;
            lastPage = (int)Math.Min((ulong)lastPage, (ulong)firstPage + ((needed + (ulong)pageSize - 1) / (ulong)pageSize) - 1);
        }

        if (first.Items.Count == 0)
        {
            lastPage = firstPage;
        }

        KnownTotal = (KnownTotal ?? 0) + Math.Max(1, lastPage - firstPage + 1);

        for (var page = firstPage + 1; page <= lastPage; page++)
        {
            var number = page;
            Send(account, account, null, (client, token) => client.ListMeetingsAsync(query, number, pageSize, token), result => Write(listing, number, result), context);
        }
    }

    /// <summary>Writes one page of a listing, in page order; after a page that failed, the listing of that account ends.</summary>
    private void Write(Listing listing, int pageNumber, MeetingPage page)
    {
        if (pageNumber != listing.NextPage || listing.Ended)
        {
            listing.Ended = true;
            return;
        }

        listing.NextPage++;
        if (pageNumber == listing.FirstPage && PagingParameters.IncludeTotalCount)
        {
            WriteObject(PagingParameters.NewTotalCount((ulong)page.TotalCount, 1.0));
        }

        var skipInPage = pageNumber == listing.FirstPage ? listing.SkipInPage : 0;
        for (var i = skipInPage; i < page.Items.Count && listing.Written < listing.First; i++)
        {
            WriteObject(page.Items[i]);
            listing.Written++;
        }

        if (page.Items.Count == 0)
        {
            listing.Ended = true;
        }
    }

    /// <summary>One account's listing, as its pages are written in order.</summary>
    private sealed class Listing
    {
        public Listing(int firstPage, int skipInPage, ulong first)
        {
            FirstPage = firstPage;
            NextPage = firstPage;
            SkipInPage = skipInPage;
            First = first;
        }

        public int FirstPage { get; }

        public int SkipInPage { get; }

        public ulong First { get; }

        public int NextPage { get; set; }

        public ulong Written { get; set; }

        public bool Ended { get; set; }
    }
}
