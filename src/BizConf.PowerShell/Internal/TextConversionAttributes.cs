using System.Globalization;

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

/// <summary>
/// A start time: a [DateTimeOffset], or text or a [DateTime] without a kind read by <see cref="InstantReading"/>
/// (the same under every culture, a local wall time in a clock change noted; see <see cref="BindingNotes"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class InstantTextAttribute : TextConversionAttribute
{
    protected override string Expected => "a date and time (write it like 2031-01-14 09:00, or with an offset: 2031-01-14 09:00 +08:00)";

    public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is DateTime wall && wall.Kind == DateTimeKind.Unspecified)
        {
            return Noted(InstantReading.FromWallTime(wall));
        }

        return base.Transform(engineIntrinsics, inputData);
    }

    protected override object? Convert(string text) => InstantReading.Read(text) is { } read ? Noted(read) : null;

    private static object Noted((DateTimeOffset Instant, string? Note) read)
    {
        object instant = read.Instant;
        if (read.Note != null)
        {
            BindingNotes.Leave(instant, read.Note);
        }

        return instant;
    }
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
