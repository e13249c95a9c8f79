using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BizConf.Emulator.Api;
using BizConf.Emulator.Hosting;
using BizConf.Emulator.Model;
using BizConf.Emulator.Registration;

namespace BizConf.Emulator.Endpoints;

/// <summary>
/// docs/API.md, "Registration": updateRegistrationQuestions, addRegistrant, getRegistrants. All three need the caller's own meeting
/// (401) made with <c>registrationType=1</c> (104 otherwise); bad values are 109.
/// </summary>
internal sealed class RegistrationEndpoints(EmulatorState state, Auth auth, ServerInfo server)
{
    private static readonly string[] RegistrantStatuses = ["pending", "approved", "denied"];

    private const int Bad = ApiStatus.ParameterError;

    public static void Map(IEndpointRouteBuilder routes)
    {
        var endpoints = ActivatorUtilities.CreateInstance<RegistrationEndpoints>(routes.ServiceProvider);
        routes.MapApi("POST", "updateRegistrationQuestions", endpoints.UpdateQuestions);
        routes.MapApi("POST", "addRegistrant", endpoints.Add);
        routes.MapApi("GET", "getRegistrants", endpoints.List);
    }

    /// <summary>A list that is sent replaces the meeting's list of that kind; a list left out stays as it is.</summary>
    private JsonObject UpdateQuestions(RequestFields fields)
    {
        var caller = auth.Account(fields);
        var id = fields.RequiredLong("confId", ApiStatus.MeetingParameterError);
        var questionsJson = fields.Text("questions");
        var customJson = fields.Text("custom_questions");
        return state.Change(data =>
        {
            var meeting = RegistrationMeeting(data, caller, id);
            var questions = questionsJson is null ? null : RegistrationRules.ReadQuestions(questionsJson);
            var custom = customJson is null ? null : RegistrationRules.ReadCustomQuestions(customJson);
            data.Changing(meeting).StandardQuestions = questions ?? meeting.StandardQuestions;
            meeting.CustomQuestions = custom ?? meeting.CustomQuestions;
            return Envelope.Success();
        });
    }

    private JsonObject Add(RequestFields fields)
    {
        var caller = auth.Account(fields);
        var id = fields.RequiredLong("confId", ApiStatus.MeetingParameterError);
        var firstName = fields.RequiredText("first_name", Bad);
        var email = fields.RequiredText("email", Bad);
        RegistrationRules.CheckEmail(email);
        RegistrationRules.CheckCountry(fields.Text("country"));
        RegistrationRules.CheckChoice("no_of_employees", fields.Text("no_of_employees"), RegistrationRules.EmployeeCounts);
        RegistrationRules.CheckChoice("language", fields.Text("language"), RegistrationRules.Languages);
        var autoApprove = ReadAutoApprove(fields);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in RegistrationRules.RegistrantFields)
        {
            if (fields.Text(name) is { } value)
            {
                given[name] = value;
            }
        }

        return state.Change(data =>
        {
            var meeting = RegistrationMeeting(data, caller, id);
            var answers = RegistrationRules.ReadAnswers(fields.Text("custom_questions"), meeting);
            RegistrationRules.CheckRequired(meeting, given, answers);
            var registrant = meeting.Registrants.Find(r => string.Equals(r.Email, email, StringComparison.OrdinalIgnoreCase));
            if (registrant is null)
            {
                var tk = Base64Url(RandomNumberGenerator.GetBytes(48));
                registrant = new Registrant
                {
                    Id = Base64Url(RandomNumberGenerator.GetBytes(16)),
                    Email = email,
                    FirstName = firstName,
                    Status = autoApprove ? "approved" : "pending",
                    Fields = given,
                    CustomAnswers = answers,
                    Tk = tk,
                    JoinUrl = $"{meeting.JoinUrl}?tk={tk}",
                    CreatedUtc = state.Now,
                };
                data.Changing(meeting).Registrants.Add(registrant);
            }

            return Envelope.Success(RegistrantJson.Added(registrant, meeting, server));
        });
    }

    /// <summary>Registrants with one status (approved unless asked), only until the meeting's end time (104 after it).</summary>
    private JsonObject List(RequestFields fields)
    {
        var caller = auth.Account(fields);
        var id = fields.RequiredLong("confId", ApiStatus.MeetingParameterError);
        var status = fields.Text("status") ?? "approved";
        RegistrationRules.CheckChoice("status", status, RegistrantStatuses);
        return state.Read(data =>
        {
            var meeting = RegistrationMeeting(data, caller, id);
            if (meeting.Lifecycle == MeetingLifecycle.Ended || state.Now >= meeting.EndUtc)
            {
                throw new ApiFailureException(ApiStatus.MeetingParameterError, "The meeting has ended; its registrants can no longer be listed.");
            }

            var listed = meeting.Registrants
                .Where(r => r.Status == status)
                .Select(r => (JsonNode)RegistrantJson.Listed(r, server))
                .ToArray();
            return Envelope.Success(new JsonArray(listed));
        });
    }

    private static Meeting RegistrationMeeting(EmulatorData data, Caller caller, long id)
    {
        var meeting = data.FindOwnMeeting(id, caller.LoginName) ?? throw new ApiFailureException(ApiStatus.MeetingNotFound);
        return meeting.RegistrationType == 1
            ? meeting
            : throw new ApiFailureException(ApiStatus.MeetingParameterError, "The meeting does not take registrations (registrationType is not 1).");
    }

    /// <summary><c>auto_approve</c> is a JSON-style boolean on the wire: true or false, true when absent.</summary>
    private static bool ReadAutoApprove(RequestFields fields) => fields.Text("auto_approve") switch
    {
        null => true,
        "true" => true,
        "false" => false,
        _ => throw new ApiFailureException(Bad, "'auto_approve' must be true or false."),
    };

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
