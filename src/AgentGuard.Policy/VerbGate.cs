using System.Text.RegularExpressions;

namespace AgentGuard.Policy
{
    /// <summary>How the verb of a banning clause relates it to the symbols it names.</summary>
    internal enum VerbGate
    {
        /// <summary>"Never use `X`", "No `X`", "Avoid `X`": every use of X is banned.</summary>
        Use,

        /// <summary>"Never instantiate `X`", "`X` construction": only <c>new X(...)</c> is banned.</summary>
        Construct,

        /// <summary>"Don't modify `X`", "Never catch `X`", "Don't throw `X`": the rule is about something else than using X.</summary>
        Other,
    }

    /// <summary>
    /// Reads the verb in front of a clause's first target. Only using a symbol (or a bare "No `X`") bans it;
    /// modifying, catching, throwing, exposing, renaming or mocking a type is a different rule that banning
    /// every use of the type would get wrong.
    /// </summary>
    internal static class VerbGates
    {
        private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

        private static readonly TieredRegex Starter = new TieredRegex(
            @"^(?:\W+|" + Lexicon.Any(Lexicon.Addressees, Lexicon.WholeSubjects) + @"\s+"
            + @"|" + Lexicon.Any(Lexicon.Negations, Lexicon.Prohibitions, Lexicon.Modals, new[] { "always", "prefer", "instead", @"ever\s+again" }, Lexicon.Fillers) + @"\b\s*)+",
            Options);

        private static readonly TieredRegex UseVerb = new TieredRegex(
            @"^(?:" + Lexicon.Any(Lexicon.UseVerbs)
            + @"|(?:(?:direct|raw|manual|blocking|synchronous|static)\s+)*(?:calls?|uses?|usages?|references?|invocations?)\s+(?:to|of|like|such\s+as)"
            + @"|(?:direct|raw|manual|blocking|synchronous)"
            + @"|(?:log|write|print|output|get|obtain|measure|generate|format|serialize|parse|hash|encrypt|wait|sleep|delay|retry|schedule|run|read)\s+(?:[\w-]+\s+){0,3}?(?:through|with|via|using|by\s+calling))\b",
            Options);

        private static readonly TieredRegex AddingReference = new TieredRegex(
            @"^(?:add|adding|introduce|introducing)\s+(?:a\s+|any\s+|new\s+|more\s+|extra\s+)*(?:package\s+|project\s+|nuget\s+)?(?:references?|dependenc(?:y|ies))\s+(?:to|on)\b",
            Options);

        private static readonly TieredRegex ConstructVerb = new TieredRegex(
            @"^" + Lexicon.Any(Lexicon.ConstructVerbs) + @"\b",
            Options);

        private static readonly TieredRegex ConstructionWord = new TieredRegex(
            @"\b(?:construction|instantiation|instances?\s+of|new\s+instances?)\b",
            Options);

        // Verbs about changing or handling code rather than using a construct: "Never remove `#pragma warning disable` lines".
        private static readonly TieredRegex EditingVerb = new TieredRegex(
            @"^" + Lexicon.Any(Lexicon.ChangingVerbs, Lexicon.HandlingVerbs) + @"\b",
            Options);

        // Headings that name what their items are: "## Don'ts", "## APIs", "## Anti-patterns".
        private static readonly TieredRegex ListOfThings = new TieredRegex(@"^(?:don'?ts|dos|things\s+to\s+avoid|apis|patterns|anti-?patterns)\b", Options);

        private static readonly TieredRegex FileVerb = new TieredRegex(@"^" + Lexicon.Any(Lexicon.ChangingVerbs, new[] { "commit", "update" }) + @"\b", Options);

        // The gate and the editing check read the same lead one after the other: its words are stripped once.
        [System.ThreadStatic]
        private static string? lastLead;

        [System.ThreadStatic]
        private static string? lastWithoutStarters;

        /// <summary>The words of a lead without its subject, negation and adverbs: "you must never edit" is "edit".</summary>
        public static string WithoutStarters(string lead)
        {
            if (ReferenceEquals(lead, lastLead) || string.Equals(lead, lastLead, System.StringComparison.Ordinal))
            {
                return lastWithoutStarters!;
            }

            var rest = Starter.Replace(lead.Replace('\u2019', '\''), string.Empty).Trim();
            lastLead = lead;
            lastWithoutStarters = rest;
            return rest;
        }

        /// <summary>True when the clause's verb edits or handles what it names instead of writing it: constructs are then not banned.</summary>
        public static bool IsEditing(string lead) => EditingVerb.IsMatch(WithoutStarters(lead));

        /// <summary>The gate of a clause, from the words before its first target.</summary>
        public static VerbGate Of(string lead, string clause)
        {
            var rest = WithoutStarters(lead);
            if ((rest.StartsWith("add", System.StringComparison.OrdinalIgnoreCase) || rest.StartsWith("introduc", System.StringComparison.OrdinalIgnoreCase)) && AddingReference.IsMatch(rest))
            {
                // "Do not add new references to `OpenTelemetry`": a package or project reference, not a use in code.
                return VerbGate.Other;
            }

            if (rest.Length == 0 || UseVerb.IsMatch(rest))
            {
                return ConstructionWord.IsMatch(clause) ? VerbGate.Construct : VerbGate.Use;
            }

            return ConstructVerb.IsMatch(rest) ? VerbGate.Construct : VerbGate.Other;
        }

        /// <summary>"## Do NOT Modify": a heading whose verb is not a use gives its items no symbol bans.</summary>
        public static VerbGate OfHeading(string heading)
        {
            var rest = Starter.Replace(heading.Replace('\u2019', '\''), string.Empty).Trim().TrimEnd(':');
            return rest.Length == 0 || UseVerb.IsMatch(rest) || ListOfThings.IsMatch(rest)
                ? VerbGate.Use
                : FileVerb.IsMatch(rest) ? VerbGate.Other : VerbGate.Use;
        }
    }
}
