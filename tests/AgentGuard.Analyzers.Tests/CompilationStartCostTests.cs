using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AgentGuard.Analyzers.Builtins;
using AgentGuard.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AgentGuard.Analyzers.Tests;

/// <summary>
/// At compilation start the analyzers decide what they will look at without reading the compilation's references: the
/// compiler binds them itself as it starts, and an analyzer that asks first pays for it (about 40 ms in a new compiler
/// process). Each reference counts how often its metadata is read while every analyzer's compilation-start actions run.
/// </summary>
public class CompilationStartCostTests
{
    private const string Source = """
        namespace Shop;

        public sealed class Order
        {
            public void Place() { }
        }
        """;

    public static TheoryData<bool> Projects() => new() { false, true };

    [Theory]
    [MemberData(nameof(Projects))]
    public void No_analyzer_reads_the_references_at_compilation_start(bool testProject)
    {
        var references = FrameworkReferences.Net.Value.Cast<PortableExecutableReference>()
            .Concat(testProject ? new[] { MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location) } : Array.Empty<PortableExecutableReference>())
            .Select(reference => new CountingReference(reference))
            .ToList();
        var compilation = CSharpCompilation.Create(
            testProject ? "Shop.Tests" : "Shop",
            new[] { CSharpSyntaxTree.ParseText(Source, path: "/src/Order.cs") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new AnalyzerOptions(
            ImmutableArray<AdditionalText>.Empty,
            new DictionaryOptionsProvider(new Dictionary<string, string>(), new Dictionary<string, Dictionary<string, string>>()));

        var registered = new Dictionary<string, int>();
        var readers = new List<string>();
        foreach (var analyzer in AllAnalyzers())
        {
            var context = new StartActions();
            analyzer.Initialize(context);
            var start = new RecordingStart(compilation, options);
            foreach (var action in context.CompilationStart)
            {
                action(start);
            }

            registered[analyzer.GetType().Name] = start.Registered;
            readers.Add($"{analyzer.GetType().Name}={references.Sum(reference => reference.Reads)}");
        }

        Assert.True(references.Sum(reference => reference.Reads) == 0, string.Join(", ", readers));
        Assert.True(registered.Count >= 13, string.Join(", ", registered.Keys));
        Assert.True(registered[nameof(StubBodyAnalyzer)] > 0);
        Assert.True(registered[nameof(SwallowedExceptionAnalyzer)] > 0);
        Assert.Equal(testProject, registered[nameof(SkippedTestAnalyzer)] > 0);
        Assert.Equal(testProject, registered[nameof(TestAssertionAnalyzer)] > 0);
    }

    [Fact]
    public void The_counting_references_see_a_lookup_that_binds_them()
    {
        var references = FrameworkReferences.Net.Value.Cast<PortableExecutableReference>().Select(reference => new CountingReference(reference)).ToList();
        var compilation = CSharpCompilation.Create("Shop", Array.Empty<SyntaxTree>(), references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        Assert.NotNull(compilation.GetTypeByMetadataName("System.Exception"));
        Assert.True(references.Sum(reference => reference.Reads) > 0);
    }

    [Fact]
    public void A_framework_under_another_file_name_counts_in_a_project_that_is_a_test_project()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "agentguard-renamed-framework");
        System.IO.Directory.CreateDirectory(folder);
        var renamed = System.IO.Path.Combine(folder, "Contoso.Testing.dll");
        System.IO.File.Copy(typeof(FactAttribute).Assembly.Location, renamed, overwrite: true);
        var compilation = CSharpCompilation.Create(
            "Shop",
            Array.Empty<SyntaxTree>(),
            FrameworkReferences.Net.Value.Add(MetadataReference.CreateFromFile(renamed)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        Assert.False(TestFrameworks.CanHoldTests(compilation, isTestProject: false));
        Assert.True(TestFrameworks.CanHoldTests(compilation, isTestProject: true));
    }

    [Fact]
    public void A_test_attribute_declared_in_source_is_looked_up_in_the_bound_references()
    {
        var compilation = CSharpCompilation.Create(
            "Shop",
            new[] { CSharpSyntaxTree.ParseText("namespace Xunit { public class FactAttribute : System.Attribute { } }", path: "/src/Fact.cs") },
            FrameworkReferences.Net.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        Assert.True(TestFrameworks.CanHoldTests(compilation, isTestProject: false));
        Assert.False(TestFrameworks.CanHoldTests(compilation.RemoveAllSyntaxTrees(), isTestProject: false));
    }

    [Fact]
    public void A_reference_without_a_file_name_is_told_by_its_bound_assembly()
    {
        var image = System.IO.File.ReadAllBytes(typeof(FactAttribute).Assembly.Location);
        var compilation = CSharpCompilation.Create(
            "Shop",
            Array.Empty<SyntaxTree>(),
            FrameworkReferences.Net.Value.Add(MetadataReference.CreateFromImage(image)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        Assert.Null(TestFrameworks.References(compilation, new[] { "xunit.core" }));
        Assert.True(TestFrameworks.CanHoldTests(compilation, isTestProject: false));
    }

    private static IEnumerable<DiagnosticAnalyzer> AllAnalyzers() =>
        typeof(TestFrameworks).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) != null)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!);

    private sealed class CountingReference : PortableExecutableReference
    {
        private readonly PortableExecutableReference _inner;
        private int _reads;

        public CountingReference(PortableExecutableReference inner)
            : base(inner.Properties, inner.FilePath)
        {
            _inner = inner;
        }

        public int Reads => _reads;

        protected override Metadata GetMetadataImpl()
        {
            Interlocked.Increment(ref _reads);
            return _inner.GetMetadata();
        }

        protected override DocumentationProvider CreateDocumentationProvider() => DocumentationProvider.Default;

        protected override PortableExecutableReference WithPropertiesImpl(MetadataReferenceProperties properties) => new CountingReference(_inner.WithProperties(properties));
    }

    private sealed class StartActions : AnalysisContext
    {
        public List<Action<CompilationStartAnalysisContext>> CompilationStart { get; } = new();

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => CompilationStart.Add(action);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) { }

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) { }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) { }

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) { }

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) { }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) { }

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) { }

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) { }

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) { }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) { }

        public override void EnableConcurrentExecution() { }
    }

    private sealed class RecordingStart : CompilationStartAnalysisContext
    {
        public RecordingStart(Compilation compilation, AnalyzerOptions options)
            : base(compilation, options, CancellationToken.None)
        {
        }

        public int Registered { get; private set; }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => Registered++;

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Registered++;

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Registered++;

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Registered++;

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Registered++;

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Registered++;

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => Registered++;

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => Registered++;

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Registered++;

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => Registered++;
    }
}
