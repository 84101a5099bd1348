using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace AgentGuard.Policy
{
    /// <summary>What a code span (or bold text, or a dotted identifier in prose) names.</summary>
    internal enum TargetKind
    {
        Other,
        Symbol,
        Construct,
        Path,
        BareMember,
        MalformedId,
    }

    /// <summary>
    /// Decides what a rule's target text names, in the order DESIGN.md fixes: the construct table, a documentation
    /// ID or C# name, a path or glob; a member written without its type (<c>.Value</c>) is imprecise; anything else
    /// (commands, prose) names nothing enforceable.
    /// </summary>
    internal static class TargetClassifier
    {
        private static readonly HashSet<string> FileExtensions = new HashSet<string>(StringComparer.Ordinal)
        {
            "cs", "csproj", "fsproj", "vbproj", "sln", "slnx", "props", "targets", "json", "yml", "yaml", "xml", "config",
            "md", "txt", "ps1", "sh", "cmd", "bat", "lock", "env", "pfx", "pem", "key", "snk", "resx", "razor", "cshtml",
            "sql", "editorconfig", "globalconfig", "nupkg", "dll", "gitignore", "proto", "ts", "js", "css", "html",
        };

        private static readonly HashSet<string> ExampleNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "TypeName", "ClassName", "MethodName", "PropertyName", "MyClass", "MyType", "MyService", "SomeType", "SomeClass", "YourType", "YourClass", "Foo", "Bar", "Baz", "Xxx",
        };

        private static readonly TieredRegex DotFile = new TieredRegex(@"^\.[a-z][\w.-]*/?$", RegexOptions.CultureInvariant);
        private static readonly TieredRegex Extension = new TieredRegex(@"\.([a-z0-9]+)$", RegexOptions.CultureInvariant);
        private static readonly TieredRegex BareMember = new TieredRegex(@"^\.[A-Z_][A-Za-z0-9_]*(?:\(\))?$", RegexOptions.CultureInvariant);

        public static TargetKind Classify(string text, out BannedConstruct construct, out RuleTarget? symbol)
        {
            symbol = null;
            text = text.Trim();
            if (ConstructTable.TryMatchCodeSpan(text, out construct))
            {
                return TargetKind.Construct;
            }

            if (LooksLikePath(text))
            {
                return TargetKind.Path;
            }

            var target = RuleTarget.Parse(text);
            if (target.Kind == RuleTargetKind.Name && ExampleNames.Contains(target.Segments[target.Segments.Count - 1].Name))
            {
                // "`new ()`, not `new TypeName()`": a stand-in for any type in an example, not a type to ban.
                return TargetKind.Other;
            }

            if (target.Kind == RuleTargetKind.DocumentationId && !IsBalanced(text))
            {
                return TargetKind.MalformedId;
            }

            if (target.Kind == RuleTargetKind.DocumentationId
                || (target.Kind == RuleTargetKind.Name && (target.Segments.Count > 1 || char.IsUpper(target.Segments[0].Name[0]))))
            {
                // A single lowercase word (`style`, `main`, `double`) is a word, a branch or a keyword, not a type.
                symbol = target;
                return TargetKind.Symbol;
            }

            return BareMember.IsMatch(text) ? TargetKind.BareMember : TargetKind.Other;
        }

        private static bool IsBalanced(string text)
        {
            var depth = 0;
            foreach (var c in text)
            {
                depth += c == '(' || c == '{' || c == '[' ? 1 : c == ')' || c == '}' || c == ']' ? -1 : 0;
                if (depth < 0)
                {
                    return false;
                }
            }

            return depth == 0;
        }

        /// <summary>True for "Shop.csproj", "appsettings.json": a name that ends in a known file extension.</summary>
        public static bool HasFileExtension(string text)
        {
            var extension = Extension.Match(text);
            return extension.Success && FileExtensions.Contains(extension.Groups[1].Value);
        }

        public static bool LooksLikePath(string text)
        {
            // Not a URL, a git remote (git@host:repo), a user@host or a key: value.
            if (text.Length == 0 || text.IndexOf(' ') >= 0 || text.IndexOf('@') >= 0 || (text.Length > 2 && text.IndexOf(':', 2) >= 0) || text.StartsWith("#", StringComparison.Ordinal))
            {
                return false;
            }

            if (text.IndexOf('/') >= 0 || text.IndexOf('\\') >= 0 || text.IndexOf('*') >= 0)
            {
                // Paths and globs; not generics or operators.
                return text.IndexOf('<') < 0 && text.IndexOf('(') < 0 && text.IndexOf('=') < 0;
            }

            if (DotFile.IsMatch(text))
            {
                return true;
            }

            var extension = Extension.Match(text);
            return extension.Success && FileExtensions.Contains(extension.Groups[1].Value);
        }
    }
}
