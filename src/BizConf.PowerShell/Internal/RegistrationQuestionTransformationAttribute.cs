using System.Collections;

namespace BizConf.PowerShell.Internal;

/// <summary>
/// Turns hashtables given to -Question and -CustomQuestion into questions, reading <c>Required</c> as
/// <see cref="BooleanText"/> does: PowerShell's own hashtable conversion would make <c>Required = 'false'</c> true.
/// Anything else (a field name, a question object) is left to PowerShell's conversion.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class RegistrationQuestionTransformationAttribute : ArgumentTransformationAttribute
{
    private readonly bool custom;

    /// <param name="custom">True for -CustomQuestion (Title, Type, Required, Answers); false for -Question (FieldName, Required).</param>
    public RegistrationQuestionTransformationAttribute(bool custom)
    {
        this.custom = custom;
    }

    private string Parameter => custom ? "CustomQuestion" : "Question";

    public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = Unwrap(inputData);
        if (value is IDictionary single)
        {
            return new[] { FromDictionary(single) };
        }

        if (!(value is IList list))
        {
            return inputData;
        }

        var items = new object?[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            items[i] = Unwrap(list[i]) is IDictionary entry ? FromDictionary(entry) : list[i];
        }

        return items;
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private object FromDictionary(IDictionary table)
    {
        var question = new RegistrationQuestion();
        var customQuestion = new CustomRegistrationQuestion();
        foreach (DictionaryEntry entry in table)
        {
            var key = LanguagePrimitives.ConvertTo<string>(entry.Key);
            var value = Unwrap(entry.Value);
            switch (key.Replace("_", string.Empty).ToLowerInvariant())
            {
                case "required":
                    question.Required = customQuestion.Required = ReadRequired(value);
                    break;
                case "fieldname" when !custom:
                    question.FieldName = LanguagePrimitives.ConvertTo<string>(value) ?? string.Empty;
                    break;
                case "title" when custom:
                    customQuestion.Title = LanguagePrimitives.ConvertTo<string>(value) ?? string.Empty;
                    break;
                case "type" when custom:
                    customQuestion.Type = ReadType(value);
                    break;
                case "answers" when custom:
                    customQuestion.Answers = LanguagePrimitives.ConvertTo<string[]>(value) ?? Array.Empty<string>();
                    break;
                default:
                    var keys = custom ? "Title, Type, Required, Answers" : "FieldName, Required";
                    throw new ArgumentTransformationMetadataException($"{Parameter} has no key '{key}'; use {keys}.");
            }
        }

        return custom ? (object)customQuestion : question;
    }

    private bool ReadRequired(object? value)
    {
        if (value is string text)
        {
            return BooleanText.TryParse(text, out var required)
                ? required
                : throw new ArgumentTransformationMetadataException($"{Parameter} Required '{text}' is not a boolean: use {BooleanText.Accepted}.");
        }

        return LanguagePrimitives.IsTrue(value);
    }

    private static RegistrationQuestionType ReadType(object? value)
    {
        try
        {
            return LanguagePrimitives.ConvertTo<RegistrationQuestionType>(value);
        }
        catch (PSInvalidCastException)
        {
            throw new ArgumentTransformationMetadataException(
                $"CustomQuestion Type must be one of {string.Join(", ", Enum.GetNames(typeof(RegistrationQuestionType)))}; it is '{value}'.");
        }
    }
}
