using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using AgentGuard.Build.Git;

namespace AgentGuard.Build.Tests;

/// <summary>A real git repository in a temporary folder, with a "main" branch, for tests of what git reports.</summary>
public sealed class GitRepository : IDisposable
{
    private GitRepository(string root)
    {
        Root = root;
    }

    public string Root { get; }

    /// <summary>Creates a repository on branch main with one commit holding <paramref name="files"/> (path -> text).</summary>
    public static GitRepository Create(IDictionary<string, string>? files = null, string? folder = null)
    {
        var root = folder ?? Path.Combine(Path.GetTempPath(), "agentguard-git-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(root);
        var repository = new GitRepository(Path.GetFullPath(root));
        repository.Git("init", "--quiet", "--initial-branch=main");
        repository.Git("config", "user.email", "dev@example.com");
        repository.Git("config", "user.name", "Dev");
        repository.Git("config", "commit.gpgsign", "false");
        repository.Git("config", "core.autocrlf", "false");
        if (files != null)
        {
            foreach (var file in files)
            {
                repository.Write(file.Key, file.Value);
            }

            repository.Commit("main");
        }

        return repository;
    }

    /// <summary>A repository git already made (a clone, a submodule), set up to commit.</summary>
    public static GitRepository Open(string folder)
    {
        var repository = new GitRepository(Path.GetFullPath(folder));
        repository.Git("config", "user.email", "dev@example.com");
        repository.Git("config", "user.name", "Dev");
        repository.Git("config", "commit.gpgsign", "false");
        return repository;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public GitRepository Write(string relative, string text) => WriteBytes(relative, Encoding.UTF8.GetBytes(text));

    public GitRepository WriteBytes(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public GitRepository Delete(string relative)
    {
        File.Delete(PathOf(relative));
        return this;
    }

    public GitRepository Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "--quiet", "--allow-empty", "-m", message);
        return this;
    }

    /// <summary>Starts the agent's branch from the current commit.</summary>
    public GitRepository Branch(string name = "agent")
    {
        Git("checkout", "--quiet", "-b", name);
        return this;
    }

    /// <summary>Runs git and returns its output; a failure throws with what git said.</summary>
    public string Git(params string[] arguments)
    {
        var output = new GitCommand(Root).Run(arguments);
        if (!output.Succeeded)
        {
            throw new InvalidOperationException($"git {string.Join(" ", arguments)} failed ({output.ExitCode}): {output.StandardError}");
        }

        return output.Text;
    }

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
