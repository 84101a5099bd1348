using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace AgentGuard.Testing;

/// <summary>
/// Compiles C# sources with the given additional files, runs one analyzer and compares its diagnostics with the
/// markup in the sources and additional files. Fails on any analyzer exception (AD0001) and on compile errors.
/// </summary>
public sealed class AnalyzerTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{

    /// <summary>C# sources with markup; named <c>/src/Test0.cs</c>, <c>/src/Test1.cs</c>, ...</summary>
    public List<string> Sources { get; } = new();

    /// <summary>Sources with an explicit path (e.g. <c>/src/Client.g.cs</c>), with markup.</summary>
    public List<(string Path, string Markup)> NamedSources { get; } = new();

    /// <summary>Additional files (rule files) by path, with markup for diagnostics reported on them.</summary>
    public List<(string Path, string Markup)> AdditionalFiles { get; } = new();

    /// <summary>Additional files whose text is given as is: binary, BOM-prefixed or huge content.</summary>
    public List<(string Path, SourceText Text)> RawAdditionalFiles { get; } = new();

    /// <summary><c>build_property.*</c> and other global analyzer config options.</summary>
    public Dictionary<string, string> GlobalOptions { get; } = new();

    /// <summary>Per-file analyzer config options, by path (e.g. <c>build_metadata.AdditionalFiles.AgentGuardRuleFile</c>).</summary>
    public Dictionary<string, Dictionary<string, string>> FileOptions { get; } = new();

    /// <summary>The ID that <c>[|...|]</c> markup stands for.</summary>
    public string? DefaultId { get; set; }

    /// <summary>IDs the project switches off, as <c>NoWarn</c> does.</summary>
    public HashSet<string> NoWarn { get; } = new();

    /// <summary>Expected severity per diagnostic ID, when a test pins it.</summary>
    public Dictionary<string, DiagnosticSeverity> ExpectedSeverities { get; } = new();

    /// <summary>Assemblies to reference besides the framework (a test framework, a library a rule names).</summary>
    public List<string> ExtraReferences { get; } = new();

    /// <summary>Compiler errors the test source may contain on purpose (by ID).</summary>
    public HashSet<string> AllowedCompilerErrors { get; } = new();

    /// <summary>The diagnostics of the last run, for assertions beyond spans (messages, locations).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; private set; }

    public static Task VerifyAsync(string source, params (string Path, string Markup)[] additionalFiles)
    {
        var test = new AnalyzerTest<TAnalyzer> { Sources = { source } };
        test.AdditionalFiles.AddRange(additionalFiles);
        return test.RunAsync();
    }

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var expected = new List<(string Path, ExpectedSpan Span)>();
        var trees = new List<SyntaxTree>();
        var named = Sources.Select((markup, i) => ($"/src/Test{i}.cs", markup)).Concat(NamedSources);
        foreach (var (path, markup) in named)
        {
            var (text, spans) = Markup.Parse(markup, DefaultId);
            expected.AddRange(spans.Select(span => (path, span)));
            trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(text), new CSharpParseOptions(LanguageVersion.Latest), path, cancellationToken));
        }

        var additional = new List<AdditionalText>();
        foreach (var (path, markup) in AdditionalFiles)
        {
            var (text, spans) = Markup.Parse(markup, DefaultId);
            expected.AddRange(spans.Select(span => (path, span)));
            additional.Add(new InMemoryAdditionalText(path, SourceText.From(text)));
        }

        additional.AddRange(RawAdditionalFiles.Select(file => new InMemoryAdditionalText(file.Path, file.Text)));
        Diagnostics = await Analyze(trees, additional, cancellationToken);

        var crashes = Diagnostics.Where(d => d.Id == "AD0001").ToList();
        Assert.True(crashes.Count == 0, "The analyzer threw: " + string.Join(Environment.NewLine, crashes));

        var actual = Diagnostics
            .Where(d => SupportedIds.Contains(d.Id))
            .Select(d => (Path: d.Location.GetLineSpan().Path, Span: new ExpectedSpan(d.Id, d.Location.SourceSpan)))
            .ToList();
        var missing = expected.Except(actual).ToList();
        var unexpected = actual.Except(expected).ToList();
        Assert.True(
            missing.Count == 0 && unexpected.Count == 0,
            "Diagnostics differ from the markup." + Environment.NewLine
            + "Missing: " + Describe(missing, trees, additional) + Environment.NewLine
            + "Unexpected: " + Describe(unexpected, trees, additional) + Environment.NewLine
            + "All reported: " + string.Join(Environment.NewLine, Diagnostics));

        foreach (var (id, severity) in ExpectedSeverities)
        {
            Assert.All(Diagnostics.Where(d => d.Id == id), d => Assert.Equal(severity, d.Severity));
        }
    }

    private static ImmutableHashSet<string> SupportedIds { get; } =
        new TAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToImmutableHashSet();

    private async Task<ImmutableArray<Diagnostic>> Analyze(List<SyntaxTree> trees, List<AdditionalText> additional, CancellationToken cancellationToken)
    {
        var compilation = CSharpCompilation.Create(
            "TestProject",
            trees,
            ReferenceAssemblies.Net.Value.AddRange(ExtraReferences.Select(path => MetadataReference.CreateFromFile(path))),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true)
                .WithSpecificDiagnosticOptions(NoWarn.Select(id => new KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Suppress))));

        var compileErrors = compilation.GetDiagnostics(cancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error && !AllowedCompilerErrors.Contains(d.Id))
            .ToList();
        Assert.True(compileErrors.Count == 0, "The test source does not compile: " + string.Join(Environment.NewLine, compileErrors));

        var options = new AnalyzerOptions(additional.ToImmutableArray(), new DictionaryOptionsProvider(GlobalOptions, FileOptions));
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()),
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
    }

    /// <summary>Runs the analyzer over one compilation and returns its diagnostics, for tests that build compilations themselves.</summary>
    public static Task<ImmutableArray<Diagnostic>> AnalyzeCompilationAsync(Compilation compilation, AnalyzerOptions options) =>
        compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()), options).GetAnalyzerDiagnosticsAsync();

    /// <summary>A compilation of <paramref name="sources"/> against the running framework's reference assemblies.</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "TestProject",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, path: $"/src/Test{i}.cs")),
            ReferenceAssemblies.Net.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static string Describe(List<(string Path, ExpectedSpan Span)> items, List<SyntaxTree> trees, List<AdditionalText> additional)
    {
        if (items.Count == 0)
        {
            return "none";
        }

        return string.Join("; ", items.Select(item =>
        {
            var text = trees.FirstOrDefault(t => t.FilePath == item.Path)?.GetText()
                ?? additional.FirstOrDefault(a => a.Path == item.Path)?.GetText();
            var snippet = text == null || item.Span.Span.End > text.Length ? "?" : text.ToString(item.Span.Span);
            var line = text == null || item.Span.Span.End > text.Length ? 0 : text.Lines.GetLinePosition(item.Span.Span.Start).Line + 1;
            return $"{item.Span.Id} at {item.Path}:{line} '{snippet}'";
        }));
    }
}
