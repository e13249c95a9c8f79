using BizConf.Resources;

namespace BizConf;

/// <summary>
/// The values of a request, by field name: the base of <see cref="MeetingRequest"/> and <see cref="WebinarRequest"/>.
/// Their properties read and write these values; the resource's schema reads them to write the wire, so a field is
/// named once, in the schema's table, and a secret is kept here as given while its property shows it hidden.
/// </summary>
public abstract class FieldValues
{
    private readonly Dictionary<string, object?> values = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Values with every field of the schema that has a default at that default.</summary>
    private protected FieldValues(IEnumerable<ResourceField> fields)
    {
        foreach (var field in fields)
        {
            if (field.Default != null)
            {
                values[field.Name] = field.Default;
            }
        }
    }

    /// <summary>The value of <paramref name="name"/>, or <paramref name="fallback"/> when it was never set.</summary>
    protected T Get<T>(string name, T fallback) => values.TryGetValue(name, out var value) && value is T typed ? typed : fallback;

    /// <summary>Sets <paramref name="name"/>.</summary>
    protected void Set(string name, object? value) => values[name] = value;

    /// <summary>The value as given (a secret unmasked), or null.</summary>
    internal object? Raw(string name) => values.TryGetValue(name, out var value) ? value : null;

    /// <summary>Sets the value of each change: the current resource's copy becomes the request to send whole.</summary>
    internal void SetChanges(IEnumerable<FieldChange> changes)
    {
        foreach (var change in changes)
        {
            SetRaw(change.Field, change.Value);
        }
    }

    /// <summary>Sets a value from the schema (a change, a copy of the current resource).</summary>
    internal void SetRaw(string name, object? value) => values[name] = value;
}
