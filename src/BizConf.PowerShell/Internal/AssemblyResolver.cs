using System.IO;
using System.Reflection;

namespace BizConf.PowerShell.Internal;

/// <summary>One DLL of the module's folder, by the identity written in its metadata.</summary>
internal sealed record ShippedAssembly(AssemblyName Name, string Path);

/// <summary>
/// Windows PowerShell 5.1 runs on .NET Framework, which binds a strong-named reference only to the exact version
/// asked for, and a module cannot bring binding redirects (they belong to powershell.exe.config). The shipped
/// DLLs ask for one another at versions that differ from the files (System.Memory asks for
/// System.Runtime.CompilerServices.Unsafe 4.0.4.1 and the module ships 6.0.0.0), so the binder fails and raises
/// AppDomain.AssemblyResolve; this answers it with the shipped file, whatever version was asked. It answers only
/// for names the module ships, with the same public key token and culture, and only with files of its own folder,
/// so it can never hand another module's or the framework's request a stranger's DLL.
/// </summary>
internal sealed class AssemblyResolver(string folder)
{
    private readonly object gate = new object();
    private IReadOnlyList<ShippedAssembly>? shipped;

    /// <summary>The AppDomain.AssemblyResolve handler.</summary>
    public Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var path = Choose(new AssemblyName(args.Name), Shipped());
        return path == null ? null : Assembly.LoadFrom(path);
    }

    /// <summary>
    /// The decision, apart from any loading: the path of the shipped file that answers <paramref name="requested"/>,
    /// or null when the module ships no assembly of that name, public key token and culture.
    /// </summary>
    public static string? Choose(AssemblyName requested, IEnumerable<ShippedAssembly> shipped)
    {
        foreach (var candidate in shipped)
        {
            if (string.Equals(candidate.Name.Name, requested.Name, StringComparison.OrdinalIgnoreCase)
                && SameToken(candidate.Name.GetPublicKeyToken(), requested.GetPublicKeyToken())
                && string.Equals(CultureOf(candidate.Name), CultureOf(requested), StringComparison.OrdinalIgnoreCase))
            {
                return candidate.Path;
            }
        }

        return null;
    }

    /// <summary>The DLLs directly in <paramref name="folder"/> (not below it), each with its metadata identity.</summary>
    public static IReadOnlyList<ShippedAssembly> ReadFolder(string folder)
    {
        var found = new List<ShippedAssembly>();
        foreach (var path in Directory.GetFiles(folder, "*.dll", SearchOption.TopDirectoryOnly))
        {
            AssemblyName name;
            try
            {
                name = AssemblyName.GetAssemblyName(path);
            }
            catch (BadImageFormatException)
            {
                // A native DLL has no assembly identity: nothing to answer with it.
                continue;
            }

            found.Add(new ShippedAssembly(name, path));
        }

        return found;
    }

    private static bool SameToken(byte[]? left, byte[]? right)
    {
        left ??= Array.Empty<byte>();
        right ??= Array.Empty<byte>();
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (left[i] != right[i])
            {
                return false;
            }
        }

        return true;
    }

    private static string CultureOf(AssemblyName name) =>
        string.IsNullOrEmpty(name.CultureName) ? "neutral" : name.CultureName!;

    // Read once, on the first request: the folder's files do not change while the module is loaded, and an import
    // that never needs the handler never reads them.
    private IReadOnlyList<ShippedAssembly> Shipped()
    {
        lock (gate)
        {
            return shipped ??= ReadFolder(folder);
        }
    }
}
