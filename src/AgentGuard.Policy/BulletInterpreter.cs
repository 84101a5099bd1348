using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentGuard.Policy
{
    /// <summary>
    /// Turns one bullet into a <see cref="GoldenRule"/>: splits it into clauses ("Never use `A` — use `B`" has a banning
    /// clause and a suggesting one), gives each clause its polarity, and classifies the targets of the banning clauses
    /// (symbol, construct, path, built-in check, dependency). "Use `B` instead of `A`" bans `A`. Targets are code spans,
    /// bold text that names something, and dotted identifiers in prose.
    /// Precision comes first: a symbol is banned only by a clause that bans using it ("Never use", "No", "Avoid"), never
    /// by one that modifies, catches or throws it; a rule with a condition ("without", "when") bans no symbol; a rule
    /// limited to a place the analyzers cannot see ("in components", "for invoice numbers") is enforced as a warning.
    /// </summary>
    internal static class BulletInterpreter
    {
        // Targets are replaced by placeholders so that their content never decides a clause boundary.
        public const char CodeStart = '\u0001';
        private const char CodeEnd = '\u0002';

        private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

        private const string PolarityVerb =
            @"(?:instead\b|rather\b|use\b|prefer\b|call\b|always\b|never\b|don't\b|do\s+not\b|avoid\b|inject\b|rely\b|go\s+through\b|read\b|pass\b|not\b)";

        internal static readonly TieredRegex ClauseBoundary = new TieredRegex(
            @"\s*[—–]\s*"
            + @"|\s+--?\s+"
            + @"|\s*;\s*"
            + @"|(?<=[.!?])\s+"
            + @"|(?<=:)\s+"
            + @"|\s+\(\s*|(?<!\()\s*\)(?=\s|$|[.,;:!?])"
            + @"|\s*,\s*(?=(?:and\s+|but\s+|so\s+)?" + PolarityVerb + ")"
            + @"|\s+(?:and|but|or)\s+(?=" + PolarityVerb + ")",
            Options);

        private static readonly TieredRegex BuildingPurpose = new TieredRegex(@"\bto\s+" + Lexicon.Any(Lexicon.BuildingVerbs) + @"\b", Options);

        private static readonly TieredRegex LoneTargetInParentheses = new TieredRegex("\\(\\s*(\u0001\\d+\u0002)\\s*\\)", RegexOptions.CultureInvariant);

        // PascalCase dotted names in prose: Directory.SetCurrentDirectory, Trace.WriteLine(), System.IO.File.
        // Not ASP.NET (no lowercase), not Node.js or Program.cs (a lowercase segment), not Directory.Build.props.
        private static readonly TieredRegex DottedIdentifier = new TieredRegex(
            @"(?<![\w./\\@#-])(?=[A-Za-z_]*[a-z])[A-Z][A-Za-z0-9_]*(?:\.[A-Z][A-Za-z0-9_]*)+(?:\(\))?(?![\w/\\-]|\.[A-Za-z])",
            RegexOptions.CultureInvariant);


        // "Never use `decimal.Round` without `MidpointRounding`": which uses are allowed depends on something the
        // analyzers cannot see, so the rule bans no symbol or construct.
        private static readonly TieredRegex Condition = new TieredRegex(
            @"\b(?:without|when(?:ever)?|while|if|before|after|twice|more\s+than\s+once|only)\b|\bas\s+(?:a|an)\s+\w+|\bin(?:side)?\s+(?:a\s+|the\s+)?(?:tight\s+)?loops?\b|\bfrom\s+(?:a|the|any)\s+(?:[\w-]+\s+)?thread\b",
            Options);

        // "for new commands", "in new code", "legacy patterns to avoid": the rule is about code still to be written, and the
        // analyzers cannot tell new code from old, so enforcing it everywhere would fail on code the rule leaves alone.
        private static readonly TieredRegex Novelty = new TieredRegex(
            @"\b(?:for|in|on)\s+(?:all\s+|any\s+)?new\s+(?:[\w-]+\s+){0,2}?(?:code|commands?|classes|files|projects?|features?|apis?|endpoints?|tools?|types?|work)\b|\bnew\s+(?:code|commands?|projects?)\s+(?:must|should|shall)\b|\blegacy\s+(?:patterns?|apis?|code|approach(?:es)?)\b",
            Options);

        // "Mutating actions must use `HttpPost`, never `HttpGet`": the rule speaks of some code only, which the analyzers
        // cannot pick out. "You", "code", "tests" and the like are no such limit.
        private static readonly TieredRegex LimitedSubject = new TieredRegex(
            @"^\W*(?:the\s+|all\s+|any\s+)?(?!" + Lexicon.Any(Lexicon.Addressees, new[] { "ai", "code", "source", "tests?", "it", "this", "these", "there", "always", "never", "do", "don't", "dont", "use", "prefer", "avoid", "no", "not", "please", "every", "each", "only" }) + @"\b)[a-z][\w-]*(?:\s+(?!must\b|should\b|shall\b|never\b|may\b)[a-z][\w-]*){0,2}\s+(?:must|should|shall|need\s+to|needs\s+to|have\s+to|has\s+to)\b",
            Options);

        // "... other than Blazor `@onclick` callbacks": what follows names the exceptions, not more bans.
        private static readonly string[] ButNot = { @"but\s+not" };

        // "## When fixing bugs", "### If you touch the API": the items under it apply to some changes only.
        private static readonly TieredRegex SectionCondition = new TieredRegex(@"\b(?:when|whenever|if|unless|while)\b", Options);

        // "not the other `Channel` constructors": every constructor but the ones the bullet asks for.
        private static readonly GatedPattern OtherConstructors = new GatedPattern(
            @"\bthe\s+other\s+\u0001(?<index>\d+)\u0002\s+(?:constructors?|ctors?)\b", Options, "other");

        private static readonly GatedPattern Exclusion = new GatedPattern(@"\b" + Lexicon.Any(Lexicon.Exceptions, ButNot) + @"\b", Options, Lexicon.GateWords(Lexicon.Exceptions, ButNot));

        // "in `InvoiceCalculator`", "into `OrderService`", "in Shop.Domain": the code span names where the rule applies, not
        // what it bans. A path there is a scope (ReadPathScope); a name is a place the analyzers cannot see.
        private static readonly TieredRegex PlaceTarget = new TieredRegex(
            @"\b(?:in|inside|within|into|throughout|for)\s+(?:the\s+|a\s+|an\s+|any\s+|our\s+|all\s+)?\u0001(?<index>\d+)\u0002",
            Options);

        // "outside the Infrastructure project": allowed in one place the analyzers cannot name.
        private static readonly TieredRegex OutsidePlace = new TieredRegex(@"\boutside\s+(?:of\s+)?(?!tests?\b|test\s+code\b)(?:the\s+)?\w", Options);

        // A limit by place or purpose: "in components", "on hot paths", "for invoice numbers", "with string concatenation",
        // "to build SQL".
        private static readonly TieredRegex PlaceQualifier = new TieredRegex(
            @"\b(?:in|on|for|from|inside|within)\s+(?!(?:code|source|the\s+code(?:base)?|the\s+repo(?:sitory)?|any\s+code|all\s+code)\b)(?:the\s+|a\s+|an\s+|our\s+|any\s+|all\s+)?[a-z][\w'-]*"
            + @"|\bwith\s+(?:the\s+|a\s+|an\s+)?[a-z][\w'-]*"
            + @"|\bto\s+(?:build|create|make|construct|generate|format|compute|parse|store|send|implement|handle|represent|model|produce|check|validate|control|signal|compare|concatenate|pass|hold|cache|identify|get|read|write)\b",
            Options);

        public static GoldenRule? Interpret(InlineText bullet, Section section, int line, RuleAnnotation? annotation)
        {
            var codes = new List<string>();
            var masked = Mask(bullet, codes);
            var targets = new List<TargetKind>(codes.Count);
            foreach (var code in codes)
            {
                targets.Add(TargetClassifier.Classify(code, out _, out _));
            }

            var parts = new RuleParts();
            var consumed = new HashSet<int>();
            ReadPathScope(masked, codes, targets, parts, consumed);
            if (codes.Count > 0)
            {
                foreach (Match place in PlaceTarget.Matches(masked))
                {
                    var index = int.Parse(place.Groups["index"].Value, CultureInfo.InvariantCulture);
                    if (targets[index] != TargetKind.Path && consumed.Add(index))
                    {
                        parts.Restricted = true;
                    }
                }
            }

            // The words that limit the rule: the bullet's own, and a lead-in's ("Never call these from billing code:").
            var qualifiers = section.IsLeadIn ? masked + " " + section.Label : masked;
            var prose = ReplacePlaceholders(qualifiers, " # ");
            var withoutTestScope = ScopeWords.WithoutTestScope(prose);
            var withoutEscapes = PolarityWords.WithoutEscapeClauses(withoutTestScope);
            var clauses = MayHaveClauseBoundary(masked) ? ClauseBoundary.Split(masked) : new[] { masked };
            var context = new ClauseContext(
                codes,
                consumed,
                parts,
                pathKind: !targets.Contains(TargetKind.Path) ? PathRuleKind.Forbidden : section.AsksApproval ? PathRuleKind.Approval : PathRuleWords.KindOf(masked),
                filesSection: SectionChecks.IsFilesHeading(section.Label) || (section.AsksApproval && SectionChecks.IsApprovalFilesHeading(section.Label) && IsBareList(masked)),
                conditional: () => Condition.IsMatch(withoutEscapes) || OutsidePlace.IsMatch(withoutEscapes) || IsNovel(prose + " " + section.Label)
                    || (HasModal(clauses[0]) && LimitedSubject.IsMatch(ReplacePlaceholders(clauses[0], " # "))));
            context.Bullet = bullet.PlainText;
            context.LimitedBySection = section.Label.Length > 0 && SectionChecks.IsConditional(section.Label);
            var normative = ReadTestsRule(masked, codes, targets, context) | ReadGeneratedRule(masked, codes, targets, context);

            var first = RulePolarity.None;
            var text = bullet.PlainText;
            var previous = RulePolarity.None;
            var previousIsLeadIn = false;

            // "Use `TimeProvider`, not `DateTime.Now`", "Prefer `A` over `B`", a ✅ line: the bullet says itself what it
            // forbids or prefers, so a "Never" heading does not turn what it asks for into a ban.
            var statesOwnNegation = clauses.Length > 0
                && (PolarityWords.IndexOfInsteadOf(clauses[0]) >= 0 || PolarityWords.IsPreferOver(clauses[0]) || PolarityWords.IsMarkedRight(clauses[0])
                    || System.Linq.Enumerable.Any(System.Linq.Enumerable.Skip(clauses, 1), c => PolarityWords.OfClause(c) == RulePolarity.Never));
            for (var i = 0; i < clauses.Length; i++)
            {
                var clause = clauses[i];
                var scopeless = ScopeWords.WithoutLeadingScope(clause);
                var own = PolarityWords.OfClause(scopeless);
                var insteadOf = PolarityWords.IndexOfInsteadOf(clause);
                var polarity = i == 0 ? Combine(own, section.Polarity, statesOwnNegation) : own != RulePolarity.None ? own : previousIsLeadIn ? previous : RulePolarity.None;
                if (insteadOf >= 0 && PolarityWords.IsPreference(clause))
                {
                    parts.Restricted = true;
                }
                var gate = VerbGates.Of(Lead(scopeless), clause);
                if (i == 0)
                {
                    first = polarity;
                    context.First = polarity;
                    if (own != RulePolarity.Never && polarity == RulePolarity.Never && section.Label.Length > 0)
                    {
                        // "### Never / - Use `X`" is quoted as "Never: Use X", so the message reads as the ban it is.
                        text = section.Label.TrimEnd(':', ' ') + ": " + text;
                    }

                    if (own == RulePolarity.None && section.Polarity == RulePolarity.Never && section.Gate == VerbGate.Other)
                    {
                        // "## Do NOT Modify / - `ApiClient`": the heading's verb is the bullet's.
                        gate = VerbGate.Other;
                    }
                }

                if (DependencyWords.TryMatch(clause, out var from, out var to) && targets[from] == TargetKind.Symbol && targets[to] == TargetKind.Symbol)
                {
                    parts.Dependencies.Add(new DependencyRule(codes[from].Trim(), codes[to].Trim()));
                    consumed.Add(from);
                    consumed.Add(to);
                    polarity = RulePolarity.Never;
                }

                normative |= polarity != RulePolarity.None;
                ReadClause(clause, scopeless, polarity, gate, insteadOf, context);
                previousIsLeadIn = polarity != RulePolarity.None && clause.TrimEnd().EndsWith(":", System.StringComparison.InvariantCulture) && clause.IndexOf(CodeStart) < 0;
                previous = polarity;
            }

            // Style rules ("Use file-scoped namespaces", "**Braces always required**") are read from the whole bullet, also
            // when it is a bare noun phrase under a conventions heading.
            var styles = StyleTable.Read(text, codes, section.Label, first, out var styleReason);
            parts.Styles.AddRange(styles);
            if (!normative && parts.Paths.Count == 0 && annotation == null && styles.Count == 0 && styleReason == null)
            {
                return null;
            }

            if (styleReason != null && parts.GuidanceReason == null)
            {
                parts.GuidanceReason = styleReason;
            }

            DropTypesUsedForAPurpose(masked, prose, parts);
            parts.Tests = ScopeWords.TestScopeOf(prose);
            var limits = ConstructTable.WithoutBuiltInExemptions(withoutTestScope, parts.Constructs);
            var restricted = parts.Symbols.Count + parts.Constructs.Count > 0 && (parts.Restricted || PlaceQualifier.IsMatch(limits));
            parts.HasEscapeClause = restricted || PolarityWords.HasEscapeClause(limits);
            if (annotation != null)
            {
                parts.Apply(annotation);
            }

            if (section.AsksApproval && parts.Paths.Count > 0)
            {
                // "### Ask first / - Modifying `.csproj` files" is quoted as "Ask first: Modifying .csproj files".
                text = section.Label.TrimEnd(':', ' ') + ": " + text;
            }

            return new GoldenRule(line, text, first, parts);
        }

        /// <summary>The polarity a bullet such as "Never use these:" hands to its nested items, or None.</summary>
        public static RulePolarity LeadInPolarity(InlineText bullet, RulePolarity section)
        {
            var text = bullet.PlainText.TrimEnd();
            // Culture-aware: a colon followed by an invisible character ("these:\u200B") still ends the text.
            if (!text.EndsWith(":", System.StringComparison.InvariantCulture))
            {
                return RulePolarity.None;
            }

            foreach (var token in bullet.Tokens)
            {
                if (token.IsCode)
                {
                    return RulePolarity.None;
                }
            }

            return Combine(PolarityWords.OfClause(text), section, statesOwnNegation: false);
        }

        /// <summary>
        /// A bullet's own negative wording wins; under a "Never" heading every bullet bans, except one that says what to
        /// use instead ("Use `B` instead of `A`" under "## Don'ts" still bans A, not B); otherwise its own wording or the heading's.
        /// </summary>
        private static RulePolarity Combine(RulePolarity own, RulePolarity section, bool statesOwnNegation)
        {
            if (own == RulePolarity.Never || (section == RulePolarity.Never && !(own == RulePolarity.Always && statesOwnNegation)))
            {
                return RulePolarity.Never;
            }

            return own != RulePolarity.None ? own : section;
        }

        /// <summary>"In `src/Domain/**`, never use `DbContext`": a path that limits a rule about code is its scope, not a path to protect.</summary>
        private static void ReadPathScope(string masked, List<string> codes, List<TargetKind> targets, RuleParts parts, HashSet<int> consumed)
        {
            if (!targets.Exists(kind => kind == TargetKind.Symbol || kind == TargetKind.Construct))
            {
                return;
            }

            foreach (Match match in ScopeWords.PathScope.Matches(masked))
            {
                var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
                if (targets[index] == TargetKind.Path && PathGlob.Problem(codes[index]) == null && consumed.Add(index))
                {
                    parts.ScopePaths.Add(codes[index].Trim());
                }
            }
        }

        private static void ReadClause(string clause, string scopeless, RulePolarity polarity, VerbGate gate, int insteadOf, ClauseContext context)
        {
            var exclusion = Exclusion.Match(clause);
            var end = exclusion.Success ? exclusion.Index : clause.Length;
            switch (polarity)
            {
                case RulePolarity.Never:
                    // "Never use `A` instead of `B`" bans A.
                    var banEnd = insteadOf >= 0 ? System.Math.Min(insteadOf, end) : end;
                    ReadOtherConstructors(clause, context);
                    var editing = VerbGates.IsEditing(Lead(scopeless));
                    AddTargets(clause, 0, banEnd, gate, context, editing);
                    if (!context.Conditional && !editing)
                    {
                        foreach (var construct in ConstructTable.MatchProse(ReplacePlaceholders(clause.Substring(0, banEnd), " ")))
                        {
                            context.Parts.AddConstruct(construct);
                        }
                    }

                    AddForbiddenBuiltins(clause, context);

                    break;
                case RulePolarity.Always:
                    // "Use `B` instead of `A`" bans A; B, and what an Always clause names, is allowed.
                    if (insteadOf >= 0)
                    {
                        AddTargets(clause, insteadOf, end, gate, context);
                    }

                    foreach (var index in PlaceholderIndexes(clause, 0, insteadOf >= 0 ? insteadOf : clause.Length))
                    {
                        if (!context.Consumed.Contains(index) && TargetClassifier.Classify(context.Codes[index], out _, out var allowed) == TargetKind.Symbol)
                        {
                            context.Parts.Allowed.Add(allowed!);
                        }
                    }

                    foreach (var id in BuiltinTable.MatchRequiring(Unmask(clause, context.Codes)))
                    {
                        context.Parts.AddBuiltin(id);
                    }

                    foreach (var construct in ConstructTable.MatchRequiring(context.Bullet))
                    {
                        context.Parts.AddConstruct(construct);
                    }

                    break;
                default:
                    // "Never commit filler (dummy text, fake URLs, TODO markers)": a clause without wording of its own lists more
                    // of what the bullet forbids.
                    if (context.First == RulePolarity.Never)
                    {
                        AddForbiddenBuiltins(clause, context);
                    }

                    // "Changes to `src/*/Migrations/**` need a DBA's approval" is normative without a verb of its own.
                    if (context.PathKind == PathRuleKind.Approval)
                    {
                        foreach (var index in PlaceholderIndexes(clause, 0, clause.Length))
                        {
                            if (!context.Consumed.Contains(index) && TargetClassifier.LooksLikePath(context.Codes[index].Trim()) && IsFileObject(clause, index, context))
                            {
                                context.Parts.Paths.Add(new PathRule(PathRuleWords.GlobOf(context.Codes[index]), PathRuleKind.Approval));
                            }
                        }
                    }

                    break;
            }
        }

        /// <summary>
        /// "Use `Channel(ChannelOptions)`, not the other `Channel` constructors": constructing a Channel is banned except
        /// through the constructors the bullet names with their parameter types.
        /// </summary>
        private static void ReadOtherConstructors(string clause, ClauseContext context)
        {
            if (!OtherConstructors.CanMatch(clause) || context.Conditional)
            {
                return;
            }

            foreach (Match match in OtherConstructors.Regex.Matches(clause))
            {
                var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
                var type = context.Codes[index].Trim();
                if (context.Consumed.Contains(index) || TargetClassifier.Classify(type, out _, out var symbol) != TargetKind.Symbol || symbol!.IsConstruction)
                {
                    continue;
                }

                var typeName = symbol.Segments[symbol.Segments.Count - 1].Name;
                var exempt = new List<IReadOnlyList<string>>();
                for (var other = 0; other < context.Codes.Count; other++)
                {
                    var code = context.Codes[other].Trim();
                    if (other != index && CSharpNameParser.ParameterTypesOf(code) is { } parameters && CSharpNameParser.TryParse(code) is { } segments
                        && segments[segments.Count - 1].Name == typeName)
                    {
                        exempt.Add(parameters);
                    }
                }

                if (exempt.Count > 0 && context.Consumed.Add(index))
                {
                    context.Parts.AddSymbol(symbol.AsConstructionExcept(exempt));
                }
            }
        }

        private static void AddTargets(string clause, int from, int to, VerbGate gate, ClauseContext context, bool editing = false)
        {
            foreach (var index in PlaceholderIndexes(clause, from, to))
            {
                if (!context.Consumed.Add(index))
                {
                    continue;
                }

                var code = context.Codes[index].Trim();
                var kind = TargetClassifier.Classify(code, out var construct, out var symbol);
                if (kind == TargetKind.Symbol || kind == TargetKind.Construct || kind == TargetKind.BareMember)
                {
                    if (context.Conditional)
                    {
                        context.Parts.GuidanceReason ??= $"'{code}' is named with a condition AgentGuard cannot check (without, when, before, outside, ...)";
                    }
                    else if (gate == VerbGate.Other && kind != TargetKind.Construct)
                    {
                        context.Parts.GuidanceReason ??= $"the rule is about something else than using '{code}' (modify, catch, throw, rename, ...)";
                    }
                }

                switch (kind)
                {
                    case TargetKind.Symbol when gate != VerbGate.Other && !context.Conditional:
                        context.Parts.AddSymbol(gate == VerbGate.Construct ? symbol!.AsConstruction() : symbol!);
                        break;
                    case TargetKind.Construct when !context.Conditional && !editing:
                        context.Parts.AddConstruct(construct);
                        break;
                    case TargetKind.Path when IsFileObject(clause, index, context):
                        context.Parts.Paths.Add(new PathRule(PathRuleWords.GlobOf(code), context.PathKind));
                        break;
                    case TargetKind.MalformedId:
                        context.Parts.Problems.Add(new RuleProblem(
                            RuleProblemKind.Imprecise,
                            code,
                            $"'{code}' does not parse as a documentation ID (its brackets do not balance); write it as in BannedSymbols.txt, e.g. 'M:System.Console.WriteLine(System.String)'"));
                        break;
                    case TargetKind.BareMember when gate != VerbGate.Other && !context.Conditional:
                        context.Parts.Problems.Add(new RuleProblem(
                            RuleProblemKind.Imprecise,
                            code,
                            $"'{code}' names a member without its type, so it would match every member of that name; write the type too (`Type{code}`) or a documentation ID"));
                        break;
                }
            }
        }

        /// <summary>
        /// True when the span at <paramref name="index"/> is what the clause's verb acts on as a file ("never edit `x`",
        /// "changes to `x` or `y` need approval"), or the heading says its items are files. The words between an earlier
        /// span and this one may only join them ("`a` or `b`").
        /// </summary>
        private static bool IsFileObject(string clause, int index, ClauseContext context)
        {
            if (context.FilesSection)
            {
                return true;
            }

            var position = clause.IndexOf(CodeStart + index.ToString(CultureInfo.InvariantCulture) + CodeEnd, System.StringComparison.Ordinal);
            if (position < 0)
            {
                return false;
            }

            var lead = ReplacePlaceholders(ScopeWords.WithoutLeadingScope(clause.Substring(0, position)), ",");
            var after = clause.Substring(clause.IndexOf(CodeEnd, position) + 1);
            return PathRuleWords.IsFileObject(VerbGates.WithoutStarters(lead), after);
        }

        /// <summary>"Every change under `src/X` must include tests in `tests/Y`": the pairing the boundary check enforces (AG2004).</summary>
        private static bool ReadTestsRule(string masked, List<string> codes, List<TargetKind> targets, ClauseContext context)
        {
            if (!PathRuleWords.TryMatchTests(masked, out var source, out var tests) || targets[tests] != TargetKind.Path || (source >= 0 && targets[source] != TargetKind.Path))
            {
                if (codes.Count == 0 && PathRuleWords.AsksTestsWithEveryChange(masked) && !PolarityWords.HasEscapeClause(masked) && !context.LimitedBySection)
                {
                    // No folder named: a test changes with the code wherever the team keeps its tests.
                    context.Parts.Paths.Add(new PathRule("**/*.cs", PathRuleKind.Tests, PathRule.AnyTests));
                    return true;
                }

                return false;
            }

            var sourceGlob = source >= 0 ? AsFolder(codes[source].Trim()) : "**/*.cs";
            context.Parts.Paths.Add(new PathRule(sourceGlob, PathRuleKind.Tests, AsFolder(codes[tests].Trim())));
            context.Consumed.Add(tests);
            if (source >= 0)
            {
                context.Consumed.Add(source);
            }

            return true;
        }

        /// <summary>"`src/Api/Generated/` is generated by NSwag; never hand-edit it": a generated entry for the boundary check (AG2003).</summary>
        private static bool ReadGeneratedRule(string masked, List<string> codes, List<TargetKind> targets, ClauseContext context)
        {
            // "`src/Bindings/Api.cs` and `Structs.cs` are generated": a bare name next to a path is in the same folder.
            string? folder = null;
            var read = false;
            foreach (var index in PathRuleWords.GeneratedSubjectsOf(masked))
            {
                var code = codes[index].Trim();
                if (targets[index] != TargetKind.Path || !context.Consumed.Add(index))
                {
                    continue;
                }

                var slash = code.LastIndexOf('/');
                folder ??= slash > 0 ? code.Substring(0, slash) : null;
                context.Parts.Paths.Add(new PathRule(slash < 0 && folder != null ? folder + "/" + code : PathRuleWords.GlobOf(code), PathRuleKind.Generated));
                read = true;
            }

            return read;
        }

        /// <summary>"src/Billing" and "src/Billing/" name the folder: everything under it.</summary>
        private static string AsFolder(string path) =>
            path.IndexOf('*') >= 0 || TargetClassifier.HasFileExtension(path) ? path : path.TrimEnd('/') + "/**";

        /// <summary>
        /// "Use `Links.Create` instead of the `Uri` class to build links": the rule is about building one thing with the type,
        /// and banning every use of <c>Uri</c> would be far wider than that. A member ("`DateTime.Now` to build timestamps")
        /// stays banned, at a warning.
        /// </summary>
        private static void DropTypesUsedForAPurpose(string masked, string prose, RuleParts parts)
        {
            if (parts.Symbols.Count == 0 || !BuildingPurpose.IsMatch(prose))
            {
                return;
            }

            foreach (var type in parts.Symbols.Where(symbol => symbol.Kind == RuleTargetKind.Name && symbol.Segments.Count == 1 && !symbol.IsConstruction).ToList())
            {
                parts.Symbols.Remove(type);
                parts.GuidanceReason ??= $"the rule is about building something with '{type.Text}' for a purpose, not about every use of it";
            }
        }

        /// <summary>The built-in checks a forbidding clause names, unless a condition of its own limits it.</summary>
        private static void AddForbiddenBuiltins(string clause, ClauseContext context)
        {
            var text = Unmask(clause, context.Codes);
            var ids = BuiltinTable.MatchForbidding(text).ToList();
            if (ids.Count > 0 && !IsConditional(clause))
            {
                ids.ForEach(context.Parts.AddBuiltin);
                if (ids.Contains(DiagnosticIds.UnjustifiedSuppression))
                {
                    // "Never suppress the reliability warnings (CA2xxx)": the IDs are in the bullet, not always in the clause.
                    context.Parts.BuiltinSubjects.AddRange(BuiltinTable.AnalyzerIdsIn(context.Bullet));
                }
            }
        }

        /// <summary>
        /// "Never add `[Ignore]` without a tracked issue": a condition in the clause itself keeps a built-in check from being
        /// escalated by it; a condition elsewhere in the bullet ("wrap only to add context") does not.
        /// </summary>
        private static bool IsConditional(string clause)
        {
            var prose = BuiltinTable.WithoutOwnConditions(PolarityWords.WithoutEscapeClauses(ScopeWords.WithoutTestScope(ReplacePlaceholders(clause, " # "))));
            return Condition.IsMatch(prose) || IsNovel(prose);
        }

        private static bool IsNovel(string text) =>
            (text.IndexOf("new", System.StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("legacy", System.StringComparison.OrdinalIgnoreCase) >= 0) && Novelty.IsMatch(text);

        private static bool HasModal(string clause) =>
            clause.IndexOf("must", System.StringComparison.OrdinalIgnoreCase) >= 0 || clause.IndexOf("should", System.StringComparison.OrdinalIgnoreCase) >= 0
            || clause.IndexOf("shall", System.StringComparison.OrdinalIgnoreCase) >= 0 || clause.IndexOf(" to ", System.StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>The words of a clause before its first target.</summary>
        private static string Lead(string clause)
        {
            var start = clause.IndexOf(CodeStart);
            return start < 0 ? clause : clause.Substring(0, start);
        }

        private static IEnumerable<int> PlaceholderIndexes(string clause, int from, int to)
        {
            for (var at = NextPlaceholder(clause, 0, out var end, out var index); at >= 0 && at < to; at = NextPlaceholder(clause, end, out end, out index))
            {
                if (at >= from)
                {
                    yield return index;
                }
            }
        }

        private static string Unmask(string masked, List<string> codes) => ReplacePlaceholders(masked, index => codes[index]);

        /// <summary>The text with each placeholder (<c>\u0001</c>, the code's number, <c>\u0002</c>) replaced.</summary>
        private static string ReplacePlaceholders(string text, System.Func<int, string> replacement)
        {
            var at = NextPlaceholder(text, 0, out var end, out var index);
            if (at < 0)
            {
                return text;
            }

            var builder = new StringBuilder(text.Length);
            var copied = 0;
            for (; at >= 0; at = NextPlaceholder(text, end, out end, out index))
            {
                builder.Append(text, copied, at - copied).Append(replacement(index));
                copied = end;
            }

            return builder.Append(text, copied, text.Length - copied).ToString();
        }

        private static string ReplacePlaceholders(string text, string replacement) => ReplacePlaceholders(text, _ => replacement);

        /// <summary>
        /// Where the first placeholder (<c>\u0001</c>, digits, <c>\u0002</c>) at or after <paramref name="from"/> starts, or -1;
        /// where it ends, and its code's number (-1 for digits that are no number of ours: only a label's raw text has those).
        /// </summary>
        private static int NextPlaceholder(string text, int from, out int end, out int index)
        {
            for (var start = text.IndexOf(CodeStart, from); start >= 0; start = text.IndexOf(CodeStart, start + 1))
            {
                var digit = start + 1;
                long number = 0;
                while (digit < text.Length && char.IsDigit(text[digit]))
                {
                    number = text[digit] >= '0' && text[digit] <= '9' && number <= int.MaxValue ? (number * 10) + (text[digit] - '0') : long.MaxValue;
                    digit++;
                }

                if (digit > start + 1 && digit < text.Length && text[digit] == CodeEnd)
                {
                    end = digit + 1;
                    index = number <= int.MaxValue ? (int)number : -1;
                    return start;
                }
            }

            end = -1;
            index = -1;
            return -1;
        }

        private static string Mask(InlineText bullet, List<string> codes)
        {
            var builder = new StringBuilder();
            foreach (var token in bullet.Tokens)
            {
                if (token.IsCode)
                {
                    AppendPlaceholder(builder, codes, token.Text);
                    continue;
                }

                // Typographic apostrophes ("Don’t") read as plain ones; the placeholder characters never come from the text.
                var text = CollapseSpace(token.Text);
                var position = 0;
                foreach (Match identifier in HasDotBeforeCapital(text) ? DottedIdentifier.Matches(text) : NoMatches)
                {
                    builder.Append(text, position, identifier.Index - position);
                    AppendPlaceholder(builder, codes, identifier.Value);
                    position = identifier.Index + identifier.Length;
                }

                builder.Append(text, position, text.Length - position);
            }

            // "the domain layer (`Shop.Domain`)": parentheses around one name only name what precedes them, they open no clause.
            var masked = builder.ToString();
            return (masked.IndexOf('(') >= 0 ? LoneTargetInParentheses.Replace(masked, " $1") : masked).Trim();
        }

        private static readonly MatchCollection NoMatches = DottedIdentifier.Matches(string.Empty);

        private static readonly char[] BoundaryMarks = { '\u2014', '\u2013', ';', '(', ')' };

        // The words of PolarityVerb: a comma or "and"/"but"/"or" splits a clause only before one of them.
        private static readonly string[] PolarityWordsAfterJoin = { "instead", "rather", "use", "prefer", "call", "always", "never", "don't", "avoid", "inject", "rely", "read", "pass", "not" };

        /// <summary>
        /// False when no alternative of <see cref="ClauseBoundary"/> can match, decided by ordinal searches: the pattern,
        /// tried at every space of an item, is the reader's costliest, and most items are one clause.
        /// </summary>
        internal static bool MayHaveClauseBoundary(string text)
        {
            if (text.IndexOfAny(BoundaryMarks) >= 0)
            {
                return true;
            }

            for (var i = 0; i + 1 < text.Length; i++)
            {
                var c = text[i];
                if ((c == '.' || c == '!' || c == '?' || c == ':') && char.IsWhiteSpace(text[i + 1]))
                {
                    return true;
                }

                if (c == ',' && JoinsPolarityVerb(text, SkipSpace(text, i + 1), "and", "but", "so"))
                {
                    return true;
                }

                if (char.IsWhiteSpace(c) && (text[i + 1] == '-' || JoinsPolarityVerb(text, SkipSpace(text, i + 1), "and", "but", "or", required: true)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>At <paramref name="at"/>: one of the three joining words and white space (optional unless <paramref name="required"/>), then a polarity verb.</summary>
        private static bool JoinsPolarityVerb(string text, int at, string first, string second, string third, bool required = false)
        {
            foreach (var join in new[] { first, second, third })
            {
                var end = at + join.Length;
                if (IsWordAt(text, at, join) && end < text.Length && char.IsWhiteSpace(text[end]) && StartsPolarityVerb(text, SkipSpace(text, end)))
                {
                    return true;
                }
            }

            return !required && StartsPolarityVerb(text, at);
        }

        private static bool StartsPolarityVerb(string text, int at)
        {
            foreach (var word in PolarityWordsAfterJoin)
            {
                if (IsWordAt(text, at, word))
                {
                    return true;
                }
            }

            // "do not", "go through": two words with white space between.
            return (IsWordAt(text, at, "do") && IsWordAt(text, SkipSpace(text, at + 2), "not") && at + 2 < text.Length && char.IsWhiteSpace(text[at + 2]))
                || (IsWordAt(text, at, "go") && IsWordAt(text, SkipSpace(text, at + 2), "through") && at + 2 < text.Length && char.IsWhiteSpace(text[at + 2]));
        }

        private static bool IsWordAt(string text, int at, string word) =>
            at >= 0 && at + word.Length <= text.Length
            && string.Compare(text, at, word, 0, word.Length, System.StringComparison.OrdinalIgnoreCase) == 0
            && (at + word.Length == text.Length || !(char.IsLetterOrDigit(text[at + word.Length]) || text[at + word.Length] == '_'));

        private static int SkipSpace(string text, int at)
        {
            while (at < text.Length && char.IsWhiteSpace(text[at]))
            {
                at++;
            }

            return at;
        }

        /// <summary>"`a`, `b` and `c`": an item that is only its targets, with nothing that says what it does with them.</summary>
        private static bool IsBareList(string masked) =>
            ReplacePlaceholders(masked, " ").Replace(",", " ").Replace(";", " ").Split(new[] { ' ' }, System.StringSplitOptions.RemoveEmptyEntries)
                .All(word => word.Equals("and", System.StringComparison.OrdinalIgnoreCase) || word.Equals("or", System.StringComparison.OrdinalIgnoreCase) || word.Trim('.', ':').Length == 0);

        /// <summary>True when the text holds ".X", which every dotted name in prose does: the others skip its pattern.</summary>
        private static bool HasDotBeforeCapital(string text)
        {
            for (var dot = text.IndexOf('.'); dot >= 0 && dot + 1 < text.Length; dot = text.IndexOf('.', dot + 1))
            {
                if (text[dot + 1] >= 'A' && text[dot + 1] <= 'Z')
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A token's text with every run of white space (and of the placeholder characters, which never come from the text) as one space.</summary>
        private static string CollapseSpace(string text)
        {
            var builder = new StringBuilder(text.Length);
            var inSpace = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) || c == CodeStart || c == CodeEnd)
                {
                    if (!inSpace)
                    {
                        builder.Append(' ');
                    }

                    inSpace = true;
                    continue;
                }

                builder.Append(c == '\u2019' ? '\'' : c);
                inSpace = false;
            }

            return builder.ToString();
        }

        private static void AppendPlaceholder(StringBuilder builder, List<string> codes, string text)
        {
            builder.Append(CodeStart).Append(codes.Count.ToString(CultureInfo.InvariantCulture)).Append(CodeEnd);
            codes.Add(text.Replace(CodeStart, ' ').Replace(CodeEnd, ' '));
        }

        /// <summary>
        /// The heading checks every item of a section asks: each is a pattern over the same label, so the last label's
        /// answers are kept (per thread) and read again by the section's next item.
        /// </summary>
        private static class SectionChecks
        {
            [System.ThreadStatic]
            private static LastAnswer? files;

            [System.ThreadStatic]
            private static LastAnswer? approvalFiles;

            [System.ThreadStatic]
            private static LastAnswer? conditional;

            public static bool IsFilesHeading(string label) => Remembered(ref files, label, PathRuleWords.IsFilesHeading);

            public static bool IsApprovalFilesHeading(string label) => Remembered(ref approvalFiles, label, PathRuleWords.IsApprovalFilesHeading);

            public static bool IsConditional(string label) => Remembered(ref conditional, label, SectionCondition.IsMatch);

            // The answer is computed as before (a pattern that times out throws for this item, as it did) and kept only
            // once it is known.
            private static bool Remembered(ref LastAnswer? last, string label, System.Func<string, bool> check)
            {
                last ??= new LastAnswer();
                if (last.Label != null && string.Equals(last.Label, label, System.StringComparison.Ordinal))
                {
                    return last.Answer;
                }

                var answer = check(label);
                last.Label = label;
                last.Answer = answer;
                return answer;
            }

            private sealed class LastAnswer
            {
                public string? Label;

                public bool Answer;
            }
        }

        /// <summary>What every clause of one bullet shares.</summary>
        private sealed class ClauseContext
        {
            private readonly System.Func<bool> conditional;
            private bool? isConditional;

            public ClauseContext(List<string> codes, HashSet<int> consumed, RuleParts parts, PathRuleKind pathKind, bool filesSection, System.Func<bool> conditional)
            {
                Codes = codes;
                Consumed = consumed;
                Parts = parts;
                PathKind = pathKind;
                FilesSection = filesSection;
                this.conditional = conditional;
            }

            public List<string> Codes { get; }

            public HashSet<int> Consumed { get; }

            public RuleParts Parts { get; }

            /// <summary>What the bullet's paths are: forbidden, gated by approval, or generated.</summary>
            public PathRuleKind PathKind { get; }

            /// <summary>True under a heading that says its items are files ("## Do NOT Modify").</summary>
            public bool FilesSection { get; }

            /// <summary>True under a heading that limits its items to some changes ("## When fixing bugs").</summary>
            public bool LimitedBySection { get; set; }

            /// <summary>The bullet's plain text, for what only the whole bullet says ("**Nullable**: always enabled").</summary>
            public string Bullet { get; set; } = string.Empty;

            /// <summary>The polarity of the bullet's first clause.</summary>
            public RulePolarity First { get; set; }

            /// <summary>
            /// True when the bullet limits its ban by a condition, a place or the novelty of the code, which the analyzers
            /// cannot check; asked only of a clause that would ban something, so it is read once and only then.
            /// </summary>
            public bool Conditional => isConditional ??= conditional();
        }
    }
}
