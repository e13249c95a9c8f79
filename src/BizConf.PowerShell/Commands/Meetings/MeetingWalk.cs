namespace BizConf.PowerShell.Commands;

/// <summary>
/// One account's listing, walked so that what the pipeline does downstream cannot make it skip a meeting
/// (docs/ARCHITECTURE.md, "Listing"). Offset pages shift when an earlier meeting is cancelled, so the walk goes by
/// start time: each round asks for the meetings starting at or after a cursor, several pages at once, and writes
/// nothing of a round until all of its pages are in. It holds back the meetings that share the round's last start and
/// begins the next round at that start, so when a round's requests go out, not one meeting they can return has been
/// written: a cancel or a change downstream touches only meetings before the cursor, which no later page counts. A
/// meeting moved past the cursor downstream comes again and is passed over by its id. This needs pages in start
/// order, as the service gives them; pages out of order are all read before any of them is written.
/// The page count of an answer decides how many pages go out at once only while it agrees with the record count
/// (totalPage = totalRecord / pageSize, rounded up): a service whose numbers contradict each other is not believed,
/// and the walk then asks one page at a time until a short page, so it sends only the pages there are.
/// </summary>
internal sealed class MeetingWalk(ItemEngine items, BizConfClient client, string account, MeetingQuery query, int pageSize, int pagesPerRound,
        ulong skip, ulong first, Action<Meeting> write, Action<int>? total)
{
    private readonly HashSet<long> written = new HashSet<long>();
    private readonly List<Meeting> held = new List<Meeting>();
    private ulong count;
    private bool totalGiven;
    private Round? round;
    private bool inOrder = true;
    private bool countsBelieved = true;

    private bool Satisfied => count >= first;

    /// <summary>
    /// The first round asks for one page (the one -Skip begins in, taken by offset: nothing is written yet) and learns
    /// from it how many more there are; later rounds know that from the round before.
    /// </summary>
    public void Start()
    {
        var firstPage = (int)Math.Min(skip / (ulong)pageSize, int.MaxValue - 1) + 1;
        StartRound(query.From, firstPage, 1, dropInFirst: (int)(skip % (ulong)pageSize));
    }

    private void StartRound(DateTimeOffset? from, int firstPage, int pages, int dropInFirst = 0)
    {
        var current = new Round(query.Between(from, query.To), firstPage, dropInFirst);
        round = current;
        AddPages(current, pages);
    }

    private void AddPages(Round owner, int pages)
    {
        items.KnownTotal = (items.KnownTotal ?? 0) + pages;
        for (var i = 0; i < pages; i++)
        {
            var number = owner.FirstPage + owner.Expected;
            owner.Expected++;
            items.Later(() => SubmitPage(owner, number));
        }
    }

    private void SubmitPage(Round owner, int number)
    {
        var label = $"Listing the meetings of account '{account}' failed";
        items.Submit(account, label, new Footprint(account), null, async token =>
        {
            var page = await client.ListMeetingsAsync(owner.Query, number, pageSize, token).ConfigureAwait(false);
            return ItemResult.Run(() => Arrived(owner, number, page));
        }, numbered: false);
    }

    /// <summary>A page came, in the order asked; the round's last one ends the round.</summary>
    private void Arrived(Round owner, int number, MeetingPage page)
    {
        if (owner != round || Satisfied)
        {
            return;
        }

        if (owner.Pages.Count == 0)
        {
            owner.TotalCount = page.TotalCount;
            owner.TotalPages = page.TotalPages;
            if (!totalGiven)
            {
                totalGiven = true;
                total?.Invoke(page.TotalCount);
            }
        }

        owner.Pages.Add(page);
        countsBelieved = countsBelieved && Agrees(page);
        if (!countsBelieved)
        {
            // Only the pages read tell whether there is another: a full last page asks for the next one, alone.
            if (owner.Pages.Count == owner.Expected && page.Items.Count == pageSize && (ulong)Collected(owner) < Wanted(0))
            {
                AddPages(owner, 1);
                return;
            }
        }
        else if (owner.Expected == 1 && page.Items.Count == pageSize && number < page.TotalPages)
        {
            // The first page of the first round tells how many there are: the rest of the round goes out at once.
            AddPages(owner, Math.Min(Math.Min(pagesPerRound, page.TotalPages - number), PagesFor(Wanted(owner.DropInFirst)) - 1));
        }

        if (owner.Pages.Count < owner.Expected)
        {
            return;
        }

        Complete(owner);
    }

    private void Complete(Round owner)
    {
        var meetings = owner.Pages.SelectMany(p => p.Items).Skip(owner.DropInFirst).ToList();
        var lastAsked = owner.FirstPage + owner.Expected - 1;

        // A short page (an empty one too) or the last page the service counts is the end; nothing past it is read.
        var ended = owner.Pages.Any(p => p.Items.Count < pageSize) || (countsBelieved && lastAsked >= owner.TotalPages);
        inOrder = inOrder && InStartOrder(meetings);
        if (!inOrder)
        {
            // Pages out of start order cannot be walked by a cursor: all of them are read first, then written.
            held.AddRange(meetings);
            if (ended)
            {
                WriteAll(held.OrderBy(m => m.StartTime).ThenBy(m => m.Id));
                return;
            }

            var next = new Round(owner.Query, lastAsked + 1, 0) { TotalCount = owner.TotalCount, TotalPages = owner.TotalPages };
            round = next;
            AddPages(next, countsBelieved ? Math.Max(1, Math.Min(pagesPerRound, owner.TotalPages - lastAsked)) : 1);
            return;
        }

        if (ended || meetings.Count == 0)
        {
            WriteAll(meetings);
            return;
        }

        var last = meetings[meetings.Count - 1].StartTime;
        var tail = meetings.Count(m => m.StartTime == last);
        if (tail == meetings.Count)
        {
            // A whole round of meetings at one second: written, and the walk goes on after that second (a limit of
            // the cursor, documented in about_BizConf).
            WriteAll(meetings);
            StartRound(last!.Value.AddSeconds(1), 1, countsBelieved ? pagesPerRound : 1);
            return;
        }

        WriteAll(meetings.Take(meetings.Count - tail));
        if (Satisfied)
        {
            return;
        }

        // What is left from the cursor on: this round's count, less what it wrote (the held-back tail comes again).
        var left = Math.Max(tail, owner.TotalCount - (meetings.Count - tail) - owner.DropInFirst);
        StartRound(last, 1, countsBelieved ? Math.Max(1, Math.Min(pagesPerRound, Math.Min(PagesFor((ulong)left), PagesFor(Wanted(tail))))) : 1);
    }

    /// <summary>Whether the page's numbers agree with each other: the size asked, and as many pages as the records fill.</summary>
    private bool Agrees(MeetingPage page) =>
        page.PageSize == pageSize && page.TotalCount >= 0 && page.TotalPages == ((long)page.TotalCount + pageSize - 1) / pageSize;

    private static int Collected(Round owner) => Math.Max(0, owner.Pages.Sum(p => p.Items.Count) - owner.DropInFirst);

    private int PagesFor(ulong meetings) =>
        (int)Math.Min(int.MaxValue, (meetings / (ulong)pageSize) + (meetings % (ulong)pageSize == 0 ? 0UL : 1UL));

    /// <summary>How many more meetings -First lets through, plus <paramref name="extra"/>, without overflowing when -First is not given.</summary>
    private ulong Wanted(int extra) => first - count > ulong.MaxValue - (ulong)extra ? ulong.MaxValue : first - count + (ulong)extra;

    private void WriteAll(IEnumerable<Meeting> meetings)
    {
        foreach (var meeting in meetings)
        {
            if (Satisfied)
            {
                return;
            }

            if (written.Add(meeting.Id))
            {
                count++;
                write(meeting);
            }
        }
    }

    private static bool InStartOrder(List<Meeting> meetings)
    {
        for (var i = 1; i < meetings.Count; i++)
        {
            if (meetings[i].StartTime < meetings[i - 1].StartTime)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One round of pages asked at once.</summary>
    /// <param name="Query">The query of the round.</param>
    /// <param name="FirstPage">The number of its first page.</param>
    /// <param name="DropInFirst">Meetings of the first page that -Skip passes over.</param>
    private sealed record Round(MeetingQuery Query, int FirstPage, int DropInFirst)
    {
        public int Expected { get; set; }

        public int TotalCount { get; set; }

        public int TotalPages { get; set; }

        public List<MeetingPage> Pages { get; } = new List<MeetingPage>();
    }
}
