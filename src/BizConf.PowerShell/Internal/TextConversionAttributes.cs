using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace BizConf.PowerShell.Internal;

/// <summary>
/// Converts CSV text for a parameter itself, so that a bad cell is a clear error on that row. PowerShell's own
/// conversion, when it fails for a parameter bound by property name, leaves an optional parameter unbound
/// without a word, and turns a mandatory one into "did not contain the information required".
/// </summary>
internal abstract class TextConversionAttribute : ArgumentTransformationAttribute
{
    /// <summary>
    /// True (the default) for a parameter that may be left out: an empty cell binds as null, "not given".
    /// False for a mandatory one: an empty cell is refused, saying what belongs there.
    /// </summary>
    public bool EmptyMeansNotGiven { get; set; } = true;

    /// <summary>What the parameter takes, for messages: "a whole number", "a date and time", ...</summary>
    protected abstract string Expected { get; }

    public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (!(value is string text))
        {
            return inputData;
        }

        if (text.Trim().Length == 0)
        {
            return EmptyMeansNotGiven ? null : throw new ArgumentTransformationMetadataException($"The value is empty; it must be {Expected}.");
        }

        return Convert(text.Trim()) ?? throw new ArgumentTransformationMetadataException($"'{text}' is not {Expected}.");
    }

    /// <summary>The converted value, or null when the text is not of the expected kind.</summary>
    protected abstract object? Convert(string text);
}

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class WholeNumberTextAttribute : TextConversionAttribute
{
    protected override string Expected => "a whole number";

    protected override object? Convert(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : (object?)null;
}

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class InstantTextAttribute : TextConversionAttribute
{
    protected override string Expected => "a date and time (write it like 2030-01-14 09:00, or with an offset: 2030-01-14 09:00 +08:00)";

    /// <summary>
    /// Without an offset the text is this machine's local time. A CSV file written by Export-Csv carries dates in
    /// this machine's culture (01.06.2030 in Germany), while PowerShell's casts read the invariant one (January 6):
    /// where the two readings differ, the date is refused rather than guessed, so no meeting moves by months.
    /// Year-first dates read the same everywhere.
    /// </summary>
    protected override object? Convert(string text)
    {
        var local = Parse(text, CultureInfo.CurrentCulture);
        var invariant = Parse(text, CultureInfo.InvariantCulture);
        if (local.HasValue && invariant.HasValue && local.Value != invariant.Value)
        {
            throw new ArgumentTransformationMetadataException(
                $"'{text}' could be read as {local.Value:yyyy-MM-dd} or as {invariant.Value:yyyy-MM-dd} (day and month swapped). Write it year first, like 2030-06-01 10:00.");
        }

        return local ?? invariant;
    }

    private static DateTimeOffset? Parse(string text, CultureInfo culture) =>
        DateTimeOffset.TryParse(text, culture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeLocal, out var instant)
            ? instant
            : (DateTimeOffset?)null;
}

/// <summary>An enum by name (any case) or by its wire number; other names and numbers are refused, listing both.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class EnumTextAttribute : TextConversionAttribute
{
    private readonly Type enumType;

    public EnumTextAttribute(Type enumType)
    {
        this.enumType = enumType;
    }

    protected override string Expected
    {
        get
        {
            var names = Enum.GetNames(enumType);
            var numbers = Enum.GetValues(enumType).Cast<object>().Select(v => System.Convert.ToInt32(v, CultureInfo.InvariantCulture));
            return $"one of {string.Join(", ", names)} (or their numbers {string.Join(", ", numbers)})";
        }
    }

    protected override object? Convert(string text)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return Enum.IsDefined(enumType, number) ? Enum.ToObject(enumType, number) : null;
        }

        var name = Enum.GetNames(enumType).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        return name == null ? null : Enum.Parse(enumType, name);
    }
}
