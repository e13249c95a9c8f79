using System.Collections.Generic;
using System.Text.Json;
using BizConf.Transport;

namespace BizConf
{
    /// <summary>Reads getRegistrants items (addRegistrant reads its registrant back through them too).</summary>
    internal static class RegistrantParser
    {
        public static Registrant Parse(JsonElement item, long meetingId, RegistrantStatus askedFor)
        {
            var registrant = new Registrant
            {
                RegistrantId = Json.String(item, "id", "registrant_id") ?? string.Empty,
                MeetingId = meetingId,
                Email = Json.String(item, "email") ?? string.Empty,
                FirstName = Json.String(item, "first_name") ?? string.Empty,
                LastName = Json.String(item, "last_name"),
                Address = Json.String(item, "address"),
                City = Json.String(item, "city"),
                State = Json.String(item, "state"),
                Zip = Json.String(item, "zip"),
                Country = Json.String(item, "country"),
                Phone = Json.String(item, "phone"),
                Comments = Json.String(item, "comments"),
                Industry = Json.String(item, "industry"),
                JobTitle = Json.String(item, "job_title"),
                NumberOfEmployees = Json.String(item, "no_of_employees"),
                Organization = Json.String(item, "org"),
                Language = Json.String(item, "language"),
                PurchasingTimeFrame = Json.String(item, "purchasing_time_frame"),
                RoleInPurchaseProcess = Json.String(item, "role_in_purchase_process"),
                Status = ParseStatus(Json.String(item, "status")) ?? askedFor,
                JoinUrl = Json.String(item, "join_url"),
                CreatedTime = Json.Time(item, "create_time"),
            };
            registrant.SetAnswers(ReadAnswers(item));
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

        private static IEnumerable<KeyValuePair<string, string>> ReadAnswers(JsonElement item)
        {
            foreach (var answer in Json.Items(item, "custom_questions"))
            {
                var title = Json.String(answer, "title");
                if (title != null)
                {
                    yield return new KeyValuePair<string, string>(title, Json.String(answer, "value") ?? string.Empty);
                }
            }
        }
    }
}
