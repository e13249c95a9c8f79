namespace BizConf.PowerShell.Internal;

/// <summary>
/// Lets switch and boolean parameters bind from CSV text (see <see cref="BooleanText"/>). PowerShell's own
/// binder refuses a string for a boolean parameter.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class BooleanTransformationAttribute : ArgumentTransformationAttribute
{
    /// <summary>
    /// True for a nullable boolean whose default is true (or "unchanged"): an empty or blank cell then binds as
    /// null, not given. Otherwise it binds as false, which suits a switch.
    /// </summary>
    public bool EmptyMeansNotGiven { get; set; }

    public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is string text)
        {
            if (text.Trim().Length == 0)
            {
                return EmptyMeansNotGiven ? null : (object)false;
            }

            return BooleanText.TryParse(text, out var parsed)
                ? parsed
                : throw new ArgumentTransformationMetadataException($"'{text}' is not a boolean: use {BooleanText.Accepted}.");
        }

        return value switch
        {
            int number => number != 0,
            long number => number != 0,
            _ => inputData,
        };
    }
}
