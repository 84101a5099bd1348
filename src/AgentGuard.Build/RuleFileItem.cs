using System;
using System.Collections.Generic;
using System.IO;
using AgentGuard.Policy;
using Microsoft.Build.Framework;

namespace AgentGuard.Build
{
    /// <summary>A rule file as the targets hand it to a task: its path and the <see cref="RuleFileMetadata"/> CollectRuleFiles set.</summary>
    internal static class RuleFileItem
    {
        public static DiscoveredRuleFile From(ITaskItem item) => DiscoveredRuleFile.FromMetadata(Path.GetFullPath(item.ItemSpec), item.GetMetadata);

        /// <summary>
        /// The file an imported file's rules apply as: its importer's importer, and so on to the top, at most
        /// <see cref="ReadLimits.MaxImportDepth"/> imports up. <paramref name="files"/> holds the files by full path.
        /// </summary>
        public static T TopImporter<T>(T file, Func<T, string?> importedBy, IDictionary<string, T> files)
        {
            var top = file;
            for (var depth = 0; depth <= ReadLimits.MaxImportDepth && importedBy(top) is { } importer && files.TryGetValue(Path.GetFullPath(importer), out var next); depth++)
            {
                top = next;
            }

            return top;
        }
    }
}
