using System.Linq;
using System.Management.Automation;

namespace BizConf.PowerShell.Commands
{
    /// <summary>
    /// Set-BizConfRegistrationQuestion: what a registration meeting asks (updateRegistrationQuestions). Each kind of
    /// question given replaces that kind; a kind left out stays as it is.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "BizConfRegistrationQuestion", SupportsShouldProcess = true)]
    public sealed class SetBizConfRegistrationQuestionCommand : BizConfCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        [Alias("confId", "Id")]
        public long MeetingId { get; set; }

        /// <summary>Standard fields to ask: hashtables such as @{ FieldName = 'org'; Required = $true }, or field names.</summary>
        [Parameter]
        [AllowEmptyCollection]
        [Alias("questions")]
        public RegistrationQuestion[]? Question { get; set; }

        /// <summary>Questions of the meeting's own: @{ Title = '...'; Type = 'Single'; Required = $true; Answers = 'A', 'B' }.</summary>
        [Parameter]
        [AllowEmptyCollection]
        [Alias("custom_questions")]
        public CustomRegistrationQuestion[]? CustomQuestion { get; set; }

        protected override void ProcessRecord()
        {
            var id = MeetingId;
            var questions = Question;
            var custom = CustomQuestion;
            if (questions == null && custom == null)
            {
                WriteInvalidArgument(nameof(Question), "Give -Question, -CustomQuestion or both.", id);
                return;
            }

            var asked = string.Join(", ", (questions ?? new RegistrationQuestion[0]).Select(q => q?.ToString())
                .Concat((custom ?? new CustomRegistrationQuestion[0]).Select(q => q?.ToString())));
            if (!ShouldProcess($"Meeting {id}", $"Set registration questions: {(asked.Length == 0 ? "none" : asked)}"))
            {
                return;
            }

            TryAwait((client, token) => client.SetRegistrationQuestionsAsync(id, questions, custom, token), id);
        }
    }
}
