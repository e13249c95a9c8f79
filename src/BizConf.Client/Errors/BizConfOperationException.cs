using System;

namespace BizConf;

/// <summary>
/// A call that cannot be made or finished as asked, for a reason other than the service's status or the
/// transport: the session lacks a setting the endpoint needs, or a change went through but reading it back did
/// not. <see cref="ErrorId"/> names the condition.
/// </summary>
public sealed class BizConfOperationException : InvalidOperationException
{
    public BizConfOperationException(string message, string errorId, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
    }

    public string ErrorId { get; }
}
