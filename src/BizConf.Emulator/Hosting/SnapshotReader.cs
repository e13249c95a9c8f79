using System.Text.Json;
using BizConf.Emulator.Model;

namespace BizConf.Emulator.Hosting;

/// <summary>
/// Reads a state document. A big one is nearly all meetings, and a restart waits for it: so its meetings array is
/// cut into pieces that every core reads at once, and the rest of the document is read as usual. A document
/// that is small, or not shaped as expected, is read whole in one go, which also gives the usual messages for
/// what is wrong with it.
/// </summary>
internal static class SnapshotReader
{
    /// <summary>Below this many meetings one core reads it all faster than several share it out.</summary>
    public const int SplitFrom = 2000;

    public static EmulatorData Read(byte[] document)
    {
        if (FindMeetings(document) is not { } found || found.Items.Count < SplitFrom)
        {
            return Whole(document);
        }

        var rest = new byte[document.Length - (found.End - found.Start) + 2];
        document.AsSpan(0, found.Start).CopyTo(rest);
        "[]"u8.CopyTo(rest.AsSpan(found.Start));
        document.AsSpan(found.End).CopyTo(rest.AsSpan(found.Start + 2));
        var data = Whole(rest);

        var meetings = new Meeting[found.Items.Count];
        var pieces = Math.Max(1, Environment.ProcessorCount);
        var size = (meetings.Length + pieces - 1) / pieces;
        try
        {
            Parallel.For(0, pieces, piece => ReadPiece(document, found.Items, meetings, piece * size, Math.Min(meetings.Length, (piece + 1) * size)));
        }
        catch (AggregateException ex) when (ex.InnerExceptions[0] is JsonException first)
        {
            throw first;
        }

        data.Meetings = new List<Meeting>(meetings);
        return data;
    }

    private static void ReadPiece(byte[] document, List<(int Start, int Length)> items, Meeting[] meetings, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var (start, length) = items[i];
            try
            {
                meetings[i] = JsonSerializer.Deserialize<Meeting>(document.AsSpan(start, length), DurableFile.ReadOptions)!;
            }
            catch (JsonException ex)
            {
                throw new JsonException($"meetings[{i}]: {DurableFile.Describe(ex)}", ex);
            }
        }
    }

    private static EmulatorData Whole(byte[] document) =>
        JsonSerializer.Deserialize<EmulatorData>(document, DurableFile.ReadOptions)
            ?? throw new JsonException("The document is null.");

    /// <summary>Where the top-level <c>meetings</c> array is and where each of its objects lies; null if the document is not so shaped.</summary>
    private static MeetingsArray? FindMeetings(byte[] document)
    {
        try
        {
            var reader = new Utf8JsonReader(document);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isMeetings = reader.ValueTextEquals("meetings"u8);
                reader.Read();
                if (!isMeetings)
                {
                    reader.Skip();
                    continue;
                }

                return reader.TokenType == JsonTokenType.StartArray ? Items(ref reader) : null;
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static MeetingsArray? Items(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        var items = new List<(int Start, int Length)>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var itemStart = (int)reader.TokenStartIndex;
            reader.Skip();
            items.Add((itemStart, (int)reader.BytesConsumed - itemStart));
        }

        return new MeetingsArray(start, (int)reader.BytesConsumed, items);
    }

    private sealed record MeetingsArray(int Start, int End, List<(int Start, int Length)> Items);
}
