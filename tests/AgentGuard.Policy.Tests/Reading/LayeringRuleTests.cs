using System.Linq;
using AgentGuard.Policy;

namespace AgentGuard.Policy.Tests.Reading;

/// <summary>Layering rules as teams write them become one forbidden dependency; look-alikes forbid none.</summary>
public class LayeringRuleTests
{
    private static string[] Dependencies(string bullet) =>
        RuleFileReader.Read(bullet + "\n").Rules.SelectMany(rule => rule.Dependencies).Select(d => d.From + " -/-> " + d.To).ToArray();

    [Theory]
    [InlineData("- Code in `Shop.Domain` must not depend on `Shop.Infrastructure`.")]
    [InlineData("- `Shop.Domain` must not reference `Shop.Infrastructure`")]
    [InlineData("- The domain layer (`Shop.Domain`) must not depend on `Shop.Infrastructure`.")]
    [InlineData("- Types in `Shop.Domain` must never reference `Shop.Infrastructure`")]
    [InlineData("- `Shop.Domain` should not take a dependency on `Shop.Infrastructure`")]
    [InlineData("- `Shop.Domain` must not have any references to `Shop.Infrastructure`")]
    [InlineData("- Never reference `Shop.Infrastructure` from `Shop.Domain`")]
    [InlineData("- No references from `Shop.Domain` to `Shop.Infrastructure`")]
    public void Layering_rule_forbids_the_dependency(string bullet)
    {
        Assert.Equal(new[] { "Shop.Domain -/-> Shop.Infrastructure" }, Dependencies(bullet));
    }

    [Theory]
    [InlineData("- `Shop.Domain` depends on `Shop.Infrastructure` through interfaces")]
    [InlineData("- Code in `Shop.Domain` may depend on `Shop.Contracts`")]
    [InlineData("- The web layer (`Shop.Web`) calls the API")]
    [InlineData("- Keep `Shop.Domain` free of framework code")]
    public void Description_of_a_dependency_forbids_nothing(string bullet)
    {
        Assert.Empty(Dependencies(bullet));
    }
}

/// <summary>A rule the analyzers cannot apply precisely bans nothing: they cannot tell new code from old, or pick out some code.</summary>
public class LimitedRuleTests
{
    private static string[] Banned(string bullet) =>
        RuleFileReader.Read(bullet + "\n").Rules.SelectMany(rule => rule.BannedTargets).Select(target => target.Text).ToArray();

    [Theory]
    [InlineData("- Never use `Legacy.Data.SqlGateway` in new code")]
    [InlineData("- Don't use `OptionDefinitions` static classes for new commands")]
    [InlineData("## Legacy patterns to avoid\n- `OptionDefinitions` static classes")]
    [InlineData("- Mutating actions must use `HttpPost`, never `HttpGet`")]
    [InlineData("- Do not add new references to `OpenTelemetry` packages")]
    [InlineData("- Use `new ()`, not `new TypeName()`")]
    public void Rule_limited_to_code_the_analyzers_cannot_pick_out_bans_nothing(string markdown)
    {
        Assert.Empty(Banned(markdown));
    }

    [Theory]
    [InlineData("- Use `\"\"` not `string.Empty`", "string.Empty")]
    [InlineData("- **Always use `System.Text.Json`** over `Newtonsoft.Json`", "Newtonsoft.Json")]
    public void What_a_rule_names_as_the_wrong_choice_is_banned(string markdown, string banned)
    {
        Assert.Contains(banned, Banned(markdown));
    }
}
