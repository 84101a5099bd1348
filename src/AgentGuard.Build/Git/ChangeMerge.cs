using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace AgentGuard.Build.Git
{
    /// <summary>The committed changes since the merge base and what status sees on top of them, as one change set.</summary>
    internal static class ChangeMerge
    {
        /// <summary>
        /// One entry per path from the commits since the merge base and what status sees on top of them, each with how it
        /// differs from the merge base: there or not (added), in the working tree or not (deleted), renamed.
        /// </summary>
        public static List<ChangedFile> Combine(List<ChangedFile> committed, List<StatusParser.StatusEntry> status)
        {
            var byPath = new Dictionary<string, ChangedFile>(StringComparer.Ordinal);
            foreach (var change in committed)
            {
                byPath[change.Path] = change;
                if (change.OldPath != null && !byPath.ContainsKey(change.OldPath))
                {
                    byPath[change.OldPath] = new ChangedFile(change.OldPath, ChangeKind.Deleted);
                }
            }

            foreach (var entry in status)
            {
                byPath.TryGetValue(entry.Path, out var earlier);

                // At the merge base: as the commits left it, else as HEAD has it (a staged rename's origin stands in for it).
                var origin = entry.Origin ?? earlier?.OldPath;
                var atBase = earlier != null ? earlier.BasePath != null : entry.InHead || entry.Origin != null;
                ChangedFile file;
                if (!entry.InWorkTree && earlier != null && earlier.BasePath == null)
                {
                    // Added by the commits and deleted since: the commits are what gets pushed.
                    continue;
                }

                if (!entry.InWorkTree)
                {
                    file = new ChangedFile(entry.Path, ChangeKind.Deleted, null, entry.Submodule);
                }
                else if (origin != null && (earlier?.Kind == ChangeKind.Renamed || entry.Origin != null))
                {
                    file = new ChangedFile(entry.Path, ChangeKind.Renamed, origin, entry.Submodule);
                    if (entry.Origin != null && !byPath.ContainsKey(entry.Origin))
                    {
                        byPath[entry.Origin] = new ChangedFile(entry.Origin, ChangeKind.Deleted);
                    }
                }
                else
                {
                    file = new ChangedFile(entry.Path, atBase ? ChangeKind.Modified : ChangeKind.Added, null, entry.Submodule || (earlier?.IsSubmodule ?? false));
                }

                byPath[entry.Path] = file;
            }

            // A rename's origin is listed inside the rename, not on its own.
            var renamedFrom = new HashSet<string>(byPath.Values.Where(file => file.OldPath != null).Select(file => file.OldPath!), StringComparer.Ordinal);
            return byPath.Values.Where(file => !(file.Kind == ChangeKind.Deleted && renamedFrom.Contains(file.Path))).ToList();
        }
    }
}
