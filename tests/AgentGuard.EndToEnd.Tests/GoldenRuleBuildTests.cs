using System.Linq;
using AgentGuard.EndToEnd.Tests.Infrastructure;

namespace AgentGuard.EndToEnd.Tests;

/// <summary>A golden rule in the repository's CLAUDE.md / AGENTS.md fails <c>dotnet build</c> through the real package.</summary>
[Collection(PackedPackageCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class GoldenRuleBuildTests
{
    private const string Project = "src/Shop/Shop.Orders/Shop.Orders.csproj";

    // Line 5 reads DateTime.Now, line 7 calls Environment.Exit.
    private const string ClockReadingNowAndExiting = """
        namespace Shop.Orders;

        public static class Clock
        {
            public static System.DateTime Now() => System.DateTime.Now;

            public static void Stop() => System.Environment.Exit(1);
        }
        """;

    private readonly PackedPackage _package;

    public GoldenRuleBuildTests(PackedPackage package) => _package = package;

    [Fact]
    public void Golden_rules_at_the_repository_root_fail_the_build_at_each_use_and_the_fixed_code_builds_green()
    {
        using var repository = ConsumerRepository.Create(_package, "rules-at-root");
        repository
            .Write("CLAUDE.md", """
                # Shop

                Agents work in `src/`. Run `dotnet test` before you finish.

                ## Rules
                - Never use `DateTime.Now` — use `TimeProvider`

                ### Never
                - Use `Console.WriteLine` in library code

                ### Always
                - Read the time through `TimeProvider` — never `DateTime.Today`
                - Use `ILogger<T>` instead of `Console.Write`
                """)
            .WriteProject(Project)
            .Write("src/Shop/Shop.Orders/Receipt.cs", """
                using System;

                namespace Shop.Orders;

                public static class Receipt
                {
                    public static string Print(decimal total)
                    {
                        var stamp = DateTime.Now;
                        Console.WriteLine(total);
                        Console.Write(stamp);
                        return $"{DateTime.Today:d} {total}";
                    }

                    // DateTime.Now in a comment, "DateTime.Now" in a string and nameof are no uses.
                    public static string Note() => "DateTime.Now" + nameof(DateTime.Now) + DateTime.UtcNow;
                }
                """);

        var failed = repository.Build(Project);

        Assert.False(failed.Succeeded, failed.Output);
        Assert.Equal(
            new[]
            {
                "AG0001 src/Shop/Shop.Orders/Receipt.cs:10",
                "AG0001 src/Shop/Shop.Orders/Receipt.cs:11",
                "AG0001 src/Shop/Shop.Orders/Receipt.cs:12",
                "AG0001 src/Shop/Shop.Orders/Receipt.cs:9",
            },
            failed.AgentGuardFindings);
        var now = Assert.Single(failed.Diagnostics, d => d.Line == 9);
        Assert.Equal("error", now.Severity);
        Assert.Equal(21, now.Column);
        Assert.Equal("'DateTime.Now' is banned by a golden rule (CLAUDE.md line 6: \"Never use DateTime.Now — use TimeProvider\")", now.Message);
        Assert.Contains("CLAUDE.md line 9: \"Never: Use Console.WriteLine in library code\"", failed.Diagnostics.Single(d => d.Line == 10).Message);
        Assert.Contains("CLAUDE.md line 13: \"Use ILogger<T> instead of Console.Write\"", failed.Diagnostics.Single(d => d.Line == 11).Message);
        Assert.Contains("CLAUDE.md line 12: \"Read the time through TimeProvider — never DateTime.Today\"", failed.Diagnostics.Single(d => d.Line == 12).Message);

        repository.Write("src/Shop/Shop.Orders/Receipt.cs", """
            using System;

            namespace Shop.Orders;

            public static class Receipt
            {
                public static string Print(decimal total, TimeProvider clock) => $"{clock.GetLocalNow():d} {total}";
            }
            """);

        var fixedBuild = repository.Build(Project);

        Assert.True(fixedBuild.Succeeded, fixedBuild.Output);
        Assert.Empty(fixedBuild.AgentGuardFindings);
    }

    [Fact]
    public void Agents_md_and_claude_md_from_the_project_folder_up_to_the_repository_root_are_all_enforced_and_nothing_outside()
    {
        using var repository = ConsumerRepository.Create(_package, "layered-rules", repositoryFolder: "repo");
        repository
            .Write("../CLAUDE.md", "- Never use `Guid.NewGuid`\n")
            .Write("AGENTS.md", "# Agents\n\n- Don't call `Environment.Exit`\n")
            .Write("src/Shop/CLAUDE.md", "- Never use `Thread.Sleep`\n")
            .Write("src/Shop/Shop.Orders/AGENTS.md", "## Avoid\n- `GC.Collect`\n")
            .Write("src/Other/CLAUDE.md", "- Never use `Math.Round`\n")
            .WriteProject(Project)
            .Write("src/Shop/Shop.Orders/Worker.cs", """
                using System;
                using System.Threading;

                namespace Shop.Orders;

                public static class Worker
                {
                    public static void Run()
                    {
                        Thread.Sleep(10);
                        GC.Collect();
                        var id = Guid.NewGuid();
                        var rounded = Math.Round(1.5);
                        Environment.Exit(id == Guid.Empty ? (int)rounded : 0);
                    }
                }
                """);

        var result = repository.Build(Project);

        Assert.False(result.Succeeded, result.Output);
        Assert.Equal(
            new[]
            {
                "AG0001 src/Shop/Shop.Orders/Worker.cs:10",
                "AG0001 src/Shop/Shop.Orders/Worker.cs:11",
                "AG0001 src/Shop/Shop.Orders/Worker.cs:14",
            },
            result.AgentGuardFindings);
        Assert.Contains("(src/Shop/CLAUDE.md line 1:", result.Diagnostics.Single(d => d.Line == 10).Message);
        Assert.Contains("(src/Shop/Shop.Orders/AGENTS.md line 2: \"Avoid: GC.Collect\")", result.Diagnostics.Single(d => d.Line == 11).Message);
        Assert.Contains("(AGENTS.md line 3:", result.Diagnostics.Single(d => d.Line == 14).Message);
    }

    [Fact]
    public void AgentGuardEnabled_false_turns_the_rules_off()
    {
        using var repository = ConsumerRepository.Create(_package, "disabled");
        repository
            .Write("CLAUDE.md", "- Never use `DateTime.Now`\n")
            .WriteProject(Project, "<AgentGuardEnabled>false</AgentGuardEnabled>")
            .Write("src/Shop/Shop.Orders/Clock.cs", "namespace Shop.Orders; public static class Clock { public static System.DateTime Now() => System.DateTime.Now; }\n");

        var result = repository.Build(Project);

        Assert.True(result.Succeeded, result.Output);
        Assert.Empty(result.AgentGuardFindings);
    }

    [Fact]
    public void AgentGuardRuleFiles_replaces_the_discovered_rule_files()
    {
        using var repository = ConsumerRepository.Create(_package, "explicit-rule-files");
        repository
            .Write("CLAUDE.md", "- Never use `DateTime.Now`\n")
            .Write("docs/agents/rules.md", "# Team rules\n\n- Never call `Environment.Exit`\n")
            .WriteProject(Project, "<AgentGuardRuleFiles>docs/agents/rules.md;docs/agents/missing.md</AgentGuardRuleFiles>")
            .Write("src/Shop/Shop.Orders/Clock.cs", ClockReadingNowAndExiting);

        var result = repository.Build(Project);

        Assert.False(result.Succeeded, result.Output);
        var finding = Assert.Single(result.Diagnostics, d => d.Id == "AG0001");
        Assert.Equal(7, finding.Line);
        Assert.Contains("(docs/agents/rules.md line 3:", finding.Message);
        var missing = Assert.Single(result.Diagnostics, d => d.Id == "AG0011");
        Assert.Equal("warning", missing.Severity);
        Assert.Contains("AgentGuardRuleFiles lists 'docs/agents/missing.md', which does not exist", missing.Message);
    }

    [Fact]
    public void Project_outside_a_git_repository_reads_only_the_rule_files_in_its_own_folder()
    {
        using var repository = ConsumerRepository.Create(_package, "no-git");
        System.IO.Directory.Delete(repository.PathOf(".git"), recursive: true);
        repository
            .Write("CLAUDE.md", "- Never use `DateTime.Now`\n")
            .Write("src/Shop/Shop.Orders/AGENTS.md", "- Never call `Environment.Exit`\n")
            .WriteProject(Project)
            .Write("src/Shop/Shop.Orders/Clock.cs", ClockReadingNowAndExiting);

        var result = repository.Build(Project);

        Assert.Equal(new[] { "AG0001 src/Shop/Shop.Orders/Clock.cs:7" }, result.AgentGuardFindings);
        Assert.Contains("(AGENTS.md line 1:", result.Diagnostics.Single(d => d.Id == "AG0001").Message);

        // Where .git is missing (a container build context, say), AgentGuardRepositoryRoot names the root.
        var withRoot = repository.Build(Project, "-p:AgentGuardRepositoryRoot=" + repository.Root);

        Assert.Equal(new[] { "AG0001 src/Shop/Shop.Orders/Clock.cs:5", "AG0001 src/Shop/Shop.Orders/Clock.cs:7" }, withRoot.AgentGuardFindings);
        Assert.Contains("(src/Shop/Shop.Orders/AGENTS.md line 1:", withRoot.Diagnostics.Single(d => d.Line == 7).Message);
    }

    [Fact]
    public void Ambiguous_rule_is_a_warning_on_the_rule_line_and_does_not_fail_the_build()
    {
        using var repository = ConsumerRepository.Create(_package, "ambiguous");
        repository
            .Write("CLAUDE.md", "# Rules\n\n- Never use `Console.WriteLine`\n")
            .WriteProject(Project)
            .Write("src/Shop/Shop.Orders/Console.cs", """
                namespace Shop.Orders.Terminal;

                public static class Console
                {
                    public static void WriteLine(string text) => System.Console.Out.Write(text + "\n");
                }
                """);

        var result = repository.Build(Project);

        Assert.True(result.Succeeded, result.Output);
        var warning = Assert.Single(result.Diagnostics, d => d.Id.StartsWith("AG"));
        Assert.Equal(("AG0011", "warning", "CLAUDE.md", 3), (warning.Id, warning.Severity, warning.File, warning.Line));
        Assert.Contains("write 'Shop.Orders.Terminal.Console.WriteLine'", warning.Message);
    }
}
