using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BizConf.Transport;

namespace BizConf
{
    public sealed partial class BizConfClient
    {
        /// <summary>
        /// updateRegistrationQuestions. A list left null is not sent, so the service keeps that list as it is; an
        /// empty list is sent and clears it.
        /// </summary>
        public Task SetRegistrationQuestionsAsync(
            long meetingId,
            IReadOnlyList<RegistrationQuestion>? questions,
            IReadOnlyList<CustomRegistrationQuestion>? customQuestions,
            CancellationToken cancellationToken = default)
        {
            RequirePositive(meetingId, "MeetingId");
            RegistrationQuestions.Validate(questions, customQuestions);
            var call = Post("updateRegistrationQuestions", safeToRepeat: true)
                .Add("confId", meetingId)
                .Add("custom_questions", customQuestions == null ? null : CustomQuestionsJson(customQuestions))
                .Add("questions", questions == null ? null : QuestionsJson(questions));
            return SendAsync(call, cancellationToken);
        }

        /// <summary>
        /// addRegistrant, then the registrant as the service holds it. Safe to repeat: the service answers a second
        /// registration of the same e-mail with the first one.
        /// </summary>
        /// <remarks>
        /// addRegistrant answers with ids and the join link only, and for an e-mail already registered it keeps the
        /// first registration (its name, status and time), whatever this request says. So the registrant is read back
        /// with getRegistrants, first in the status this request asks for, then in the others, and matched by the
        /// registrant id: one more GET per registrant (more when its status is not the one asked), which buys output
        /// that is the service's and not a guess.
        /// </remarks>
        public async Task<Registrant> AddRegistrantAsync(long meetingId, RegistrantRequest request, CancellationToken cancellationToken = default)
        {
            RequirePositive(meetingId, "MeetingId");
            request.Normalize();
            var call = Post("addRegistrant", safeToRepeat: true)
                .Add("confId", meetingId)
                .Add("first_name", request.FirstName)
                .Add("email", request.Email)
                .Add("last_name", Optional(request.LastName))
                .Add("address", Optional(request.Address))
                .Add("city", Optional(request.City))
                .Add("state", Optional(request.State))
                .Add("zip", Optional(request.Zip))
                .Add("country", Optional(request.Country))
                .Add("phone", Optional(request.Phone))
                .Add("comments", Optional(request.Comments))
                .Add("custom_questions", request.CustomAnswers.Count == 0 ? null : AnswersJson(request.CustomAnswers))
                .Add("industry", Optional(request.Industry))
                .Add("job_title", Optional(request.JobTitle))
                .Add("no_of_employees", Optional(request.NumberOfEmployees))
                .Add("org", Optional(request.Organization))
                .Add("language", Optional(request.Language))
                .Add("auto_approve", request.AutoApprove ? "true" : "false");
            var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
            var registrantId = Json.String(Data(root, call.Endpoint), "registrant_id") ?? throw new BizConfTransportException(
                $"addRegistrant registered {request.Email} but answered without a registrant_id.", call.Endpoint, 200);
            var expected = request.AutoApprove ? RegistrantStatus.Approved : RegistrantStatus.Pending;
            var statuses = new[] { expected }.Concat(new[] { RegistrantStatus.Approved, RegistrantStatus.Pending, RegistrantStatus.Denied }.Where(s => s != expected));
            foreach (var status in statuses)
            {
                IReadOnlyList<Registrant> listed;
                try
                {
                    listed = await GetRegistrantsAsync(meetingId, status, cancellationToken).ConfigureAwait(false);
                }
                catch (BizConfApiException e)
                {
                    // The registration stands; say so, rather than let the row look refused.
                    throw new BizConfOperationException(
                        $"{request.Email} is registered for meeting {meetingId} (registrant {registrantId}), but reading it back failed: {e.Message}",
                        "RegistrantReadBackFailed", e);
                }

                var registrant = listed.FirstOrDefault(r => r.RegistrantId == registrantId);
                if (registrant != null)
                {
                    return registrant;
                }
            }

            throw new BizConfOperationException(
                $"{request.Email} is registered for meeting {meetingId} (registrant {registrantId}), but getRegistrants lists it under no status.",
                "RegistrantNotListed");
        }

        /// <summary>getRegistrants: the meeting's registrants with one status (the service's default is approved).</summary>
        public async Task<IReadOnlyList<Registrant>> GetRegistrantsAsync(long meetingId, RegistrantStatus? status = null, CancellationToken cancellationToken = default)
        {
            RequirePositive(meetingId, "MeetingId");
            var call = Get("getRegistrants")
                .Add("confId", meetingId)
                .Add("status", status.HasValue ? RegistrantParser.Wire(status.Value) : null);
            var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
            var askedFor = status ?? RegistrantStatus.Approved;
            var registrants = new List<Registrant>();
            if (Json.TryGet(root, "data", out var data))
            {
                foreach (var item in Json.Items(data))
                {
                    registrants.Add(RegistrantParser.Parse(item, meetingId, askedFor));
                }
            }

            return registrants;
        }

        private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        // Both writers take lists that RegistrationQuestions.Validate has passed.
        private static string QuestionsJson(IReadOnlyList<RegistrationQuestion> questions) => WriteJson(writer =>
        {
            writer.WriteStartArray();
            foreach (var question in questions)
            {
                writer.WriteStartObject();
                writer.WriteString("field_name", RegistrationValues.FieldName(question.FieldName));
                writer.WriteBoolean("required", question.Required);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });

        private static string CustomQuestionsJson(IReadOnlyList<CustomRegistrationQuestion> questions) => WriteJson(writer =>
        {
            writer.WriteStartArray();
            foreach (var question in questions)
            {
                writer.WriteStartObject();
                writer.WriteString("title", question.Title.Trim());
                writer.WriteString("type", question.Type == RegistrationQuestionType.Single ? "single" : "short");
                writer.WriteBoolean("required", question.Required);
                writer.WriteStartArray("answers");
                foreach (var answer in question.Answers ?? new string[0])
                {
                    writer.WriteStringValue(answer);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });

        private static string AnswersJson(IEnumerable<KeyValuePair<string, string>> answers) => WriteJson(writer =>
        {
            writer.WriteStartArray();
            foreach (var answer in answers)
            {
                writer.WriteStartObject();
                writer.WriteString("title", answer.Key);
                writer.WriteString("value", answer.Value ?? string.Empty);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });

        private static string WriteJson(System.Action<Utf8JsonWriter> write)
        {
            using (var buffer = new MemoryStream())
            {
                // Chinese titles stay as they are; the form encoding makes them safe on the wire.
                using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    write(writer);
                }

                return Encoding.UTF8.GetString(buffer.ToArray());
            }
        }
    }
}
