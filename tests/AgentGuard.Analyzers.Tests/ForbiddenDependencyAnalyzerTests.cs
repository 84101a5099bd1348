using System.Threading.Tasks;
using AgentGuard.Analyzers.GoldenRules;
using AgentGuard.Analyzers.Tests.Verification;
using AgentGuard.Testing;

namespace AgentGuard.Analyzers.Tests;

/// <summary>AG0003: a namespace that must not depend on another, through uses and using directives.</summary>
public class ForbiddenDependencyAnalyzerTests
{
    private const string Layers = """
        namespace Shop.Infrastructure
        {
            public class SqlStore { public void Save() { } }
            namespace Sql { public class Connection { } }
        }
        namespace Shop.Web { public class Page { } }
        """;

    private static Task Verify(string rules, string source) =>
        new GuardAnalyzerTest<ForbiddenDependencyAnalyzer>
        {
            Sources = { Layers, source },
            AdditionalFiles = { ("/repo/AGENTS.md", rules) },
        }.RunAsync();

    [Theory]
    [InlineData("- `Shop.Domain` must not depend on `Shop.Infrastructure`")]
    [InlineData("- Never reference `Shop.Infrastructure` from `Shop.Domain`")]
    [InlineData("- No references from `Shop.Domain` to `Shop.Infrastructure`")]
    [InlineData("- Keep the domain pure <!-- agentguard: forbid-dependency Shop.Domain -> Shop.Infrastructure -->")]
    public Task Use_and_using_of_the_forbidden_namespace_inside_the_namespace_are_reported(string rules) =>
        Verify(rules, """
            using {|AG0003:Shop.Infrastructure|};
            namespace Shop.Domain
            {
                class Order
                {
                    {|AG0003:SqlStore|} _store = new {|AG0003:SqlStore|}();
                    {|AG0003:Shop.Infrastructure.Sql.Connection|}? _connection;
                    void Save() => _store.Save();
                }
            }
            """);

    [Fact]
    public Task Code_outside_the_namespace_and_other_namespaces_are_not_reported() =>
        Verify("- `Shop.Domain` must not depend on `Shop.Infrastructure`", """
            using Shop.Infrastructure;
            namespace Shop.Api
            {
                class Controller
                {
                    SqlStore _store = new SqlStore();
                    Shop.Web.Page? _page;
                }
            }
            namespace Shop.DomainEvents
            {
                class Handler { SqlStore? _store; }
            }
            """);

    [Fact]
    public Task Nested_namespace_of_the_forbidding_side_is_inside_it() =>
        Verify("- `Shop.Domain` must not depend on `Shop.Web`", """
            namespace Shop.Domain.Orders
            {
                class Line { {|AG0003:Shop.Web.Page|}? _page; string Text => nameof(Line); }
            }
            """);

    [Fact]
    public async Task Message_names_the_used_symbol_both_sides_and_the_rule()
    {
        var test = new GuardAnalyzerTest<ForbiddenDependencyAnalyzer>
        {
            Sources = { Layers, "namespace Shop.Domain { class Order { {|#0:Shop.Web.Page|}? _page; } }" },
            AdditionalFiles = { ("/repo/AGENTS.md", "# Layers\n- `Shop.Domain` must not depend on `Shop.Web`\n") },
            BuildProperties = { ["AgentGuardRepositoryRoot"] = "/repo" },
            ExpectedDiagnostics =
            {
                GuardAnalyzerTest<ForbiddenDependencyAnalyzer>.DiagnosticWithArguments("AG0003", "Page", "Shop.Web", "Shop.Domain", "AGENTS.md", 2, "Shop.Domain must not depend on Shop.Web").WithLocation(0),
            },
        };

        await test.RunAsync();
    }
}

public class ForbiddenDependencyInTestsTests
{
    [Fact]
    public Task Test_projects_use_fixtures_across_layers_unless_a_rule_says_in_tests() =>
        new GuardAnalyzerTest<ForbiddenDependencyAnalyzer>
        {
            Sources =
            {
                "namespace Shop.Infrastructure { public class SqlFixture { } }",
                "namespace Shop.Domain.Tests { class OrderTests { Shop.Infrastructure.SqlFixture? _fixture; } }",
            },
            AdditionalFiles = { ("/repo/AGENTS.md", "- `Shop.Domain` must not depend on `Shop.Infrastructure`") },
            BuildProperties = { ["IsTestProject"] = "true" },
        }.RunAsync();
}

public class ForbiddenDependencyDeclarationTests
{
    private const string Infrastructure = """
        namespace Contoso.Orders.Infrastructure
        {
            public class OrderEntity { }
            public class Repository<T> { }
            public interface IStore { }
        }
        """;

    [Fact]
    public Task Every_declaration_typed_with_the_forbidden_namespace_is_reported() =>
        new GuardAnalyzerTest<ForbiddenDependencyAnalyzer>
        {
            Sources =
            {
                Infrastructure,
                """
                using {|AG0003:Contoso.Orders.Infrastructure|};

                namespace Contoso.Orders.Domain;

                public sealed class Order : {|AG0003:IStore|}
                {
                    private readonly {|AG0003:OrderEntity|}[] _rows = System.Array.Empty<{|AG0003:OrderEntity|}>();

                    public {|AG0003:OrderEntity|}? Entity { get; set; }

                    public System.Collections.Generic.List<{|AG0003:Repository<{|AG0003:OrderEntity|}>|}> Stores { get; } = new();

                    public {|AG0003:OrderEntity|} Load({|AG0003:OrderEntity|} template) => template;
                }

                public sealed record Line({|AG0003:Contoso.Orders.Infrastructure.OrderEntity|} Entity);
                """,
            },
            AdditionalFiles = { ("/repo/src/Domain/AGENTS.md", "# Domain\n\n- Code in `Contoso.Orders.Domain` must not depend on `Contoso.Orders.Infrastructure`.\n") },
            FileMetadata = { ["/repo/src/Domain/AGENTS.md"] = new() { ["build_metadata.AdditionalFiles.AgentGuardScopeFolder"] = "/0" } },
        }.RunAsync();
}
