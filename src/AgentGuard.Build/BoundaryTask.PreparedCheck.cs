using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AgentGuard.Build.Boundaries;
using AgentGuard.Build.Git;
using AgentGuard.Policy;
using Microsoft.Build.Framework;

namespace AgentGuard.Build
{
    public abstract partial class BoundaryTask
    {
        /// <summary>Everything one check reads, ready to run.</summary>
        internal sealed class PreparedCheck
        {
            private readonly string? _cacheFile;
            private readonly bool _reportGuardFiles;

            public PreparedCheck(BoundaryManifest manifest, string manifestPath, string manifestRelative, string manifestFolder, ChangeSet changes, IReadOnlyList<PathRuleSource> pathRules, ReviewLedger ledger, string ledgerPath, IRepositoryContent content, string? cacheFile, GuardFiles guardFiles, bool reportGuardFiles)
            {
                _cacheFile = cacheFile;
                GuardFiles = guardFiles;
                _reportGuardFiles = reportGuardFiles;
                Manifest = manifest;
                ManifestPath = manifestPath;
                ManifestRelative = manifestRelative;
                ManifestFolder = manifestFolder;
                Changes = changes;
                PathRules = pathRules;
                Ledger = ledger;
                LedgerPath = ledgerPath;
                Content = content;
            }

            public BoundaryManifest Manifest { get; }

            /// <summary>The files that decide what is enforced (reported as AG2006 in CI).</summary>
            public GuardFiles GuardFiles { get; }

            public string ManifestPath { get; }

            public string ManifestRelative { get; }

            public string ManifestFolder { get; }

            public ChangeSet Changes { get; }

            public IReadOnlyList<PathRuleSource> PathRules { get; }

            public ReviewLedger Ledger { get; }

            public string LedgerPath { get; }

            public IRepositoryContent Content { get; }

            public BoundaryCheck Check(Approvals approvals) =>
                new BoundaryCheck(Manifest, ManifestFolder, ManifestRelative, Changes, PathRules, Ledger, approvals, Content) { UnmatchedEntryCache = _cacheFile, GuardFiles = _reportGuardFiles ? GuardFiles : null };

            /// <summary>What makes two projects' checks the same check: the manifest, the path rules, the approvals.</summary>
            public string Identity(string approve) =>
                ManifestPath + "|" + approve + "|" + _reportGuardFiles + "|" + Changes.BaseRef + "|" + string.Join(";", PathRules.Select(rule => rule.RuleFile + ":" + rule.Line + ":" + rule.Folder + ":" + rule.Rule));

            /// <summary>The full path of a repository-relative path.</summary>
            public string FullPath(string relative) => Path.Combine(Changes.RepositoryRoot, relative.Replace('/', Path.DirectorySeparatorChar));
        }

        internal sealed class GitRepositoryContent : IRepositoryContent
        {
            private readonly string _root;
            private readonly string _mergeBase;
            private readonly GitCommand _git;

            public GitRepositoryContent(GitCommand git, string root, string mergeBase)
            {
                _root = root;
                _mergeBase = mergeBase;
                _git = git;
            }

            public byte[]? ReadWorkingTree(string path)
            {
                try
                {
                    return File.ReadAllBytes(Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar)));
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                {
                    return null;
                }
            }

            public byte[]? ReadMergeBase(string path) => ChangeSetReader.ReadAt(_git, _mergeBase, path);
        }
    }
}
