using System.Collections.Specialized;

namespace BizConf.PowerShell.Internal;

/// <summary>
/// Lets -CustomAnswer take the text that BizConf.Registrant.CustomAnswers holds (<c>Title=Value; Title2=Value2</c>,
/// see <see cref="CustomAnswerText"/>), so registrants exported to CSV register again from it. A hashtable passes
/// through; an empty cell is no answers.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class CustomAnswerTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (!(value is string text))
        {
            return inputData;
        }

        if (text.Trim().Length == 0)
        {
            return null;
        }

        var answers = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (var answer in CustomAnswerText.Parse(text, "CustomAnswer"))
            {
                if (answers.Contains(answer.Key))
                {
                    throw new BizConfArgumentException($"CustomAnswer answers the question '{answer.Key}' twice.", "CustomAnswer");
                }

                answers.Add(answer.Key, answer.Value);
            }
        }
        catch (BizConfArgumentException e)
        {
            throw new ArgumentTransformationMetadataException(e.Message, e);
        }

        return answers;
    }
}
