using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AgentGuard.Analyzers.GoldenRules;
using AgentGuard.Policy;
using AgentGuard.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AgentGuard.Analyzers.Tests;

/// <summary>The golden rules of a compilation are collected once and shared by every analyzer that asks.</summary>
public class SharedContextTests
{
    private static AnalyzerOptions Options(string rules) => new(
        ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/repo/CLAUDE.md", SourceText.From(rules))),
        new DictionaryOptionsProvider(new Dictionary<string, string>(), new Dictionary<string, Dictionary<string, string>>()));

    private static bool Parse(SourceText text, SourceTextValueProvider<RuleFile> provider, out RuleFile? rules)
    {
        rules = RuleFileReader.Read(text.ToString());
        return true;
    }

    [Fact]
    public void One_rule_context_serves_every_analyzer_of_a_compilation_and_new_rule_text_gets_its_own()
    {
        var compilation = CSharpCompilation.Create("Shop", new[] { CSharpSyntaxTree.ParseText("class Cart { }", path: "/repo/src/Cart.cs") });
        var options = Options("- Never use `DateTime.Now`\n");

        var first = RuleContext.Create(compilation, options, Parse, CancellationToken.None);
        var second = RuleContext.Create(compilation, options, Parse, CancellationToken.None);
        var edited = RuleContext.Create(compilation, Options("- Never use `DateTime.UtcNow`\n"), Parse, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Same(first, second);
        Assert.NotSame(first, edited);
        Assert.NotSame(first, RuleContext.Create(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Order { }", path: "/repo/src/Order.cs")), options, Parse, CancellationToken.None));
    }
}
