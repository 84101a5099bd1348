using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AgentGuard.Build.Git;
using Xunit;

namespace AgentGuard.Build.Tests;

public sealed class ChangeSetReaderTests
{
    private static readonly string[] DefaultBase = { "origin/main", "main" };

    private static Dictionary<string, string> Files() => new()
    {
        ["src/App/Program.cs"] = "class Program { }\n",
        ["src/App/Old Name.cs"] = "class Old { }\n",
        ["src/App/Gone.cs"] = "class Gone { }\n",
        ["docs/guide.md"] = "# Guide\n",
        [".gitignore"] = "bin/\n",
    };

    private static ChangeSet Read(GitRepository repository, params string[] baseRefs)
    {
        var result = ChangeSetReader.Read(repository.Root, baseRefs.Length == 0 ? DefaultBase : baseRefs);
        Assert.True(result.ChangeSet != null, result.Problem);
        return result.ChangeSet!;
    }

    private static string Describe(ChangeSet changes) =>
        string.Join("\n", changes.Files.Select(file => file.ToString()).OrderBy(line => line, StringComparer.Ordinal));

    [Fact]
    public void Committed_staged_unstaged_and_untracked_changes_are_all_in_the_change_set()
    {
        using var repository = GitRepository.Create(Files()).Branch();
        repository.Write("src/App/Committed.cs", "class Committed { }\n").Commit("agent work");
        repository.Write("src/App/Staged.cs", "class Staged { }\n").Git("add", "src/App/Staged.cs");
        repository.Write("src/App/Program.cs", "class Program { int x; }\n");
        repository.Write("src/App/Untracked.cs", "class Untracked { }\n");
        repository.Write("bin/Debug/App.dll", "ignored");

        var changes = Read(repository);

        Assert.Equal(
            "Added src/App/Committed.cs\nAdded src/App/Staged.cs\nModified src/App/Program.cs\nUntracked src/App/Untracked.cs",
            Describe(changes));
        Assert.Equal("main", changes.BaseRef);
    }

    [Fact]
    public void Renames_keep_both_paths_and_deletions_are_listed()
    {
        using var repository = GitRepository.Create(Files()).Branch();
        repository.Git("mv", "src/App/Old Name.cs", "src/App/New Name.cs");
        repository.Git("rm", "--quiet", "src/App/Gone.cs");
        repository.Commit("rename and delete");

        var changes = Read(repository);

        Assert.Equal("Deleted src/App/Gone.cs\nRenamed src/App/Old Name.cs -> src/App/New Name.cs", Describe(changes));
        var renamed = changes.Files.Single(file => file.Kind == ChangeKind.Renamed);
        Assert.Equal(new[] { "src/App/New Name.cs", "src/App/Old Name.cs" }, renamed.TouchedPaths);
        Assert.Equal("src/App/Old Name.cs", renamed.BasePath);
    }

    [Fact]
    public void Paths_with_spaces_quotes_and_non_ascii_characters_come_through_unquoted()
    {
        using var repository = GitRepository.Create(Files()).Branch();
        repository.Write("src/Données/Café \"Crème\".cs", "class Cafe { }\n");
        repository.Write("docs/日本語 ガイド.md", "# ガイド\n").Commit("unicode");
        repository.Write("src/App/tab\tname.cs", "class Tab { }\n");

        var changes = Read(repository);

        Assert.Equal(
            "Added docs/日本語 ガイド.md\nAdded src/Données/Café \"Crème\".cs\nUntracked src/App/tab\tname.cs",
            Describe(changes));
    }

    [Fact]
    public void Origin_main_is_preferred_over_main_when_it_exists()
    {
        using var origin = GitRepository.Create(Files());
        using var clone = GitRepository.Create(folder: origin.Root + "-clone");
        clone.Git("remote", "add", "origin", origin.Root);
        clone.Git("fetch", "--quiet", "origin");
        clone.Git("checkout", "--quiet", "-b", "agent", "origin/main");
        clone.Write("src/App/Agent.cs", "class Agent { }\n").Commit("agent");

        var changes = Read(clone);

        Assert.Equal("origin/main", changes.BaseRef);
        Assert.Equal("Added src/App/Agent.cs", Describe(changes));
    }

    [Fact]
    public void Changes_merged_into_main_after_the_branch_started_are_not_the_branchs_changes()
    {
        using var repository = GitRepository.Create(Files()).Branch();
        repository.Write("src/App/Agent.cs", "class Agent { }\n").Commit("agent");
        repository.Git("checkout", "--quiet", "main");
        repository.Write("src/App/Teammate.cs", "class Teammate { }\n").Commit("teammate");
        repository.Git("checkout", "--quiet", "agent");

        Assert.Equal("Added src/App/Agent.cs", Describe(Read(repository)));
    }

    [Fact]
    public void A_detached_head_is_compared_with_its_merge_base()
    {
        using var repository = GitRepository.Create(Files()).Branch();
        repository.Write("src/App/Agent.cs", "class Agent { }\n").Commit("agent");
        repository.Git("checkout", "--quiet", "--detach", "HEAD");

        Assert.Equal("Added src/App/Agent.cs", Describe(Read(repository)));
    }

    [Fact]
    public void A_linked_worktree_has_its_own_change_set()
    {
        using var repository = GitRepository.Create(Files());
        var worktree = repository.Root + "-worktree";
        repository.Git("worktree", "add", "--quiet", "-b", "agent", worktree);
        try
        {
            File.WriteAllText(Path.Combine(worktree, "src", "App", "Agent.cs"), "class Agent { }\n");

            var result = ChangeSetReader.Read(worktree, DefaultBase);

            Assert.True(result.ChangeSet != null, result.Problem);
            Assert.Equal("Untracked src/App/Agent.cs", Describe(result.ChangeSet!));
            Assert.Equal(Path.GetFullPath(worktree), result.ChangeSet!.RepositoryRoot);
        }
        finally
        {
            repository.Git("worktree", "remove", "--force", worktree);
        }
    }

    [Fact]
    public void A_submodule_that_moved_is_one_changed_path_and_its_inner_edits_are_not_listed()
    {
        using var library = GitRepository.Create(new Dictionary<string, string> { ["lib.cs"] = "class Lib { }\n" });
        using var repository = GitRepository.Create(Files());
        repository.Git("-c", "protocol.file.allow=always", "submodule", "--quiet", "add", library.Root, "external/lib");
        repository.Commit("add submodule").Branch();
        var inner = GitRepository.Open(repository.PathOf("external/lib"));
        inner.Write("lib.cs", "class Lib { int changed; }\n");
        inner.Commit("moved");
        inner.Write("lib.cs", "class Lib { int dirty; }\n");

        var changes = Read(repository);

        var submodule = Assert.Single(changes.Files);
        Assert.Equal("external/lib", submodule.Path);
        Assert.True(submodule.IsSubmodule);
    }

    [Fact]
    public void An_explicit_base_ref_that_does_not_exist_fails_with_how_to_fetch_or_name_it()
    {
        using var repository = GitRepository.Create(Files()).Branch();

        var result = ChangeSetReader.Read(repository.Root, new[] { "origin/release" });

        Assert.Null(result.ChangeSet);
        Assert.Equal(ChangeSetFailure.UnknownBaseRef, result.Failure);
        Assert.Contains("tried 'origin/release'", result.Problem);
        Assert.Contains("-p:AgentGuardBaseRef=<ref>", result.Problem);
        Assert.Contains("-p:AgentGuardBoundaryCheck=false", result.Problem);
    }

    [Fact]
    public void A_repository_without_main_or_origin_main_fails_naming_both()
    {
        using var repository = GitRepository.Create(Files());
        repository.Git("branch", "-m", "main", "trunk");

        var result = ChangeSetReader.Read(repository.Root, DefaultBase);

        Assert.Equal(ChangeSetFailure.UnknownBaseRef, result.Failure);
        Assert.Contains("tried 'origin/main', 'main'", result.Problem);
    }

    [Fact]
    public void A_folder_outside_any_repository_fails_with_not_a_repository()
    {
        var folder = Path.Combine(Path.GetTempPath(), "agentguard-nogit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var result = ChangeSetReader.Read(folder, DefaultBase, new GitCommand(folder));

            Assert.Equal(ChangeSetFailure.NotARepository, result.Failure);
            Assert.Contains("is not inside a git working tree", result.Problem);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void A_repository_without_a_commit_fails_with_commit_once()
    {
        using var repository = GitRepository.Create();

        var result = ChangeSetReader.Read(repository.Root, DefaultBase);

        Assert.Equal(ChangeSetFailure.NoCommit, result.Failure);
        Assert.Contains("has no commit yet", result.Problem);
    }

    [Fact]
    public void Git_missing_from_path_fails_with_install_git()
    {
        using var repository = GitRepository.Create(Files());

        var result = ChangeSetReader.Read(repository.Root, DefaultBase, new GitCommand(repository.Root, "git-that-does-not-exist"));

        Assert.Equal(ChangeSetFailure.GitNotFound, result.Failure);
        Assert.Contains("git is not on PATH", result.Problem);
        Assert.Contains("Install git", result.Problem);
    }

    [Fact]
    public void A_shallow_clone_without_the_merge_base_fails_with_unshallow_and_fetch_depth()
    {
        using var origin = GitRepository.Create(Files());
        origin.Branch();
        origin.Write("src/App/A.cs", "class A { }\n").Commit("a");
        origin.Write("src/App/B.cs", "class B { }\n").Commit("b");
        origin.Git("checkout", "--quiet", "main");
        origin.Write("src/App/M.cs", "class M { }\n").Commit("m");
        var clonePath = origin.Root + "-shallow";
        new GitCommand(Path.GetTempPath()).Run("clone", "--quiet", "--depth", "1", "--no-single-branch", "file://" + origin.Root, clonePath);
        using var clone = GitRepository.Open(clonePath);
        clone.Git("checkout", "--quiet", "agent");

        var result = ChangeSetReader.Read(clone.Root, DefaultBase);

        Assert.Equal(ChangeSetFailure.ShallowWithoutBase, result.Failure);
        Assert.Contains("git fetch --unshallow", result.Problem);
        Assert.Contains("fetch-depth: 0", result.Problem);
        Assert.Contains("AgentGuardBaseRef=HEAD^1", result.Problem);

        clone.Git("fetch", "--quiet", "--unshallow");
        Assert.NotNull(ChangeSetReader.Read(clone.Root, DefaultBase).ChangeSet);
    }

    [Fact]
    public void A_shallow_clone_without_the_base_branch_fails_with_unshallow()
    {
        using var origin = GitRepository.Create(Files());
        origin.Branch();
        origin.Write("src/App/A.cs", "class A { }\n").Commit("a");
        var clonePath = origin.Root + "-single";
        new GitCommand(Path.GetTempPath()).Run("clone", "--quiet", "--depth", "1", "--branch", "agent", "file://" + origin.Root, clonePath);
        using var clone = GitRepository.Open(clonePath);

        var result = ChangeSetReader.Read(clone.Root, DefaultBase);

        Assert.Equal(ChangeSetFailure.UnknownBaseRef, result.Failure);
        Assert.Contains("shallow clone", result.Problem);
        Assert.Contains("git fetch --unshallow", result.Problem);
    }

    [Fact]
    public void Head_caret_one_is_a_usable_base_for_a_merge_commit()
    {
        using var repository = GitRepository.Create(Files()).Branch();
        repository.Write("src/App/Agent.cs", "class Agent { }\n").Commit("agent");
        repository.Git("checkout", "--quiet", "main");
        repository.Git("merge", "--quiet", "--no-ff", "-m", "merge agent", "agent");

        var changes = Read(repository, "HEAD^1");

        Assert.Equal("Added src/App/Agent.cs", Describe(changes));
    }

    [Fact]
    public void Branches_without_common_history_fail_with_name_the_base()
    {
        using var repository = GitRepository.Create(Files());
        repository.Git("checkout", "--quiet", "--orphan", "agent");
        repository.Commit("unrelated");

        var result = ChangeSetReader.Read(repository.Root, DefaultBase);

        Assert.Equal(ChangeSetFailure.NoCommonHistory, result.Failure);
    }

    [Fact]
    public void A_file_at_the_merge_base_is_read_as_it_was_there()
    {
        using var repository = GitRepository.Create(Files()).Branch();
        repository.Write("src/App/Program.cs", "changed\n");
        var changes = Read(repository);

        Assert.Equal("class Program { }\n", System.Text.Encoding.UTF8.GetString(ChangeSetReader.ReadAt(new GitCommand(repository.Root), changes.MergeBase, "src/App/Program.cs")!));
        Assert.Null(ChangeSetReader.ReadAt(new GitCommand(repository.Root), changes.MergeBase, "src/App/Missing.cs"));
    }
}
