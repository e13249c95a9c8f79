using System.Collections;
using System.Globalization;

namespace BizConf.PowerShell.Commands;

/// <summary>
/// Add-BizConfRegistrant: registers people for a meeting (addRegistrant). Every field binds from CSV columns by
/// its name or its wire name, so a file of people registers in one pipeline.
/// </summary>
[Cmdlet(VerbsCommon.Add, "BizConfRegistrant", SupportsShouldProcess = true)]
[OutputType(typeof(Registrant))]
public sealed class AddBizConfRegistrantCommand : BizConfCmdlet
{
    /// <summary>The piped object itself, kept as the target of an error so a failed CSV row can be found.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get => Rows.Current; set => Rows.Take(value); }

    /// <summary>The Id of the registration meeting; binds from a piped meeting's Id.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [Alias("confId", "Id")]
    [ArgumentCompleter(typeof(MeetingIdCompleter))]
    public long MeetingId { get; set; }

    // No alias "email": PowerShell refuses an alias equal to the parameter name, and names match ignoring case anyway.
    /// <summary>The person's e-mail; a second registration with the same address returns the first.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("EmailAddress", "Mail")]
    public string Email { get; set; } = string.Empty;

    /// <summary>The person's first (given) name.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("first_name", "GivenName")]
    public string FirstName { get; set; } = string.Empty;

    /// <summary>The person's last name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("last_name", "Surname")]
    public string? LastName { get; set; }

    /// <summary>The street address.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Address { get; set; }

    /// <summary>The city.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? City { get; set; }

    /// <summary>The state or province.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Province")]
    public string? State { get; set; }

    /// <summary>The postal code.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("PostalCode")]
    public string? Zip { get; set; }

    /// <summary>The two-letter country code, such as CN, DE or GB; other values are refused before sending.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Country { get; set; }

    /// <summary>The phone number.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Phone { get; set; }

    /// <summary>Questions or comments of the person.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Comments { get; set; }

    /// <summary>The person's industry.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Industry { get; set; }

    // No "Title" alias: in an Outlook contact export, Title is the honorific (Ms., Dr.), not the job.
    /// <summary>The person's job title.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("job_title")]
    public string? JobTitle { get; set; }

    /// <summary>The size of the person's organization, one of the service's bands (1-20 to More than 10,000).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(EmployeeCountCompleter))]
    [Alias("no_of_employees")]
    public string? NumberOfEmployees { get; set; }

    /// <summary>The person's organization.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("org", "Company")]
    public string? Organization { get; set; }

    /// <summary>The language of the registration e-mails, one of the service's codes such as en-US or zh-CN.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(LanguageCompleter))]
    public string? Language { get; set; }

    /// <summary>
    /// Answers to the meeting's custom questions: a hashtable of question title = answer, or the text of a
    /// registrant's CustomAnswers column (Title=Value; Title2=Value2), so an exported CSV registers again.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [CustomAnswerTransformation]
    [Alias("CustomAnswers", "custom_questions")]
    public IDictionary? CustomAnswer { get; set; }

    // Nullable so that an empty CSV cell means "not given", which is the default true, and not false.
    /// <summary>Whether the person is approved at once ($true, the default) or registered as pending ($false).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanTransformation(EmptyMeansNotGiven = true)]
    [Alias("auto_approve")]
    public bool? AutoApprove { get; set; }

    /// <summary>The account of the site that holds the meeting; by default the session's.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    [ArgumentCompleter(typeof(AccountCompleter))]
    [Alias("HostLoginName")]
    public string? LoginName { get; set; }

    private readonly Dictionary<string, string> registeredRows = new Dictionary<string, string>(StringComparer.Ordinal);
    private ItemEngine items = null!;

    /// <summary>Opens the session and starts the engine that registers the people.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        items = StartChanges("Registering people",
            "Running the same command again is safe: the service keeps a person's first registration and answers a second with it.");
    }

    /// <summary>Checks this row (or the command line) and hands its registration to the engine.</summary>
    protected override void ProcessRecord()
    {
        Rows.Check();
        var id = MeetingId;
        var account = AccountOf(LoginName);
        var request = RegistrantRequest.Build(Given.Values(RegistrantRequest.FieldNames, InputObject, fromSnapshots: true));
        request.AutoApprove = AutoApprove ?? true;
        var target = (object?)InputObject ?? request;
        var label = $"{Email} for meeting {id} of account {account}";
        try
        {
            if (CustomAnswer != null)
            {
                foreach (DictionaryEntry entry in CustomAnswer)
                {
                    request.CustomAnswers.Add(new KeyValuePair<string, string>(
                        LanguagePrimitives.ConvertTo<string>(entry.Key), LanguagePrimitives.ConvertTo<string>(entry.Value) ?? string.Empty));
                }
            }

            request.Normalize();
        }
        catch (BizConfArgumentException e)
        {
            items.Fail(target, label, e);
            return;
        }

        label = $"{request.FirstName} <{request.Email}> for meeting {id} of account {account}";
        if (!ShouldProcess(label, "Register"))
        {
            return;
        }

        // Registrations that could meet (the same person for the same meeting) run in input order; all others at once.
        var footprint = new Footprint(account).Uses(ResourceKeys.Meeting(id)).Changes(ResourceKeys.Registrant(id, request.Email!.ToUpperInvariant()));
        var client = Client.ForAccount(account);
        var memory = SessionMemory.Of(ActiveSession);
        items.Submit(target, label, footprint, null, async token =>
        {
            var registrant = await client.AddRegistrantAsync(id, request, token).ConfigureAwait(false);
            memory.ActedFor(account);
            return ItemResult.Run(() => Written(registrant, request, id, account), $"registrant {registrant.RegistrantId}");
        });
    }

    private void Written(Registrant registrant, RegistrantRequest request, long id, string account)
    {
        // The service keeps a person's first registration and answers a second one with the same registrant: say
        // so, or a row with new details would look applied. Known from the answer alone, at no cost.
        var key = string.Concat(account, "|", id.ToString(CultureInfo.InvariantCulture), "|", registrant.RegistrantId);
        if (registeredRows.TryGetValue(key, out var earlier))
        {
            WriteWarning($"{request.Email} was already registered for meeting {id} (registrant {registrant.RegistrantId}) by an earlier row ({earlier}); " +
                "the service keeps the first registration, so this row's details were not applied.");
        }
        else
        {
            registeredRows[key] = $"{request.FirstName} {request.LastName}".Trim();
        }

        WriteObject(registrant);
    }
}
