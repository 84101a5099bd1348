using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentGuard.Policy
{
    /// <summary>
    /// Turns one bullet into a <see cref="GoldenRule"/>: splits it into clauses ("Never use `A` — use `B`"
    /// has a banning clause and a suggesting one), gives each clause its polarity, and bans the code spans
    /// of the banning clauses. "Use `B` instead of `A`" bans `A`.
    /// </summary>
    internal static class BulletInterpreter
    {
        // Code spans are replaced by placeholders so that their content never decides a clause boundary.
        public const char CodeStart = '\u0001';
        private const char CodeEnd = '\u0002';

        private const string PolarityVerb =
            @"(?:instead\b|rather\b|use\b|prefer\b|call\b|always\b|never\b|don't\b|do\s+not\b|avoid\b|inject\b|rely\b|go\s+through\b|read\b|pass\b|not\b)";

        private static readonly Regex ClauseBoundary = new Regex(
            @"\s*[—–]\s*"
            + @"|\s+--?\s+"
            + @"|\s*;\s*"
            + @"|(?<=[.!?])\s+"
            + @"|(?<=:)\s+"
            + @"|\s*[()]\s*"
            + @"|\s*,\s*(?=(?:and\s+|but\s+|so\s+)?" + PolarityVerb + ")"
            + @"|\s+(?:and|but|or)\s+(?=" + PolarityVerb + ")",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex Placeholder = new Regex("\u0001(\\d+)\u0002", RegexOptions.CultureInvariant);

        public static GoldenRule? Interpret(InlineText bullet, Section section, int line)
        {
            var codes = new List<string>();
            var masked = Mask(bullet, codes);
            var banned = new List<RuleTarget>();
            var seen = new HashSet<string>();
            var first = RulePolarity.None;
            var text = bullet.PlainText;
            var previous = RulePolarity.None;
            var previousIsLeadIn = false;
            var normative = false;
            var clauses = ClauseBoundary.Split(masked);
            for (var i = 0; i < clauses.Length; i++)
            {
                var clause = clauses[i];
                var own = PolarityWords.OfClause(clause);
                var polarity = i == 0 ? Combine(own, section.Polarity) : own != RulePolarity.None ? own : previousIsLeadIn ? previous : RulePolarity.None;
                if (i == 0)
                {
                    first = polarity;
                    if (own != RulePolarity.Never && section.Polarity == RulePolarity.Never && section.Label.Length > 0)
                    {
                        // "### Never / - Use `X`" is quoted as "Never: Use X", so the message reads as the ban it is.
                        text = section.Label.TrimEnd(':', ' ') + ": " + text;
                    }
                }

                normative |= polarity != RulePolarity.None;
                foreach (var index in BannedCodeIndexes(clause, polarity))
                {
                    var target = RuleTarget.Parse(codes[index]);
                    if (target.Text.Length > 0 && seen.Add(target.Text))
                    {
                        banned.Add(target);
                    }
                }

                previousIsLeadIn = polarity != RulePolarity.None && clause.TrimEnd().EndsWith(":") && clause.IndexOf(CodeStart) < 0;
                previous = polarity;
            }

            return normative
                ? new GoldenRule(line, text, first, banned.ToArray(), PolarityWords.HasEscapeClause(masked))
                : null;
        }

        /// <summary>The polarity a bullet such as "Never use these:" hands to its nested items, or None.</summary>
        public static RulePolarity LeadInPolarity(InlineText bullet, RulePolarity section)
        {
            var text = bullet.PlainText.TrimEnd();
            if (!text.EndsWith(":"))
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

            return Combine(PolarityWords.OfClause(text), section);
        }

        /// <summary>A bullet's own negative wording wins; under a "Never" heading every bullet bans; otherwise its own wording or the heading's.</summary>
        private static RulePolarity Combine(RulePolarity own, RulePolarity section)
        {
            if (own == RulePolarity.Never || section == RulePolarity.Never)
            {
                return RulePolarity.Never;
            }

            return own != RulePolarity.None ? own : section;
        }

        private static IEnumerable<int> BannedCodeIndexes(string clause, RulePolarity polarity)
        {
            if (polarity == RulePolarity.None)
            {
                yield break;
            }

            var insteadOf = PolarityWords.IndexOfInsteadOf(clause);

            // "Never use `A` instead of `B`" bans A; "Use `B` instead of `A`" bans A.
            var from = polarity == RulePolarity.Never ? 0 : insteadOf;
            var to = polarity == RulePolarity.Never && insteadOf >= 0 ? insteadOf : clause.Length;
            if (from < 0)
            {
                yield break;
            }

            foreach (Match match in Placeholder.Matches(clause))
            {
                if (match.Index >= from && match.Index < to)
                {
                    yield return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                }
            }
        }

        private static string Mask(InlineText bullet, List<string> codes)
        {
            var builder = new StringBuilder();
            foreach (var token in bullet.Tokens)
            {
                if (token.IsCode)
                {
                    builder.Append(CodeStart).Append(codes.Count.ToString(CultureInfo.InvariantCulture)).Append(CodeEnd);
                    codes.Add(token.Text);
                }
                else
                {
                    // Typographic apostrophes ("Don’t") read as plain ones.
                    builder.Append(token.Text.Replace('\u2019', '\'').Replace('\n', ' ').Replace('\r', ' '));
                }
            }

            return builder.ToString().Trim();
        }
    }
}
