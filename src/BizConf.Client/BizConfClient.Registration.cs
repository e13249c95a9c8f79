using System.IO;
using System.Text;
using System.Text.Json;
using BizConf.Transport;

namespace BizConf;

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
        var call = Post("updateRegistrationQuestions", Repeat.Safe)
            .Add("confId", meetingId)
            .Add("custom_questions", customQuestions == null ? null : CustomQuestionsJson(customQuestions))
            .Add("questions", questions == null ? null : QuestionsJson(questions));
        return SendAsync(call, cancellationToken);
    }

    /// <summary>
    /// addRegistrant: one request. The registrant is made from what was sent and what the service answered
    /// (registrant id, meeting number, topic, start and the personal join link), with no read-back: the service
    /// keeps a person's first registration, so for an e-mail registered before, the answer carries that earlier
    /// registrant's id while the details here are this request's.
    /// </summary>
    public async Task<Registrant> AddRegistrantAsync(long meetingId, RegistrantRequest request, CancellationToken cancellationToken = default)
    {
        RequirePositive(meetingId, "MeetingId");
        request.Normalize();
        var call = Post("addRegistrant", Repeat.Safe).Add("confId", meetingId);
        foreach (var field in RegistrationWire.Fields)
        {
            if (field.SentByAddRegistrant)
            {
                call.Add(field.WireName, Optional(field.Get(request)));
            }
        }

        call.Add("custom_questions", request.CustomAnswers.Count == 0 ? null : AnswersJson(request.CustomAnswers))
            .Add("auto_approve", request.AutoApprove ? "true" : "false");
        var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        var data = Data(root, call.Endpoint);
        var registrant = new Registrant
        {
            RegistrantId = Json.String(data, "registrant_id") ?? throw new BizConfTransportException(
                $"addRegistrant registered {request.Email} but answered without a registrant_id.", call.Endpoint, TransportFailure.BadAnswer, HttpStatusCodes.Ok),
            MeetingId = meetingId,
            LoginName = LoginName,
            MeetingNumber = Json.String(data, "id"),
            Topic = Json.String(data, "topic"),
            MeetingStartTime = Json.Time(data, "start_time"),
            JoinUrl = Json.String(data, "join_url"),
            Status = request.AutoApprove ? RegistrantStatus.Approved : RegistrantStatus.Pending,
        };
        foreach (var field in RegistrationWire.Fields)
        {
            field.Set(registrant, Optional(field.Get(request)));
        }

        registrant.SetAnswers(request.CustomAnswers);
        return registrant;
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
                registrants.Add(RegistrantParser.Parse(item, meetingId, askedFor, LoginName));
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
            foreach (var answer in question.Answers ?? Array.Empty<string>())
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
