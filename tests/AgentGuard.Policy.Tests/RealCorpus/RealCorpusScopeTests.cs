using System.Linq;
using Xunit.Abstractions;

namespace AgentGuard.Policy.Tests.RealCorpus;

/// <summary>
/// Every real rule file read at its real path: its kind from the path, where it applies from its front matter, and
/// what of the front matter had to be passed over, against our labels (RealCorpus/scopes.tsv). One case per file.
/// </summary>
public class RealCorpusScopeTests
{
    private readonly ITestOutputHelper _output;

    public RealCorpusScopeTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in RealCorpusFiles.Rows())
        {
            data.Add(row.Repo, row.Path);
        }

        if (RealCorpusFiles.Folder == null)
        {
            data.Add("(no corpus)", RealCorpusFiles.Absent);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Real_rule_file_is_read_at_its_path_with_the_scope_its_front_matter_gives(string repo, string path)
    {
        if (RealCorpusFiles.Folder == null)
        {
            _output.WriteLine(path);
            return;
        }

        var row = RealCorpusFiles.Rows().Single(row => row.Repo == repo && row.Path == path);
        var label = RealCorpusFiles.Labels("scopes.tsv")[(repo, path)];

        var kind = RuleFileKinds.Classify("/repo/" + path);
        Assert.NotNull(kind);
        var scope = RuleFileScope.Of(kind!.Value.Kind, RuleFileReader.Read(row.Text).FrontMatter);

        Assert.Equal(label[2], kind.Value.Kind.ToString());
        Assert.Equal(row.Kind, IndexKind(kind.Value.Kind));
        Assert.Equal(label[3], scope.ToString());
        Assert.Equal(int.Parse(label[4], System.Globalization.CultureInfo.InvariantCulture), scope.Problems.Count);
    }

    [Fact]
    public void Every_corpus_file_has_a_label()
    {
        var labels = RealCorpusFiles.Labels("scopes.tsv");
        Assert.All(RealCorpusFiles.Rows(), row => Assert.True(labels.ContainsKey((row.Repo, row.Path)), $"{row.Repo} {row.Path} has no row in RealCorpus/scopes.tsv"));
    }

    /// <summary>The corpus index's own names for the kinds.</summary>
    private static string IndexKind(RuleFileKind kind) => kind switch
    {
        RuleFileKind.Agents => "agents",
        RuleFileKind.Claude or RuleFileKind.ClaudeRule => "claude",
        RuleFileKind.CopilotInstructions => "copilot",
        RuleFileKind.CopilotScoped => "copilot-scoped",
        RuleFileKind.CursorRule or RuleFileKind.CursorRules => "cursor",
        _ => "other",
    };
}
