using System;
using System.Collections.Generic;
using System.Linq;

namespace AgentGuard.Policy
{
    /// <summary>
    /// The reader's words, one list per meaning. Every stage builds its patterns from these lists instead of writing its
    /// own alternation, so a word added here ("will not" as a negation, "regenerate" as an approval-free file verb) is read
    /// the same way by polarity, the verb gate, path rules and dependencies. Entries are regular-expression fragments
    /// (<c>\s+</c> between words, <c>?</c> for an optional letter) matched case-insensitively at word boundaries.
    /// </summary>
    internal static class Lexicon
    {
        /// <summary>Whom a rule speaks to: "You must", "Agents should never", "Claude must not".</summary>
        public static readonly string[] Addressees = { "you", "we", "agents?", @"ai\s+agents?", @"the\s+agent", "claude", "copilot" };

        /// <summary>Whom a rule asks for something: the addressees without "we" ("We use `A`" describes the code base).</summary>
        public static readonly string[] Readers = { "you", "agents?", @"ai\s+agents?", @"the\s+agent", "claude", "copilot" };

        /// <summary>What a rule speaks of as a whole: "Code must not", "This library never".</summary>
        public static readonly string[] WholeSubjects =
        {
            @"(?:new\s+|production\s+|library\s+|application\s+)?code", @"this\s+(?:project|library|repo(?:sitory)?)", @"the\s+(?:codebase|project|library)",
        };

        /// <summary>Negations before a verb: "never", "don't", "must not".</summary>
        public static readonly string[] Negations =
        {
            "never", "don't", "dont", "doesn't", "mustn't", "shouldn't", "can't", "cannot", "won't", @"(?:do|does|must|should|shall|will)\s+not", @"(?:must|should|shall|will)\s+never",
        };

        /// <summary>
        /// The negations that command ("never", "do not", "must not"), without the ones that describe ("won't", "doesn't",
        /// "cannot"): "it won't change unless the API does" says nothing about editing it.
        /// </summary>
        public static readonly string[] Commands =
        {
            "never", "don't", "dont", "mustn't", "shouldn't", @"(?:do|must|should|shall)\s+not", @"(?:must|should|shall)\s+never",
        };

        /// <summary>Words that forbid on their own, as a list heading or a clause's first word: "Avoid", "No", "Stop".</summary>
        public static readonly string[] Prohibitions = { "avoid", "no", "not", "stop", "forbidden", "prohibited" };

        /// <summary>The modal verbs that make a sentence normative.</summary>
        public static readonly string[] Modals = { "must", "should", "shall" };

        /// <summary>Imperatives that start a positive rule: "Use `A`", "Inject `IClock`", "Make sure".</summary>
        public static readonly string[] Imperatives =
        {
            "always", "use", "prefer", "ensure", @"make\s+sure", "do", "enable", "call", "inject", "read", "write", "pass", "rely", "favou?r", @"go\s+through", "instead", "keep",
            "take", "get", "obtain", "log", "throw", "return", "add", "wrap", "validate", "register", "depend",
        };

        /// <summary>Headings that forbid what their list holds: "## Never", "### Don'ts", "## Anti-patterns".</summary>
        public static readonly string[] NegativeHeadings =
        {
            "never", "avoid", "don'?ts?", @"do\s+not", @"must\s+not", "forbidden", "prohibited", "banned", "anti-?patterns?",
        };

        /// <summary>Headings that demand what their list holds: "## Always", "## Required", "## Dos".</summary>
        public static readonly string[] PositiveHeadings = { "always", "must", "required" };

        /// <summary>Adverbs that change nothing about what a clause bans: "never directly use", "just call".</summary>
        public static readonly string[] Fillers = { "ever", "directly", "explicitly", "manually", "just", "really", "simply", "even", "please" };

        /// <summary>Verbs that use a symbol: "use", "call", "depend on". A ban of a symbol needs one of them (or none at all).</summary>
        public static readonly string[] UseVerbs =
        {
            "use", "using", "uses", "call", "calling", "calls", "invoke", "invoking", "reference", "referencing", "access", "accessing", "read", "reading",
            @"depend\s+on", @"depending\s+on", @"rely\s+on", @"relying\s+on", "import", "importing", "introduce", "introducing", "inject", "injecting",
            "await", "awaiting", "add", "adding", @"take\s+a\s+dependency\s+on", @"go\s+through", "resolve", "resolving", @"the\s+use\s+of", @"use\s+of", @"usage\s+of",
        };

        /// <summary>Verbs that create an instance: "never instantiate `X`" bans <c>new X()</c> only.</summary>
        public static readonly string[] ConstructVerbs =
        {
            "instantiate", "instantiating", "construct", "constructing", "create", "creating", @"new\s+up", @"newing\s+up", "new",
        };

        /// <summary>What a rule builds something for: "use `Links.Create` to build links" is about building, not about every use.</summary>
        public static readonly string[] BuildingVerbs = { "build", "create", "make", "construct", "generate", "compose", "format", "produce", "assemble" };

        /// <summary>Verbs that change what is already there: "don't modify `X`", "never remove `#pragma` lines".</summary>
        public static readonly string[] ChangingVerbs =
        {
            "remove", "removing", "delete", "deleting", "modify", "modifying", "edit", "editing", "change", "changing", "rename", "renaming", "touch", "touching",
            "move", "moving", "reorder", "reformat", @"comment\s+out",
        };

        /// <summary>Verbs that handle a type rather than use it: "never catch `Exception`", "don't mock `HttpClient`".</summary>
        public static readonly string[] HandlingVerbs =
        {
            "catch", "catching", "throw", "throwing", "expose", "exposing", "return", "returning", "mock", "mocking", "log", "logging", "forget", "forgetting",
        };

        /// <summary>Verbs that act on files: "never edit files under `x`", "do not commit `x`", "ask before changing `x`".</summary>
        public static readonly string[] FileVerbs =
        {
            @"(?:hand[- ]?)?edit(?:ing)?", @"modify(?:ing)?", "change", "changing", @"touch(?:ing)?", @"commit(?:ting)?", @"check(?:ing)?\s+in", "create", "creating",
            @"add(?:ing)?", "delete", "deleting", "remove", "removing", "update", "updating", "overwrite", "overwriting", "rewrite", "rewriting", "rename", "renaming",
            "move", "moving", @"write\s+(?:to|into)",
        };

        /// <summary>Phrases after which what follows is left out of the rule: "other than `@onclick` callbacks".</summary>
        public static readonly string[] Exceptions = { @"other\s+than", @"except(?:\s+for)?", @"apart\s+from", "besides" };

        /// <summary>Phrases that soften a rule into advice: "if possible", "where practical", "try to".</summary>
        public static readonly string[] Hedges =
        {
            @"where\s+applicable", @"if\s+possible", @"when\s+possible", @"where\s+possible", @"wherever\s+possible", @"as\s+much\s+as\s+possible", @"when\s+practical",
            @"where\s+practical", @"if\s+needed", @"when\s+necessary", @"if\s+necessary", @"without\s+(?:a\s+)?good\s+reason", "preferably", "generally", @"in\s+general",
            @"try\s+to",
        };

        /// <summary>Phrases that make a change wait for a human: "unless explicitly asked", "without approval", "ask first".</summary>
        public static readonly string[] ApprovalPhrases =
        {
            @"approv\w*", @"sign[- ]?off", @"reviewed\s+by", @"ask\s+(?:a\s+human|first|before|for\s+permission)", @"without\s+asking", @"asking\s+first", "permission",
            @"confirm(?:ation)?\s+(?:from|with)",
            @"unless\s+(?:you\s+are\s+|you're\s+|(?:explicitly|specifically|directly)\s+)*(?:asked|told|requested|instructed|directed)",
            @"without\s+(?:an?\s+)?(?:explicit\s+|specific\s+|prior\s+)?(?:request|instruction|being\s+asked|consent)",
            @"only\s+(?:when|if)\s+(?:explicitly\s+|specifically\s+)?(?:asked|requested|instructed|told)",
        };

        /// <summary>Headings of a list whose items all need approval: "### Ask first", "## Ask before changing", "## Requires approval".</summary>
        public static readonly string[] ApprovalHeadings =
        {
            @"ask\s+(?:me\s+|us\s+|a\s+human\s+|the\s+user\s+|the\s+maintainers?\s+)?(?:first|before)", @"(?:requires?|needs?)\s+(?:human\s+|explicit\s+|prior\s+)?approval",
            @"only\s+with\s+approval", @"check\s+with\s+(?:a\s+human|me|us|the\s+user|maintainers?)\s+first",
        };

        /// <summary>A pattern fragment matching one entry of the lists, as a group.</summary>
        public static string Any(params string[][] lists) => "(?:" + string.Join("|", lists.SelectMany(list => list)) + ")";

        /// <summary>The entries of the lists as one group, each ending at a word boundary.</summary>
        public static string AnyWord(params string[][] lists) => "(?:" + string.Join("|", lists.SelectMany(list => list).Select(entry => entry + @"\b")) + ")";

        // Words nearly every sentence holds: a gate on them would let every line through to its pattern.
        private static readonly HashSet<string> FunctionWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "a", "an", "the", "as", "if", "in", "to", "of", "for", "with", "without", "when", "where", "wherever", "much", "but", "not",
        };

        /// <summary>
        /// The literal words a <see cref="GatedPattern"/> can search for, one per entry: the longest of the entry's words
        /// written without any pattern syntax that is not a function word ("possible" of "if possible", not "if"), else the first
        /// run of letters. Every text matching the entry holds it; an entry that starts with a group has none and is refused.
        /// </summary>
        public static string[] GateWords(params string[][] lists)
        {
            var words = new List<string>();
            foreach (var entry in lists.SelectMany(list => list))
            {
                var plain = entry.Split(new[] { @"\s+" }, StringSplitOptions.None).Where(part => part.Length > 0 && part.All(char.IsLetter)).ToList();
                var rare = plain.Where(part => !FunctionWords.Contains(part)).ToList();
                words.Add(rare.Count > 0 ? rare.OrderByDescending(part => part.Length).First() : plain.Count > 0 ? plain.OrderByDescending(part => part.Length).First() : LeadingWord(entry));
            }

            return words.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        }

        private static string LeadingWord(string entry)
        {
            var length = 0;
            while (length < entry.Length && char.IsLetter(entry[length]))
            {
                length++;
            }

            // "agents?" holds "agent", not "agents".
            if (length < entry.Length && (entry[length] == '?' || entry[length] == '*' || entry[length] == '{'))
            {
                length--;
            }

            if (length <= 0)
            {
                throw new ArgumentException("A gated entry must start with a literal word: " + entry, nameof(entry));
            }

            return entry.Substring(0, length);
        }
    }
}
