using System;
using System.Collections.Generic;
using System.Linq;

namespace AgentGuard.Policy
{
    /// <summary>How a rule file's rules apply to the files under its base folder.</summary>
    public enum RuleFileApplication
    {
        /// <summary>To every file under the base folder.</summary>
        Everywhere,

        /// <summary>To the files its globs match, relative to the base folder.</summary>
        Globs,

        /// <summary>Only when an agent or a person asks for the file: its rules are guidance.</summary>
        OnRequest,
    }

    /// <summary>
    /// Where the rules of one file apply, from its kind and its front matter: Copilot's <c>applyTo</c>, Cursor's
    /// <c>globs</c> and <c>alwaysApply</c>, Claude Code's <c>paths</c> (or <c>globs</c>). Globs are relative to the folder
    /// that holds the file's <c>.github</c>, <c>.cursor</c> or <c>.claude</c> folder; one without a folder (<c>*.cs</c>)
    /// matches at any depth. Scoped files do not override each other: their rules add up.
    /// </summary>
    public sealed class RuleFileScope
    {
        /// <summary>Applies everywhere under the base folder.</summary>
        public static readonly RuleFileScope Everywhere = new RuleFileScope(RuleFileApplication.Everywhere, Array.Empty<string>(), null, Array.Empty<RuleFileProblem>());

        private static readonly Dictionary<RuleFileKind, string[]> KnownKeys = new Dictionary<RuleFileKind, string[]>
        {
            [RuleFileKind.CopilotScoped] = new[] { "applyTo", "description", "name", "excludeAgent" },
            [RuleFileKind.CursorRule] = new[] { "globs", "alwaysApply", "description" },
            [RuleFileKind.ClaudeRule] = new[] { "paths", "globs", "description", "name" },
        };

        private PathGlob[]? _parsed;

        private RuleFileScope(RuleFileApplication application, IReadOnlyList<string> globs, string? reason, IReadOnlyList<RuleFileProblem> problems)
        {
            Application = application;
            Globs = globs;
            Reason = reason;
            Problems = problems;
        }

        /// <summary>Everywhere, by globs, or only on request.</summary>
        public RuleFileApplication Application { get; }

        /// <summary>The globs, for <see cref="RuleFileApplication.Globs"/>.</summary>
        public IReadOnlyList<string> Globs { get; }

        /// <summary>Why the rules are guidance, for <see cref="RuleFileApplication.OnRequest"/>.</summary>
        public string? Reason { get; }

        /// <summary>What of the front matter was ignored, each on its line (AG0011).</summary>
        public IReadOnlyList<RuleFileProblem> Problems { get; }

        /// <summary>"everywhere", "files matching src/Api/**", "on request only".</summary>
        public override string ToString() => Application switch
        {
            RuleFileApplication.Everywhere => "everywhere",
            RuleFileApplication.Globs => "files matching " + string.Join(", ", Globs),
            _ => "on request only",
        };

        /// <summary>
        /// True when the rules of a file with this scope apply to the source file <paramref name="sourcePath"/> (a full path):
        /// under <paramref name="scopeFolder"/> when the file is nested below the project, and matched by its globs relative to
        /// <paramref name="baseFolder"/>.
        /// </summary>
        public bool CoversSource(string baseFolder, string? scopeFolder, string sourcePath)
        {
            if (!string.IsNullOrEmpty(scopeFolder) && PathGlob.RelativeTo(scopeFolder!, sourcePath) == null)
            {
                return false;
            }

            if (Application == RuleFileApplication.Everywhere)
            {
                return true;
            }

            var relative = PathGlob.RelativeTo(baseFolder, sourcePath);
            return relative != null && Covers(relative);
        }

        /// <summary>True when the file's rules apply to <paramref name="relativePath"/> (relative to the base folder, '/').</summary>
        public bool Covers(string relativePath)
        {
            switch (Application)
            {
                case RuleFileApplication.Everywhere:
                    return true;
                case RuleFileApplication.Globs:
                    _parsed ??= Globs.Select(PathGlob.Parse).ToArray();
                    return _parsed.Any(glob => glob.IsMatch(relativePath));
                default:
                    return false;
            }
        }

        /// <summary>
        /// False for a file applied only on request, or whose globs name only other languages' files (<c>**/*.tsx</c>,
        /// <c>**/*.ps1</c>): none of its rules can reach C# code. Explain decides against the project's own files.
        /// </summary>
        public bool MayCoverCSharp => Application == RuleFileApplication.Everywhere || (Application == RuleFileApplication.Globs && Globs.Any(MayMatchCSharp));

        private static bool MayMatchCSharp(string glob)
        {
            var name = glob.Replace('\\', '/').TrimEnd('/');
            name = name.Substring(name.LastIndexOf('/') + 1);
            var dot = name.LastIndexOf('.');
            if (name.Length == 0 || name == "**" || dot < 0)
            {
                // "src/Api/**", "tests", "src/Api/": a folder, whatever is in it.
                return true;
            }

            var extension = name.Substring(dot + 1);
            return extension.IndexOf('*') >= 0 || extension.IndexOf('?') >= 0 || string.Equals(extension, "cs", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The scope of a file of <paramref name="kind"/> whose text begins with <paramref name="frontMatter"/>.</summary>
        public static RuleFileScope Of(RuleFileKind kind, FrontMatter? frontMatter)
        {
            if (!RuleFileKinds.IsScoped(kind))
            {
                return Everywhere;
            }

            var problems = new List<RuleFileProblem>();
            if (frontMatter != null)
            {
                problems.AddRange(frontMatter.Problems);
                foreach (var key in frontMatter.Keys)
                {
                    if (!KnownKeys[kind].Contains(key, StringComparer.OrdinalIgnoreCase))
                    {
                        var line = frontMatter.LineOf(key);
                        problems.Add(new RuleFileProblem(line, line, $"the front matter key '{key}' means nothing to a {RuleFileKinds.Describe(kind)} and was ignored; it reads {string.Join(", ", KnownKeys[kind])}"));
                    }
                }
            }

            switch (kind)
            {
                case RuleFileKind.CopilotScoped:
                    var applyTo = ReadGlobs(frontMatter, "applyTo", problems);
                    return applyTo != null
                        ? Scoped(applyTo, problems)
                        : new RuleFileScope(RuleFileApplication.OnRequest, Array.Empty<string>(), "a Copilot instructions file without applyTo is applied only when asked for", problems);
                case RuleFileKind.CursorRule:
                    if (IsTrue(frontMatter?.Values("alwaysApply")))
                    {
                        return new RuleFileScope(RuleFileApplication.Everywhere, Array.Empty<string>(), null, problems);
                    }

                    var globs = ReadGlobs(frontMatter, "globs", problems);
                    return globs != null
                        ? Scoped(globs, problems)
                        : new RuleFileScope(RuleFileApplication.OnRequest, Array.Empty<string>(), "a Cursor rule without alwaysApply: true and without globs is applied only when asked for", problems);
                default:
                    var paths = ReadGlobs(frontMatter, "paths", problems) ?? ReadGlobs(frontMatter, "globs", problems);
                    return paths != null ? Scoped(paths, problems) : new RuleFileScope(RuleFileApplication.Everywhere, Array.Empty<string>(), null, problems);
            }
        }

        private static RuleFileScope Scoped(IReadOnlyList<string> globs, List<RuleFileProblem> problems) =>
            new RuleFileScope(RuleFileApplication.Globs, globs, null, problems);

        private static bool IsTrue(IReadOnlyList<string>? values) =>
            values != null && values.Count == 1 && string.Equals(values[0], "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The usable globs of <paramref name="key"/>, with "{a,b}" expanded; what cannot be used is a problem on the key's line.
        /// Null when the key is absent or empty; an empty list when it names globs none of which can be used (the rules then
        /// apply nowhere: a guess at what was meant could put them where nobody wrote them).
        /// </summary>
        private static IReadOnlyList<string>? ReadGlobs(FrontMatter? frontMatter, string key, List<RuleFileProblem> problems)
        {
            var values = frontMatter?.Values(key);
            if (values == null || values.Count == 0)
            {
                return null;
            }

            var line = frontMatter!.LineOf(key);
            var globs = new List<string>();
            foreach (var value in values)
            {
                foreach (var glob in ExpandBraces(value))
                {
                    var problem = glob.StartsWith("!", StringComparison.Ordinal)
                        ? $"'{glob}' excludes paths, which the agents do not read either"
                        : PathGlob.Problem(glob, "the folder that holds the rule file's settings folder", "write it relative to that folder");
                    if (problem == null && PathGlob.Parse(glob).IsUsable)
                    {
                        globs.Add(glob);
                    }
                    else
                    {
                        problems.Add(new RuleFileProblem(line, line, $"the glob '{glob}' in '{key}' cannot be used ({problem ?? "it does not parse"}) and was ignored"));
                    }
                }
            }

            if (globs.Count == 0)
            {
                problems.Add(new RuleFileProblem(line, line, $"'{key}' names no usable glob, so the file's rules apply nowhere"));
            }

            return globs;
        }

        /// <summary>One level of "{a,b}": "**/*.{cs,razor}" is "**/*.cs" and "**/*.razor".</summary>
        private static IEnumerable<string> ExpandBraces(string glob)
        {
            var open = glob.IndexOf('{');
            var close = open < 0 ? -1 : glob.IndexOf('}', open);
            if (close < 0)
            {
                return new[] { glob };
            }

            var head = glob.Substring(0, open);
            var tail = glob.Substring(close + 1);
            return glob.Substring(open + 1, close - open - 1).Split(',').Select(choice => head + choice.Trim() + tail);
        }
    }
}
