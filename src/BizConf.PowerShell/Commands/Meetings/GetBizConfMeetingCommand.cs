using System;
using System.Globalization;
using System.Management.Automation;

namespace BizConf.PowerShell.Commands
{
    /// <summary>
    /// Get-BizConfMeeting: meetings by id (getConf), or the account's meetings (listConf), every page fetched in
    /// turn and written as it arrives.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "BizConfMeeting", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Meeting))]
    public sealed class GetBizConfMeetingCommand : BizConfCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";
        private const string ListActivity = "Listing BizConf meetings";
        private const int ListProgressId = 1;

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

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                foreach (var id in Id)
                {
                    if (TryAwait((client, token) => client.GetMeetingAsync(id, token), id, out var meeting))
                    {
                        WriteObject(meeting);
                    }
                }
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == ListSet)
            {
                List();
            }

            base.EndProcessing();
        }

        private void List()
        {
            if (From.HasValue && To.HasValue && From > To)
            {
                ThrowTerminatingError(Internal.ErrorRecords.From(new BizConfArgumentException("From must not be later than To.", "From"), From));
            }

            if (PagingParameters.First == 0)
            {
                return;
            }

            var query = new MeetingQuery { Keyword = Keyword, From = From, To = To };
            var skip = PagingParameters.Skip;
            var first = PagingParameters.First;
            var page = (int)Math.Min(skip / (ulong)PageSize, int.MaxValue - 1) + 1;
            var skipInPage = (int)(skip % (ulong)PageSize);
            ulong written = 0;
            var wroteProgress = false;
            while (true)
            {
                var pageNumber = page;
                MeetingPage result;
                try
                {
                    result = Await((client, token) => client.ListMeetingsAsync(query, pageNumber, PageSize, token));
                }
                catch (Exception e) when (IsItemFailure(e))
                {
                    // A page that cannot be read ends the listing: the pages after it would be guesses.
                    ThrowTerminatingError(Internal.ErrorRecords.From(e, query));
                    return;
                }

                if (pageNumber == (int)(skip / (ulong)PageSize) + 1 && PagingParameters.IncludeTotalCount)
                {
                    WriteObject(PagingParameters.NewTotalCount((ulong)result.TotalCount, 1.0));
                }

                for (var i = skipInPage; i < result.Items.Count && written < first; i++)
                {
                    WriteObject(result.Items[i]);
                    written++;
                }

                skipInPage = 0;
                if (written >= first || pageNumber >= result.TotalPages || result.Items.Count == 0)
                {
                    break;
                }

                // A new record each time: a host may keep the ones written, so one must not change after it is written.
                WriteProgress(new ProgressRecord(ListProgressId, ListActivity, string.Format(CultureInfo.InvariantCulture, "Page {0} of {1}", pageNumber + 1, result.TotalPages))
                {
                    PercentComplete = Math.Min(100, pageNumber * 100 / Math.Max(1, result.TotalPages)),
                });
                page++;
                wroteProgress = true;
            }

            if (wroteProgress)
            {
                WriteProgress(new ProgressRecord(ListProgressId, ListActivity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }
    }
}
