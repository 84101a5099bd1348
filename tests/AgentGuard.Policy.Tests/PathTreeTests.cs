using System.Linq;
using Xunit;

namespace AgentGuard.Policy.Tests;

public sealed class PathTreeTests
{
    private static readonly PathTree Tree = new(new[]
    {
        "agentguard.json",
        "deploy/prod.yaml",
        "src/Shop/Migrations/0001_Init.cs",
        "src/Shop/Migrations/0002_Lines.cs",
        "src/Shop/Order.cs",
        "src/Billing/Generated/Client.g.cs",
        "tests/Shop.Tests/OrderTests.cs",
        "certs/dev.PFX",
    });

    [Theory]
    [InlineData("deploy/**", "", "deploy/prod.yaml")]
    [InlineData("deploy/", "", "deploy/prod.yaml")]
    [InlineData("*.pfx", "", "certs/dev.PFX")]
    [InlineData("src/*/Migrations/**", "", "src/Shop/Migrations/0001_Init.cs|src/Shop/Migrations/0002_Lines.cs")]
    [InlineData("Shop/Migrations/**", "src", "Shop/Migrations/0001_Init.cs|Shop/Migrations/0002_Lines.cs")]
    [InlineData("Migrations/**", "src/Shop", "Migrations/0001_Init.cs|Migrations/0002_Lines.cs")]
    [InlineData("**/*.g.cs", "", "src/Billing/Generated/Client.g.cs")]
    [InlineData("src/Shop/Order.cs", "", "src/Shop/Order.cs")]
    [InlineData("infra/**", "", "")]
    [InlineData("deploy/**", "src", "")]
    public void Globs_match_the_paths_under_a_folder_of_the_tree_as_the_matcher_reads_them(string glob, string folder, string expected)
    {
        var matches = PathGlob.Parse(glob).Matches(Tree, folder).OrderBy(path => path, System.StringComparer.Ordinal);

        Assert.Equal(expected, string.Join("|", matches));
    }

    [Fact]
    public void The_tree_agrees_with_matching_path_by_path()
    {
        foreach (var glob in new[] { "deploy/**", "*.pfx", "src/*/Migrations/**", "**/*.g.cs", "src/**/*.cs", "tests/" })
        {
            var parsed = PathGlob.Parse(glob);
            var one = new[] { "agentguard.json", "deploy/prod.yaml", "src/Shop/Migrations/0001_Init.cs", "src/Shop/Migrations/0002_Lines.cs", "src/Shop/Order.cs", "src/Billing/Generated/Client.g.cs", "tests/Shop.Tests/OrderTests.cs", "certs/dev.PFX" }
                .Where(parsed.IsMatch).OrderBy(path => path, System.StringComparer.Ordinal);

            Assert.Equal(one, parsed.Matches(Tree).OrderBy(path => path, System.StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Paths_that_climb_or_are_absolute_are_left_out()
    {
        var tree = new PathTree(new[] { "../outside.cs", "/etc/passwd", "a/./b.cs", "ok.cs", "ok.cs", "" });

        Assert.Equal(1, tree.Count);
    }
}
