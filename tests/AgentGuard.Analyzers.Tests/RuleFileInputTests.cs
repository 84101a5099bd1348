using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using AgentGuard.Analyzers.GoldenRules;
using AgentGuard.Analyzers.RuleFiles;
using AgentGuard.Policy;
using AgentGuard.Analyzers.Tests.Verification;
using AgentGuard.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AgentGuard.Analyzers.Tests;

/// <summary>Whatever a rule file holds, the analyzer never throws (no AD0001) and reads what can be read.</summary>
public class RuleFileInputTests
{
    private const string UsesNow = "class Clock { System.DateTime Stamp() => System.DateTime.Now; }";
    private const string ExpectsNow = "class Clock { System.DateTime Stamp() => {|AG0001:System.DateTime.Now|}; }";

    private static Task Run(string source, SourceText? ruleText)
    {
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer> { Sources = { source } };
        if (ruleText != null)
        {
            test.AdditionalFiles.Add(("/repo/CLAUDE.md", ruleText));
        }
        else
        {
            test.AdditionalFiles.Add(("/repo/AGENTS.md", string.Empty));
        }

        return test.RunAsync();
    }

    [Fact]
    public Task Empty_rule_file_reports_nothing() => Run(UsesNow, SourceText.From(string.Empty));

    [Fact]
    public async Task Rule_file_that_cannot_be_read_bans_nothing()
    {
        var options = new AnalyzerOptions(
            ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/repo/CLAUDE.md", null)),
            new DictionaryOptionsProvider(new Dictionary<string, string>(), new Dictionary<string, Dictionary<string, string>>()));

        var diagnostics = await TestCompilation.AnalyzeAsync(TestCompilation.Create(UsesNow), options, new BannedSymbolAnalyzer());

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Rule_file_the_compiler_cannot_read_is_reported_not_skipped()
    {
        var unreadable = new InMemoryAdditionalText("/repo/CLAUDE.md", null);
        var options = new AnalyzerOptions(
            ImmutableArray.Create<AdditionalText>(unreadable),
            new DictionaryOptionsProvider(new Dictionary<string, string>(), new Dictionary<string, Dictionary<string, string>>()));
        var compilation = TestCompilation.Create("class Empty { }");

        var diagnostics = await TestCompilation.AnalyzeAsync(compilation, options, new RuleFileAnalyzer());

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("AG0011", diagnostic.Id);
        Assert.Equal("/repo/CLAUDE.md", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal("Golden rule not enforced: CLAUDE.md could not be read (the compiler could not read the file); none of its rules are enforced", diagnostic.GetMessage());
    }

    [Fact]
    public Task Binary_rule_file_reports_nothing()
    {
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 256)).ToArray();
        return Run(UsesNow, SourceText.From(bytes, bytes.Length, Encoding.UTF8));
    }

    [Fact]
    public Task Rule_file_with_a_byte_order_mark_is_read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("- Never use `DateTime.Now`\n")).ToArray();
        return Run(ExpectsNow, SourceText.From(bytes, bytes.Length));
    }

    [Fact]
    public Task Rule_file_whose_text_starts_with_a_byte_order_mark_character_is_read() =>
        Run(ExpectsNow, SourceText.From("\uFEFF- Never use `DateTime.Now`\n"));

    [Fact]
    public async Task Rule_file_with_crlf_line_endings_points_at_the_right_line()
    {
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer> { Sources = { ExpectsNow } };
        test.AdditionalFiles.Add(("/repo/CLAUDE.md", SourceText.From("# Rules\r\n\r\n## Time\r\n- Never use `DateTime.Now`\r\n")));

        test.DiagnosticVerifier = (actual, _, _) =>
        {
            Assert.Contains("CLAUDE.md line 4", actual.GetMessage());
            Assert.Equal(3, actual.AdditionalLocations[0].GetLineSpan().StartLinePosition.Line);
        };

        await test.RunAsync();
    }

    [Fact]
    public Task Large_rule_file_is_read_to_its_last_rule()
    {
        var builder = new StringBuilder();
        for (var i = 0; builder.Length < ReadLimits.MaxFileLength - 100; i++)
        {
            builder.Append("- Keep the layering of module ").Append(i).Append(" as the architecture notes describe it\n");
        }

        builder.Append("- Never use `DateTime.Now`\n");
        return Run(ExpectsNow, SourceText.From(builder.ToString()));
    }

    [Fact]
    public Task Rule_file_of_unbalanced_markdown_is_read_as_far_as_it_reads() =>
        Run(ExpectsNow, SourceText.From("- Never use `DateTime.Now\n> ```\n- [ ] **Don't _use `\n<!-- agentguard:\n|a|b|\n|-|\n" + new string('`', 5000)));

    [Fact]
    public async Task Unchanged_rule_text_is_parsed_once_across_compilations()
    {
        // The reader takes the whole text once per parse; the text counts how often it is taken.
        var text = new CountingText(SourceText.From("- Never use `Environment.Exit`\n- Don't call `GC.Collect`\n"));
        var rules = new InMemoryAdditionalText("/repo/CLAUDE.md", text);
        var options = new AnalyzerOptions(
            ImmutableArray.Create<AdditionalText>(rules),
            new DictionaryOptionsProvider(new Dictionary<string, string>(), new Dictionary<string, Dictionary<string, string>>()));

        for (var edit = 0; edit < 3; edit++)
        {
            var compilation = TestCompilation.Create($"class Shutdown{edit} {{ void Stop() => System.Environment.Exit({edit}); }}");
            var diagnostics = await TestCompilation.AnalyzeAsync(compilation, options, new BannedSymbolAnalyzer());
            Assert.Single(diagnostics, d => d.Id == "AG0001");
        }

        Assert.Equal(1, text.WholeTextReads);
    }

    /// <summary>A rule text that counts how often its whole content is taken as one string, as a parse takes it.</summary>
    private sealed class CountingText : SourceText
    {
        private readonly SourceText _inner;
        private int _wholeTextReads;

        public CountingText(SourceText inner) => _inner = inner;

        public int WholeTextReads => System.Threading.Volatile.Read(ref _wholeTextReads);

        public override char this[int position] => _inner[position];

        public override System.Text.Encoding? Encoding => _inner.Encoding;

        public override int Length => _inner.Length;

        public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count) => _inner.CopyTo(sourceIndex, destination, destinationIndex, count);

        public override string ToString()
        {
            System.Threading.Interlocked.Increment(ref _wholeTextReads);
            return _inner.ToString();
        }
    }
}
