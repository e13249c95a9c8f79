using System;

namespace BizConf;

/// <summary>
/// Input refused before anything is sent. <see cref="ArgumentException.ParamName"/> names the parameter; the
/// message states the rule, without the " (Parameter 'x')" tail that ArgumentException would add.
/// </summary>
public sealed class BizConfArgumentException : ArgumentException
{
    private readonly string text;

    public BizConfArgumentException(string message, string parameter, Exception? inner = null)
        : base(message, parameter, inner)
    {
        text = message;
    }

    public override string Message => text;
}
