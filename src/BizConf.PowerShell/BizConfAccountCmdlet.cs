using System.Management.Automation;

namespace BizConf.PowerShell;

/// <summary>
/// A per-item cmdlet that signs with the account token, so each item acts for an account of the site: the one
/// named by -LoginName (a CSV column, or the LoginName of a piped meeting, webinar or registrant), or the
/// session's own.
/// </summary>
public abstract class BizConfAccountCmdlet : BizConfItemCmdlet
{
    /// <summary>The account of the site that the call acts for; by default the session's.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    [Alias("HostLoginName")]
    public string? LoginName { get; set; }

    /// <summary>The account the current item acts for.</summary>
    protected string Account => AccountOf(LoginName);
}
