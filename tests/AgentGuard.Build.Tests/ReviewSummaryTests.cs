using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using AgentGuard.Testing;
using Microsoft.Build.Utilities;
using Xunit;

namespace AgentGuard.Build.Tests;

public sealed class ReviewSummaryTests
{
    [Fact]
    public void The_summary_is_appended_to_the_job_summary_once_per_build()
    {
        using var repository = BoundaryTasks.Create();
        repository.Write("deploy/prod.yaml", "replicas: 30\n");
        var stepSummary = repository.Root + "-step-summary.md";
        File.WriteAllText(stepSummary, "# Earlier steps\n");
        var engine = new RecordingBuildEngine();
        foreach (var project in new[] { "Shop", "Shop.Tests" })
        {
            new CheckBoundaries
            {
                BuildEngine = project == "Shop" ? engine : engine.InSameBuild(),
                Manifest = repository.PathOf("agentguard.json"),
                TrustedSource = BoundaryTasks.Environment(),
                ProjectName = project,
                ReviewSummaryPath = repository.PathOf($"src/{project}/obj/agentguard/review.md"),
                StepSummaryPath = stepSummary,
            }.Execute();
        }

        var text = File.ReadAllText(stepSummary);
        File.Delete(stepSummary);
        Assert.StartsWith("# Earlier steps\n## AgentGuard: 1 changed file since `main`", text);
        Assert.Single(Regex.Matches(text, "## AgentGuard:"));
    }

    [Fact]
    public void A_thirty_file_change_is_summarised_by_risk_on_one_screen()
    {
        using var repository = BoundaryTasks.Create(extra: new Dictionary<string, string>
        {
            ["CLAUDE.md"] = "# Rules\n\n## Never\n- Never use `DateTime.Now`\n- Never edit `eng/**`\n\n## Style\n- Keep methods short\n",
            ["eng/versions.props"] = "<Project />\n",
            [".editorconfig"] = "root = true\n",
        });
        repository.Write("deploy/prod.yaml", "replicas: 30\n");
        repository.Write("eng/versions.props", "<Project><PropertyGroup /></Project>\n");
        repository.Write("src/Shop/Migrations/0002_Lines.cs", "class Lines { }\n");
        repository.Write("src/Shop/Migrations/0003_Stock.cs", "class Stock { }\n");
        repository.Write("src/Shop/Generated/Client.cs", "// generated\nclass Client { int v2; }\n");
        repository.Write("src/Shop/Api.g.cs", "class Api { }\n");
        repository.Write("src/Shop/Shop.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"Serilog\" Version=\"3.1.1\" />\n  </ItemGroup>\n</Project>\n");
        repository.Write(".editorconfig", "root = true\n[*.cs]\nindent_size = 4\n");
        for (var i = 1; i <= 14; i++)
        {
            repository.Write($"src/Shop/Checkout/Step{i:00}.cs", $"class Step{i} {{ }}\n");
        }

        for (var i = 1; i <= 8; i++)
        {
            repository.Write($"tests/Shop.Tests/Checkout/Step{i:00}Tests.cs", $"class Step{i}Tests {{ }}\n");
        }

        repository.Write("docs/checkout.md", "# Checkout\n");
        repository.Commit("agent: checkout");

        var summaryPath = repository.PathOf("src/Shop/obj/agentguard/review.md");
        var engine = new RecordingBuildEngine();
        new CheckBoundaries
        {
            BuildEngine = engine,
            Manifest = repository.PathOf("agentguard.json"),
            TrustedSource = BoundaryTasks.Environment(),
            Approve = "src/*/Migrations/**",
            ProjectName = "Shop",
            RuleFiles = new[] { new TaskItem(repository.PathOf("CLAUDE.md")) },
            ReviewSummaryPath = summaryPath,
        }.Execute();

        var summary = File.ReadAllText(summaryPath);
        Assert.True(summary.Split('\n').Length <= 45, "one screen: " + summary.Split('\n').Length + " lines");
        Snapshot.Match(Regex.Replace(summary, "[0-9a-f]{40}|\\([0-9a-f]{10}\\)", match => match.Value.Length == 40 ? "<merge base>" : "(<merge base>)"));
    }
}
