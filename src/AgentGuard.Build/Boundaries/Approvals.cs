using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using AgentGuard.Policy;

namespace AgentGuard.Build.Boundaries
{
    /// <summary>
    /// <c>AgentGuardApprove</c>: globs and IDs, separated by ';' or ',', that a human (through CI) grants to a change.
    /// A glob approves the findings on paths it matches; an ID approves every finding with that ID. Nothing opens a
    /// forbidden path.
    /// </summary>
    internal sealed class Approvals
    {
        private static readonly Regex IdPattern = new Regex(@"^AG\d{4}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private readonly List<string> _ids = new List<string>();
        private readonly List<(string Text, PathGlob Glob)> _globs = new List<(string, PathGlob)>();

        private Approvals()
        {
        }

        public static Approvals None { get; } = new Approvals();

        public bool IsEmpty => _ids.Count == 0 && _globs.Count == 0;

        public static Approvals Parse(string? text)
        {
            var approvals = new Approvals();
            foreach (var part in (text ?? string.Empty).Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var entry = part.Trim();
                if (entry.Length == 0)
                {
                    continue;
                }

                if (IdPattern.IsMatch(entry))
                {
                    approvals._ids.Add(entry.ToUpperInvariant());
                }
                else
                {
                    approvals._globs.Add((entry, PathGlob.Parse(entry)));
                }
            }

            return approvals;
        }

        /// <summary>The entry that approves <paramref name="finding"/>, or null.</summary>
        public string? Approve(BoundaryFinding finding)
        {
            if (finding.ApprovalPath == null)
            {
                return null;
            }

            foreach (var id in _ids)
            {
                if (id == finding.Id)
                {
                    return id;
                }
            }

            return GlobFor(finding.ApprovalPath);
        }

        /// <summary>The glob entry that matches <paramref name="path"/>, or null.</summary>
        public string? GlobFor(string path)
        {
            foreach (var (text, glob) in _globs)
            {
                if (glob.IsMatch(path))
                {
                    return text;
                }
            }

            return null;
        }
    }
}
