using System;

namespace BizConf.PowerShell.Internal;

/// <summary>One setting given to a Set-* cmdlet: how -WhatIf and -Confirm word it, and how it changes the request.</summary>
internal sealed class Change<TRequest>
{
    public Change(string description, Action<TRequest> apply)
    {
        Description = description;
        Apply = apply;
    }

    public string Description { get; }

    public Action<TRequest> Apply { get; }
}
