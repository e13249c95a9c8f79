namespace System.Runtime.CompilerServices;

/// <summary>
/// The marker type that init-only setters, and so records, need. .NET 5 and later have it; netstandard2.0, which
/// this assembly targets so that Windows PowerShell 5.1 loads it, does not, so it is declared here for the compiler.
/// </summary>
internal static class IsExternalInit
{
}
