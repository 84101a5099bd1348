using System;
using System.IO;
using System.Linq;
using AgentGuard.Policy;
using AgentGuard.Testing;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xunit;

namespace AgentGuard.Build.Tests;

/// <summary>
/// The global config the package writes for style rules: where each rule applies (the project, a nested file's folder,
/// test or production projects), what it needs from the build, and no stale file once the rules are gone.
/// </summary>
public sealed class WriteStyleConfigTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "agentguard-style-" + Guid.NewGuid().ToString("N")[..8]);

    public WriteStyleConfigTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "src", "Shop", "Api"));
        Write("src/Shop/Order.cs", "namespace Shop;\n");
        Write("src/Shop/Api/Endpoint.cs", "namespace Shop.Api;\n");
    }

    [Fact]
    public void A_project_wide_rule_goes_to_the_global_section_and_a_nested_files_rule_to_its_folders_files_only()
    {
        Write("AGENTS.md", "## C#\n- Use file-scoped namespaces.\n- Use `nameof` instead of string literals.\n");
        Write("src/Shop/Api/AGENTS.md", "- Use explicit types instead of `var`.\n");

        var (task, text) = Run(isTest: false, ("AGENTS.md", null), ("src/Shop/Api/AGENTS.md", "src/Shop/Api"));

        var global = text[..text.IndexOf('[', StringComparison.Ordinal)];
        Assert.Contains("is_global = true\nglobal_level = -1\n", global);
        Assert.Contains("# AGENTS.md line 2: Use file-scoped namespaces.\ncsharp_style_namespace_declarations = file_scoped:error\ndotnet_diagnostic.IDE0161.severity = error\n", global);
        Assert.DoesNotContain("IDE0008", global);
        var endpoint = Section(text, "src/Shop/Api/Endpoint.cs");
        Assert.Contains("# src/Shop/Api/AGENTS.md line 1: Use explicit types instead of var.\ncsharp_style_var_for_built_in_types = false:error", endpoint);
        Assert.DoesNotContain("IDE0008", Section(text, "src/Shop/Order.cs"));

        // CA1507 has no option to carry its severity, so each file's section repeats it for dotnet format.
        Assert.Contains("dotnet_diagnostic.CA1507.severity = error", Section(text, "src/Shop/Order.cs"));
        Assert.Equal("CodeStyle;NetAnalyzers", task.Requirements);

        // What the mark compares in CI: the project-wide severities only, not the nested file's IDE0008.
        Assert.Equal("CA1507=error,IDE0161=error", task.ProjectWideSeverities);
    }

    [Fact]
    public void Test_projects_take_rules_in_tests_and_leave_production_rules_and_the_async_suffix_alone()
    {
        Write("AGENTS.md", "- In tests, use `var` for local variables.\n- In production code, use file-scoped namespaces.\n- Async methods end with `Async`.\n");

        var (testTask, inTests) = Run(isTest: true, ("AGENTS.md", null));
        var (_, inProduction) = Run(isTest: false, ("AGENTS.md", null));
        Assert.DoesNotContain("IDE0161", testTask.ProjectWideSeverities);

        Assert.Contains("IDE0007", inTests);
        Assert.DoesNotContain("IDE0161", inTests);
        Assert.DoesNotContain("IDE1006", inTests);
        Assert.DoesNotContain("IDE0007", inProduction);
        Assert.Contains("IDE0161", inProduction);
        Assert.Contains("dotnet_naming_style.agentguard_async_suffix.required_suffix = Async", inProduction);
    }

    [Fact]
    public void A_key_the_projects_own_config_sets_stays_out_of_the_file_sections_so_the_project_keeps_winning()
    {
        Write("AGENTS.md", "- Use `nameof` instead of string literals.\n- Use `ArgumentNullException.ThrowIfNull` for argument checks\n");
        Write(".globalconfig", "is_global = true\ndotnet_diagnostic.CA1507.severity = none\n");

        var task = NewTask(isTest: false, ("AGENTS.md", null));
        task.ProjectConfigFiles = new ITaskItem[] { new TaskItem(Path.Combine(_root, ".globalconfig")) };
        Assert.True(task.Execute());
        var text = File.ReadAllText(task.ConfigFile);

        Assert.Contains("dotnet_diagnostic.CA1507.severity = error", text[..text.IndexOf('[', StringComparison.Ordinal)]);
        Assert.DoesNotContain("CA1507", Section(text, "src/Shop/Order.cs"));
        Assert.Contains("dotnet_diagnostic.CA1510.severity = error", Section(text, "src/Shop/Order.cs"));
    }

    [Fact]
    public void A_naming_rule_is_left_to_a_project_that_has_naming_rules_of_its_own_with_AG0011_on_the_rule()
    {
        Write("AGENTS.md", "- Async methods end with `Async`.\n- Use file-scoped namespaces.\n");
        Write(".editorconfig", "root = true\n[*.cs]\ndotnet_naming_rule.private_fields.severity = suggestion\n");

        var engine = new RecordingBuildEngine();
        var task = NewTask(isTest: false, ("AGENTS.md", null));
        task.BuildEngine = engine;
        task.ProjectConfigFiles = new ITaskItem[] { new TaskItem(Path.Combine(_root, ".editorconfig")) };
        Assert.True(task.Execute());

        Assert.DoesNotContain("IDE1006", File.ReadAllText(task.ConfigFile));
        Assert.Contains("IDE0161", File.ReadAllText(task.ConfigFile));
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("AG0011", warning.Code);
        Assert.Equal(1, warning.LineNumber);
        Assert.Contains("defines naming rules of its own", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_path_with_a_comment_character_is_escaped_in_its_section_name()
    {
        Write("src/Shop/Api/AGENTS.md", "- Use file-scoped namespaces.\n");
        var task = NewTask(isTest: false, ("src/Shop/Api/AGENTS.md", "src/Shop/Api"));
        task.SourceFiles = new ITaskItem[] { new TaskItem("Api/C#Samples/Endpoint.cs") };
        Assert.True(task.Execute());

        Assert.Contains("/Api/C\\#Samples/Endpoint.cs]\n", File.ReadAllText(task.ConfigFile));
    }

    [Fact]
    public void Without_style_rules_no_config_is_handed_on_and_a_stale_one_is_deleted()
    {
        Write("AGENTS.md", "- Use file-scoped namespaces.\n");
        var (_, first) = Run(isTest: false, ("AGENTS.md", null));
        Assert.NotEmpty(first);

        Write("AGENTS.md", "- Never use `DateTime.Now`\n");
        var task = NewTask(isTest: false, ("AGENTS.md", null));

        Assert.True(task.Execute());
        Assert.Equal(string.Empty, task.ConfigFile);
        Assert.False(File.Exists(OutputPath));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string OutputPath => Path.Combine(_root, "src", "Shop", "obj", "agentguard", "agentguard.globalconfig");

    private (WriteStyleConfig Task, string Text) Run(bool isTest, params (string Path, string? ScopeFolder)[] ruleFiles)
    {
        var task = NewTask(isTest, ruleFiles);
        Assert.True(task.Execute());
        return (task, File.ReadAllText(task.ConfigFile));
    }

    private WriteStyleConfig NewTask(bool isTest, params (string Path, string? ScopeFolder)[] ruleFiles) => new()
    {
        BuildEngine = new RecordingBuildEngine(),
        RuleFiles = ruleFiles.Select(file => RuleFile(file.Path, file.ScopeFolder)).ToArray(),
        SourceFiles = new ITaskItem[] { new TaskItem("Order.cs"), new TaskItem("Api/Endpoint.cs") },
        ProjectDirectory = Path.Combine(_root, "src", "Shop"),
        RepositoryRoot = _root,
        IsTestProject = isTest ? "true" : "false",
        OutputPath = OutputPath,
    };

    private ITaskItem RuleFile(string path, string? scopeFolder)
    {
        var item = new TaskItem(Path.Combine(_root, path));
        item.SetMetadata(RuleFileMetadata.Kind, nameof(RuleFileKind.Agents));
        item.SetMetadata(RuleFileMetadata.BaseFolder, Path.GetDirectoryName(Path.Combine(_root, path))!);
        item.SetMetadata(RuleFileMetadata.ScopeFolder, scopeFolder == null ? string.Empty : Path.Combine(_root, scopeFolder) + Path.DirectorySeparatorChar);
        return item;
    }

    private string Section(string text, string relativePath)
    {
        var header = "[" + Path.Combine(_root, relativePath).Replace('\\', '/') + "]\n";
        var start = text.IndexOf(header, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section for {relativePath} in:\n{text}");
        var end = text.IndexOf("\n[", start + header.Length, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
