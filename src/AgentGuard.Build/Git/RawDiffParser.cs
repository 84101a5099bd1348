using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace AgentGuard.Build.Git
{
    /// <summary>Reads the output of <c>git diff --raw -z</c>, byte for byte as git writes it.</summary>
    internal static class RawDiffParser
    {
        /// <summary>Reads <c>git diff --raw -z</c>: ":mode mode sha sha STATUS\0path\0" (two paths for renames and copies).</summary>
        public static List<ChangedFile> Parse(byte[] output)
        {
            var fields = NulFields.Split(output);
            var files = new List<ChangedFile>();
            for (var i = 0; i < fields.Count; i++)
            {
                var header = fields[i];
                if (!header.StartsWith(":", StringComparison.Ordinal) || i + 1 >= fields.Count)
                {
                    continue;
                }

                var parts = header.Substring(1).Split(' ');
                if (parts.Length < 5 || parts[4].Length == 0)
                {
                    continue;
                }

                var submodule = parts[0] == "160000" || parts[1] == "160000";
                var status = parts[4][0];
                if ((status == 'R' || status == 'C') && i + 2 < fields.Count)
                {
                    var from = fields[i + 1];
                    var to = fields[i + 2];
                    files.Add(status == 'R' ? new ChangedFile(to, ChangeKind.Renamed, from, submodule) : new ChangedFile(to, ChangeKind.Added, null, submodule));
                    i += 2;
                    continue;
                }

                var path = fields[i + 1];
                i++;
                var kind = status == 'A' ? ChangeKind.Added : status == 'D' ? ChangeKind.Deleted : ChangeKind.Modified;
                files.Add(new ChangedFile(path, kind, null, submodule));
            }

            return files;
        }
    }
}
