using System;
using System.Linq;
using System.Management.Automation;
using BizConf.PowerShell.Internal;

namespace BizConf.PowerShell.Commands;

/// <summary>
/// Set-BizConfRegistrationQuestion: what a registration meeting asks (updateRegistrationQuestions). Each kind of
/// question given replaces that kind; a kind left out stays as it is.
/// </summary>
[Cmdlet(VerbsCommon.Set, "BizConfRegistrationQuestion", SupportsShouldProcess = true)]
public sealed class SetBizConfRegistrationQuestionCommand : BizConfAccountCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [Alias("confId", "Id")]
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

    protected override string Activity => "Setting BizConf registration questions";

    protected override void ProcessRecord()
    {
        var id = MeetingId;
        var account = Account;
        var questions = Question;
        var custom = CustomQuestion;
        // Validated before ShouldProcess, so -WhatIf and -Confirm never describe a request the module would refuse.
        try
        {
            RegistrationQuestions.Validate(questions, custom);
        }
        catch (BizConfArgumentException e)
        {
            Fail(e, id);
            return;
        }

        var asked = string.Join(", ", (questions ?? Array.Empty<RegistrationQuestion>()).Select(q => q?.ToString())
            .Concat((custom ?? Array.Empty<CustomRegistrationQuestion>()).Select(q => q?.ToString())));
        if (!ShouldProcess($"Meeting {id} of account {account}", $"Set registration questions: {(asked.Length == 0 ? "none" : asked)}"))
        {
            return;
        }

        Send(id, account, account, (client, token) => client.SetRegistrationQuestionsAsync(id, questions, custom, token));
    }
}
