using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace AgentGuard.Policy
{
    /// <summary>
    /// The fixed table of constructs a rule can ban (AG0002): how each is written in a code span, and the few
    /// prose phrases that name one without doubt ("async void", "#region", "the null-forgiving operator").
    /// </summary>
    internal static class ConstructTable
    {
        private static readonly Dictionary<string, BannedConstruct> CodeSpans = new Dictionary<string, BannedConstruct>(System.StringComparer.Ordinal)
        {
            ["async void"] = BannedConstruct.AsyncVoid,
            ["async void methods"] = BannedConstruct.AsyncVoid,
            ["dynamic"] = BannedConstruct.Dynamic,
            ["goto"] = BannedConstruct.Goto,
            ["#region"] = BannedConstruct.Region,
            ["#regions"] = BannedConstruct.Region,
            ["#region/#endregion"] = BannedConstruct.Region,
            ["#nullable disable"] = BannedConstruct.NullableDisable,
            ["#pragma warning disable"] = BannedConstruct.PragmaWarningDisable,
            ["!"] = BannedConstruct.NullForgiving,
            ["null!"] = BannedConstruct.NullLiteralForgiving,
            ["default!"] = BannedConstruct.NullLiteralForgiving,
            ["lock (this)"] = BannedConstruct.LockThis,
            ["lock(this)"] = BannedConstruct.LockThis,
            [".Result"] = BannedConstruct.TaskResult,
            [".Wait()"] = BannedConstruct.TaskWait,
            [".Wait"] = BannedConstruct.TaskWait,
            [".GetAwaiter().GetResult()"] = BannedConstruct.GetAwaiterGetResult,
            ["GetAwaiter().GetResult()"] = BannedConstruct.GetAwaiterGetResult,
            ["unsafe"] = BannedConstruct.Unsafe,
        };

        private static readonly (TieredRegex Pattern, BannedConstruct Construct)[] Prose =
        {
            (Phrase(@"\basync\s+void\b"), BannedConstruct.AsyncVoid),
            (Phrase(@"\bthe\s+dynamic\s+(?:keyword|type)\b|\bdynamic\s+typing\b"), BannedConstruct.Dynamic),
            (Phrase(@"\bgoto\b"), BannedConstruct.Goto),
            (Phrase(@"#regions?\b|\bregion\s+(?:blocks?|directives?)\b"), BannedConstruct.Region),
            (Phrase(@"#nullable\s+disable\b"), BannedConstruct.NullableDisable),
            (Phrase(@"#pragma\s+warning\s+disable\b"), BannedConstruct.PragmaWarningDisable),
            (Phrase(@"\bnull[- ]forgiving\b|\bdammit\s+operator\b|\bbang\s+operator\b"), BannedConstruct.NullForgiving),
            (Phrase(@"\block\s*\(\s*this\s*\)"), BannedConstruct.LockThis),
            (Phrase(@"(?<![\w)])\.Result\b"), BannedConstruct.TaskResult),
            (Phrase(@"(?<![\w)])\.Wait\(\)"), BannedConstruct.TaskWait),
            (Phrase(@"\.GetAwaiter\(\)\.GetResult\(\)"), BannedConstruct.GetAwaiterGetResult),
            (Phrase(@"(?<![\w-])unsafe\s+(?:code|blocks?|keyword|context)\b"), BannedConstruct.Unsafe),
        };

        // Exceptions the analyzer already makes: "except for event handlers" on async void narrows nothing, so it is no escape.
        private static readonly TieredRegex AsyncVoidExemption = Phrase(@"\b(?:except|other\s+than|apart\s+from|but\s+not|unless\s+(?:it\s+is|they\s+are|writing))\s+(?:for\s+|in\s+)?(?:(?:top-level|ui|winforms|wpf)\s+)?event[- ]?handlers?\b");

        // "Enable nullable reference types", "Nullable reference types: always enabled": then no code turns it off.
        private static readonly TieredRegex NullableEnabled = Phrase(@"\benabl(?:e|ing)\s+(?:the\s+)?nullable\b|\bnullable(?:\s+reference\s+types?)?\b[^.]{0,30}?\b(?:always\s+|must\s+be\s+|is\s+|are\s+|stays?\s+)?enabled\b");

        /// <summary>The constructs a rule that asks for something rules out ("enable nullable reference types" rules out <c>#nullable disable</c>).</summary>
        public static IEnumerable<BannedConstruct> MatchRequiring(string text)
        {
            if (text.IndexOf("nullable", System.StringComparison.OrdinalIgnoreCase) >= 0 && NullableEnabled.IsMatch(text))
            {
                yield return BannedConstruct.NullableDisable;
            }
        }

        /// <summary>The text without the exceptions the analyzer of <paramref name="constructs"/> already applies.</summary>
        public static string WithoutBuiltInExemptions(string text, IReadOnlyCollection<BannedConstruct> constructs)
        {
            foreach (var construct in constructs)
            {
                if (construct == BannedConstruct.AsyncVoid)
                {
                    text = AsyncVoidExemption.Replace(text, " ");
                }
            }

            return text;
        }

        private static readonly TieredRegex Space = new TieredRegex(@"\s+", RegexOptions.CultureInvariant);

        /// <summary>The construct a code span names, if it is in the table.</summary>
        public static bool TryMatchCodeSpan(string text, out BannedConstruct construct)
        {
            var trimmed = text.Trim().TrimEnd(';');
            var normalized = HasSpaceToCollapse(trimmed) ? Space.Replace(trimmed, " ") : trimmed;
            if (normalized.StartsWith("#pragma warning disable", System.StringComparison.Ordinal))
            {
                normalized = "#pragma warning disable";
            }

            return CodeSpans.TryGetValue(normalized, out construct);
        }

        // Most code spans hold no white space or single spaces only, which the pattern would leave as they are.
        private static bool HasSpaceToCollapse(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The constructs prose names outright.</summary>
        public static IEnumerable<BannedConstruct> MatchProse(string text)
        {
            foreach (var (pattern, construct) in Prose)
            {
                if (pattern.IsMatch(text))
                {
                    yield return construct;
                }
            }
        }

        /// <summary>The construct an annotation names: its enum name or a code span form (<c>construct async-void</c>, <c>construct .Result</c>).</summary>
        public static bool TryParseName(string text, out BannedConstruct construct)
        {
            if (TryMatchCodeSpan(text, out construct))
            {
                return true;
            }

            var name = text.Replace("-", string.Empty).Replace("_", string.Empty);
            foreach (BannedConstruct candidate in System.Enum.GetValues(typeof(BannedConstruct)))
            {
                if (string.Equals(candidate.ToString(), name, System.StringComparison.OrdinalIgnoreCase))
                {
                    construct = candidate;
                    return true;
                }
            }

            return false;
        }

        private static TieredRegex Phrase(string pattern) => new TieredRegex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
