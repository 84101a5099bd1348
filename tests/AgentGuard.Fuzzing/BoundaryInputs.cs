using System;
using System.Linq;
using System.Text;

namespace AgentGuard.Fuzzing;

/// <summary>
/// The boundary task's inputs: <c>agentguard.json</c>, the review ledger and the files that declare packages, as
/// mutations of valid ones plus generated depth and length.
/// </summary>
internal sealed class BoundaryInputs
{
    private static readonly string[] Manifests =
    {
        """
        {
          "$schema": "https://example.invalid/agentguard.schema.json",
          "version": 1,
          "baseRef": "origin/main",
          "forbidden": [ "deploy/**", { "path": "**/*.pfx", "reason": "Certificates live in the vault" } ],
          "approval":  [ { "path": "src/*/Migrations/**", "reason": "Schema changes need a DBA" } ],
          "generated": [ "src/*/Generated/**" ],
          "tests":     [ { "source": "src/**/*.cs", "tests": "tests/**/*.cs", "match": "any" } ],
          "dependencies": "approval"
        }
        """,
        """
        // Boundaries for the billing service
        {
          "forbidden": ["secrets/", ".env", "infra/prod/**",],
          "tests": [{ "source": "src/Billing/**/*.cs", "tests": "tests/Billing.Tests/**", "match": "name" }],
          "dependencies": "off",
        }
        """,
    };

    private static readonly string[] ProjectFiles =
    {
        """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net8.0</TargetFramework><SerilogVersion>3.1.1</SerilogVersion></PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Serilog" Version="$(SerilogVersion)" />
            <PackageReference Include="Polly" Version="8.2.0" Condition="'$(Configuration)' == 'Release'" />
          </ItemGroup>
        </Project>
        """,
        """
        {
          "version": 1,
          "dependencies": { "net8.0": { "Serilog": { "type": "Direct", "requested": "[3.1.1, )", "resolved": "3.1.1" } } }
        }
        """,
        """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration><packageSources><clear /><add key="feed" value="https://feed.example/v3/index.json" /></packageSources></configuration>
        """,
    };

    private static readonly string[] PackageFileNames = { "Shop.csproj", "packages.lock.json", "nuget.config", "Directory.Packages.props", "global.json", "dotnet-tools.json" };

    private readonly Random _random;
    private readonly Mutator _mutator;

    public BoundaryInputs(Random random)
    {
        _random = random;
        _mutator = new Mutator(random);
    }

    public FuzzInput NextManifest()
    {
        var depth = Size(50_000);
        switch (_random.Next(10))
        {
            case 0:
                return new FuzzInput("manifest: nested arrays", "{ \"forbidden\": " + new string('[', depth) + new string(']', depth) + " }", false);
            case 1:
                return new FuzzInput("manifest: nested objects", "{ \"tests\": [" + Mutator.Repeat("{\"source\":", depth) + "1" + new string('}', depth) + "] }", false);
            case 2:
                return new FuzzInput("manifest: long glob", "{ \"forbidden\": [\"" + Mutator.Repeat("**/a*", depth) + "\"] }", false);
            case 3:
                return new FuzzInput("manifest: many entries", "{ \"approval\": [" + string.Join(",", Enumerable.Repeat("\"src/**\"", 1 + (depth / 10))) + "] }", false);
            default:
                return new FuzzInput("manifest: mutated", _mutator.Mutate(Manifests[_random.Next(Manifests.Length)], 1 + _random.Next(8)), false);
        }
    }

    public FuzzInput NextLedger()
    {
        var builder = new StringBuilder("# Reviewed generated files\n");
        for (var i = 0; i < 1 + _random.Next(30); i++)
        {
            builder.Append(new string("0123456789abcdef"[_random.Next(16)], 64)).Append("  src/Generated/Client").Append(i).Append(".g.cs\n");
        }

        return new FuzzInput("ledger: mutated", _mutator.Mutate(builder.ToString(), 1 + _random.Next(8)), false);
    }

    /// <summary>A baseline (<c>.agentguard/baseline.txt</c>): entries, then mutated, or one of the shapes that stress it.</summary>
    public FuzzInput NextBaseline()
    {
        var depth = 1 + _random.Next(20_000);
        switch (_random.Next(5))
        {
            case 0:
                return new FuzzInput("baseline: long line text", "src/A.cs | AG1001 | 1 | " + Mutator.Repeat("// TODO | x ", depth) + "\n", false);
            case 1:
                return new FuzzInput("baseline: separators only", Mutator.Repeat(" | ", depth), false);
            case 2:
                return new FuzzInput("baseline: huge count", "src/A.cs | AG0001 | " + Mutator.Repeat("9", 1 + (depth % 40)) + " | var now = DateTime.Now;\n", false);
            default:
                var builder = new StringBuilder("# AgentGuard baseline\n");
                for (var i = 0; i < 1 + _random.Next(40); i++)
                {
                    builder.Append("src/Shop/File").Append(i % 7).Append(".cs | AG100").Append(1 + _random.Next(9)).Append(" | ").Append(1 + _random.Next(3)).Append(" | // TODO: step ").Append(i).Append('\n');
                }

                return new FuzzInput("baseline: mutated", _mutator.Mutate(builder.ToString(), 1 + _random.Next(8)), false);
        }
    }

    public (string Name, FuzzInput Input) NextPackageFile()
    {
        var name = PackageFileNames[_random.Next(PackageFileNames.Length)];
        var depth = Size(100_000);
        var input = _random.Next(8) switch
        {
            0 => new FuzzInput("package file: nested elements", "<Project>" + Mutator.Repeat("<ItemGroup>", depth) + "<PackageReference Include=\"A\" Version=\"1\" />" + Mutator.Repeat("</ItemGroup>", depth) + "</Project>", false),
            1 => new FuzzInput("package file: nested JSON", "{\"dependencies\":" + Mutator.Repeat("{\"a\":", depth) + "1" + new string('}', depth) + "}", false),
            2 => new FuzzInput("package file: entity expansion", "<!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><Project><PropertyGroup><AVersion>&c;</AVersion></PropertyGroup></Project>", false),
            _ => new FuzzInput("package file: mutated", _mutator.Mutate(ProjectFiles[_random.Next(ProjectFiles.Length)], 1 + _random.Next(8)), false),
        };
        return (name, input);
    }

    /// <summary>Sizes spread evenly over orders of magnitude: mostly small, now and then at the limits.</summary>
    private int Size(int max) => (int)Math.Exp(_random.NextDouble() * Math.Log(max));
}
