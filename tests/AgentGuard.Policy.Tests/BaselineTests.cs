using System.Linq;
using Xunit;

namespace AgentGuard.Policy.Tests;

/// <summary>The baseline file: one line per file, ID and finding line, read back as it was written.</summary>
public class BaselineTests
{
    [Fact]
    public void Written_baseline_reads_back_sorted_with_equal_entries_merged()
    {
        var baseline = Baseline.Of(new[]
        {
            new BaselineEntry("src/Shop/Cart.cs", "AG1001", 1, "// TODO: apply the voucher"),
            new BaselineEntry("src\\Shop\\Api.cs", "AG0001", 1, "var now = DateTime.Now;"),
            new BaselineEntry("src/Shop/Cart.cs", "AG1001", 1, "// TODO: apply the voucher"),
        });

        var text = baseline.Write();
        var read = Baseline.Parse(text);

        Assert.Empty(read.Problems);
        Assert.Equal(
            new[] { "src/Shop/Api.cs | AG0001 | 1 | var now = DateTime.Now;", "src/Shop/Cart.cs | AG1001 | 2 | // TODO: apply the voucher" },
            read.Entries.Select(entry => entry.ToString()));
        Assert.StartsWith("# AgentGuard baseline", text);
        Assert.EndsWith("src/Shop/Cart.cs | AG1001 | 2 | // TODO: apply the voucher\n", text);
    }

    [Fact]
    public void A_finding_line_is_matched_by_its_text_with_white_space_collapsed()
    {
        Assert.Equal("var total = cart.Sum(x => x.Price); // TODO: tax", Baseline.KeyOf("\t    var total =  cart.Sum(x => x.Price);   // TODO: tax  \r"));
    }

    [Fact]
    public void Line_text_that_holds_the_separator_is_kept_whole()
    {
        var read = Baseline.Parse("src/A.cs | AG0002 | 1 | if (a | b) { goto done; }\n");

        Assert.Equal("if (a | b) { goto done; }", Assert.Single(read.Entries).Key);
    }

    [Fact]
    public void Lines_that_are_not_entries_are_reported_and_secrets_are_never_kept()
    {
        var read = Baseline.Parse("# comment\n\nsrc/A.cs | AG1001 | two | // TODO\nsrc/A.cs | AG1001\nsrc/A.cs | AG1009 | 1 | var key = \"...\";\r\nsrc/A.cs | ag1001 | 3 | // TODO\n");

        Assert.Equal(new[] { "line 3: not 'file | ID | count | line text'", "line 4: not 'file | ID | count | line text'" }, read.Problems);
        Assert.Equal("src/A.cs | AG1001 | 3 | // TODO", Assert.Single(read.Entries).ToString());
        Assert.False(Baseline.MayKeep("AG1009"));
        Assert.Equal(3, read.Allowances()[("src/A.cs", "AG1001", "// TODO")]);
    }
}
