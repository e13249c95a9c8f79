using System.Runtime.CompilerServices;

namespace BizConf.PowerShell.Internal;

/// <summary>
/// What one session has seen, for tab completion: the accounts it acted for or listed, and the meetings it wrote
/// (with name and start), most recent first. Bounded, so a long-lived session that lists thousands of meetings
/// keeps only the latest; a cancelled meeting is forgotten. Filled from the threads the calls run on.
/// </summary>
internal sealed class SessionMemory
{
    internal const int MaxMeetings = 200;
    internal const int MaxAccounts = 100;

    private static readonly ConditionalWeakTable<BizConfSession, SessionMemory> Memories = new ConditionalWeakTable<BizConfSession, SessionMemory>();

    private readonly object gate = new object();
    private readonly LinkedList<SeenMeeting> meetings = new LinkedList<SeenMeeting>();
    private readonly LinkedList<string> accounts = new LinkedList<string>();

    private SessionMemory(string loginName)
    {
        ActedFor(loginName);
    }

    public static SessionMemory Of(BizConfSession session) => Memories.GetValue(session, s => new SessionMemory(s.LoginName));

    /// <summary>The accounts, most recent first.</summary>
    public IReadOnlyList<string> Accounts
    {
        get
        {
            lock (gate)
            {
                return accounts.ToList();
            }
        }
    }

    /// <summary>The meetings, most recent first.</summary>
    public IReadOnlyList<SeenMeeting> Meetings
    {
        get
        {
            lock (gate)
            {
                return meetings.ToList();
            }
        }
    }

    public void ActedFor(string? account)
    {
        if (string.IsNullOrWhiteSpace(account))
        {
            return;
        }

        lock (gate)
        {
            MoveToFront(accounts, account!.Trim(), (a, b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase), MaxAccounts);
        }
    }

    /// <summary>Remembers the meeting and its account; gives the meeting back, for use in a call's result.</summary>
    public Meeting Saw(Meeting meeting)
    {
        ActedFor(meeting.LoginName);
        var seen = new SeenMeeting(meeting.Id, meeting.LoginName, meeting.Name, meeting.StartTime, meeting.MeetingNumber);
        lock (gate)
        {
            MoveToFront(meetings, seen, (a, b) => a.Id == b.Id && string.Equals(a.LoginName, b.LoginName, StringComparison.OrdinalIgnoreCase), MaxMeetings);
        }

        return meeting;
    }

    public void Forget(string account, long id)
    {
        lock (gate)
        {
            var node = meetings.First;
            while (node != null)
            {
                var next = node.Next;
                if (node.Value.Id == id && string.Equals(node.Value.LoginName, account, StringComparison.OrdinalIgnoreCase))
                {
                    meetings.Remove(node);
                }

                node = next;
            }
        }
    }

    private static void MoveToFront<T>(LinkedList<T> list, T item, Func<T, T, bool> same, int bound)
    {
        var node = list.First;
        while (node != null)
        {
            if (same(node.Value, item))
            {
                list.Remove(node);
                break;
            }

            node = node.Next;
        }

        list.AddFirst(item);
        while (list.Count > bound)
        {
            list.RemoveLast();
        }
    }
}

/// <summary>A meeting as completion shows it.</summary>
internal sealed record SeenMeeting(long Id, string LoginName, string Name, DateTimeOffset? StartTime, string MeetingNumber);
