using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AgentGuard.Benchmarks;

/// <summary>The generated inputs: a large rule file in the styles real agent files use, and a project of many files.</summary>
public static class Workload
{
    /// <summary>Thirty enforceable rules among prose, commands and guidance, the way long agent files mix them.</summary>
    public static readonly string[] Rules =
    {
        "- Never use `DateTime.Now` — use `TimeProvider`",
        "- Never use `DateTime.UtcNow`; inject `TimeProvider`",
        "- Use `ILogger<T>` instead of `Console.WriteLine`",
        "- Don't call `Console.Write`",
        "- **Never** call `Environment.Exit`",
        "- Never use `Thread.Sleep` in production code",
        "- Avoid `Activator.CreateInstance` where possible",
        "- Never call `GC.Collect()`",
        "- Use `IHttpClientFactory` rather than `new HttpClient()`",
        "- Never use `System.Random`; use `RandomNumberGenerator`",
        "- Don't use `Task.Factory.StartNew`; use `Task.Run`",
        "- Never use `Guid.NewGuid`",
        "- Code MUST NOT use `System.Reflection.Emit`",
        "- Never use `N:System.Net.Mail`",
        "- Don't use `Environment.GetEnvironmentVariable`; bind options",
        "- Never use `Process.Start`",
        "- Never use `File.ReadAllText`; go through `IFileStore`",
        "- Never use `Directory.SetCurrentDirectory`",
        "- Never use `AppDomain.CurrentDomain`",
        "- Never use `Trace.WriteLine`",
        "- Never use `async void`",
        "- Don't block on tasks with `.Result` or `.Wait()`",
        "- Avoid `dynamic`",
        "- No `#region` blocks",
        "- Never use `goto`",
        "- MUST NOT use `lock (this)`",
        "- Don't use the null-forgiving operator",
        "- `Bench.Domain` must not depend on `Bench.Web`",
        "- Never use `Debug.WriteLine` in production code",
        "- Never use `Stopwatch.StartNew`",
    };

    public static string RuleFile(int targetBytes)
    {
        var text = new StringBuilder("# Agent guide\n\nThis guide tells coding agents how to work in the Bench repository.\n\n");
        var section = 0;
        while (text.Length < targetBytes)
        {
            text.Append("## Area ").Append(section.ToString(CultureInfo.InvariantCulture)).Append("\n\n");
            text.Append("The area owns its data and publishes events; see `docs/area-").Append(section.ToString(CultureInfo.InvariantCulture)).Append(".md`.\n\n");
            text.Append("- Run `dotnet test --filter Area=").Append(section.ToString(CultureInfo.InvariantCulture)).Append("` before pushing\n");
            text.Append("- Keep handlers small and name them after the command they handle\n");
            text.Append("- The `AreaService` coordinates the repository and the event bus\n");
            text.Append("- Prefer records for messages and keep them immutable\n");
            text.Append("- Never edit `src/Area").Append(section.ToString(CultureInfo.InvariantCulture)).Append("/Generated/**` by hand\n");
            text.Append(Rules[section % Rules.Length]).Append('\n');
            text.Append("- Document public APIs with XML comments\n\n");
            section++;
        }

        return text.ToString();
    }

    /// <summary>A project of <paramref name="count"/> files, a handful of which break a rule.</summary>
    public static IEnumerable<(string Path, string Text)> Project(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var ns = i % 10 == 0 ? "Bench.Domain" : i % 10 == 1 ? "Bench.Web" : "Bench.Services.Area" + (i % 7).ToString(CultureInfo.InvariantCulture);
            var breach = i % 25 == 0 ? "        var stamp = System.DateTime.Now;\n" : string.Empty;
            yield return ($"/bench/src/File{i}.cs", $$"""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;

                namespace {{ns}};

                public sealed class Service{{i}}
                {
                    private readonly List<int> _values = new();
                    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

                    public int Count => _values.Count;

                    public async Task<int> LoadAsync(IEnumerable<int> source, CancellationToken cancellationToken)
                    {
                {{breach}}        foreach (var value in source.Where(v => v > 0).OrderBy(v => v))
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            _values.Add(value);
                            _index[value.ToString(System.Globalization.CultureInfo.InvariantCulture)] = value;
                        }

                        await Task.Yield();
                        return _values.Sum();
                    }

                    public string Describe(string name, int count)
                    {
                        var parts = new List<string> { name.Trim(), count.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                        return string.Join(", ", parts.Select(p => p.ToUpperInvariant()));
                    }

                    public bool TryFind(string key, out int value) => _index.TryGetValue(key, out value);

                    public IReadOnlyList<int> Top(int n) => _values.OrderByDescending(v => v).Take(n).ToList();

                    public int Max() => _values.Count == 0 ? 0 : _values.Max();

                    public override string ToString() => $"Service{{i}} with {Count} values";
                }
                """);
        }
    }
}
