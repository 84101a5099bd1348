using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace AgentGuard.Build.Git
{
    /// <summary>Reads the output of <c>git status --porcelain=v2 -z</c>, byte for byte as git writes it.</summary>
    internal static class StatusParser
    {
        /// <summary>One path as `git status --porcelain=v2` reports it against HEAD.</summary>
        internal sealed class StatusEntry
        {
            public StatusEntry(string path, char index, char workTree, string? origin, bool submodule)
            {
                Path = path;
                Index = index;
                WorkTree = workTree;
                Origin = origin;
                Submodule = submodule;
            }

            public string Path { get; }

            /// <summary>The index against HEAD: '.', 'M', 'A', 'D', 'R', 'C', 'T', 'U'.</summary>
            public char Index { get; }

            /// <summary>The working tree against the index.</summary>
            public char WorkTree { get; }

            /// <summary>The path in HEAD of a rename staged in the index.</summary>
            public string? Origin { get; }

            public bool Submodule { get; }

            public bool InHead => Index != 'A' && Origin == null;

            public bool InWorkTree => WorkTree != 'D' && !(Index == 'D' && WorkTree == '.');
        }

        /// <summary>Reads <c>git status --porcelain=v2 -z</c>: "1 XY sub ... path", "2 XY sub ... Xscore path\0origin", "u XY ...", "? path".</summary>
        public static List<StatusEntry> Parse(byte[] output, List<string> untracked)
        {
            var fields = NulFields.Split(output);
            var entries = new List<StatusEntry>();
            for (var i = 0; i < fields.Count; i++)
            {
                var field = fields[i];
                if (field.StartsWith("? ", StringComparison.Ordinal))
                {
                    untracked.Add(field.Substring(2));
                    continue;
                }

                var kind = field.Length > 0 ? field[0] : ' ';
                var parts = field.Split(new[] { ' ' }, kind == '1' ? 9 : kind == '2' ? 10 : kind == 'u' ? 11 : 2);
                if ((kind != '1' && kind != '2' && kind != 'u') || parts.Length < (kind == '1' ? 9 : kind == '2' ? 10 : 11) || parts[1].Length != 2)
                {
                    continue;
                }

                var submodule = parts[2].StartsWith("S", StringComparison.Ordinal);
                if (kind == 'u')
                {
                    entries.Add(new StatusEntry(parts[10], 'M', 'M', null, submodule));
                }
                else if (kind == '2' && i + 1 < fields.Count)
                {
                    entries.Add(new StatusEntry(parts[9], parts[1][0] == 'C' ? 'A' : 'R', parts[1][1], parts[1][0] == 'C' ? null : fields[i + 1], submodule));
                    i++;
                }
                else if (kind == '1')
                {
                    entries.Add(new StatusEntry(parts[8], parts[1][0], parts[1][1], null, submodule));
                }
            }

            return entries;
        }
    }
}
