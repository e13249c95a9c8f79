using System;
using System.Management.Automation;

namespace BizConf.PowerShell.Internal
{
    /// <summary>
    /// Turns an empty or blank string into null, so that an empty CSV cell binds to a nullable parameter as
    /// "not given" instead of failing to convert.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class EmptyAsNullAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value is string text && text.Trim().Length == 0 ? null : inputData;
        }
    }
}
