using System.Text.RegularExpressions;

namespace BizConf.PowerShell.Tests;

/// <summary>
/// Rules of the source tree that a reviewer would otherwise have to remember: statuses by name only, the design cited
/// only from documents in the repository, and files that stay small.
/// </summary>
public class SourceConventionTests
{
    private static readonly string Root = FindRoot();

    /// <summary>The status codes of the API, as a number could be written in code.</summary>
    private static readonly Regex StatusNumber = new(@"(?<![\w.])(10[1-9]|11[0-2]|20[1-5]|40[12])(?![\w.])", RegexOptions.CultureInvariant);

    private static IEnumerable<string> SourceFiles(params string[] projects) =>
        projects.SelectMany(p => Directory.EnumerateFiles(Path.Combine(Root, "src", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>A line without its comment and its string literals: what the compiler reads as code.</summary>
    private static string CodeOf(string line)
    {
        var code = Regex.Replace(line, "\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        var comment = code.IndexOf("//", StringComparison.Ordinal);
        return comment < 0 ? code : code.Substring(0, comment);
    }

    [Fact]
    public void No_status_is_written_as_a_number_outside_the_status_table()
    {
        var table = Path.Combine(Root, "src", "BizConf.Client", "Errors", "BizConfStatus.cs");
        var found = SourceFiles("BizConf.Client", "BizConf.PowerShell")
            .Where(f => f != table)
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: f, Line: i + 1, Code: CodeOf(line))))
            .Where(l => StatusNumber.IsMatch(l.Code))
            .Select(l => $"{Path.GetRelativePath(Root, l.File)}:{l.Line}: {l.Code.Trim()}")
            .ToList();

        Assert.True(found.Count == 0, "Statuses written as numbers (use BizConfStatus.<Name>):\n" + string.Join("\n", found));
    }

    [Fact]
    public void Every_document_a_comment_cites_is_in_the_repository()
    {
        var outside = SourceFiles("BizConf.Client", "BizConf.PowerShell", "BizConf.Emulator")
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => Regex.IsMatch(l.Text, @"(?<!docs/)(DESIGN|API|STYLE)\.md|\.\./shared|shared/seed", RegexOptions.CultureInvariant))
            .Select(l => $"{Path.GetRelativePath(Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(outside.Count == 0, "Citations of documents outside the repository (cite docs/API.md or docs/ARCHITECTURE.md):\n" + string.Join("\n", outside));
        foreach (var cited in new[] { "docs/API.md", "docs/ARCHITECTURE.md" })
        {
            Assert.True(File.Exists(Path.Combine(Root, cited)), $"{cited} is cited but missing.");
        }
    }

    [Fact]
    public void No_source_file_is_over_300_lines()
    {
        var long_ = SourceFiles("BizConf.Client", "BizConf.PowerShell", "BizConf.Emulator")
            .Select(f => (File: f, Lines: File.ReadAllLines(f).Length))
            .Where(f => f.Lines > 300)
            .Select(f => $"{Path.GetRelativePath(Root, f.File)}: {f.Lines} lines")
            .ToList();

        Assert.True(long_.Count == 0, "Files over 300 lines (split them by idea):\n" + string.Join("\n", long_));
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "BizConf.PowerShell.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (BizConf.PowerShell.sln) is not above the test's folder.");
    }
}
