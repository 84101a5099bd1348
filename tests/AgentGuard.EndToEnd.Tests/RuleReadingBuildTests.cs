using System.IO;
using System.Linq;
using AgentGuard.EndToEnd.Tests.Infrastructure;

namespace AgentGuard.EndToEnd.Tests;

/// <summary>Rule files as real repositories write them, read and enforced through the packed package.</summary>
[Collection(PackedPackageCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class RuleReadingBuildTests
{
    private const string Project = "src/Shop/Shop.Orders/Shop.Orders.csproj";

    private readonly PackedPackage _package;

    public RuleReadingBuildTests(PackedPackage package) => _package = package;

    [Fact]
    public void Imports_nested_files_copilot_instructions_escape_clauses_and_constructs_are_enforced_where_they_apply()
    {
        using var repository = ConsumerRepository.Create(_package, "reading");
        repository
            .Write("CLAUDE.md", "@AGENTS.md\n")
            .Write("AGENTS.md", """
                # Agents guide

                Also read @docs/agents/memory.md.

                ## Code
                - Use `ILogger<T>` instead of `Console.WriteLine`
                - Avoid `Thread.Sleep` unless a test really needs it
                - Never use `async void`
                - Don't trigger collections yourself <!-- agentguard: bam M:System.GC.Collect -->
                - `Shop.Orders.Domain` must not depend on `Shop.Orders.Web`
                """)
            .Write("docs/agents/memory.md", "## Never\n- `GC.Collect`\n")
            .Write(".github/copilot-instructions.md", "- Never call `Environment.Exit`\n")
            .Write("src/Shop/Shop.Orders/Domain/AGENTS.md", "# Domain\n- Never use `DateTime.Now` — use `TimeProvider`\n")
            .WriteProject(Project)
            .Write("src/Shop/Shop.Orders/Domain/Order.cs", """
                using Shop.Orders.Web;

                namespace Shop.Orders.Domain;

                public sealed class Order
                {
                    public System.DateTime PlacedAt { get; } = System.DateTime.Now;

                    public Page? Preview { get; set; }
                }
                """)
            .Write("src/Shop/Shop.Orders/Web/Page.cs", """
                using System;
                using System.Threading;
                using System.Threading.Tasks;

                namespace Shop.Orders.Web;

                public sealed class Page
                {
                    public DateTime Rendered { get; } = DateTime.Now;

                    public async void Save() => await Task.Delay(1);

                    public async void OnClick(object? sender, EventArgs e) => await Task.Delay(1);

                    public void Render()
                    {
                        Console.WriteLine("rendered");
                        Thread.Sleep(10);
                        GC.Collect();
                        Environment.Exit(0);
                    }
                }
                """);

        var result = repository.Build(Project);

        Assert.False(result.Succeeded, result.Output);
        Assert.Equal(
            new[]
            {
                "AG0001 error src/Shop/Shop.Orders/Domain/Order.cs:7",
                "AG0001 error src/Shop/Shop.Orders/Web/Page.cs:17",
                "AG0001 error src/Shop/Shop.Orders/Web/Page.cs:19",
                "AG0001 error src/Shop/Shop.Orders/Web/Page.cs:20",
                "AG0001 warning src/Shop/Shop.Orders/Web/Page.cs:18",
                "AG0002 error src/Shop/Shop.Orders/Web/Page.cs:11",
                "AG0003 error src/Shop/Shop.Orders/Domain/Order.cs:1",
                "AG0003 error src/Shop/Shop.Orders/Domain/Order.cs:9",
                "AG0012 error AGENTS.md:9",
            },
            result.AgentGuardFindingsWithSeverity);
        Assert.Contains("(src/Shop/Shop.Orders/Domain/AGENTS.md line 2:", result.Diagnostics.Single(d => d.File.EndsWith("Order.cs") && d.Id == "AG0001").Message);
        Assert.Contains("'Page' is in Shop.Orders.Web, which Shop.Orders.Domain must not depend on", result.Diagnostics.Single(d => d.File.EndsWith("Order.cs") && d.Line == 9).Message);
        Assert.Contains("(docs/agents/memory.md line 2: \"Never: GC.Collect\")", result.Diagnostics.Single(d => d.Line == 19).Message);
        Assert.Contains("(.github/copilot-instructions.md line 1:", result.Diagnostics.Single(d => d.Line == 20).Message);
        Assert.Contains("'async void' is banned by a golden rule (AGENTS.md line 8:", result.Diagnostics.Single(d => d.Id == "AG0002").Message);
    }

    [Fact]
    public void Layering_approval_and_tests_rules_written_as_teams_write_them_are_enforced_in_code_and_on_the_change()
    {
        const string Orders = "src/Contoso.Orders/Contoso.Orders.csproj";
        using var repository = ConsumerRepository.Create(_package, "reading-change", useMachineSources: true);
        repository
            .Write("agentguard.json", "{}\n")
            .Write("CLAUDE.md", """
                # Contoso

                ## Boundaries
                - Never change `nuget.config` unless explicitly asked to.
                - Every change under `src/Contoso.Orders/Billing` must include tests in `tests/Contoso.Orders.Tests`.

                ### Ask first
                - Modifying `.csproj` files
                - Running the load tests
                """)
            .WriteProject(Orders)
            .Write("src/Contoso.Orders/Domain/AGENTS.md", "# Domain\n\n- The domain layer (`Contoso.Orders.Domain`) must not depend on `Contoso.Orders.Infrastructure`.\n")
            .Write("src/Contoso.Orders/Domain/Order.cs", "namespace Contoso.Orders.Domain;\n\npublic sealed class Order\n{\n}\n")
            .Write("src/Contoso.Orders/Infrastructure/OrderRow.cs", "namespace Contoso.Orders.Infrastructure;\n\npublic sealed class OrderRow\n{\n}\n")
            .Write("src/Contoso.Orders/Billing/Invoice.cs", "namespace Contoso.Orders.Billing;\n\npublic sealed class Invoice\n{\n}\n")
            .Write("tests/Contoso.Orders.Tests/InvoiceTests.cs", "// Invoice tests live here.\n")
            .Commit("main")
            .Git("checkout", "-q", "-b", "agent");
        repository
            .Write("src/Contoso.Orders/Domain/Order.cs", "namespace Contoso.Orders.Domain;\n\npublic sealed class Order\n{\n    public Contoso.Orders.Infrastructure.OrderRow? Row { get; set; }\n}\n")
            .Write("src/Contoso.Orders/Billing/Invoice.cs", "namespace Contoso.Orders.Billing;\n\npublic sealed class Invoice\n{\n    public decimal Total { get; set; }\n}\n")
            .Write("nuget.config", File.ReadAllText(repository.PathOf("nuget.config")).Replace("</packageSources>", "  <add key=\"mirror\" value=\"https://mirror.example/v3/index.json\" />\n  </packageSources>", System.StringComparison.Ordinal))
            .Write(Orders, File.ReadAllText(repository.PathOf(Orders)).Replace("</PropertyGroup>", "  <Description>Orders</Description>\n  </PropertyGroup>", System.StringComparison.Ordinal))
            .Commit("agent work");

        var failed = repository.Build(Orders);

        Assert.False(failed.Succeeded, failed.Output);
        Assert.Equal(
            new[]
            {
                "AG0003 src/Contoso.Orders/Domain/Order.cs:5",
                "AG2002 nuget.config:0",
                "AG2002 src/Contoso.Orders/Contoso.Orders.csproj:0",
                "AG2004 src/Contoso.Orders/Billing/Invoice.cs:0",
            },
            failed.AgentGuardFindings.Where(finding => !finding.StartsWith("AG2005", System.StringComparison.Ordinal)));
        Assert.Contains("'OrderRow' is in Contoso.Orders.Infrastructure, which Contoso.Orders.Domain must not depend on", failed.Diagnostics.Single(d => d.Id == "AG0003").Message);
        Assert.Contains("needs a human's approval: CLAUDE.md line 4", failed.Diagnostics.Single(d => d.Id == "AG2002" && d.File == "nuget.config").Message);
        Assert.Contains("CLAUDE.md line 8", failed.Diagnostics.Single(d => d.Id == "AG2002" && d.File.EndsWith(".csproj", System.StringComparison.Ordinal)).Message);
        Assert.Contains("(CLAUDE.md line 5:", failed.Diagnostics.Single(d => d.Id == "AG2004").Message);

        // A reviewer approves the feed change; the test is added; the layering is fixed.
        repository
            .Write("src/Contoso.Orders/Domain/Order.cs", "namespace Contoso.Orders.Domain;\n\npublic sealed class Order\n{\n}\n")
            .Write("tests/Contoso.Orders.Tests/InvoiceTests.cs", "// Invoice tests live here: the total is covered.\n")
            .Commit("fix");
        var passed = repository.Build(Orders, "-p:AgentGuardApprove=nuget.config%3Bsrc/Contoso.Orders/Contoso.Orders.csproj%3BAG2005");

        Assert.True(passed.Succeeded, passed.Output);
        Assert.DoesNotContain(passed.AgentGuardFindings, finding => finding.StartsWith("AG0003", System.StringComparison.Ordinal) || finding.StartsWith("AG2002", System.StringComparison.Ordinal) || finding.StartsWith("AG2004", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_rule_asking_tests_for_every_change_fails_a_code_change_without_a_test_and_passes_with_one()
    {
        const string Cart = "src/Shop.Cart/Shop.Cart.csproj";
        using var repository = ConsumerRepository.Create(_package, "reading-any-tests", useMachineSources: true);
        repository
            .Write("agentguard.json", "{}\n")
            .Write("AGENTS.md", "# Shop\n\n## Pull requests\n- Add or update tests to cover your changes\n")
            .WriteProject(Cart)
            .Write("src/Shop.Cart/Cart.cs", "namespace Shop.Cart;\n\npublic sealed class Cart\n{\n}\n")
            .Write("tests/Shop.Cart.Tests/CartTests.cs", "// Cart tests live here.\n")
            .Write("docs/cart.md", "# Cart\n")
            .Commit("main")
            .Git("checkout", "-q", "-b", "agent");

        // A change to the docs alone needs no test.
        repository.Write("docs/cart.md", "# Cart\n\nHolds lines.\n").Commit("docs");
        var docsOnly = repository.Build(Cart);
        Assert.DoesNotContain(docsOnly.AgentGuardFindings, finding => finding.StartsWith("AG2004", System.StringComparison.Ordinal));

        repository.Write("src/Shop.Cart/Cart.cs", "namespace Shop.Cart;\n\npublic sealed class Cart\n{\n    public int Count { get; set; }\n}\n").Commit("count");
        var failed = repository.Build(Cart);

        Assert.False(failed.Succeeded, failed.Output);
        Assert.Equal(new[] { "AG2004 src/Shop.Cart/Cart.cs:0" }, failed.AgentGuardFindings.Where(finding => finding.StartsWith("AG2004", System.StringComparison.Ordinal)));
        Assert.Contains("AGENTS.md line 4", failed.Diagnostics.Single(d => d.Id == "AG2004").Message);

        repository.Write("tests/Shop.Cart.Tests/CartTests.cs", "// Cart tests live here: Count starts at zero.\n").Commit("test");
        var passed = repository.Build(Cart);

        Assert.DoesNotContain(passed.AgentGuardFindings, finding => finding.StartsWith("AG2004", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_rule_asking_for_one_constructor_reports_the_other_constructors_only()
    {
        const string Feeds = "src/Shop.Feeds/Shop.Feeds.csproj";
        using var repository = ConsumerRepository.Create(_package, "reading-other-constructors");
        repository
            .Write("AGENTS.md", "# Feeds\n\n- Use `Shop.Feeds.Feed(FeedOptions)`, not the other `Shop.Feeds.Feed` constructors\n")
            .WriteProject(Feeds)
            .Write("src/Shop.Feeds/Feed.cs", """
                namespace Shop.Feeds;

                public sealed class FeedOptions
                {
                    public int Capacity { get; set; }
                }

                public sealed class Feed
                {
                    public Feed() { }

                    public Feed(FeedOptions options) { }
                }

                public static class Feeds
                {
                    public static Feed Bounded() => new Feed(new FeedOptions { Capacity = 10 });

                    public static Feed Unbounded() => new Feed();
                }
                """);

        var result = repository.Build(Feeds);

        Assert.False(result.Succeeded, result.Output);
        Assert.Equal(new[] { "AG0001 src/Shop.Feeds/Feed.cs:19" }, result.AgentGuardFindings);
        Assert.Contains("new Shop.Feeds.Feed() except Shop.Feeds.Feed(FeedOptions)", result.Diagnostics.Single().Message);
    }
}
