using System.Collections.Generic;
using System.Linq;
using System.Text;
using AgentGuard.Build.Git;
using Xunit;

namespace AgentGuard.Build.Tests;

/// <summary>git's <c>-z</c> outputs as bytes, read by the parsers apart from any repository or process.</summary>
public sealed class GitOutputParserTests
{
    private const string Zeros = "0000000000000000000000000000000000000000";
    private const string Sha = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    private static byte[] Bytes(params string[] fields) => Encoding.UTF8.GetBytes(string.Join("\0", fields) + "\0");

    private static string Describe(IEnumerable<ChangedFile> files) =>
        string.Join("\n", files.Select(file => $"{file.Kind} {file.Path}{(file.OldPath != null ? " <- " + file.OldPath : string.Empty)}{(file.IsSubmodule ? " (submodule)" : string.Empty)}"));

    [Fact]
    public void Raw_diff_reads_each_status_with_its_paths_as_git_writes_them()
    {
        var output = Bytes(
            $":000000 100644 {Zeros} {Sha} A", "src/Shop/Order Lines.cs",
            $":100644 100644 {Sha} {Sha} M", "src/Shop/Prüfung.cs",
            $":100644 000000 {Sha} {Zeros} D", "deploy/prod.yaml",
            $":100644 100644 {Sha} {Sha} R087", "src/Old Name.cs", "src/New\tName.cs",
            $":100644 100644 {Sha} {Sha} C100", "src/Template.cs", "src/Copy.cs",
            $":160000 160000 {Sha} {Sha} M", "vendor/lib");

        Assert.Equal(
            "Added src/Shop/Order Lines.cs\nModified src/Shop/Prüfung.cs\nDeleted deploy/prod.yaml\nRenamed src/New\tName.cs <- src/Old Name.cs\nAdded src/Copy.cs\nModified vendor/lib (submodule)",
            Describe(RawDiffParser.Parse(output)));
    }

    [Fact]
    public void Raw_diff_skips_what_it_cannot_read_and_keeps_the_rest()
    {
        var output = Bytes("garbage", $":100644 100644 {Sha} {Sha} ", "no status", $":100644 100644 {Sha} {Sha} M", "src/Order.cs");

        Assert.Equal("Modified src/Order.cs", Describe(RawDiffParser.Parse(output)));
        Assert.Empty(RawDiffParser.Parse(new byte[0]));
        Assert.Empty(RawDiffParser.Parse(Encoding.UTF8.GetBytes($":100644 100644 {Sha} {Sha} M")));
    }

    [Fact]
    public void Status_reads_ordinary_renamed_unmerged_and_untracked_entries()
    {
        var untracked = new List<string>();
        var output = Bytes(
            $"1 .M N... 100644 100644 100644 {Sha} {Sha} src/Shop/Order Lines.cs",
            $"1 A. N... 000000 100644 100644 {Zeros} {Sha} src/New.cs",
            $"1 .D N... 100644 100644 000000 {Sha} {Sha} deploy/prod.yaml",
            $"2 R. N... 100644 100644 100644 {Sha} {Sha} R100 src/Renamed.cs", "src/Original.cs",
            $"1 .M S.M. 160000 160000 160000 {Sha} {Sha} vendor/lib",
            $"u UU N... 100644 100644 100644 100644 {Sha} {Sha} {Sha} src/Conflict.cs",
            "? notes/todo.txt");

        var entries = StatusParser.Parse(output, untracked);

        Assert.Equal(
            new[] { "src/Shop/Order Lines.cs .M", "src/New.cs A.", "deploy/prod.yaml .D", "src/Renamed.cs R. <- src/Original.cs", "vendor/lib .M (submodule)", "src/Conflict.cs MM" },
            entries.Select(entry => $"{entry.Path} {entry.Index}{entry.WorkTree}{(entry.Origin != null ? " <- " + entry.Origin : string.Empty)}{(entry.Submodule ? " (submodule)" : string.Empty)}"));
        Assert.Equal(new[] { "notes/todo.txt" }, untracked);
        Assert.False(entries[2].InWorkTree);
        Assert.False(entries[1].InHead);
    }

    [Fact]
    public void Status_skips_short_or_unknown_lines()
    {
        var untracked = new List<string>();

        Assert.Empty(StatusParser.Parse(Bytes("1 .M N... too short", "# branch.oid " + Sha, "! ignored.txt"), untracked));
        Assert.Empty(untracked);
    }

    [Fact]
    public void Nul_fields_are_utf8_text_without_empty_fields_and_a_last_field_needs_no_nul()
    {
        var output = Encoding.UTF8.GetBytes("a b\0\0Prüfung.cs\0last");

        Assert.Equal(new[] { "a b", "Prüfung.cs", "last" }, NulFields.Split(output));
    }

    [Fact]
    public void Merging_a_committed_rename_with_a_later_edit_keeps_the_rename_and_its_origin_once()
    {
        var committed = RawDiffParser.Parse(Bytes($":100644 100644 {Sha} {Sha} R100", "src/Old.cs", "src/New.cs"));
        var status = StatusParser.Parse(Bytes($"1 .M N... 100644 100644 100644 {Sha} {Sha} src/New.cs"), new List<string>());

        Assert.Equal("Renamed src/New.cs <- src/Old.cs", Describe(ChangeMerge.Combine(committed, status)));
    }
}
