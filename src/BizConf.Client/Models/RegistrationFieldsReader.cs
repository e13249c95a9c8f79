using System;
using System.Collections.Generic;
using System.Text.Json;
using BizConf.Transport;

namespace BizConf
{
    /// <summary>
    /// What a person registered with, as getRegistrants items (API.md 5.5) and the <c>records</c> of a report
    /// (API.md 5.3) both carry it: the standard fields by their wire names, the status, the registration time, the
    /// personal join link and the custom answers.
    /// </summary>
    internal sealed class RegistrationFields
    {
        public string? Email { get; set; }

        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public string? Address { get; set; }

        public string? City { get; set; }

        public string? State { get; set; }

        public string? Zip { get; set; }

        public string? Country { get; set; }

        public string? Phone { get; set; }

        public string? Comments { get; set; }

        public string? Industry { get; set; }

        public string? JobTitle { get; set; }

        public string? NumberOfEmployees { get; set; }

        public string? Organization { get; set; }

        public string? Language { get; set; }

        public string? PurchasingTimeFrame { get; set; }

        public string? RoleInPurchaseProcess { get; set; }

        /// <summary>The service's word for the status (approved, pending, denied), as sent.</summary>
        public string? Status { get; set; }

        public string? JoinUrl { get; set; }

        public DateTimeOffset? CreatedTime { get; set; }

        /// <summary>The custom answers (title, value) in the order sent; titles trimmed, entries without a title left out.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> CustomAnswers { get; set; } = Array.Empty<KeyValuePair<string, string>>();
    }

    /// <summary>Reads <see cref="RegistrationFields"/> from one registrant or report participant.</summary>
    internal static class RegistrationFieldsReader
    {
        public static RegistrationFields Read(JsonElement item) => new RegistrationFields
        {
            Email = Json.String(item, "email"),
            FirstName = Json.String(item, "first_name"),
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
            Status = Json.String(item, "status"),
            JoinUrl = Json.String(item, "join_url"),
            CreatedTime = Json.Time(item, "create_time"),
            CustomAnswers = ReadCustomAnswers(item),
        };

        private static List<KeyValuePair<string, string>> ReadCustomAnswers(JsonElement item)
        {
            var answers = new List<KeyValuePair<string, string>>();
            foreach (var answer in Json.Items(item, "custom_questions"))
            {
                var title = Json.String(answer, "title")?.Trim();
                if (!string.IsNullOrEmpty(title))
                {
                    answers.Add(new KeyValuePair<string, string>(title!, Json.String(answer, "value") ?? string.Empty));
                }
            }

            return answers;
        }
    }
}
