using System.Reflection;
using BizConf.PowerShell.Internal;

namespace BizConf.PowerShell.Tests;

/// <summary>
/// The decision of the .NET Framework assembly resolver: which shipped file answers a request, if any. The handler
/// itself only loads the chosen path, so these pin everything it decides.
/// </summary>
public sealed class AssemblyResolverTests
{
    private static readonly ShippedAssembly Unsafe = Shipped(
        "System.Runtime.CompilerServices.Unsafe, Version=6.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a");

    private static readonly ShippedAssembly Buffers = Shipped(
        "System.Buffers, Version=4.0.3.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51");

    private static readonly ShippedAssembly Client = Shipped("BizConf.Client, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null");

    private static readonly ShippedAssembly[] Folder = [Unsafe, Buffers, Client];

    [Fact]
    public void A_lower_version_than_shipped_gets_the_shipped_file()
    {
        var path = AssemblyResolver.Choose(
            new AssemblyName("System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"), Folder);

        Assert.Equal(Unsafe.Path, path);
    }

    [Fact]
    public void A_higher_version_than_shipped_gets_the_shipped_file_too()
    {
        var path = AssemblyResolver.Choose(
            new AssemblyName("System.Buffers, Version=4.0.9.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"), Folder);

        Assert.Equal(Buffers.Path, path);
    }

    [Fact]
    public void The_name_is_compared_without_case()
    {
        var path = AssemblyResolver.Choose(
            new AssemblyName("system.buffers, Version=4.0.2.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"), Folder);

        Assert.Equal(Buffers.Path, path);
    }

    [Fact]
    public void A_name_the_module_does_not_ship_is_left_to_others()
    {
        var path = AssemblyResolver.Choose(
            new AssemblyName("System.Collections.Immutable, Version=8.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"), Folder);

        Assert.Null(path);
    }

    [Fact]
    public void A_different_public_key_token_is_left_to_others()
    {
        var path = AssemblyResolver.Choose(
            new AssemblyName("System.Buffers, Version=4.0.2.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"), Folder);

        Assert.Null(path);
    }

    [Fact]
    public void A_request_without_a_token_does_not_get_a_strong_named_file()
    {
        var path = AssemblyResolver.Choose(new AssemblyName("System.Buffers, Version=4.0.2.0, Culture=neutral"), Folder);

        Assert.Null(path);
    }

    [Fact]
    public void A_satellite_culture_is_left_to_others()
    {
        var path = AssemblyResolver.Choose(
            new AssemblyName("System.Buffers, Version=4.0.3.0, Culture=de-DE, PublicKeyToken=cc7b13ffcd2ddd51"), Folder);

        Assert.Null(path);
    }

    [Fact]
    public void The_module_own_unsigned_assembly_is_answered_by_name()
    {
        var path = AssemblyResolver.Choose(new AssemblyName("BizConf.Client, Version=0.0.9.0, Culture=neutral, PublicKeyToken=null"), Folder);

        Assert.Equal(Client.Path, path);
    }

    [Fact]
    public void The_folder_is_read_at_its_top_level_only_and_files_that_are_not_assemblies_are_skipped()
    {
        var folder = Directory.CreateTempSubdirectory("bizconf-resolver-");
        try
        {
            var assembly = typeof(AssemblyResolver).Assembly.Location;
            File.Copy(assembly, Path.Combine(folder.FullName, "BizConf.PowerShell.dll"));
            File.WriteAllText(Path.Combine(folder.FullName, "native.dll"), "not an assembly");
            var below = folder.CreateSubdirectory("below");
            File.Copy(typeof(AssemblyResolverTests).Assembly.Location, Path.Combine(below.FullName, "Below.dll"));

            var shipped = AssemblyResolver.ReadFolder(folder.FullName);

            var only = Assert.Single(shipped);
            Assert.Equal("BizConf.PowerShell", only.Name.Name);
            Assert.Equal(Path.Combine(folder.FullName, "BizConf.PowerShell.dll"), only.Path);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static ShippedAssembly Shipped(string fullName)
    {
        var name = new AssemblyName(fullName);
        return new ShippedAssembly(name, Path.Combine("module", name.Name + ".dll"));
    }
}
