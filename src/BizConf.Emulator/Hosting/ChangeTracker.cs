using System.Text.Json;
using BizConf.Emulator.Model;

namespace BizConf.Emulator.Hosting;

/// <summary>
/// Follows one change to the data while it is made with a state file: which entities it added, changed or
/// removed, and how to undo it. <see cref="Entry"/> is the journal line it saves; <see cref="Undo"/> takes it
/// back when that save fails, so memory never holds what the disk does not.
/// </summary>
internal sealed class ChangeTracker
{
    private readonly long nextMeetingId;
    private readonly long nextUserId;
    private readonly List<Action<EmulatorData>> undo = new();
    private readonly HashSet<object> seen = new(ReferenceEqualityComparer.Instance);
    private readonly List<object> touched = new();
    private readonly List<string> removedWebinars = new();

    public ChangeTracker(EmulatorData data)
    {
        nextMeetingId = data.NextMeetingId;
        nextUserId = data.NextUserId;
    }

    internal void Added<T>(List<T> list, T item)
        where T : class
    {
        Touch(item);
        undo.Add(_ => list.Remove(item));
    }

    /// <summary>Keeps the entity as it is now, in its saved form, to put back on undo.</summary>
    internal void Changing(object entity)
    {
        if (!Touch(entity))
        {
            return;
        }

        switch (entity)
        {
            case Meeting meeting:
                undo.Add(PutBack(data => data.Meetings, meeting));
                break;
            case Webinar webinar:
                undo.Add(PutBack(data => data.Webinars, webinar));
                break;
            case Site site:
                undo.Add(PutBack(data => data.Sites, site));
                break;
            case Account account:
                undo.Add(PutBack(data => data.Accounts, account));
                break;
            default:
                throw new ArgumentException($"A change cannot follow a {entity.GetType().Name}.", nameof(entity));
        }
    }

    internal void Removed(Webinar webinar, int index)
    {
        Touch(webinar);
        removedWebinars.Add(webinar.WebinarNo);
        undo.Add(data => data.Webinars.Insert(index, webinar));
    }

    /// <summary>Puts back what the change did, last step first, and the counters as they were.</summary>
    public void Undo(EmulatorData data)
    {
        for (var i = undo.Count - 1; i >= 0; i--)
        {
            undo[i](data);
        }

        data.NextMeetingId = nextMeetingId;
        data.NextUserId = nextUserId;
    }

    /// <summary>The journal line of the finished change: each entity it touched as it is now (UTF-8, newline ended).</summary>
    public byte[] Entry(EmulatorData data, long seq, List<UsedToken> tokens)
    {
        var removed = removedWebinars.ToHashSet(StringComparer.Ordinal);
        var entry = new JournalEntry
        {
            Seq = seq,
            Sites = NonEmpty(touched.OfType<Site>()),
            Accounts = NonEmpty(touched.OfType<Account>()),
            Meetings = NonEmpty(touched.OfType<Meeting>()),
            Webinars = NonEmpty(touched.OfType<Webinar>().Where(w => !removed.Contains(w.WebinarNo))),
            RemovedWebinars = NonEmpty(removedWebinars),
            NextMeetingId = data.NextMeetingId,
            NextUserId = data.NextUserId,
            UsedTokens = NonEmpty(tokens),
        };
        var line = JsonSerializer.SerializeToUtf8Bytes(entry, DurableFile.JsonOptions);
        Array.Resize(ref line, line.Length + 1);
        line[^1] = (byte)'\n';
        return line;
    }

    private bool Touch(object entity)
    {
        if (!seen.Add(entity))
        {
            return false;
        }

        touched.Add(entity);
        return true;
    }

    /// <summary>Undo for a changed entity: its saved form read back into its place in the list.</summary>
    private static Action<EmulatorData> PutBack<T>(Func<EmulatorData, List<T>> list, T entity)
        where T : class
    {
        var before = JsonSerializer.SerializeToUtf8Bytes(entity, DurableFile.JsonOptions);
        return data =>
        {
            var items = list(data);
            var index = items.IndexOf(entity);
            if (index >= 0)
            {
                items[index] = JsonSerializer.Deserialize<T>(before, DurableFile.JsonOptions)!;
            }
        };
    }

    private static List<T>? NonEmpty<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list;
    }
}
