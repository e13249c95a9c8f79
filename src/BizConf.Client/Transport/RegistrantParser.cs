using System.Text.Json;

namespace BizConf.Transport;

/// <summary>Reads getRegistrants items (docs/API.md, "Registration") into <see cref="Registrant"/>s.</summary>
internal static class RegistrantParser
{
    public static Registrant Parse(JsonElement item, long meetingId, RegistrantStatus askedFor, string loginName)
    {
        var registrant = RegistrationWire.Read(item, new Registrant
        {
            RegistrantId = Json.String(item, "id", "registrant_id") ?? string.Empty,
            MeetingId = meetingId,
            LoginName = loginName,
            Status = ParseStatus(Json.String(item, "status")) ?? askedFor,
            JoinUrl = Json.String(item, "join_url"),
            CreatedTime = Json.Time(item, "create_time"),
        });
        registrant.SetAnswers(RegistrationWire.ReadCustomAnswers(item));
        return registrant;
    }

    public static string Wire(RegistrantStatus status) => status.ToString().ToLowerInvariant();

    private static RegistrantStatus? ParseStatus(string? text)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "approved":
                return RegistrantStatus.Approved;
            case "pending":
                return RegistrantStatus.Pending;
            case "denied":
                return RegistrantStatus.Denied;
            default:
                return null;
        }
    }
}
