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
            if (questions == null && customQuestions == null)
            {
                throw new BizConfArgumentException("Give Question, CustomQuestion or both.", "Question");
            }

            var call = Post("updateRegistrationQuestions", safeToRepeat: true)
                .Add("confId", meetingId)
                .Add("custom_questions", customQuestions == null ? null : CustomQuestionsJson(customQuestions))
                .Add("questions", questions == null ? null : QuestionsJson(questions));
            return SendAsync(call, cancellationToken);
        }

        /// <summary>
        /// addRegistrant. Safe to repeat: the service answers a second registration of the same e-mail with the
        /// first one.
        /// </summary>
        public async Task<Registrant> AddRegistrantAsync(long meetingId, RegistrantRequest request, CancellationToken cancellationToken = default)
        {
            RequirePositive(meetingId, "MeetingId");
            request.Validate();
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
            return RegistrantParser.FromAdded(Data(root, call.Endpoint), meetingId, request);
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

        private static string QuestionsJson(IReadOnlyList<RegistrationQuestion> questions)
        {
            var seen = new HashSet<string>();
            return WriteJson(writer =>
            {
                writer.WriteStartArray();
                foreach (var question in questions)
                {
                    if (question == null)
                    {
                        throw new BizConfArgumentException("Question must not hold an empty entry.", "Question");
                    }

                    var name = RegistrationValues.FieldName(question.FieldName) ?? throw new BizConfArgumentException(
                        $"Question FieldName must be one of {string.Join(", ", RegistrationValues.FieldNames)}; it is '{question.FieldName}'.", "Question");
                    if (!seen.Add(name))
                    {
                        throw new BizConfArgumentException($"Question names the field '{name}' twice.", "Question");
                    }

                    writer.WriteStartObject();
                    writer.WriteString("field_name", name);
                    writer.WriteBoolean("required", question.Required);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            });
        }

        private static string CustomQuestionsJson(IReadOnlyList<CustomRegistrationQuestion> questions)
        {
            var seen = new HashSet<string>();
            return WriteJson(writer =>
            {
                writer.WriteStartArray();
                foreach (var question in questions)
                {
                    CheckCustomQuestion(question, seen);
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
        }

        private static void CheckCustomQuestion(CustomRegistrationQuestion question, HashSet<string> seenTitles)
        {
            if (question == null || string.IsNullOrWhiteSpace(question.Title))
            {
                throw new BizConfArgumentException("CustomQuestion needs a Title for every question.", "CustomQuestion");
            }

            if (!seenTitles.Add(question.Title.Trim()))
            {
                throw new BizConfArgumentException($"CustomQuestion has the title '{question.Title.Trim()}' twice.", "CustomQuestion");
            }

            if (question.Type != RegistrationQuestionType.Short && question.Type != RegistrationQuestionType.Single)
            {
                throw new BizConfArgumentException($"CustomQuestion '{question.Title}' has Type {(int)question.Type}; it must be Short or Single.", "CustomQuestion");
            }

            var answers = question.Answers ?? new string[0];
            if (answers.Any(string.IsNullOrWhiteSpace))
            {
                throw new BizConfArgumentException($"CustomQuestion '{question.Title}' has an empty answer.", "CustomQuestion");
            }

            if (question.Type == RegistrationQuestionType.Single && answers.Length == 0)
            {
                throw new BizConfArgumentException($"CustomQuestion '{question.Title}' is Single, so it needs Answers to choose from.", "CustomQuestion");
            }
        }

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
