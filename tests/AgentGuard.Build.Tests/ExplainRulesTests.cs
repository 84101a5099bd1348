using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using AgentGuard.Build.Explain;
using AgentGuard.Testing;

namespace AgentGuard.Build.Tests;

public class ExplainRulesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("agentguard-explain-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Sarif(params string[] explanations) =>
        JsonSerializer.Serialize(new
        {
            version = "2.1.0",
            runs = new[]
            {
                new
                {
                    results = explanations.Select(text => new { ruleId = "AG0010", level = "note", message = new { text } })
                        .Cast<object>()
                        .Append(new { ruleId = "CA1822", level = "note", message = new { text = "Member can be static" } }),
                },
            },
        });

    private const string Enforced = """{"file":"CLAUDE.md","line":6,"text":"Never use DateTime.Now — use TimeProvider","enforcement":"code","severity":"error","scope":{"tests":"all","paths":[],"folder":null},"symbols":[{"target":"DateTime.Now","construction":null,"status":"enforced","resolvedTo":["P:System.DateTime.Now"]}],"constructs":[],"dependencies":[],"paths":[],"builtins":[],"problems":[],"guidance":null}""";
    private const string Absent = """{"file":"CLAUDE.md","line":7,"text":"Never use Newtonsoft.Json.JsonConvert","enforcement":"code","severity":"error","scope":{"tests":"tests","paths":["src/**"],"folder":null},"symbols":[{"target":"Newtonsoft.Json.JsonConvert","construction":null,"status":"not present in this project","resolvedTo":[]}],"constructs":[],"dependencies":[],"paths":[],"builtins":[],"problems":[],"guidance":null}""";
    private const string Guidance = """{"file":"AGENTS.md","line":3,"text":"Keep methods short","enforcement":"guidance","severity":"error","scope":{"tests":"all","paths":[],"folder":null},"symbols":[],"constructs":[],"dependencies":[],"paths":[],"builtins":[],"problems":[],"guidance":"it names nothing AgentGuard can check"}""";
    private const string Path = """{"file":"AGENTS.md","line":2,"text":"Never edit deploy/**","enforcement":"paths","severity":"error","scope":{"tests":"all","paths":[],"folder":null},"symbols":[],"constructs":["AsyncVoid"],"dependencies":[{"from":"Shop.Domain","to":"Shop.Web"}],"paths":[{"glob":"deploy/**","kind":"forbidden"}],"builtins":["AG1001"],"problems":["'.Value' names a member without its type"],"guidance":null}""";

    [Fact]
    public void Items_that_are_no_rules_are_counted_in_the_log_and_listed_in_rules_json_with_their_file_kind_and_scope()
    {
        const string File = """{"record":"file","file":"AGENTS.md","kind":"AGENTS.md","scope":"everywhere"}""";
        const string Item = """{"record":"item","file":"AGENTS.md","line":4,"text":"The src folder holds the services"}""";
        var report = ExplainReport.FromErrorLog("Shop.Orders", Sarif(File, Item, Guidance));

        var lines = report.Lines().ToList();
        using var json = JsonDocument.Parse(report.ToJson());

        Assert.Contains("AGENTS.md (AGENTS.md, everywhere)", lines);
        Assert.Contains("  and 1 list items whose wording says neither what to do nor what not to: no rules (rules.json lists them under otherItems)", lines);
        var file = json.RootElement.GetProperty("ruleFiles").EnumerateArray().Single();
        Assert.Equal(4, file.GetProperty("otherItems")[0].GetProperty("line").GetInt32());
        Assert.Equal(3, file.GetProperty("rules")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public void Report_lists_every_rule_by_file_and_line_with_how_it_is_enforced()
    {
        var report = ExplainReport.FromErrorLog("Shop.Orders", Sarif(Absent, Guidance, Enforced, Path));

        Snapshot.Match(string.Join("\n", report.Lines()));
    }

    [Fact]
    public void Rules_json_groups_rules_by_file_and_counts_them()
    {
        var report = ExplainReport.FromErrorLog("Shop.Orders", Sarif(Enforced, Absent, Guidance, Path));

        using var json = JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        Assert.Equal("Shop.Orders", root.GetProperty("project").GetString());
        Assert.Equal(new[] { "AGENTS.md", "CLAUDE.md" }, root.GetProperty("ruleFiles").EnumerateArray().Select(f => f.GetProperty("path").GetString()));
        Assert.Equal(new[] { 6, 7 }, root.GetProperty("ruleFiles")[1].GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));
        Assert.Equal(2, root.GetProperty("summary").GetProperty("enforcedInCode").GetInt32());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("enforcedOnPaths").GetInt32());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("guidance").GetInt32());
    }

    [Fact]
    public void Task_writes_rules_json_and_ends_with_the_count()
    {
        var log = System.IO.Path.Combine(_folder, "explain.sarif");
        File.WriteAllText(log, Sarif(Enforced, Guidance));
        var engine = new RecordingBuildEngine();
        var task = new ExplainRules { BuildEngine = engine, ErrorLog = log, OutputPath = System.IO.Path.Combine(_folder, "out", "rules.json"), ProjectName = "Shop" };

        Assert.True(task.Execute());

        Assert.Empty(engine.Errors);
        Assert.True(File.Exists(task.OutputPath));
        Assert.Contains(engine.Messages, m => m.Message == "AgentGuard: 2 rules in 2 files: 1 enforced in code, 0 enforced on paths, 1 guidance only");
    }

    [Fact]
    public void Missing_error_log_is_an_error_that_says_what_to_do()
    {
        var engine = new RecordingBuildEngine();
        var task = new ExplainRules { BuildEngine = engine, ErrorLog = System.IO.Path.Combine(_folder, "none.sarif"), OutputPath = System.IO.Path.Combine(_folder, "rules.json") };

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("AG0010", error.Code);
        Assert.Contains("the explain compilation did not run", error.Message);
    }

    [Fact]
    public void Corrupt_error_log_is_an_error_not_a_stack_trace()
    {
        var log = System.IO.Path.Combine(_folder, "explain.sarif");
        File.WriteAllText(log, "{ \"runs\": [ { \"results\": [ { \"ruleId\": \"AG0010\", \"message\": { \"text\": \"{not json\" } } ] } ] }");
        var engine = new RecordingBuildEngine();
        var task = new ExplainRules { BuildEngine = engine, ErrorLog = log, OutputPath = System.IO.Path.Combine(_folder, "rules.json") };

        Assert.False(task.Execute());

        Assert.Contains("could not read", Assert.Single(engine.Errors).Message);
    }
}
