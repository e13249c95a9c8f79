namespace BizConf;

/// <summary>
/// Input refused before anything is sent: <see cref="ParamName"/> names the parameter and the message states the
/// rule. The only failure the module writes for a row whose input is wrong; an ArgumentException of any other kind
/// is a bug and stops the pipeline.
/// </summary>
public sealed class BizConfArgumentException : BizConfException
{
    /// <summary>Refuses the value of <paramref name="parameter"/> with a message that states the rule.</summary>
    public BizConfArgumentException(string message, string parameter, Exception? inner = null)
        : base(message, inner)
    {
        ParamName = parameter;
    }

    /// <summary>The parameter whose value was refused (StartTime, LoginName, ...).</summary>
    public string ParamName { get; }

    /// <inheritdoc/>
    public override string ErrorId => "InvalidArgument" + ParamName;

    /// <inheritdoc/>
    public override BizConfErrorKind Kind => BizConfErrorKind.InvalidArgument;

    internal override BizConfException WithNote(string note) => new BizConfArgumentException(Noted(note), ParamName, InnerException);
}
