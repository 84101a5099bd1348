using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AgentGuard.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace AgentGuard.Analyzers.Tests.Verification;

/// <summary>
/// An analyzer test of Microsoft.CodeAnalysis.Testing set up as a user's project is: C# latest with nullable
/// reference types, the net10.0 reference pack, and the build's properties and per-file metadata handed to the
/// compiler in a real global analyzer config file, as the SDK's generated <c>.editorconfig</c> does.
/// Sources and additional files take the library's markup (<c>{|AG0001:DateTime.Now|}</c>, <c>{|#0:...|}</c>).
/// </summary>
public sealed class GuardAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public GuardAnalyzerTest()
    {
        // The SDK's own reference pack, read from disk: nothing is downloaded while tests run.
        ReferenceAssemblies = new ReferenceAssemblies(FrameworkReferences.TargetFramework);
        TestState.AdditionalReferences.AddRange(FrameworkReferences.Net.Value);

        // The library re-runs each test with '#pragma warning disable <the expected IDs>' above each source and expects
        // every finding that can be configured to go. The suppression check's findings are about pragmas themselves
        // (AG1004, AG1005), so that round does not apply to it.
        if (typeof(TAnalyzer) == typeof(Builtins.SuppressionAnalyzer))
        {
            TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        }
    }

    /// <summary>C# sources; without a name they are <c>/0/Test0.cs</c>, <c>/0/Test1.cs</c>, ...</summary>
    public SourceFileList Sources => TestState.Sources;

    /// <summary>Additional files (rule files, baselines) by path; markup marks what is reported on them.</summary>
    public SourceFileCollection AdditionalFiles => TestState.AdditionalFiles;

    /// <summary>MSBuild properties the build hands the analyzers (<c>build_property.*</c>), written to the global config.</summary>
    public Dictionary<string, string> BuildProperties { get; } = new();

    /// <summary>Item metadata by file path (<c>build_metadata.AdditionalFiles.AgentGuardRuleFile</c>), written to the global config.</summary>
    public Dictionary<string, Dictionary<string, string>> FileMetadata { get; } = new();

    /// <summary>Assemblies to reference besides the framework (a test framework, a library a rule names).</summary>
    public List<string> ExtraReferences { get; } = new();

    /// <summary>Adds <paramref name="text"/> as the repository's root <c>.editorconfig</c>.</summary>
    public GuardAnalyzerTest<TAnalyzer> WithEditorConfig(string text)
    {
        TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n" + text));
        return this;
    }

    /// <summary>
    /// An expected diagnostic of this analyzer at its descriptor's default severity. Its message is checked once the
    /// test gives one (<c>WithMessage</c>, or <see cref="DiagnosticWithArguments"/>); its additional locations once the
    /// test names them (<c>WithOptions(DiagnosticOptions.None)</c> and more <c>WithLocation</c> calls).
    /// </summary>
    public static DiagnosticResult Diagnostic(string id) =>
        new DiagnosticResult(id, Descriptor(id).DefaultSeverity).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    /// <summary>An expected diagnostic whose message is the descriptor's format filled with <paramref name="arguments"/>.</summary>
    public static DiagnosticResult DiagnosticWithArguments(string id, params object[] arguments) =>
        Diagnostic(id).WithMessageFormat(Descriptor(id).MessageFormat).WithArguments(arguments);

    private static DiagnosticDescriptor Descriptor(string id) =>
        new TAnalyzer().SupportedDiagnostics.Single(d => d.Id == id);

    /// <summary>Markup-only convenience: the sources and rule files, with the expectations in their markup.</summary>
    public static Task VerifyAsync(string source, params (string Path, string Markup)[] additionalFiles)
    {
        var test = new GuardAnalyzerTest<TAnalyzer> { Sources = { source } };
        foreach (var file in additionalFiles)
        {
            test.AdditionalFiles.Add(file);
        }

        return test.RunAsync();
    }

    protected override async Task RunImplAsync(CancellationToken cancellationToken)
    {
        if (!_prepared)
        {
            _prepared = true;
            if (BuildProperties.Count > 0 || FileMetadata.Count > 0)
            {
                TestState.AnalyzerConfigFiles.Add(("/agentguard.test.globalconfig", GlobalConfig()));
            }

            TestState.AdditionalReferences.AddRange(ExtraReferences.Select(path => MetadataReference.CreateFromFile(path)));
        }

        await base.RunImplAsync(cancellationToken);
    }

    private bool _prepared;

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions())
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithAllowUnsafe(true);

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>The global config the SDK writes for a build: properties first, then one section per file.</summary>
    private string GlobalConfig()
    {
        var text = new StringBuilder("is_global = true\n");
        foreach (var (key, value) in BuildProperties)
        {
            text.Append("build_property.").Append(key).Append(" = ").Append(value).Append('\n');
        }

        foreach (var (path, metadata) in FileMetadata)
        {
            text.Append("\n[").Append(path).Append("]\n");
            foreach (var (key, value) in metadata)
            {
                text.Append(key).Append(" = ").Append(value).Append('\n');
            }
        }

        return text.ToString();
    }
}
