using System.Collections.Generic;
using System.Linq;
using AgentGuard.Testing;
using Xunit;

namespace AgentGuard.Build.Tests;

/// <summary>
/// CI mode reads the manifest and the review ledger from the merge base and reports changes to guard files, so a change
/// cannot loosen its own gate; the same change in the local mode behaves as documented (the working tree's files apply).
/// </summary>
public sealed class CiModeTests
{
    private static readonly string[] Rules = { "CLAUDE.md" };

    private static GitRepository Create() => BoundaryTasks.Create(extra: new Dictionary<string, string>
    {
        ["CLAUDE.md"] = "## Never\n- Never use `DateTime.Now`\n",
        ["Directory.Build.props"] = "<Project>\n  <PropertyGroup>\n    <Nullable>enable</Nullable>\n  </PropertyGroup>\n</Project>\n",
        [".editorconfig"] = "root = true\n\n[*.cs]\ndotnet_diagnostic.AG0001.severity = error\n",
    });

    [Fact]
    public void Loosening_the_manifest_and_touching_the_path_it_protected_fails_in_ci_on_both()
    {
        using var repository = Create();
        repository.Write("agentguard.json", BoundaryTasks.Manifest.Replace("\"deploy/**\", ", string.Empty));
        repository.Write("deploy/prod.yaml", "replicas: 30\n");

        var engine = BoundaryTasks.CheckInCi(repository, ruleFiles: Rules);

        Assert.Equal("AG2001 deploy/prod.yaml\nAG2006 agentguard.json\nAG2007 agentguard.json", engine.Findings(repository));
        Assert.StartsWith("'agentguard.json' loosens what is enforced: removes the forbidden entry \"deploy/**\".", engine.ErrorText("AG2007"));
        Assert.Equal(string.Empty, BoundaryTasks.Check(repository, ruleFiles: Rules).Findings(repository));
    }

    [Fact]
    public void Deleting_the_manifest_does_not_turn_the_check_off_in_ci()
    {
        using var repository = Create();
        repository.Delete("agentguard.json");
        repository.Write("deploy/prod.yaml", "replicas: 30\n");

        var engine = BoundaryTasks.CheckInCi(repository, ruleFiles: Rules);

        Assert.Equal("AG2001 deploy/prod.yaml\nAG2006 agentguard.json\nAG2007 agentguard.json", engine.Findings(repository));
        Assert.Contains("deletes it", engine.ErrorText("AG2006"));
        Assert.Contains("loosens what is enforced: deletes the manifest", engine.ErrorText("AG2007"));
    }

    [Fact]
    public void Deleting_a_golden_rule_is_a_guard_file_change_in_ci()
    {
        using var repository = Create();
        repository.Write("CLAUDE.md", "## Never\n");
        repository.Write("src/Shop/Clock.cs", "class Clock { System.DateTime Now => System.DateTime.Now; }\n");
        repository.Write("tests/Shop.Tests/ClockTests.cs", "class ClockTests { }\n");

        var engine = BoundaryTasks.CheckInCi(repository, ruleFiles: Rules);

        Assert.Equal("AG2006 CLAUDE.md\nAG2007 CLAUDE.md", engine.Findings(repository));
        Assert.StartsWith("'CLAUDE.md' loosens what is enforced: no longer bans DateTime.Now (line 2: \"Never use DateTime.Now\")", engine.ErrorText("AG2007"));
        Assert.StartsWith("'CLAUDE.md' is a guard file (a golden-rule file) and this change changes it.", engine.ErrorText("AG2006"));
        Assert.Equal(string.Empty, BoundaryTasks.Check(repository, ruleFiles: Rules).Findings(repository));
    }

    [Theory]
    [InlineData(".github/instructions/api.instructions.md", "---\napplyTo: \"src/**\"\n---\n- Never use `DateTime.Now`\n")]
    [InlineData(".cursor/rules/api.mdc", "---\nglobs: src/**/*.cs\n---\n- Never use `DateTime.Now`\n")]
    [InlineData(".claude/rules/api.md", "---\npaths: src/**\n---\n- Never use `DateTime.Now`\n")]
    public void Rewording_a_scoped_rule_file_so_it_bans_less_is_a_guard_file_change_and_a_loosening_in_ci(string path, string content)
    {
        using var repository = BoundaryTasks.Create(extra: new Dictionary<string, string> { [path] = content });
        repository.Write(path, content.Replace("- Never use `DateTime.Now`", "- Prefer `TimeProvider` where it is easy"));
        repository.Write("src/Shop/Clock.cs", "class Clock { System.DateTime Now => System.DateTime.Now; }\n");
        repository.Write("tests/Shop.Tests/ClockTests.cs", "class ClockTests { }\n");

        var engine = BoundaryTasks.CheckInCi(repository, ruleFiles: new[] { path });

        Assert.Equal($"AG2006 {path}\nAG2007 {path}", engine.Findings(repository));
        Assert.Equal(string.Empty, BoundaryTasks.Check(repository, ruleFiles: new[] { path }).Findings(repository));
    }

    [Fact]
    public void NoWarn_for_an_AgentGuard_id_in_directory_build_props_is_a_guard_file_change_in_ci()
    {
        using var repository = Create();
        repository.Write("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <Nullable>enable</Nullable>\n    <NoWarn>$(NoWarn);AG0001</NoWarn>\n  </PropertyGroup>\n</Project>\n");

        var engine = BoundaryTasks.CheckInCi(repository, ruleFiles: Rules);

        Assert.Equal("AG2006 Directory.Build.props\nAG2007 Directory.Build.props", engine.Findings(repository));
        Assert.StartsWith("'Directory.Build.props' loosens what is enforced: adds AG0001 to NoWarn.", engine.ErrorText("AG2007"));
        Assert.Equal(string.Empty, BoundaryTasks.Check(repository, ruleFiles: Rules).Findings(repository));
    }

    [Fact]
    public void Dropping_the_opt_in_that_made_built_in_warnings_errors_is_a_loosening_in_ci_and_adding_it_is_not()
    {
        const string OptedIn = "<Project>\n  <PropertyGroup>\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n    <AgentGuardBuiltinWarningsAsErrors>true</AgentGuardBuiltinWarningsAsErrors>\n  </PropertyGroup>\n</Project>\n";
        const string Plain = "<Project>\n  <PropertyGroup>\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n  </PropertyGroup>\n</Project>\n";
        using (var repository = BoundaryTasks.Create(extra: new Dictionary<string, string> { ["CLAUDE.md"] = "- Never use `DateTime.Now`\n", ["Directory.Build.props"] = OptedIn }))
        {
            repository.Write("Directory.Build.props", Plain);

            var engine = BoundaryTasks.CheckInCi(repository, ruleFiles: Rules);

            Assert.Equal("AG2006 Directory.Build.props\nAG2007 Directory.Build.props", engine.Findings(repository));
            Assert.Contains("drops AgentGuardBuiltinWarningsAsErrors", engine.ErrorText("AG2007"));
            Assert.Equal(string.Empty, BoundaryTasks.Check(repository, ruleFiles: Rules).Findings(repository));
        }

        using (var repository = BoundaryTasks.Create(extra: new Dictionary<string, string> { ["CLAUDE.md"] = "- Never use `DateTime.Now`\n", ["Directory.Build.props"] = Plain }))
        {
            repository.Write("Directory.Build.props", OptedIn);

            Assert.Equal("AG2006 Directory.Build.props", BoundaryTasks.CheckInCi(repository, ruleFiles: Rules).Findings(repository));
        }
    }

    [Fact]
    public void Adding_findings_to_the_baseline_is_a_loosening_in_ci_and_dropping_fixed_ones_is_not()
    {
        const string Kept = "src/Shop/Cart.cs | AG1001 | 1 | // TODO: tax\n";
        using var repository = BoundaryTasks.Create(extra: new Dictionary<string, string> { ["CLAUDE.md"] = "- Never use `DateTime.Now`\n", [".agentguard/baseline.txt"] = Kept });
        repository.Write(".agentguard/baseline.txt", Kept + "src/Shop/Clock.cs | AG0001 | 2 | var now = DateTime.Now;\n");

        var engine = BoundaryTasks.CheckInCi(repository, ruleFiles: Rules);

        Assert.Equal("AG2006 .agentguard/baseline.txt\nAG2007 .agentguard/baseline.txt", engine.Findings(repository));
        Assert.StartsWith("'.agentguard/baseline.txt' loosens what is enforced: adds 2 findings to the baseline (AG0001 in src/Shop/Clock.cs ('var now = DateTime.Now;')).", engine.ErrorText("AG2007"));
        Assert.Equal(string.Empty, BoundaryTasks.Check(repository, ruleFiles: Rules).Findings(repository));

        repository.Write(".agentguard/baseline.txt", "# every finding fixed\n");
        Assert.Equal("AG2006 .agentguard/baseline.txt", BoundaryTasks.CheckInCi(repository, ruleFiles: Rules).Findings(repository));
    }

    [Fact]
    public void A_lowered_severity_in_editorconfig_is_a_guard_file_change_in_ci()
    {
        using var repository = Create();
        repository.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.AG0001.severity = none\n");

        var engine = BoundaryTasks.CheckInCi(repository, ruleFiles: Rules);

        Assert.Equal("AG2006 .editorconfig\nAG2007 .editorconfig", engine.Findings(repository));
        Assert.StartsWith("'.editorconfig' loosens what is enforced: sets AG0001 to none (was error).", engine.ErrorText("AG2007"));
    }

    [Fact]
    public void Lowering_the_severity_of_an_id_a_style_rule_switches_on_is_a_loosening_in_ci()
    {
        using var repository = BoundaryTasks.Create(extra: new Dictionary<string, string>
        {
            ["CLAUDE.md"] = "## C# conventions\n- Use file-scoped namespaces.\n- Use `nameof` instead of string literals.\n- Public APIs have XML docs.\n",
            [".editorconfig"] = "root = true\n\n[*.cs]\nindent_style = space\n",
        });
        repository.Write(".editorconfig", "root = true\n\n[*.cs]\nindent_style = space\ndotnet_diagnostic.IDE0161.severity = none\ndotnet_diagnostic.IDE0040.severity = none\n");
        repository.Write("src/Shop/Shop.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <NoWarn>$(NoWarn);CA1507;1591;CA2000</NoWarn>\n  </PropertyGroup>\n</Project>\n");

        var engine = BoundaryTasks.CheckInCi(repository, ruleFiles: Rules);

        Assert.Contains("AG2007 .editorconfig", engine.Findings(repository));
        Assert.Contains("AG2007 src/Shop/Shop.csproj", engine.Findings(repository));
        var loosenings = engine.ErrorTexts("AG2007");
        Assert.Contains(loosenings, text => text.StartsWith("'.editorconfig' loosens what is enforced: sets IDE0161 to none.", System.StringComparison.Ordinal));
        Assert.Contains(loosenings, text => text.StartsWith("'src/Shop/Shop.csproj' loosens what is enforced: adds CA1507 to NoWarn; adds CS1591 to NoWarn.", System.StringComparison.Ordinal));

        // IDE0040 and CA2000 are no rule's: lowering them loosens nothing AgentGuard enforces.
        Assert.DoesNotContain(loosenings, text => text.Contains("IDE0040", System.StringComparison.Ordinal) || text.Contains("CA2000", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_ledger_entry_the_change_adds_for_itself_is_no_review_in_ci()
    {
        using var repository = Create();
        repository.Write("src/Shop/Generated/Client.cs", "// generated\nclass Client { int handEdited; }\n");
        BoundaryTasks.Review(repository);

        Assert.Equal(string.Empty, BoundaryTasks.Check(repository, ruleFiles: Rules).Findings(repository));
        Assert.Equal("AG2003 src/Shop/Generated/Client.cs\nAG2006 .agentguard/reviewed.txt", BoundaryTasks.CheckInCi(repository, ruleFiles: Rules).Findings(repository));

        var approved = BoundaryTasks.CheckInCi(repository, globalApprove: "src/*/Generated/**;.agentguard/reviewed.txt", ruleFiles: Rules);
        Assert.Equal(string.Empty, approved.Findings(repository));
        Assert.Contains("AgentGuard: AG2006 on '.agentguard/reviewed.txt' approved by AgentGuardApprove: .agentguard/reviewed.txt", approved.HighMessages());
    }

    [Fact]
    public void Turning_the_check_off_in_directory_build_props_does_not_turn_it_off_in_ci()
    {
        using var repository = Create();
        repository.Write("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <AgentGuardBoundaryCheck>false</AgentGuardBoundaryCheck>\n  </PropertyGroup>\n</Project>\n");
        repository.Write("deploy/prod.yaml", "replicas: 30\n");

        var engine = BoundaryTasks.CheckInCi(repository, ruleFiles: Rules, disabledByProject: true);

        Assert.Equal("AG2001 deploy/prod.yaml\nAG2006 Directory.Build.props\nAG2007 Directory.Build.props", engine.Findings(repository));
        Assert.Contains("sets AgentGuardBoundaryCheck to false", engine.ErrorText("AG2007"));
        Assert.Contains(engine.HighMessages(), message => message.Contains("in CI only the CI configuration can"));
        Assert.Equal(string.Empty, BoundaryTasks.CheckInCi(repository, ruleFiles: Rules, disabledByProject: true, globalBoundaryCheck: "false").Findings(repository));
    }

    [Fact]
    public void An_approval_written_into_a_project_file_is_ignored_in_ci()
    {
        using var repository = Create();
        repository.Write("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <AgentGuardApprove>**</AgentGuardApprove>\n  </PropertyGroup>\n</Project>\n");
        repository.Write("src/Shop/Migrations/0002.cs", "class M2 { }\n").Write("tests/Shop.Tests/M2Tests.cs", "class M2Tests { }\n");

        var engine = BoundaryTasks.CheckInCi(repository, ruleFiles: Rules, projectApprove: "**");

        Assert.Equal("AG2002 src/Shop/Migrations/0002.cs\nAG2006 Directory.Build.props\nAG2007 Directory.Build.props", engine.Findings(repository));
        Assert.Contains("sets AgentGuardApprove to '**'", engine.ErrorText("AG2007"));
        Assert.Contains(engine.HighMessages(), message => message.Contains("from the build's properties is ignored in CI"));
        Assert.Equal(string.Empty, BoundaryTasks.Check(repository, approve: "**", ruleFiles: Rules).Findings(repository));
    }

    [Fact]
    public void In_ci_the_base_ref_comes_from_the_base_branchs_manifest_not_from_the_change()
    {
        using var repository = Create();
        repository.Write("agentguard.json", BoundaryTasks.Manifest.Replace("{\n", "{\n  \"baseRef\": \"agent\",\n"));
        repository.Write("deploy/prod.yaml", "replicas: 30\n").Commit("point the base at myself");

        Assert.Equal("AG2001 deploy/prod.yaml\nAG2006 agentguard.json\nAG2007 agentguard.json", BoundaryTasks.CheckInCi(repository, ruleFiles: Rules).Findings(repository));
        Assert.Equal("AG2011 agentguard.json(2,12) (warning)".Length > 0 ? string.Empty : "x", BoundaryTasks.Check(repository, ruleFiles: Rules).Findings(repository).Replace("AG2011 agentguard.json(2,12) (warning)", string.Empty));
    }

    [Fact]
    public void A_project_file_that_suppresses_an_AgentGuard_id_or_drops_the_package_loosens_in_ci_only()
    {
        using var repository = Create();
        repository.Write("src/Shop/Shop.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <NoWarn>$(NoWarn);CS1591;AG1001</NoWarn>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include=\"Serilog\" Version=\"3.0.0\" />\n  </ItemGroup>\n</Project>\n");

        var engine = BoundaryTasks.CheckInCi(repository, ruleFiles: Rules);

        Assert.Equal("AG2007 src/Shop/Shop.csproj", engine.Findings(repository));
        Assert.StartsWith("'src/Shop/Shop.csproj' loosens what is enforced: adds AG1001 to NoWarn.", engine.ErrorText("AG2007"));
        Assert.Equal(string.Empty, BoundaryTasks.CheckInCi(repository, ruleFiles: Rules, globalApprove: "AG2007").Findings(repository));
        Assert.Equal(string.Empty, BoundaryTasks.Check(repository, ruleFiles: Rules).Findings(repository));
    }

    [Fact]
    public void Tightening_a_guard_file_is_no_loosening()
    {
        using var repository = Create();
        repository.Write("CLAUDE.md", "## Never\n- Never use `DateTime.Now`\n- Never use `Thread.Sleep`\n");
        repository.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.AG0001.severity = error\ndotnet_diagnostic.AG1001.severity = error\n");

        Assert.Equal("AG2006 .editorconfig\nAG2006 CLAUDE.md", BoundaryTasks.CheckInCi(repository, ruleFiles: Rules).Findings(repository));
    }

    [Fact]
    public void Only_the_environment_turns_ci_mode_off_and_a_project_cannot_move_the_manifest_away()
    {
        using var repository = Create();
        repository.Write("deploy/prod.yaml", "replicas: 30\n");
        repository.Write(".editorconfig", "root = true\n");
        var ci = new Dictionary<string, string> { ["CI"] = "true" };

        // The project says local (the task's Mode input); the environment says CI: CI wins.
        Assert.Equal("AG2001 deploy/prod.yaml\nAG2006 .editorconfig\nAG2007 .editorconfig", BoundaryTasks.Check(repository, mode: "local", environment: ci).Findings(repository));
        Assert.Equal("AG2001 deploy/prod.yaml", BoundaryTasks.Check(repository, environment: new Dictionary<string, string> { ["CI"] = "true", ["AgentGuardMode"] = "local" }).Findings(repository));

        var engine = new RecordingBuildEngine();
        new CheckBoundaries { BuildEngine = engine, Manifest = repository.PathOf("nowhere/agentguard.json"), ProjectDirectory = repository.PathOf("src/Shop"), ProjectName = "Shop", TrustedSource = BoundaryTasks.Environment(ci) }.Execute();
        Assert.Equal("AG2001 deploy/prod.yaml\nAG2006 .editorconfig\nAG2007 .editorconfig", engine.Findings(repository));
    }

    [Fact]
    public void Settings_that_make_a_build_skip_its_checks_are_loosenings_in_ci()
    {
        using var repository = Create();
        repository.Write("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <AgentGuardExplain>true</AgentGuardExplain>\n    <AgentGuardMode>local</AgentGuardMode>\n  </PropertyGroup>\n</Project>\n");

        Assert.Contains("sets AgentGuardExplain to true; sets AgentGuardMode to local", BoundaryTasks.CheckInCi(repository, ruleFiles: Rules).ErrorText("AG2007"));
    }

    [Fact]
    public void Deleting_an_imported_rule_file_or_dropping_its_import_is_reported_in_ci()
    {
        using var repository = BoundaryTasks.Create(extra: new Dictionary<string, string>
        {
            ["CLAUDE.md"] = "# Rules\n@docs/RULES.md\n",
            ["docs/RULES.md"] = "## Never\n- Never use `DateTime.Now`\n",
        });
        repository.Git("rm", "--quiet", "docs/RULES.md");

        var deleted = BoundaryTasks.CheckInCi(repository, ruleFiles: Rules);

        Assert.Equal("AG2006 docs/RULES.md\nAG2007 docs/RULES.md", deleted.Findings(repository));
        Assert.Contains("no longer bans DateTime.Now", deleted.ErrorText("AG2007"));

        repository.Git("checkout", "--quiet", "main", "--", "docs/RULES.md");
        repository.Write("CLAUDE.md", "# Rules\n");
        Assert.Contains("no longer imports @docs/RULES.md (line 2)", BoundaryTasks.CheckInCi(repository, ruleFiles: Rules).ErrorText("AG2007"));
    }

    [Fact]
    public void In_ci_the_path_rules_of_the_base_branchs_rule_files_apply()
    {
        using var repository = BoundaryTasks.Create(extra: new Dictionary<string, string>
        {
            ["CLAUDE.md"] = "## Never\n- Never edit `eng/**`\n",
            ["eng/build.sh"] = "echo build\n",
        });
        repository.Write("CLAUDE.md", "## Never\n");
        repository.Write("eng/build.sh", "echo changed\n");

        Assert.Equal("AG2001 eng/build.sh\nAG2006 CLAUDE.md\nAG2007 CLAUDE.md", BoundaryTasks.CheckInCi(repository, ruleFiles: Rules).Findings(repository));
        Assert.Equal(string.Empty, BoundaryTasks.Check(repository, ruleFiles: Rules).Findings(repository));
    }

    [Fact]
    public void A_manifest_the_change_adds_takes_effect_once_merged()
    {
        using var repository = GitRepository.Create(new Dictionary<string, string> { ["deploy/prod.yaml"] = "replicas: 3\n" }).Branch();
        repository.Write("agentguard.json", "{ \"forbidden\": [ \"deploy/**\" ] }\n").Write("deploy/prod.yaml", "replicas: 30\n");

        var engine = BoundaryTasks.CheckInCi(repository);

        Assert.Equal(string.Empty, engine.Findings(repository));
        Assert.Contains(engine.HighMessages(), message => message.Contains("has none yet; the boundary check starts once this change is merged"));
    }

    [Fact]
    public void A_project_file_that_changes_how_code_is_analyzed_is_a_loosening_in_ci_naming_each_change()
    {
        using var repository = Create();
        repository.Write("src/Shop/Shop.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <RunAnalyzersDuringBuild>false</RunAnalyzersDuringBuild>
                <AnalysisMode>None</AnalysisMode>
                <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Serilog" Version="3.0.0" />
                <GlobalAnalyzerConfigFiles Include="quiet.globalconfig" />
              </ItemGroup>
              <Import Project="../../build/quiet.targets" />
              <Target Name="DropAnalyzers" BeforeTargets="CoreCompile">
                <ItemGroup><Analyzer Remove="@(Analyzer)" /></ItemGroup>
              </Target>
            </Project>
            """);
        repository.Write("src/Shop/csc.rsp", "/nowarn:AG0001\n");

        var engine = BoundaryTasks.CheckInCi(repository, ruleFiles: Rules);

        Assert.Equal("AG2007 src/Shop/Shop.csproj\nAG2007 src/Shop/csc.rsp", engine.Findings(repository));
        var message = string.Join("\n", engine.Errors.Select(error => error.Message));
        Assert.Contains("sets RunAnalyzersDuringBuild to false", message);
        Assert.Contains("sets AnalysisMode to None", message);
        Assert.Contains("sets ImportDirectoryBuildTargets to false", message);
        Assert.Contains("adds or changes <GlobalAnalyzerConfigFiles Include='quiet.globalconfig'>", message);
        Assert.Contains("adds or changes an import: <Import Project='../../build/quiet.targets'>", message);
        Assert.Contains("adds or changes target 'DropAnalyzers'", message);
        Assert.Contains("adds '/nowarn:AG0001' to a compiler response file", message);
        Assert.Equal(string.Empty, BoundaryTasks.CheckInCi(repository, ruleFiles: Rules, globalApprove: "AG2007").Findings(repository));
        Assert.Equal(string.Empty, BoundaryTasks.Check(repository, ruleFiles: Rules).Findings(repository));
    }

    [Fact]
    public void A_condition_or_asset_filter_on_the_AgentGuard_reference_is_a_loosening_in_ci_and_ordinary_project_edits_are_not()
    {
        using var repository = BoundaryTasks.Create(extra: new Dictionary<string, string>
        {
            ["CLAUDE.md"] = "## Never\n- Never use `DateTime.Now`\n",
            ["src/Shop/Shop.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"AgentGuard.Analyzers\" Version=\"0.1.0\" PrivateAssets=\"all\" />\n  </ItemGroup>\n</Project>\n",
            ["src/Api/Api.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"AgentGuard.Analyzers\" Version=\"0.1.0\" PrivateAssets=\"all\" />\n  </ItemGroup>\n</Project>\n",
        });
        repository.Write("src/Shop/Shop.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup Condition=\"'$(RunGuards)' == 'true'\">\n    <PackageReference Include=\"AgentGuard.Analyzers\" Version=\"0.1.0\" PrivateAssets=\"all\" />\n  </ItemGroup>\n</Project>\n");
        repository.Write("src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <Nullable>enable</Nullable>\n    <RunAnalyzers>true</RunAnalyzers>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include=\"AgentGuard.Analyzers\" Version=\"0.1.0\" PrivateAssets=\"all\" />\n    <Compile Include=\"../Shared/*.cs\" />\n    <None Include=\"readme.md\" />\n  </ItemGroup>\n</Project>\n");

        var engine = BoundaryTasks.CheckInCi(repository, ruleFiles: Rules);

        // The condition also changes the project's dependencies (AG2005); the Api project's edits change nothing analyzed.
        Assert.Equal("AG2005 src/Shop/Shop.csproj\nAG2007 src/Shop/Shop.csproj", engine.Findings(repository));
        Assert.Contains("changes the AgentGuard.Analyzers package reference (its version, condition or assets)", engine.ErrorText("AG2007"));
    }

    [Theory]
    [InlineData(".github/workflows/build.yml")]
    [InlineData("azure-pipelines.yml")]
    [InlineData("eng/azure-pipelines-pr.yaml")]
    [InlineData(".gitlab-ci.yml")]
    public void A_change_to_the_ci_configuration_is_a_guard_file_change_in_ci_only(string path)
    {
        using var repository = Create();
        repository.Write(path, "steps:\n  - run: dotnet build -p:AgentGuardBoundaryCheck=false\n");

        var engine = BoundaryTasks.CheckInCi(repository, ruleFiles: Rules);

        Assert.Equal("AG2006 " + path, engine.Findings(repository));
        Assert.Contains("(CI configuration: a workflow that runs the build can drop the check)", engine.ErrorText("AG2006"));
        Assert.Equal(string.Empty, BoundaryTasks.Check(repository, ruleFiles: Rules).Findings(repository));
    }

    [Fact]
    public void Source_edits_compile_items_unrelated_package_bumps_and_tightening_are_no_guard_finding_in_ci()
    {
        using var repository = Create();
        repository.Write("src/Shop/Order.cs", "namespace Shop;\n\npublic sealed class Order { public int Lines { get; } }\n");
        repository.Write("tests/Shop.Tests/OrderTests.cs", "class OrderTests { void Lines() { } }\n");
        repository.Write("src/Shop/Shop.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <WarningsAsErrors>$(WarningsAsErrors);AG1001</WarningsAsErrors>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include=\"Serilog\" Version=\"3.1.1\" />\n    <Compile Include=\"../Shared/*.cs\" />\n  </ItemGroup>\n</Project>\n");

        var findings = BoundaryTasks.CheckInCi(repository, ruleFiles: Rules).Findings(repository);

        Assert.DoesNotContain("AG2006", findings);
        Assert.DoesNotContain("AG2007", findings);
    }
}
