namespace BizConf.PowerShell.Commands;

/// <summary>
/// Set-BizConfRegistrationQuestion: what a registration meeting asks (updateRegistrationQuestions). Each kind of
/// question given replaces that kind; a kind left out stays as it is.
/// </summary>
[Cmdlet(VerbsCommon.Set, "BizConfRegistrationQuestion", SupportsShouldProcess = true)]
public sealed class SetBizConfRegistrationQuestionCommand : BizConfCmdlet
{
    /// <summary>The piped object itself: a row's error names it, and its columns are checked as it binds (see PipedRows).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get => Rows.Current; set => Rows.Take(value); }

    /// <summary>The Id of the registration meeting; binds from a piped meeting's Id.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [Alias("confId", "Id")]
    [ArgumentCompleter(typeof(MeetingIdCompleter))]
    public long MeetingId { get; set; }

    /// <summary>Standard fields to ask: hashtables such as @{ FieldName = 'org'; Required = $true }, or field names.</summary>
    [Parameter]
    [AllowEmptyCollection]
    [RegistrationQuestionTransformation(custom: false)]
    [Alias("questions")]
    public RegistrationQuestion[]? Question { get; set; }

    /// <summary>Questions of the meeting's own: @{ Title = '...'; Type = 'Single'; Required = $true; Answers = 'A', 'B' }.</summary>
    [Parameter]
    [AllowEmptyCollection]
    [RegistrationQuestionTransformation(custom: true)]
    [Alias("custom_questions")]
    public CustomRegistrationQuestion[]? CustomQuestion { get; set; }

    /// <summary>The account of the site the call acts for; by default the session's (a piped object names its own).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    [ArgumentCompleter(typeof(AccountCompleter))]
    [Alias("HostLoginName")]
    public string? LoginName { get; set; }

    private ItemEngine items = null!;

    /// <summary>Opens the session and starts the engine that sets the meetings' registration questions.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        items = StartChanges("Setting BizConf registration questions");
    }

    /// <summary>Checks this row (or the command line) and hands its questions to the engine.</summary>
    protected override void ProcessRecord()
    {
        Rows.Check();
        var id = MeetingId;
        var account = AccountOf(LoginName);
        var questions = Question;
        var custom = CustomQuestion;
        var label = $"Meeting {id} of account {account}";
        // Validated before ShouldProcess, so -WhatIf and -Confirm never describe a request the module would refuse.
        try
        {
            RegistrationQuestions.Validate(questions, custom);
        }
        catch (BizConfArgumentException e)
        {
            items.Fail(id, label, e);
            return;
        }

        var asked = string.Join(", ", (questions ?? Array.Empty<RegistrationQuestion>()).Select(q => q?.ToString())
            .Concat((custom ?? Array.Empty<CustomRegistrationQuestion>()).Select(q => q?.ToString())));
        if (!ShouldProcess(label, $"Set registration questions: {(asked.Length == 0 ? "none" : asked)}"))
        {
            return;
        }

        var client = Client.ForAccount(account);
        items.Submit(id, label, new Footprint(account).Changes(ResourceKeys.Meeting(id)), null, async token =>
        {
            await client.SetRegistrationQuestionsAsync(id, questions, custom, token).ConfigureAwait(false);
            return ItemResult.Run(() => { }, "questions set");
        });
    }
}
