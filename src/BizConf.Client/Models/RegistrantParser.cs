using System.Text.Json;
using BizConf.Transport;

namespace BizConf
{
    /// <summary>Reads getRegistrants items (addRegistrant reads its registrant back through them too).</summary>
    internal static class RegistrantParser
    {
        public static Registrant Parse(JsonElement item, long meetingId, RegistrantStatus askedFor)
        {
            var fields = RegistrationFieldsReader.Read(item);
            var registrant = new Registrant
            {
                RegistrantId = Json.String(item, "id", "registrant_id") ?? string.Empty,
                MeetingId = meetingId,
                Email = fields.Email ?? string.Empty,
                FirstName = fields.FirstName ?? string.Empty,
                LastName = fields.LastName,
                Address = fields.Address,
                City = fields.City,
                State = fields.State,
                Zip = fields.Zip,
                Country = fields.Country,
                Phone = fields.Phone,
                Comments = fields.Comments,
                Industry = fields.Industry,
                JobTitle = fields.JobTitle,
                NumberOfEmployees = fields.NumberOfEmployees,
                Organization = fields.Organization,
                Language = fields.Language,
                PurchasingTimeFrame = fields.PurchasingTimeFrame,
                RoleInPurchaseProcess = fields.RoleInPurchaseProcess,
                Status = ParseStatus(fields.Status) ?? askedFor,
                JoinUrl = fields.JoinUrl,
                CreatedTime = fields.CreatedTime,
            };
            registrant.SetAnswers(fields.CustomAnswers);
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
}
