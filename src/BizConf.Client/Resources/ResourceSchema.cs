using System.Reflection;
using System.Text.Json;
using BizConf.Transport;

namespace BizConf.Resources;

/// <summary>One setting given for a change: how -WhatIf and -Confirm word it, and the value it sets.</summary>
public sealed class FieldChange
{
    internal FieldChange(string field, object? value, string description)
    {
        Field = field;
        Value = value;
        Description = description;
    }

    /// <summary>The field (and parameter) changed.</summary>
    public string Field { get; }

    /// <summary>The new value, as checked.</summary>
    public object? Value { get; }

    /// <summary>How the change is worded: "Duration to 90 minutes", "clear Password".</summary>
    public string Description { get; }

    /// <inheritdoc/>
    public override string ToString() => Description;
}

/// <summary>
/// A resource as one table of fields (docs/ARCHITECTURE.md, "Resources"). The table drives everything that used
/// to be written out per field: reading an answer into the result object, writing a request's fields to the wire,
/// the copy of the current resource that a change starts from, and each given change with its check and wording.
/// Properties are found by the field's name on the result and request types once, when the schema is built; a
/// field without its property there is a bug the schema tests catch.
/// </summary>
internal sealed class ResourceSchema<TResource, TRequest>
    where TResource : new()
    where TRequest : FieldValues, new()
{
    private readonly Dictionary<string, PropertyInfo> resourceProperties;

    public ResourceSchema(params ResourceField[] fields)
    {
        Fields = fields;
        ByName = fields.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        // A field that answers carry, or that a change copies from the current resource, has its property on the result.
        resourceProperties = fields.Where(f => f.Reads.Length > 0 || f.Use == FieldUse.Sent).ToDictionary(f => f.Name, f => typeof(TResource).GetProperty(f.Name)
            ?? throw new InvalidOperationException($"{typeof(TResource).Name} has no property {f.Name} for its schema."));
    }

    public IReadOnlyList<ResourceField> Fields { get; }

    public IReadOnlyDictionary<string, ResourceField> ByName { get; }

    /// <summary>The fields a change may set (those sent on create and change), in table order.</summary>
    public IEnumerable<ResourceField> Changeable => Fields.Where(f => f.Use == FieldUse.Sent);

    /// <summary>The fields a create may set (those sent on create and change, and the create-only ones), in table order.</summary>
    public IEnumerable<ResourceField> Creatable => Fields.Where(f => f.Use == FieldUse.Sent || f.Use == FieldUse.CreateOnly);

    /// <summary>The result object for an answer's data: every field the answer carries.</summary>
    public TResource Read(JsonElement data)
    {
        var resource = new TResource();
        foreach (var field in Fields)
        {
            var value = field.Read(data);
            if (value != null)
            {
                resourceProperties[field.Name].SetValue(resource, value);
            }
        }

        return resource;
    }


    /// <summary>A request that keeps every changeable setting of <paramref name="current"/> until changes are applied.</summary>
    public TRequest From(TResource current)
    {
        var request = new TRequest();
        foreach (var field in Changeable)
        {
            request.SetRaw(field.Name, resourceProperties[field.Name].GetValue(current));
        }

        return request;
    }

    /// <summary>Writes the request's fields to the wire in table order; <paramref name="creating"/> adds the create-only ones.</summary>
    public void Write(ApiRequest call, TRequest request, TimeZoneInfo siteZone, bool creating)
    {
        foreach (var field in Fields)
        {
            if (field is DerivedFlagField derived)
            {
                call.Add(field.Wire!, derived.ToWire(derived.ValueOf(request), siteZone));
            }
            else if (field.Wire != null && (field.Use == FieldUse.Sent || (creating && field.Use == FieldUse.CreateOnly)))
            {
                call.Add(field.Wire, field.ToWire(request.Raw(field.Name), siteZone));
            }
        }
    }

    /// <summary>Checks each field's own rule on the request's values.</summary>
    public void CheckFields(TRequest request)
    {
        foreach (var field in Creatable)
        {
            field.Check(request.Raw(field.Name));
        }
    }

    /// <summary>
    /// The changes given, in table order, each normalized and checked on its own as far as it can be without the
    /// current resource. <paramref name="given"/> holds the given parameters by name; names the table does not
    /// change are ignored (the caller checks its own).
    /// </summary>
    public IReadOnlyList<FieldChange> Changes(IReadOnlyDictionary<string, object?> given)
    {
        var changes = new List<FieldChange>();
        foreach (var field in Changeable)
        {
            if (given.TryGetValue(field.Name, out var raw) && (raw != null || field.ValueType == typeof(string)))
            {
                var value = field.Normalize(raw);
                field.Check(value);
                changes.Add(new FieldChange(field.Name, value, field.Describe(value)));
            }
        }

        return changes;
    }

    /// <summary>The current resource with the changes applied, as a request to send whole.</summary>
    public TRequest Apply(TResource current, IEnumerable<FieldChange> changes)
    {
        var request = From(current);
        foreach (var change in changes)
        {
            request.SetRaw(change.Field, change.Value);
        }

        return request;
    }

    /// <summary>A new request from the given parameters over the defaults, each normalized.</summary>
    public TRequest Build(IReadOnlyDictionary<string, object?> given)
    {
        var request = new TRequest();
        foreach (var field in Creatable)
        {
            if (given.TryGetValue(field.Name, out var raw) && raw != null)
            {
                request.SetRaw(field.Name, field.Normalize(raw));
            }
        }

        return request;
    }
}
