using System;
using System.Management.Automation;

namespace BizConf.PowerShell.Internal
{
    /// <summary>
    /// Lets switch and boolean parameters bind from CSV text: true/false, 1/0, yes/no, y/n, on/off (any case).
    /// PowerShell's own binder refuses a string for a boolean parameter.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class BooleanTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is string text)
            {
                switch (text.Trim().ToLowerInvariant())
                {
                    case "true":
                    case "1":
                    case "yes":
                    case "y":
                    case "on":
                    case "$true":
                        return true;
                    case "false":
                    case "0":
                    case "no":
                    case "n":
                    case "off":
                    case "$false":
                    case "":
                        return false;
                    default:
                        throw new ArgumentTransformationMetadataException(
                            $"'{text}' is not a boolean: use true/false, 1/0, yes/no, y/n or on/off.");
                }
            }

            return value switch
            {
                int number => number != 0,
                long number => number != 0,
                _ => inputData,
            };
        }
    }
}
