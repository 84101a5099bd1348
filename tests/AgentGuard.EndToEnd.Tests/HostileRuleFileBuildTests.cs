using System.Linq;
using AgentGuard.EndToEnd.Tests.Infrastructure;

namespace AgentGuard.EndToEnd.Tests;

/// <summary>
/// A rule file that a careless edit or a hostile change filled with nesting neither crashes the build nor switches the
/// file's other rules off: the bad line is AG0011 on its line and the ban beside it still fails the build.
/// </summary>
[Collection(PackedPackageCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class HostileRuleFileBuildTests
{
    private const string Project = "src/Clock/Clock.csproj";

    private readonly PackedPackage _package;

    public HostileRuleFileBuildTests(PackedPackage package) => _package = package;

    public static TheoryData<string, string> HostileBullets => new()
    {
        { "asterisks", "- Never use " + new string('*', 200_000) + "a" + new string('*', 200_000) },
        { "nesting", "- Never use " + string.Concat(Enumerable.Repeat("*a _", 20_000)) + "x" + string.Concat(Enumerable.Repeat("_ *", 20_000)) },
    };

    [Theory]
    [MemberData(nameof(HostileBullets))]
    public void Hostile_bullet_is_reported_on_its_line_and_the_ban_beside_it_is_enforced(string name, string bullet)
    {
        using var repository = ConsumerRepository.Create(_package, "hostile-" + name);
        repository
            .Write("CLAUDE.md", "# Rules\n\n- Never use `DateTime.Now` — use `TimeProvider`\n" + bullet + "\n- Don't call `Environment.Exit`\n")
            .WriteProject(Project)
            .Write("src/Clock/Clock.cs", """
                namespace Clock;

                public static class Wall
                {
                    public static System.DateTime Read() => System.DateTime.Now;

                    public static void Stop() => System.Environment.Exit(1);
                }
                """);

        var result = repository.Build(Project);

        // Exit code 1 is a build that failed on its errors; a crashed compiler or MSBuild node ends otherwise.
        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("Stack overflow", result.Output);
        Assert.DoesNotContain("AD0001", result.Output);
        Assert.Equal(
            new[]
            {
                "AG0001 error src/Clock/Clock.cs:5",
                "AG0001 error src/Clock/Clock.cs:7",
                "AG0011 warning CLAUDE.md:4",
            },
            result.AgentGuardFindingsWithSeverity);
        Assert.Contains("CLAUDE.md line 4 could not be read (its Markdown nests", result.Diagnostics.Single(d => d.Id == "AG0011").Message);
    }
}
