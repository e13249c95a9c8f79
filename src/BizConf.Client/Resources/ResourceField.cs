using System.Globalization;
using System.Text.Json;
using BizConf.Transport;

namespace BizConf.Resources;

/// <summary>Where a field goes: sent on create and change, on create only, or only read from answers.</summary>
internal enum FieldUse
{
    /// <summary>Sent on create and change; a change may set it.</summary>
    Sent,

    /// <summary>Sent on create only (the service keeps it as it was made).</summary>
    CreateOnly,

    /// <summary>Only read from answers.</summary>
    ReadOnly,

    /// <summary>Sent, and worked out from the other fields; no parameter sets it.</summary>
    Derived,
}

/// <summary>
/// One field of a resource: its name (the cmdlet parameter and the property of the request and of the result), its
/// wire name, the names it is read from in answers, and how its value is checked, written, read and described.
/// </summary>
internal abstract class ResourceField
{
    protected ResourceField(string name, string? wire, string reads, FieldUse use)
    {
        Name = name;
        Wire = wire;
        Reads = reads.Length == 0 ? Array.Empty<string>() : reads.Split(',');
        Use = use;
    }

    public string Name { get; }

    /// <summary>The request field it is sent as; null when it is only read.</summary>
    public string? Wire { get; }

    /// <summary>The answer keys it is read from, the first present winning.</summary>
    public string[] Reads { get; }

    public FieldUse Use { get; }

    /// <summary>The value a new request starts with.</summary>
    public object? Default { get; set; }

    /// <summary>The type of the value (of the property on the request and the result).</summary>
    public abstract Type ValueType { get; }

    /// <summary>The value in an answer, or null when the answer does not carry it.</summary>
    public abstract object? Read(JsonElement data);

    /// <summary>The value as the wire carries it; null leaves the field out.</summary>
    public abstract string? ToWire(object? value, TimeZoneInfo siteZone);

    /// <summary>The value as taken from a parameter (text trimmed, an empty text as none).</summary>
    public virtual object? Normalize(object? value) => value;

    /// <summary>Refuses a value that breaks the field's rule, naming the field.</summary>
    public virtual void Check(object? value)
    {
    }

    /// <summary>How -WhatIf and -Confirm word a change of this field to <paramref name="value"/>.</summary>
    public virtual string Describe(object? value) => string.Format(CultureInfo.InvariantCulture, "{0} to {1}", Name, value);
}

/// <summary>Free text, checked by its rule (most often its line of <see cref="InputRules"/>).</summary>
internal sealed class TextField : ResourceField
{
    private readonly Action<string?>? rule;
    private readonly bool secret;

    public TextField(string name, string? wire, string reads, FieldUse use, Action<string?>? rule = null, bool secret = false)
        : base(name, wire, reads, use)
    {
        this.rule = rule;
        this.secret = secret;
    }

    public override Type ValueType => typeof(string);

    public override object? Read(JsonElement data) => Json.String(data, Reads);

    public override string? ToWire(object? value, TimeZoneInfo siteZone) => value is string text && text.Length > 0 ? text : null;

    public override object? Normalize(object? value) => value is string text ? (text.Trim().Length == 0 && secret ? null : secret ? text : text.Trim()) : value;

    public override void Check(object? value)
    {
        rule?.Invoke(value as string);
    }

    public override string Describe(object? value) =>
        secret ? (string.IsNullOrEmpty(value as string) ? "clear " + Name : Name) : $"{Name} to '{value}'";
}

/// <summary>An instant: sent as the site's wall time, read from GMT.</summary>
internal sealed class InstantField : ResourceField
{
    public InstantField(string name, string? wire, string reads, FieldUse use)
        : base(name, wire, reads, use)
    {
    }

    public override Type ValueType => typeof(DateTimeOffset);

    public override object? Read(JsonElement data) => Json.Time(data, Reads);

    public override string? ToWire(object? value, TimeZoneInfo siteZone) =>
        value is DateTimeOffset instant ? SiteTime.ToWire(instant, siteZone) : null;

    public override void Check(object? value) => InputRules.CheckTime(Name, value as DateTimeOffset?);

    public override string Describe(object? value) =>
        string.Format(CultureInfo.InvariantCulture, "{0} to {1:yyyy-MM-dd HH:mm zzz}", Name, value);
}

/// <summary>A whole number: minutes, an id, a count.</summary>
internal sealed class NumberField : ResourceField
{
    private readonly Type type;
    private readonly Action<int>? rule;
    private readonly string unit;

    public NumberField(string name, string? wire, string reads, FieldUse use, Type type, Action<int>? rule = null, string unit = "")
        : base(name, wire, reads, use)
    {
        this.type = type;
        this.rule = rule;
        this.unit = unit;
    }

    public override Type ValueType => type;

    public override object? Read(JsonElement data) =>
        type == typeof(long) ? Json.Int64(data, Reads) : (object?)Json.Int32(data, Reads);

    public override string? ToWire(object? value, TimeZoneInfo siteZone) =>
        value == null ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    public override void Check(object? value)
    {
        if (rule != null && value is int number)
        {
            rule(number);
        }
    }

    public override string Describe(object? value) => $"{Name} to {value}{unit}";
}

/// <summary>A yes or no, with the wire's words for each (null leaves the field out).</summary>
internal sealed class FlagField : ResourceField
{
    private readonly string? whenTrue;
    private readonly string? whenFalse;

    public FlagField(string name, string? wire, string reads, FieldUse use, string? whenTrue = "1", string? whenFalse = "0")
        : base(name, wire, reads, use)
    {
        this.whenTrue = whenTrue;
        this.whenFalse = whenFalse;
    }

    public override Type ValueType => typeof(bool);

    public override object? Read(JsonElement data) => Json.Flag(data, Reads);

    public override string? ToWire(object? value, TimeZoneInfo siteZone) => value is bool flag ? (flag ? whenTrue : whenFalse) : null;
}

/// <summary>One of an enumeration's members, sent and read as its number; a number it does not name reads as the default.</summary>
internal sealed class ChoiceField<T> : ResourceField
    where T : struct, Enum
{
    private readonly bool strict;

    public ChoiceField(string name, string? wire, string reads, FieldUse use, bool strict = true)
        : base(name, wire, reads, use)
    {
        this.strict = strict;
    }

    public override Type ValueType => typeof(T);

    public override object? Read(JsonElement data)
    {
        var number = Json.Int32(data, Reads);
        if (number == null)
        {
            return null;
        }

        return !strict || Enum.IsDefined(typeof(T), number.Value) ? Enum.ToObject(typeof(T), number.Value) : null;
    }

    public override string? ToWire(object? value, TimeZoneInfo siteZone) =>
        value == null ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    public override void Check(object? value)
    {
        if (value != null && !Enum.IsDefined(typeof(T), value))
        {
            var names = Enum.GetNames(typeof(T));
            var choices = names.Length == 1 ? names[0] : string.Join(", ", names, 0, names.Length - 1) + " or " + names[names.Length - 1];
            throw new BizConfArgumentException(
                $"{Name} must be {choices}; it is {Convert.ToInt32(value, CultureInfo.InvariantCulture)}.", Name);
        }
    }
}

/// <summary>A flag the request does not hold but the wire needs, worked out from the other fields (isPushVideoSteam).</summary>
internal sealed class DerivedFlagField : ResourceField
{
    private readonly Func<FieldValues, bool> value;

    public DerivedFlagField(string name, string wire, Func<FieldValues, bool> value)
        : base(name, wire, string.Empty, FieldUse.Derived)
    {
        this.value = value;
    }

    public override Type ValueType => typeof(bool);

    public bool ValueOf(FieldValues request) => value(request);

    public override object? Read(JsonElement data) => null;

    public override string? ToWire(object? value, TimeZoneInfo siteZone) => value is bool flag ? (flag ? "1" : "0") : null;
}
