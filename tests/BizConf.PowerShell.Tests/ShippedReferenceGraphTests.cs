using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using BizConf.PowerShell.Internal;

namespace BizConf.PowerShell.Tests;

/// <summary>
/// The Windows PowerShell 5.1 proof, made without Windows: every assembly reference of every DLL in the built module
/// folder (out/BizConf, written by build.ps1 Build) is read from its metadata and must be satisfied on .NET Framework
/// 4.7.2 in one of three ways: exactly by a shipped file (same name, version, token, culture), by the framework or the
/// PowerShell host (the list below), or by the module's AssemblyResolve handler, which must choose a shipped file of
/// the same or a higher version (binding up is safe; down could miss members).
/// </summary>
public sealed class ShippedReferenceGraphTests
{
    private const string NetStandardToken = "cc7b13ffcd2ddd51";
    private const string EcmaToken = "b77a5c561934e089";
    private const string PowerShellToken = "31bf3856ad364e35";

    /// <summary>
    /// What .NET Framework 4.7.2 (the least that Windows PowerShell 5.1 needs to run netstandard2.0 code without
    /// shipping facades: netstandard.dll and its facades are in the box from 4.7.1 on) and the Windows PowerShell 5.1
    /// host provide, by name, token and the highest version they answer. A netstandard2.0 build references
    /// netstandard 2.0.0.0 for the whole base library; mscorlib, System and System.Core can appear in packages built
    /// against the framework itself. System.Management.Automation 3.0.0.0 is what PowerShell 5.1 loads for every
    /// module (PowerShellStandard.Library compiles against that identity). On .NET Framework 4.6.2 netstandard.dll is
    /// missing, so the module needs 4.7.2 or later there; the README says so.
    /// </summary>
    private static readonly Dictionary<string, (Version Highest, string Token)> FrameworkProvided = new(StringComparer.OrdinalIgnoreCase)
    {
        ["netstandard"] = (new Version(2, 0, 0, 0), NetStandardToken),
        ["mscorlib"] = (new Version(4, 0, 0, 0), EcmaToken),
        ["System"] = (new Version(4, 0, 0, 0), EcmaToken),
        ["System.Core"] = (new Version(4, 0, 0, 0), EcmaToken),
        ["System.Management.Automation"] = (new Version(3, 0, 0, 0), PowerShellToken),
    };

    [Fact]
    public void Every_reference_of_every_shipped_dll_is_satisfied_on_the_dotnet_framework()
    {
        var folder = ModuleFolder();
        var shipped = AssemblyResolver.ReadFolder(folder);
        Assert.Contains(shipped, s => s.Name.Name == "BizConf.PowerShell");
        Assert.Contains(shipped, s => s.Name.Name == "System.Text.Json");

        var unsatisfied = new List<string>();
        foreach (var file in shipped)
        {
            foreach (var reference in References(file.Path))
            {
                if (Satisfaction(reference, shipped) == Satisfied.No)
                {
                    unsatisfied.Add($"{Path.GetFileName(file.Path)} -> {reference.FullName}");
                }
            }
        }

        Assert.Empty(unsatisfied);
    }

    [Fact]
    public void The_mismatches_found_in_the_shipped_metadata_are_answered_by_the_handler()
    {
        // The two of the issue: System.Memory asks for Unsafe 4.0.4.1 (6.0.0.0 ships), and System.Memory,
        // System.Text.Json and System.Text.Encodings.Web ask for System.Buffers 4.0.2.0 (4.0.3.0 ships).
        var folder = ModuleFolder();
        var shipped = AssemblyResolver.ReadFolder(folder);
        var byHandler = shipped
            .SelectMany(file => References(file.Path).Select(reference => (File: file.Name.Name, Reference: reference)))
            .Where(pair => Satisfaction(pair.Reference, shipped) == Satisfied.ByHandler)
            .Select(pair => $"{pair.File} -> {pair.Reference.Name} {pair.Reference.Version}")
            .ToList();

        Assert.Contains("System.Memory -> System.Runtime.CompilerServices.Unsafe 4.0.4.1", byHandler);
        Assert.Contains("System.Memory -> System.Buffers 4.0.2.0", byHandler);
        Assert.Contains("System.Text.Json -> System.Buffers 4.0.2.0", byHandler);
        Assert.Contains("System.Text.Encodings.Web -> System.Buffers 4.0.2.0", byHandler);
    }

    [Fact]
    public void A_reference_that_no_way_satisfies_is_caught()
    {
        // The proof itself must be able to fail: a name nobody provides, and a shipped name asked above its file.
        var shipped = AssemblyResolver.ReadFolder(ModuleFolder());
        var stranger = new AssemblyName("Contoso.Missing, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null");
        var tooNew = new AssemblyName($"System.Buffers, Version=99.0.0.0, Culture=neutral, PublicKeyToken={NetStandardToken}");
        var newerStandard = new AssemblyName($"netstandard, Version=2.1.0.0, Culture=neutral, PublicKeyToken={NetStandardToken}");

        Assert.Equal(Satisfied.No, Satisfaction(stranger, shipped));
        Assert.Equal(Satisfied.No, Satisfaction(tooNew, shipped));
        Assert.Equal(Satisfied.No, Satisfaction(newerStandard, shipped));
    }

    private enum Satisfied
    {
        No,
        Exactly,
        ByFramework,
        ByHandler,
    }

    private static Satisfied Satisfaction(AssemblyName reference, IReadOnlyList<ShippedAssembly> shipped)
    {
        if (shipped.Any(s => AssemblyName.ReferenceMatchesDefinition(reference, s.Name)
                && s.Name.Version == reference.Version
                && Token(s.Name) == Token(reference)))
        {
            return Satisfied.Exactly;
        }

        if (FrameworkProvided.TryGetValue(reference.Name!, out var provided)
            && provided.Token == Token(reference)
            && reference.Version! <= provided.Highest)
        {
            return Satisfied.ByFramework;
        }

        var chosen = AssemblyResolver.Choose(reference, shipped);
        var file = shipped.SingleOrDefault(s => s.Path == chosen);
        if (file != null && file.Name.Version! >= reference.Version!)
        {
            return Satisfied.ByHandler;
        }

        return Satisfied.No;
    }

    private static string Token(AssemblyName name) => Convert.ToHexString(name.GetPublicKeyToken() ?? []).ToLowerInvariant();

    private static List<AssemblyName> References(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(handle => reader.GetAssemblyReference(handle).GetAssemblyName()).ToList();
    }

    private static string ModuleFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "BizConf.PowerShell.sln")))
        {
            directory = directory.Parent;
        }

        Assert.True(directory != null, "The repository root (BizConf.PowerShell.sln) is not above the test's folder.");
        var folder = Path.Combine(directory!.FullName, "out", "BizConf");
        Assert.True(File.Exists(Path.Combine(folder, "BizConf.PowerShell.dll")), $"{folder} holds no built module: run ./build.ps1 Build first.");
        return folder;
    }
}
