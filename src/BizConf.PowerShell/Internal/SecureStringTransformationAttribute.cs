using System.Security;

namespace BizConf.PowerShell.Internal;

/// <summary>
/// Refuses a plain string given to -ApiKey with what to do instead, rather than the binder's "cannot convert"; the
/// key is never echoed back. A SecureString passes as it is.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is string)
        {
            throw new ArgumentTransformationMetadataException(
                "ApiKey takes a SecureString, not plain text (which would stay in the command history): " +
                "use -ApiKey (Read-Host -AsSecureString -Prompt 'API key'), or in a runbook -ApiKey (ConvertTo-SecureString $key -AsPlainText -Force), " +
                "or -Credential, or the environment variables BIZCONF_LOGIN_NAME and BIZCONF_API_KEY.");
        }

        return inputData;
    }
}
