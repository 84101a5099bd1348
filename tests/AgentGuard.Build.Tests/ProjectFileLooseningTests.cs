using System.Collections.Generic;

namespace AgentGuard.Build.Tests;

/// <summary>
/// Each way a project file can switch AgentGuard off, on a real repository: in CI mode a loosening (AG2007) that names
/// the change; in local mode nothing of the kind, since the project file is the developer's to edit. And the project
/// file edits that loosen nothing, which neither mode reports.
/// </summary>
public class ProjectFileLooseningTests
{
    private const string Project = "src/Shop/Shop.csproj";

    private const string Properties = "    <TargetFramework>net10.0</TargetFramework>\n";

    private const string References =
        "    <PackageReference Include=\"AgentGuard.Analyzers\" Version=\"0.2.0\" PrivateAssets=\"all\" />\n"
        + "    <PackageReference Include=\"Serilog\" Version=\"3.0.0\" />\n";

    private static string ShopProject(string properties = Properties, string references = References, string rest = "") =>
        "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n" + properties + "  </PropertyGroup>\n  <ItemGroup>\n" + references + "  </ItemGroup>\n" + rest + "</Project>\n";

    private static GitRepository Create() =>
        BoundaryTasks.Create(extra: new Dictionary<string, string>
        {
            [Project] = ShopProject(rest: "  <Target Name=\"Stamp\" AfterTargets=\"Build\">\n    <Message Text=\"built\" />\n  </Target>\n"),
            ["src/Shop/Shop.rsp"] = "/langversion:latest\n",
            ["eng/CodeAnalysis.globalconfig"] = "is_global = true\ndotnet_diagnostic.AG1001.severity = error\n",
        });

    /// <summary>The loosenings, by class: (class and variant, file, its new text, what the finding says).</summary>
    public static TheoryData<string, string, string, string> Loosenings => new()
    {
        // 1. The analyzers switched off.
        { "analyzers off: RunAnalyzers", Project, ShopProject(Properties + "    <RunAnalyzers>false</RunAnalyzers>\n"), "sets RunAnalyzers to false" },
        { "analyzers off: RunAnalyzersDuringBuild", Project, ShopProject(Properties + "    <RunAnalyzersDuringBuild>false</RunAnalyzersDuringBuild>\n"), "sets RunAnalyzersDuringBuild to false" },
        { "analyzers off: EnableNETAnalyzers", Project, ShopProject(Properties + "    <EnableNETAnalyzers>false</EnableNETAnalyzers>\n"), "sets EnableNETAnalyzers to false" },
        { "analyzers off: EnforceCodeStyleInBuild", Project, ShopProject(Properties + "    <EnforceCodeStyleInBuild>false</EnforceCodeStyleInBuild>\n"), "sets EnforceCodeStyleInBuild to false" },
        { "analyzers off: AnalysisLevel none", Project, ShopProject(Properties + "    <AnalysisLevel>none</AnalysisLevel>\n"), "sets AnalysisLevel to none" },

        // 2. AgentGuard's analyzers taken out by MSBuild code.
        {
            "targets: one that removes the analyzers", Project,
            ShopProject(rest: "  <Target Name=\"Stamp\" AfterTargets=\"Build\">\n    <Message Text=\"built\" />\n  </Target>\n  <Target Name=\"Quiet\" BeforeTargets=\"CoreCompile\">\n    <ItemGroup>\n      <Analyzer Remove=\"@(Analyzer)\" Condition=\"'%(Filename)' == 'AgentGuard.Analyzers'\" />\n    </ItemGroup>\n  </Target>\n"),
            "adds or changes target 'Quiet'"
        },
        {
            "targets: an existing one changed", Project,
            ShopProject(rest: "  <Target Name=\"Stamp\" BeforeTargets=\"CoreCompile\">\n    <ItemGroup>\n      <Analyzer Remove=\"@(Analyzer)\" />\n    </ItemGroup>\n  </Target>\n"),
            "adds or changes target 'Stamp'"
        },
        { "targets: a new import", Project, ShopProject(rest: "  <Target Name=\"Stamp\" AfterTargets=\"Build\">\n    <Message Text=\"built\" />\n  </Target>\n  <Import Project=\"../../eng/quiet.targets\" />\n"), "adds or changes an import: <Import Project='../../eng/quiet.targets'>" },

        // 3. Analyzer settings handed to the compiler by the project.
        { "config: a global analyzer config", Project, ShopProject(references: References + "    <GlobalAnalyzerConfigFiles Include=\"quiet.globalconfig\" />\n"), "adds or changes <GlobalAnalyzerConfigFiles Include='quiet.globalconfig'>" },
        { "config: an editorconfig", Project, ShopProject(references: References + "    <EditorConfigFiles Include=\"../../eng/quiet.editorconfig\" />\n"), "adds or changes <EditorConfigFiles Include='../../eng/quiet.editorconfig'>" },
        { "config: a rule set", Project, ShopProject(Properties + "    <CodeAnalysisRuleSet>quiet.ruleset</CodeAnalysisRuleSet>\n"), "adds or changes <CodeAnalysisRuleSet>quiet.ruleset" },
        { "config: an analyzer", Project, ShopProject(references: References + "    <Analyzer Include=\"../../eng/Suppressor.dll\" />\n"), "adds or changes <Analyzer Include='../../eng/Suppressor.dll'>" },
        { "config: a compiler response file line", "src/Shop/Shop.rsp", "/langversion:latest\n/nowarn:AG0001\n", "adds '/nowarn:AG0001' to a compiler response file" },
        { "config: a global config the project already hands the compiler", "eng/CodeAnalysis.globalconfig", "is_global = true\ndotnet_diagnostic.AG1001.severity = none\n", "sets AG1001 to none (was error)" },

        // 4. The package not applied.
        { "package: removed", Project, ShopProject(references: "    <PackageReference Include=\"Serilog\" Version=\"3.0.0\" />\n"), "removes the AgentGuard.Analyzers package reference" },
        { "package: a condition", Project, ShopProject(references: References.Replace("PrivateAssets=\"all\"", "PrivateAssets=\"all\" Condition=\"'$(Guard)' == 'true'\"")), "changes the AgentGuard.Analyzers package reference" },
        { "package: ExcludeAssets", Project, ShopProject(references: References.Replace("PrivateAssets=\"all\"", "PrivateAssets=\"all\" ExcludeAssets=\"analyzers;build\"")), "changes the AgentGuard.Analyzers package reference" },
        { "package: IncludeAssets", Project, ShopProject(references: References.Replace("PrivateAssets=\"all\"", "PrivateAssets=\"all\" IncludeAssets=\"none\"")), "changes the AgentGuard.Analyzers package reference" },
        { "package: a downgrade", Project, ShopProject(references: References.Replace("0.2.0", "0.1.0")), "changes the AgentGuard.Analyzers package reference" },
        { "package: ImportProjectExtensionTargets", Project, ShopProject(Properties + "    <ImportProjectExtensionTargets>false</ImportProjectExtensionTargets>\n"), "sets ImportProjectExtensionTargets to false" },
        { "package: ImportDirectoryBuildTargets", Project, ShopProject(Properties + "    <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>\n"), "sets ImportDirectoryBuildTargets to false" },
    };

    [Theory]
    [MemberData(nameof(Loosenings))]
    public void A_project_file_that_switches_agentguard_off_is_a_loosening_in_ci_and_not_locally(string variant, string file, string text, string said)
    {
        using var repository = Create();
        repository.Write(file, text);

        var ci = BoundaryTasks.CheckInCi(repository);
        Assert.True(ci.Findings(repository).Contains("AG2007 " + file), variant + ": " + ci.Findings(repository));
        Assert.Contains(said, ci.ErrorText("AG2007"));

        var local = BoundaryTasks.Check(repository);
        Assert.DoesNotContain("AG2007", local.Findings(repository));
        Assert.DoesNotContain("AG2006", local.Findings(repository));
    }

    /// <summary>Project edits that loosen nothing: (what it is, the project's new text).</summary>
    public static TheoryData<string, string> Harmless => new()
    {
        { "a Compile item", ShopProject(references: References + "    <Compile Include=\"../Shared/**/*.cs\" />\n") },
        { "a Compile item removed", ShopProject(references: References + "    <Compile Remove=\"Legacy/**\" />\n") },
        { "an unrelated package bumped", ShopProject(references: References.Replace("3.0.0", "3.1.1")) },
        { "an unrelated package added", ShopProject(references: References + "    <PackageReference Include=\"Polly\" Version=\"8.4.2\" />\n") },
        { "a warning made an error", ShopProject(Properties + "    <WarningsAsErrors>$(WarningsAsErrors);AG1001</WarningsAsErrors>\n") },
        { "all warnings made errors", ShopProject(Properties + "    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n") },
        { "the built-in checks made errors", ShopProject(Properties + "    <AgentGuardBuiltinWarningsAsErrors>true</AgentGuardBuiltinWarningsAsErrors>\n") },
        { "nullable and the language version", ShopProject(Properties + "    <Nullable>enable</Nullable>\n    <LangVersion>latest</LangVersion>\n") },
    };

    [Theory]
    [MemberData(nameof(Harmless))]
    public void A_project_edit_that_loosens_nothing_is_no_loosening_in_either_mode(string variant, string text)
    {
        using var repository = Create();
        repository.Write(Project, text);

        foreach (var engine in new[] { BoundaryTasks.CheckInCi(repository), BoundaryTasks.Check(repository) })
        {
            var findings = engine.Findings(repository);
            Assert.False(findings.Contains("AG2007") || findings.Contains("AG2006"), variant + ": " + findings);
        }
    }

    [Theory]
    [InlineData("src/Shop/Order.cs", "namespace Shop;\n\npublic sealed class Order { public int Lines { get; } }\n")]
    [InlineData("src/Shop/Generated/Client.cs", "// generated by the client generator\nclass Client { int Version => 2; }\n")]
    public void A_change_to_source_files_only_is_no_loosening_in_either_mode(string file, string text)
    {
        using var repository = Create();
        repository.Write(file, text);
        repository.Write("tests/Shop.Tests/OrderTests.cs", "class OrderTests { void Lines() { } }\n");

        foreach (var engine in new[] { BoundaryTasks.CheckInCi(repository), BoundaryTasks.Check(repository) })
        {
            var findings = engine.Findings(repository);
            Assert.DoesNotContain("AG2006", findings);
            Assert.DoesNotContain("AG2007", findings);
        }
    }
}
