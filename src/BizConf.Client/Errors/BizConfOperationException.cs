namespace BizConf;

/// <summary>
/// A call that cannot be made or finished as asked, for a reason other than the service's status or the
/// transport: the session lacks a setting the endpoint needs, the session was closed, or a change went through
/// but reading it back did not. <see cref="ErrorId"/> names the condition.
/// </summary>
public sealed class BizConfOperationException : BizConfException
{
    private readonly string errorId;
    private readonly RequestOutcome outcome;

    /// <summary>A failure named <paramref name="errorId"/>; <paramref name="outcome"/> says whether the request may have been carried out.</summary>
    public BizConfOperationException(string message, string errorId, Exception? inner = null, RequestOutcome outcome = RequestOutcome.NotCarriedOut)
        : base(message, inner)
    {
        this.errorId = errorId;
        this.outcome = outcome;
    }

    /// <inheritdoc/>
    public override string ErrorId => errorId;

    /// <inheritdoc/>
    public override BizConfErrorKind Kind => BizConfErrorKind.InvalidOperation;

    /// <inheritdoc/>
    public override RequestOutcome Outcome => outcome;

    internal override BizConfException WithNote(string note) => new BizConfOperationException(Noted(note), errorId, InnerException, outcome);
}
