namespace BizConf.PowerShell.Tests;

/// <summary>
/// The shape every cmdlet of the module keeps: BizConfCmdlet is the one base class, and a cmdlet that takes items
/// from the pipeline runs them through its ItemEngine, which numbers each item's error, orders conflicting items,
/// bounds the calls in flight and tells on a stop what was sent.
/// </summary>
public sealed class CmdletConventionTests
{
    private const string Base = "BizConf.PowerShell.BizConfCmdlet";
    private const string Engine = "BizConf.PowerShell.Engine.ItemEngine";
    private const string Removal = "BizConf.PowerShell.Engine.RemovalFlow";

    /// <summary>What a cmdlet's BeginProcessing may call to start its engine; a removal flow starts one of its own.</summary>
    private static readonly string[] Starts = { Base + ".StartItems", Base + ".StartChanges", Removal + "..ctor" };

    /// <summary>The cmdlets that take pipeline input yet send no items of their own, and why.</summary>
    private static readonly Dictionary<string, string> NotPerItem = new()
    {
        ["BizConf.PowerShell.Commands.DisconnectBizConfCommand"] = "closes a piped session; it sends no request",
        ["BizConf.PowerShell.Commands.GetBizConfMeetingLinkCommand"] = "builds cfcloud:// links from a row's fields; it sends no request",
    };

    private static readonly IReadOnlyList<ModuleType> Types = Read();

    [Fact]
    public void Every_cmdlet_that_takes_pipeline_input_derives_from_BizConfCmdlet_and_starts_its_item_engine()
    {
        var perItem = Types.Where(t => t.IsCmdlet && t.TakesPipelineInput && !NotPerItem.ContainsKey(t.Name)).ToList();
        Assert.True(perItem.Count >= 15, $"Only {perItem.Count} per-item cmdlets were found: the metadata was not read as meant.");

        var broken = perItem
            .Select(t => (t.Name, Faults: Faults(t)))
            .Where(t => t.Faults.Count > 0)
            .Select(t => $"{t.Name}: {string.Join("; ", t.Faults)}")
            .ToList();

        Assert.True(broken.Count == 0, "Per-item cmdlets that bypass the item engine:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void The_other_ways_to_start_an_engine_go_through_StartItems()
    {
        using var metadata = new ModuleMetadata();
        Assert.Contains(Base + ".StartItems", metadata.CallsIn(Base, "StartChanges"));
        Assert.Contains(Base + ".StartChanges", metadata.CallsIn(Removal, ".ctor"));
    }

    [Fact]
    public void The_cmdlets_excused_from_the_item_engine_exist_and_take_pipeline_input()
    {
        foreach (var name in NotPerItem.Keys)
        {
            var type = Assert.Single(Types, t => t.Name == name);
            Assert.True(type.IsCmdlet && type.TakesPipelineInput, $"{name} is excused from the item engine but is no cmdlet taking pipeline input: drop it from the list.");
        }
    }

    [Fact]
    public void BizConfCmdlet_is_the_only_base_class_between_PSCmdlet_and_every_module_cmdlet()
    {
        var cmdlets = Types.Where(t => t.IsCmdlet).ToList();
        Assert.True(cmdlets.Count >= 20, $"Only {cmdlets.Count} cmdlets were found: the metadata was not read as meant.");
        Assert.Equal("System.Management.Automation.PSCmdlet", Assert.Single(Types, t => t.Name == Base).BaseType);

        var allowed = new[] { Base, "System.Management.Automation.PSCmdlet", "System.Management.Automation.Cmdlet" };
        var otherBases = cmdlets.Where(t => !allowed.Contains(t.BaseType)).Select(t => $"{t.Name} derives from {t.BaseType}").ToList();
        Assert.True(otherBases.Count == 0, "Cmdlets with a base class other than BizConfCmdlet:\n" + string.Join("\n", otherBases));

        var notCmdlets = Types.Where(t => t.BaseType == Base && !t.IsCmdlet).Select(t => t.Name).ToList();
        Assert.True(notCmdlets.Count == 0, "Classes between BizConfCmdlet and the cmdlets:\n" + string.Join("\n", notCmdlets));
    }

    private static List<string> Faults(ModuleType type)
    {
        var faults = new List<string>();
        if (type.BaseType != Base)
        {
            faults.Add($"derives from {type.BaseType}, not BizConfCmdlet");
        }

        if (!type.FieldTypes.Contains(Engine) && !type.FieldTypes.Contains(Removal))
        {
            faults.Add("holds no ItemEngine or RemovalFlow field");
        }

        if (!type.BeginCalls.Any(Starts.Contains))
        {
            faults.Add("its BeginProcessing does not call StartItems or StartChanges, nor make a RemovalFlow");
        }

        return faults;
    }

    private static IReadOnlyList<ModuleType> Read()
    {
        using var metadata = new ModuleMetadata();
        return metadata.Types();
    }
}
