using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace AgentGuard.EndToEnd.Tests.Infrastructure;

/// <summary>One diagnostic line of <c>dotnet build</c> output; <see cref="File"/> is relative to the repository, with '/'.</summary>
public sealed record BuildDiagnostic(string Id, string Severity, string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}): {Severity} {Id}: {Message}";
}

public sealed record BuildResult(int ExitCode, string Output, IReadOnlyList<BuildDiagnostic> Diagnostics)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The AgentGuard diagnostics as "ID file:line", sorted: what the tests compare.</summary>
    public IReadOnlyList<string> AgentGuardFindings =>
        Diagnostics.Where(d => d.Id.StartsWith("AG", StringComparison.Ordinal))
            .Select(d => $"{d.Id} {d.File}:{d.Line}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

    /// <summary>The AgentGuard diagnostics as "ID severity file:line", sorted.</summary>
    public IReadOnlyList<string> AgentGuardFindingsWithSeverity =>
        Diagnostics.Where(d => d.Id.StartsWith("AG", StringComparison.Ordinal))
            .Select(d => $"{d.Id} {d.Severity} {d.File}:{d.Line}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
}

/// <summary>
/// A throw-away git repository with a consumer project, built with <c>dotnet build</c> against the packed
/// package, exactly as a user's repository would be.
/// </summary>
public sealed class ConsumerRepository : IDisposable
{
    private static readonly Regex DiagnosticLine = new(
        @"^(?<file>[^\s(][^\r\n(]*?)(?:\((?<line>\d+),(?<column>\d+)(?:,\d+,\d+)?\))? ?: (?<severity>error|warning) (?<id>[A-Z]+\d+): (?<message>.*?)(?: \(https?://[^)]*\))?(?: \[[^\]]+\])?$",
        RegexOptions.Multiline);

    private readonly PackedPackage _package;

    private ConsumerRepository(PackedPackage package, string root)
    {
        _package = package;
        Root = root;
    }

    public string Root { get; }

    /// <summary>Creates <paramref name="name"/> under the run's work folder, as a git repository with a nuget.config for the feed.</summary>
    /// <param name="useMachineSources">Keep the machine's package sources (for consumers that need xunit and the like).</param>
    public static ConsumerRepository Create(PackedPackage package, string name, string? repositoryFolder = null, bool useMachineSources = false)
    {
        var container = Path.Combine(package.WorkFolder, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        var root = repositoryFolder == null ? container : Path.Combine(container, repositoryFolder);
        Directory.CreateDirectory(root);
        var repository = new ConsumerRepository(package, root);
        repository.Git("init", "-q", "-b", "main");
        repository.Git("config", "user.email", "dev@example.com");
        repository.Git("config", "user.name", "Dev");
        repository.Git("config", "commit.gpgsign", "false");
        repository.Write(".gitignore", "bin/\nobj/\n");
        repository.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                {(useMachineSources ? string.Empty : "<clear />")}
                <add key="agentguard-e2e" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);
        return repository;
    }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public ConsumerRepository Write(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return this;
    }

    /// <summary>Writes an SDK-style net10.0 class library that references the package as a user adds it.</summary>
    public ConsumerRepository WriteProject(string relativePath, string extraProperties = "", string extraElements = "")
    {
        return Write(relativePath, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AgentGuard.Analyzers" Version="{_package.Version}" PrivateAssets="all" />
              </ItemGroup>
            {extraElements}
            </Project>
            """);
    }

    public BuildResult Build(string relativeProjectPath, params string[] extraArguments) =>
        BuildWithEnvironment(relativeProjectPath, null, extraArguments);

    /// <summary>
    /// Builds with CI's variables as <paramref name="environment"/> sets them (null: none of them, local mode), so that
    /// the machine running the tests never decides the mode.
    /// </summary>
    public BuildResult BuildWithEnvironment(string relativeProjectPath, IDictionary<string, string?>? environment, params string[] extraArguments)
    {
        var arguments = new List<string>
        {
            "build", PathOf(relativeProjectPath), "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false",
        };
        arguments.AddRange(extraArguments);
        var result = ProcessRunner.Run("dotnet", arguments, Root, Variables(environment));
        return new BuildResult(result.ExitCode, result.Output, Parse(result.Output));
    }

    /// <summary>
    /// Runs the installed <c>agentguard</c> tool (AgentGuard.Tool) in the repository, with CI's variables as
    /// <paramref name="environment"/> sets them.
    /// </summary>
    public BuildResult RunTool(IDictionary<string, string?>? environment, params string[] arguments)
    {
        var result = ProcessRunner.Run(_package.ToolCommand, arguments, Root, Variables(environment));
        return new BuildResult(result.ExitCode, result.Output, Parse(result.Output));
    }

    /// <summary>The environment of a build or tool run: none of CI's variables but those <paramref name="environment"/> sets.</summary>
    private Dictionary<string, string?> Variables(IDictionary<string, string?>? environment)
    {
        var variables = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = _package.PackagesFolder,
            ["CI"] = null,
            ["TF_BUILD"] = null,
            ["GITHUB_ACTIONS"] = null,
            ["GITHUB_STEP_SUMMARY"] = null,
            ["ContinuousIntegrationBuild"] = null,
            ["AgentGuardMode"] = null,
            ["AgentGuardApprove"] = null,
            ["AgentGuardBaseRef"] = null,
        };
        foreach (var variable in environment ?? new Dictionary<string, string?>())
        {
            variables[variable.Key] = variable.Value;
        }

        return variables;
    }

    private IReadOnlyList<BuildDiagnostic> Parse(string output)
    {
        // dotnet build prints each diagnostic inline and again in its summary: keep one of each.
        return DiagnosticLine.Matches(output)
            .Select(m => new BuildDiagnostic(
                m.Groups["id"].Value,
                m.Groups["severity"].Value,
                Relative(m.Groups["file"].Value),
                m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value) : 0,
                m.Groups["column"].Success ? int.Parse(m.Groups["column"].Value) : 0,
                m.Groups["message"].Value.TrimEnd('\r')))
            .Distinct()
            .ToList();
    }

    private string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    public ConsumerRepository Git(params string[] arguments)
    {
        var result = ProcessRunner.Run("git", arguments, Root);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("git " + string.Join(' ', arguments) + " failed:\n" + result.Output);
        }

        return this;
    }

    /// <summary>Commits everything (build output is ignored by the .gitignore <see cref="Create"/> writes).</summary>
    public ConsumerRepository Commit(string message) => Git("add", "-A").Git("commit", "-q", "-m", message);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the run's work folder cleanup.
        }
    }
}
