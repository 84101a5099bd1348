using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace AgentGuard.Policy
{
    /// <summary>
    /// The style rules the .NET SDK's analyzers already check (the IDE code-style rules, the CA rules, CS1591), by the
    /// wording rule files use for them. A rule that names one is enforced by switching that analyzer on at the rule's
    /// severity with the options that say which way, never by checking the code ourselves. A wording the table does not
    /// know, or one with a condition the analyzer's options cannot express ("except for anonymous types", "in new code", "in
    /// the API layer"), stays guidance: the table never guesses. <c>docs/style-rules.md</c> lists it; a test keeps both equal.
    /// </summary>
    public static class StyleTable
    {
        private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

        private const string Negation = @"(?:never|don't|dont|do\s+not|does\s+not|must\s+not|should\s+not|not|no|avoid|without|nor)";

        private const string VarOff = "csharp_style_var_for_built_in_types = false|csharp_style_var_when_type_is_apparent = false|csharp_style_var_elsewhere = false";

        // "No var except built-in types", "no var for non-built-in types": the entry for var with built-in types reads these.
        private const string NotForBuiltIns = @"(?!\s*(?:[\u2014\u2013-]+\s*|:\s*)?(?:(?:write\s+|use\s+)?explicit\s+types?\s+)?except\b\s*:?\s*(?:for\s+)?(?:the\s+)?(?:built-?ins?\b|built-?in\s+types|int\b))(?!\s+for\s+non-built-?in\s+types)";

        // "(`false:error`)" after a rule quotes its own option; "properties ... may be expression-bodied when single-line" is
        // about other members, which the rule leaves alone.
        private const string ExpressionBodiedOthers = @"\(\s*`?\w+:(?:error|warning)`?\s*\)|\b(?:properties|accessors|lambdas|operators|indexers)(?:\s*[/,]\s*(?:and\s+)?(?:properties|accessors|lambdas|operators|indexers))*\s+may\s+be\s+expression[- ]bodied\s+when\s+single[- ]line\b";

        private const string VarOn = "csharp_style_var_for_built_in_types = true|csharp_style_var_when_type_is_apparent = true|csharp_style_var_elsewhere = true";

        private const string ThisOff = "dotnet_style_qualification_for_field = false|dotnet_style_qualification_for_property = false|dotnet_style_qualification_for_method = false|dotnet_style_qualification_for_event = false";

        private const string ThisOn = "dotnet_style_qualification_for_field = true|dotnet_style_qualification_for_property = true|dotnet_style_qualification_for_method = true|dotnet_style_qualification_for_event = true";

        /// <summary>Every entry, in the order the docs list them.</summary>
        public static IReadOnlyList<StyleEntry> Entries { get; } = new[]
        {
            Entry(
                "explicit types instead of var",
                @"\bexplicit(?:ly)?[- ]typ(?:e|ed)\s+(?:declarations?|(?:local\s+)?variables?|locals?)\b(?![^.;]{0,30}\b(?:unless|except\s+(?:when|where))\s+(?:the\s+)?type\s+is)|\bexplicit\s+types?\b(?=[^.;]{0,20}\b(?:instead\s+of|over|rather\s+than|not)\s+var\b)|\b" + Negation + @"\s+(?:use\s+|using\s+)?(?:of\s+)?(?:the\s+)?(?:implicitly[- ]typed\s+locals|var)\b(?![-\w])" + NotForBuiltIns + @"|\binstead\s+of\s+var\b(?![-\w])",
                "IDE0008", VarOff,
                reads: new[] { "Use explicit types instead of `var`.", "- **No `var`** — write the type.", "Never use `var`", "Prefer explicitly typed locals" },
                ignores: new[] { "Use `var` when the type is apparent", "Explicit type conversions must be checked", "Avoid `var` in JavaScript files", "Never use `var` except for anonymous types", "Use explicit types for public API return values", "Use explicitly typed options classes" },
                positive: false),
            Entry(
                "var everywhere",
                @"(?<![-\w])var\b(?![-\w])\s+(?:is\s+)?(?:preferred|everywhere|wherever|always|for\s+all\s+locals|for\s+locals)|\b(?:always\s+use|use|prefer)\s+var\b(?![-\w])(?:\s+for\s+(?:all\s+)?(?:local\s+variables|locals|variables))?(?!\s+(?:for|when|only|if|where|in))|\bimplicitly[- ]typed\s+locals\b",
                "IDE0007", VarOn,
                reads: new[] { "Use `var` for local variables", "- `var` everywhere", "**`var` is preferred**", "Always use `var`." },
                ignores: new[] { "Use explicit types instead of `var`", "Don't use `var`", "Use `var` only for anonymous types", "Prefer `let` over `var` in scripts", "❌ `var` everywhere" }),
            Entry(
                "var when the type is apparent",
                @"\b(?:use|prefer)\s+var\b(?![-\w])\s+(?:only\s+)?(?:when|where|if)\s+the\s+type\s+is\s+(?:apparent|obvious|evident|clear)|(?<![-\w])var\b(?![-\w])\s+(?:is\s+)?preferred\s+(?:when|where|wherever)\s+the\s+type\s+is\s+(?:apparent|obvious|evident|clear)",
                "IDE0007", "csharp_style_var_when_type_is_apparent = true",
                reads: new[] { "Use `var` when the type is apparent", "`var` preferred wherever the type is obvious" },
                ignores: new[] { "Use explicit types when the type is not apparent", "Use `var` for all locals" },
                allowed: @"\b(?:only\s+)?(?:when|where|wherever|if)\s+the\s+type\s+is\s+(?:apparent|obvious|evident|clear)(?:\s+from\s+the\s+right[- ]hand\s+side)?"),
            Entry(
                "explicit types except for built-in types",
                @"\b(?:no|never\s+use|don't\s+use|do\s+not\s+use|avoid)\s+var\b(?![-\w])\s*(?:[\u2014\u2013-]+\s*|:\s*)?(?:(?:write\s+|use\s+)?explicit\s+types?\s+)?except\b\s*:?\s*(?:for\s+)?(?:the\s+)?(?:built-?ins?\b|built-?in\s+types|int\b)|\b(?:don't|do\s+not|never)\s+use\s+var\s+for\s+non-built-?in\s+types\b",
                // var is allowed for built-in types, not asked for: an explicit int stays silent (IDE0007 is not raised).
                "IDE0008", "csharp_style_var_for_built_in_types = true:silent|csharp_style_var_when_type_is_apparent = false|csharp_style_var_elsewhere = false",
                reads: new[] { "- **No `var`** — explicit types except built-ins (`int`, `string`, `bool`)", "No `var` except built-in types", "No var except: int, string, bool, double", "Don't use `var` for non-built-in types" },
                ignores: new[] { "No `var` except for anonymous types", "Use `var` for built-in types", "No `var` in JavaScript except built-ins" },
                allowed: @"\bexcept\b\s*:?\s*(?:for\s+)?(?:the\s+)?(?:built-?ins?(?:\s+types)?\b(?:\s*\([^)]*\))?|int\b[^.;]*)|\bfor\s+non-built-?in\s+types\b",
                positive: false),
            Entry(
                "explicit types unless the type is apparent",
                @"\bexplicit(?:ly)?[- ]typ(?:es?|ed)(?:\s+declarations?)?\b[^.;]{0,20}\b(?:unless|except\s+(?:when|where))\s+(?:the\s+)?type\s+is\s+(?:apparent|obvious|evident|clear)",
                // var is allowed where the type is apparent, not asked for there: an explicit type there stays silent.
                "IDE0008", "csharp_style_var_for_built_in_types = false|csharp_style_var_when_type_is_apparent = true:silent|csharp_style_var_elsewhere = false",
                reads: new[] { "Prefer explicit type declarations unless the type is obvious", "Use explicit types except when the type is apparent" },
                ignores: new[] { "Use explicit types", "Explicit types unless it is a test" },
                allowed: @"\b(?:unless|except\s+(?:when|where))\s+(?:the\s+)?type\s+is\s+(?:apparent|obvious|evident|clear)",
                positive: false),
            Entry(
                "no unnecessary this.",
                @"\b(?:avoid|never\s+use|don't\s+use|do\s+not\s+use|no|omit|remove)\s+(?:the\s+)?(?:unnecessary\s+|redundant\s+)?this(?:\.(?![\w(])(?:\s+(?:qualifiers?|qualification|prefix(?:es)?|keyword))?|\s+(?:qualifiers?|qualification|prefix(?:es)?|keyword))|\bthis(?:\.\s*|\s+(?=qualifier|qualification|prefix))(?:qualifiers?\s*:?\s*|qualification\s*:?\s*|prefix\s*:?\s*)?(?:is\s+|are\s+)?not\s+used\b",
                "IDE0003", ThisOff,
                reads: new[] { "Avoid `this.` unless necessary", "- **`this.` qualifier**: Not used unless necessary", "Do not use `this.`", "`this.` is **not used** for local calls" },
                ignores: new[] { "Always use `this.` for fields", "Avoid `this` in arrow functions in TypeScript", "Don't use `lock (this)`", "Don't use this package; use Serilog instead" },
                allowed: @"\bunless\s+(?:it\s+is\s+|they\s+are\s+)?(?:necessary|required|needed)\b|\bfor\s+local\s+calls\b|\bfor\s+(?:fields|members|properties|methods)\b",
                positive: false),
            Entry(
                "always qualify members with this.",
                @"\balways\s+(?:use|qualify\s+(?:\w+\s+)?with|prefix\s+(?:\w+\s+)?with)\s+this(?:\.(?![\w(])|\s+(?:qualifiers?|qualification|prefix|keyword))|\bqualify\s+(?:members|fields|properties|methods|member\s+access)\s+with\s+this\b",
                "IDE0009", ThisOn,
                reads: new[] { "Always use `this.` for members", "Qualify members with `this.`" },
                ignores: new[] { "Avoid `this.`", "Always use `this` binding in JavaScript handlers", "Always use this format for commit messages" },
                allowed: @"\bfor\s+(?:fields|members|properties|methods|member\s+access)\b"),
            Entry(
                "braces always",
                @"\b(?:always\s+use|use|require|always\s+add|add|prefer)\s+(?:curly\s+)?(?:braces|\{\s*\})(?!\s+(?:on|style|placement|at|in\s+the\s+same))|\b(?:curly\s+)?braces\s+(?:are\s+)?(?:always\s+)?(?:required|mandatory)\b|\bbraces\s+always\b",
                "IDE0011", "csharp_prefer_braces = true",
                reads: new[] { "Always use braces, even for one-line `if` bodies", "- **Braces always required** for `if`, `for`, `while`", "Prefer braces, even for single-line bodies" },
                ignores: new[] { "Braces on the next line (Allman style)", "Use braces on a new line", "Always use braces for blocks except single-line exits" },
                allowed: @"\bfor\s+(?:`?(?:if|for|foreach|while|do|else|using|lock|etc\.?)`?(?:\s*[,/]\s*|\s+and\s+|\s+or\s+|\s+)?)+|\b(?:even\s+)?for\s+(?:code\s+blocks|blocks|control\s+(?:flow|statements|blocks)|`?if`?|single[- ]line\s+(?:bodies|statements|blocks|ifs?)|one[- ]line\s+\S+\s+bodies)\b|\beven\s+(?:for\s+)?(?:single|one)[- ]line\s+\w+(?:\s+\w+)?|\bfor\s+if\s*,?\s*for\s*,?\s*while\b"),
            Entry(
                "never omit braces",
                @"\b(?:never|don't|do\s+not)\s+omit\s+(?:the\s+)?(?:curly\s+)?braces\b",
                "IDE0011", "csharp_prefer_braces = true",
                reads: new[] { "Never omit braces", "Don't omit curly braces, even for one-line bodies" },
                ignores: new[] { "Always use braces for blocks except single-line exits", "Never omit braces in generated code" },
                allowed: @"\b(?:even\s+)?for\s+(?:one|single)[- ]line\s+\w+|\beven\s+(?:for\s+)?(?:single|one)[- ]line\s+\w+(?:\s+\w+)?",
                positive: false),
            Entry(
                "file-scoped namespaces",
                @"\bfile[- ]scoped\s+namespaces?(?:\s+declarations?)?\b",
                "IDE0161", "csharp_style_namespace_declarations = file_scoped",
                reads: new[] { "Use file-scoped namespaces.", "- **Namespaces**: file-scoped namespace declarations", "✅ File-scoped namespaces" },
                ignores: new[] { "Do not use file-scoped namespaces in the generated code", "Use file-scoped namespaces in new files only", "❌ File-scoped namespaces", "File-scoped namespaces — avoid, the generator emits block-scoped ones" }),
            Entry(
                "block-scoped namespaces",
                @"\bblock[- ]scoped\s+namespaces?\b",
                "IDE0160", "csharp_style_namespace_declarations = block_scoped",
                reads: new[] { "Use block-scoped namespaces", "Prefer block-scoped namespaces" },
                ignores: new[] { "Use file-scoped namespaces", "Block-scoped namespaces only in generated code", "❌ Block-scoped namespaces" }),
            Entry(
                "no file-scoped namespaces",
                @"\b(?:never|don't|do\s+not|avoid|no)\W+(?:use\s+)?file[- ]scoped\s+namespaces?\b",
                "IDE0160", "csharp_style_namespace_declarations = block_scoped",
                reads: new[] { "Do not use file-scoped namespaces", "Never use file-scoped namespaces" },
                ignores: new[] { "Use file-scoped namespaces", "Don't use file-scoped namespaces in the generated folder" },
                positive: false),
            Entry(
                "is null checks",
                @"\b(?:use|prefer|always\s+use)\s+(?:the\s+)?is\s+(?:not\s+)?null\b|\bis\s+(?:not\s+)?null\s*(?:/|and|or|,)\s*is\s+(?:not\s+)?null\b[^.;]{0,40}?\b(?:over|instead\s+of|rather\s+than|for\s+null|for\s+reference|comparisons?|checks?)|\bis\s+(?:not\s+)?null\b\s+(?:over|instead\s+of|rather\s+than)\s+[!=]=\s*null",
                "IDE0041", "dotnet_style_prefer_is_null_check_over_reference_equality_method = true",
                reads: new[] { "Use `is null` / `is not null` for null checks", "Prefer `is not null` over `!= null`", "Always use `is null`" },
                ignores: new[] { "Return early when the value is null", "Check whether the handle is null before disposing" },
                allowed: @"\bfor\s+(?:clear,?\s+readable\s+)?(?:null|reference(?:\s+type)?)\s+(?:checks?|comparisons?)\b"),
            Entry(
                "nameof instead of string literals",
                @"\b(?:use|prefer|always\s+use)\s+nameof\b(?:\(\))?|\bnameof(?:\(\))?\s+(?:over|instead\s+of|rather\s+than)\s+(?:hard-?coded\s+)?(?:member\s+names|strings?|string\s+literals)",
                "CA1507", string.Empty,
                reads: new[] { "Use `nameof` instead of string literals", "Prefer `nameof()` over string literals for member names" },
                ignores: new[] { "Never use `nameof` in log messages", "The `nameof` operator is evaluated at compile time" },
                allowed: @"\bfor\s+(?:member|parameter|property)\s+names\b|\bto\s+(?:keep|maintain)\s+(?:refactoring\s+safety|renames\s+safe)\b"),
            Entry(
                "pattern matching",
                @"\b(?:use|prefer|utili[sz]e|leverage|embrace|favou?r)\b(?:(?!\bover\b|\binstead\s+of\b|\brather\s+than\b)[^.;]){0,30}\bpattern\s+matching\b|^\W*(?:[\w ]+:\s*)?pattern\s+matching\s+(?:over|instead\s+of|rather\s+than)\b",
                "IDE0019|IDE0020", "csharp_style_pattern_matching_over_as_with_null_check = true|csharp_style_pattern_matching_over_is_with_cast_check = true",
                reads: new[] { "Use pattern matching over `as` with a null check and `is` with a cast", "Prefer pattern matching", "Pattern matching over type checks" },
                ignores: new[] { "Pattern matching on strings is slow in this code path", "Avoid pattern matching in expression trees", "Use `Regex` instead of pattern matching" },
                allowed: @"\bover\s+(?:`?as`?\s+with\s+(?:a\s+)?null\s+checks?(?:\s+and\s+`?is`?\s+with\s+(?:a\s+)?casts?(?:\s+checks?)?)?|type\s+checks|casts?)\b"),
            Entry(
                "switch expressions",
                @"\b(?:use|prefer|utili[sz]e|leverage|embrace|favou?r)\b(?:(?!\bover\b|\binstead\s+of\b|\brather\s+than\b)[^.;]){0,40}\bswitch\s+expressions?\b|^\W*switch\s+expressions?\s+(?:over|instead\s+of|rather\s+than)\s+switch\s+statements",
                "IDE0066", "csharp_style_prefer_switch_expression = true",
                reads: new[] { "Prefer switch expressions over switch statements", "Use pattern matching and switch expressions" },
                ignores: new[] { "Switch expressions must be exhaustive", "Avoid switch expressions with side effects", "Prefer if/else chains over switch expressions" },
                allowed: @"\bover\s+switch\s+statements\b"),
            Entry(
                "null propagation",
                @"\bnull[- ](?:propagation|conditional\s+operators?|conditional\s+access)\b|\b(?:use|prefer)\s+(?:the\s+)?\?\.(?:\s+operator)?",
                "IDE0031", "dotnet_style_null_propagation = true",
                reads: new[] { "Use null propagation: `logger?.LogError(...)`", "Prefer `?.`", "Prefer null-conditional operators" },
                ignores: new[] { "Never use null propagation on `Span<T>`", "Null-propagation bugs were fixed in 2.1", "Null propagation (`?.`) on `UnityEngine.Object` — never" }),
            Entry(
                "null coalescing",
                @"\b(?:null[- ])?coalesc(?:e|ing)(?:\s+(?:expressions?|operators?))?\b(?!\s*assignments?)",
                "IDE0029", "dotnet_style_coalesce_expression = true",
                reads: new[] { "Prefer null coalescing", "Use coalesce expressions (`a ?? b`)" },
                ignores: new[] { "Never coalesce a null token to `CancellationToken.None`", "Don't use null coalescing in hot paths" }),
            Entry(
                "compound null-coalescing assignment",
                @"\?\?=",
                "IDE0074", "dotnet_style_prefer_compound_assignment = true",
                reads: new[] { "Use null coalescing: `provider ??= fallback;`", "Prefer `??=` for lazy fields" },
                ignores: new[] { "Never use `??=` on shared fields", "Avoid `??=` in constructors", "`??=` is not thread-safe; use `Lazy<T>`" },
                allowed: @"\bfor\s+lazy\s+fields\b"),
            Entry(
                "ArgumentNullException.ThrowIfNull",
                @"\b(?:use|prefer|always\s+use|call)\s+(?:System\.)?ArgumentNullException\.ThrowIfNull\b",
                "CA1510", string.Empty,
                reads: new[] { "Use `ArgumentNullException.ThrowIfNull(argument)` for argument checks", "Prefer `ArgumentNullException.ThrowIfNull`" },
                ignores: new[] { "Never call `ArgumentNullException.ThrowIfNull` on value types", "Use `ArgumentNullException.ThrowIfNull` in projects that target .NET 8" },
                allowed: @"\bfor\s+(?:argument|parameter|null)\s+(?:checks|validation)\b"),
            Entry(
                "ObjectDisposedException.ThrowIf",
                @"\b(?:use|prefer|always\s+use|call)\s+(?:System\.)?ObjectDisposedException\.ThrowIf\b",
                "CA1513", string.Empty,
                reads: new[] { "Use `ObjectDisposedException.ThrowIf`", "Prefer `ObjectDisposedException.ThrowIf(disposed, this)`" },
                ignores: new[] { "Do not use `ObjectDisposedException.ThrowIf` in finalizers", "`ObjectDisposedException.ThrowIf` needs .NET 7" }),
            Entry(
                "ArgumentException.ThrowIfNullOrEmpty",
                @"\b(?:use|prefer|always\s+use|call)\s+(?:System\.)?ArgumentException\.ThrowIfNullOr(?:Empty|WhiteSpace)\b",
                "CA1511", string.Empty,
                reads: new[] { "Use `ArgumentException.ThrowIfNullOrEmpty` for string arguments", "Prefer `ArgumentException.ThrowIfNullOrWhiteSpace`" },
                ignores: new[] { "`ArgumentException.ThrowIfNullOrEmpty` is not available on .NET Framework", "Never wrap `ArgumentException.ThrowIfNullOrEmpty` in try blocks" },
                allowed: @"\bfor\s+string\s+(?:arguments|parameters)\b"),
            Entry(
                "ArgumentOutOfRangeException throw helpers",
                @"\b(?:use|prefer|always\s+use|call)\s+(?:the\s+)?(?:System\.)?ArgumentOutOfRangeException\.ThrowIf\w*",
                "CA1512", string.Empty,
                reads: new[] { "Use `ArgumentOutOfRangeException.ThrowIfNegative` and its siblings", "Prefer `ArgumentOutOfRangeException.ThrowIfGreaterThan`" },
                ignores: new[] { "Never catch `ArgumentOutOfRangeException`", "`ArgumentOutOfRangeException.ThrowIfZero` needs .NET 8" },
                allowed: @"\band\s+its\s+siblings\b"),
            Entry(
                "culture-explicit formatting",
                @"\b(?:always\s+)?(?:pass|specify|provide|supply|use)\s+(?:an?\s+|the\s+)?(?:CultureInfo\.InvariantCulture|IFormatProvider|format\s+provider|explicit\s+culture|culture\s+explicitly)\b",
                "CA1304|CA1305", string.Empty,
                reads: new[] { "Always pass `CultureInfo.InvariantCulture` when formatting or parsing", "Specify an `IFormatProvider`" },
                ignores: new[] { "Never pass `CultureInfo.CurrentCulture` to the logger", "Use `CultureInfo.InvariantCulture` only for machine-readable data", "Use `CultureInfo.InvariantCulture` for file names" },
                allowed: @"\bwhen\s+(?:formatting|parsing)(?:\s+or\s+(?:formatting|parsing))?\b|\bto\s+(?:ToString|Parse|TryParse|string\.Format)\b"),
            Entry(
                "explicit StringComparison",
                @"\b(?:always\s+)?(?:pass|specify|provide|use)\s+(?:an?\s+|the\s+)?(?:explicit\s+)?StringComparison\b(?!\.)",
                "CA1307|CA1310", string.Empty,
                reads: new[] { "Always pass a `StringComparison` to string comparisons", "Specify `StringComparison` explicitly" },
                ignores: new[] { "Use `StringComparison.Ordinal` for file names", "Never use `StringComparison.InvariantCulture` for identifiers" },
                allowed: @"\bto\s+string\s+comparisons\b|\bexplicitly\b"),
            Entry(
                "ConfigureAwait(false)",
                @"\b(?:always\s+)?(?:use|call|add|append)\s+(?:\.)?ConfigureAwait\(false\)|\bConfigureAwait\(false\)\s+(?:on|for|to)\s+(?:every|all|each)\s+await",
                "CA2007", string.Empty,
                reads: new[] { "Always use `ConfigureAwait(false)` on awaited tasks", "`ConfigureAwait(false)` on every await" },
                ignores: new[] { "In UI code, never use `ConfigureAwait(false)`", "Use `ConfigureAwait(false)` in the data-access layer" },
                allowed: @"\bon\s+(?:awaited\s+tasks|every\s+await|all\s+awaits)\b|\bto\s+(?:awaited\s+tasks|every\s+await)\b"),
            Entry(
                "async methods end with Async",
                @"\basync\s+methods?\b[^.;]{0,30}\b(?:end|ends|ending|suffix(?:ed)?)\b[^.;]{0,12}\bAsync\b|\b(?:use\s+(?:the\s+)?|add\s+(?:the\s+|an?\s+)?)?Async\s+suffix\b[^.;]{0,15}\bfor\s+(?:all\s+)?async(?:hronous)?\s+methods\b|\bsuffix\s+async(?:hronous)?\s+methods\s+with\s+Async\b",
                "IDE1006",
                "dotnet_naming_rule.agentguard_async_methods_end_with_async.symbols = agentguard_async_methods|dotnet_naming_rule.agentguard_async_methods_end_with_async.style = agentguard_async_suffix|dotnet_naming_rule.agentguard_async_methods_end_with_async.severity = {severity}|dotnet_naming_symbols.agentguard_async_methods.applicable_kinds = method|dotnet_naming_symbols.agentguard_async_methods.required_modifiers = async|dotnet_naming_style.agentguard_async_suffix.required_suffix = Async|dotnet_naming_style.agentguard_async_suffix.capitalization = pascal_case",
                reads: new[] { "Async methods end with `Async`", "Use `Async` suffix for async methods (e.g., `GetByIdAsync`)" },
                ignores: new[] { "Do not put `Async` in the method name", "Async methods must not block" }),
            Entry(
                "interfaces start with I",
                @"(?-i:\bI\b)\s+prefix\s+for\s+interfaces\b|\binterfaces?(?:\s+names?)?\s+(?:start|begin|starts|begins)\s+with\s+(?-i:I)\b|\bprefix\s+interfaces?(?:\s+names)?\s+with\s+(?-i:I)\b",
                "IDE1006",
                "dotnet_naming_rule.agentguard_interfaces_start_with_i.symbols = agentguard_interfaces|dotnet_naming_rule.agentguard_interfaces_start_with_i.style = agentguard_i_prefix|dotnet_naming_rule.agentguard_interfaces_start_with_i.severity = {severity}|dotnet_naming_symbols.agentguard_interfaces.applicable_kinds = interface|dotnet_naming_style.agentguard_i_prefix.required_prefix = I|dotnet_naming_style.agentguard_i_prefix.capitalization = pascal_case",
                reads: new[] { "Use `I` prefix for interfaces (e.g., `IRepository`)", "Interface names start with `I`" },
                ignores: new[] { "Interfaces start with a verb", "Never prefix classes with `I`" }),
            Entry(
                "no private keyword",
                @"\b(?:omit|don't\s+write|do\s+not\s+write|don't\s+use|do\s+not\s+use|never\s+write|never\s+use|no|avoid|leave\s+out)\s+(?:the\s+)?(?:redundant\s+)?(?:private\s+(?:keyword|modifier|access\s+modifier)|default\s+access(?:ibility)?\s+modifiers?)\b",
                "IDE0040", "dotnet_style_require_accessibility_modifiers = omit_if_default",
                reads: new[] { "Do not write the `private` keyword", "Omit default accessibility modifiers" },
                ignores: new[] { "Do not make everything private", "Never use the `private protected` modifier" },
                positive: false),
            Entry(
                "explicit accessibility modifiers",
                @"\b(?:always\s+)?(?:specify|write|declare|add|include|state)\s+(?:the\s+)?(?:explicit\s+)?(?:accessibility|access|visibility)\s+modifiers?\b|\bexplicit\s+(?:visibility|accessibility(?:\s+modifiers?)?|access\s+modifiers?)\b",
                "IDE0040", "dotnet_style_require_accessibility_modifiers = for_non_interface_members",
                reads: new[] { "Always specify accessibility modifiers explicitly", "* Explicit visibility" },
                ignores: new[] { "Never use explicit interface implementation", "Omit explicit accessibility modifiers" },
                allowed: @"\bexplicitly\b|\bon\s+(?:all\s+)?members\b"),
            Entry(
                "primary constructors",
                @"\b(?:use|prefer|always\s+use|adopt|favou?r)\s+primary\s+constructors?\b",
                "IDE0290", "csharp_style_prefer_primary_constructors = true",
                reads: new[] { "Use primary constructors", "Prefer primary constructors for injected dependencies" },
                ignores: new[] { "Do not use primary constructors", "Primary constructors are not used" },
                allowed: @"\bfor\s+(?:injected|required)?\s*dependenc(?:y|ies)(?:\s+injection)?\b|\bfor\s+all\s+(?:C#\s+)?classes\b"),
            Entry(
                "collection expressions",
                @"\bcollection\s+expressions?\b|\bcollection\s+initializers?\s+(?:with|using)\s+\[|\b(?:use|prefer)\s+(?:the\s+)?\[(?:\s*\.\.\.\s*)?\](?:\s+syntax)?|\bcollection\s+initializers?\s*:\s+[\w<>, ]+\s*=\s*\[\s*\]|\bmodern\s+\[\s*\]\s+syntax\b",
                "IDE0028|IDE0300|IDE0301|IDE0302|IDE0303|IDE0304|IDE0305", "dotnet_style_prefer_collection_expression = true|dotnet_style_collection_initializer = true",
                reads: new[] { "Prefer collection expressions (`[a, b]`) over `new List<T> { }`", "Use `[...]` syntax for collections", "6. **Collection expressions** — `[]` not `new List<T>()`" },
                ignores: new[] { "Collection expressions do not compile on C# 11", "Do not use collection expressions for `ImmutableArray<T>` in this repo", "Collection expressions: not yet, we target C# 11" },
                allowed: @"\bfor\s+collections\b|\bover\s+[^.;]*$"),
            Entry(
                "object initializers",
                @"\bobject\s+(?:and\s+collection\s+)?initializers?\b",
                "IDE0017", "dotnet_style_object_initializer = true",
                reads: new[] { "Use object initializers", "Prefer object and collection initializers" },
                ignores: new[] { "Object initializers must not call virtual members", "Avoid object initializers with side effects", "Object initializers for EF entities cause tracking bugs" }),
            Entry(
                "collection initializers",
                @"\b(?:object\s+and\s+)?collection\s+initializers?\b",
                "IDE0028", "dotnet_style_collection_initializer = true",
                reads: new[] { "Use collection initializers", "Prefer object and collection initializers" },
                ignores: new[] { "Collection initializers allocate on every call", "Avoid collection initializers on hot paths" }),
            Entry(
                "file header",
                @"\b(?:file|license|licence|copyright)\s+headers?\b|\bcopyright\s+(?:notices?|lines?)\b|\bstart\s+(?:every|each)\s+(?:C#\s+|source\s+)?file\s+with\b",
                "IDE0073", "file_header_template = {header}",
                reads: new[] { "**File header required**: `// Copyright (c) Contoso Ltd.` + `// Licensed under the MIT License.`", "Start every C# file with `// Copyright (c) Contoso Ltd. All rights reserved.`" },
                ignores: new[] { "Do not change license headers of vendored files", "Copyright headers are added by the release script" }),
            Entry(
                "XML docs on public APIs",
                @"\b(?:public|exported)\b[^.;]{0,60}\bxml\s+(?:doc\s+comments|documentation|docs?|comments?)\b|\bxml\s+(?:doc\s+comments|documentation|docs?|comments?)\b[^.;]{0,50}\bpublic\b|^\W*(?:\w+\s+){0,3}xml\s+(?:docs?|documentation)\b[^.;]{0,20}\brequired\b",
                "CS1591", string.Empty,
                reads: new[] { "Public APIs have XML docs", "Add XML documentation for all public types and members", "- All public members require XML doc comments." },
                ignores: new[] { "XML docs are generated into the docs site", "Do not add XML docs to private helpers" },
                allowed: @"\bfor\s+(?:all\s+)?public\s+(?:apis?|types|members|classes|methods)(?:\s+and\s+(?:members|methods|properties))?\b|\bon\s+public\s+(?:apis?|types|members)\b"),
            Entry(
                "seal classes not designed for inheritance",
                @"\bseal\s+(?:all\s+)?(?:internal\s+)?(?:classes|types)\b|\b(?:classes|types)\s+(?:are|should\s+be|must\s+be)\s+sealed\b|\bmake\s+(?:all\s+)?(?:\w+\s+)?classes\s+sealed\b",
                "CA1852", string.Empty,
                reads: new[] { "Seal classes that are not designed for inheritance", "Make classes sealed unless designed for inheritance" },
                ignores: new[] { "Sealed classes cannot be mocked", "Do not seal classes in the public API" },
                allowed: @"\b(?:that\s+are\s+not|unless|not)\s+designed\s+for\s+inheritance\b"),
            Entry(
                "static members where possible",
                @"\bmake\s+(?:all\s+)?(?:members|methods)\s+static\b|\bmark\s+(?:members|methods)\b[^.;]{0,40}\bas\s+static\b",
                "CA1822", string.Empty,
                reads: new[] { "Make members static when they can be", "Mark members as static where possible" },
                ignores: new[] { "Avoid static members in services", "Make static classes internal" },
                allowed: @"\b(?:when|if|where)\s+(?:they|it)\s+can\s+be\b|\bthat\s+do(?:es)?\s+not\s+(?:use|access)\s+instance\s+(?:data|state)\b"),
            Entry(
                "readonly fields",
                @"\breadonly\s+fields?\b|\bmark\s+fields?\b[^.;]{0,30}\breadonly\b|\bfields?\s+(?:are|should\s+be|must\s+be)\s+readonly\b",
                "IDE0044", "dotnet_style_readonly_field = true",
                reads: new[] { "**Readonly fields** where possible", "Mark fields `readonly` when they are never reassigned" },
                ignores: new[] { "Readonly fields of mutable structs copy on access", "Never expose `static readonly` fields publicly", "Readonly fields in structs copy defensively" },
                allowed: @"\bwhen\s+they\s+are\s+(?:never|not)\s+reassigned\b|\bthat\s+are\s+(?:never|not)\s+reassigned\b"),
            Entry(
                "simple using declarations",
                @"\b(?:simple|simplified)\s+using\s+(?:statements?|declarations?)\b|\b(?:use|prefer)\s+using\s+declarations?\b",
                "IDE0063", "csharp_prefer_simple_using_statement = true",
                reads: new[] { "Prefer simple `using` declarations", "Use using declarations instead of using blocks" },
                ignores: new[] { "Explicit `using` blocks are preferred (not simplified `using`)", "Do not use simple using statements in loops" },
                allowed: @"\binstead\s+of\s+using\s+(?:blocks|statements)\b"),
            Entry(
                "language keywords for types",
                @"\b(?:language|c#|built-in|predefined)\s+(?:type\s+)?keywords?\b[^.;]{0,40}\b(?:over|instead\s+of|rather\s+than)\b[^.;]{0,20}\b(?:bcl|framework|system|clr)\s+(?:type|types|type\s+names)\b|\b(?:use|prefer)\s+(?:language|c#|predefined)\s+(?:type\s+)?keywords\b",
                "IDE0049", "dotnet_style_predefined_type_for_locals_parameters_members = true|dotnet_style_predefined_type_for_member_access = true",
                reads: new[] { "Use language keywords instead of framework type names (`int`, not `Int32`)", "- **Type preferences**: Use language keywords (`int`, `string`) over BCL types (`Int32`, `String`)" },
                ignores: new[] { "Language keywords are reserved in generated code", "Do not name variables after language keywords" }),
            Entry(
                "target-typed new",
                @"\btarget[- ]typed\s+new(?:\s+expressions?)?\b|\buse\s+new\s*\(\s*\)",
                "IDE0090", "csharp_style_implicit_object_creation_when_type_is_apparent = true",
                reads: new[] { "Use target-typed `new()` expressions", "Use `new ()` not `new Button ()`", "- Target-typed new expressions" },
                ignores: new[] { "Never use `new()` for structs", "Target-typed new hides the type in diffs; avoid it" }),
            Entry(
                "no type name repeated after new",
                @"\b(?:don't|do\s+not|never|avoid)\s+(?:use\s+|repeat\s+)?redundant\s+type\s+names\s+(?:with|in|after)\s+new\b",
                "IDE0090", "csharp_style_implicit_object_creation_when_type_is_apparent = true",
                reads: new[] { "Don't use redundant type names with `new`", "Avoid redundant type names after `new`" },
                ignores: new[] { "Don't use redundant type names in log messages", "Avoid `new` in hot loops" },
                positive: false),
            Entry(
                "expression-bodied members",
                @"\b(?:use|prefer|favou?r)\s+expression[- ]bodied\s+(?:members|methods)\b|\bexpression[- ]bodied\s+(?:members|methods)\s+(?:are\s+)?preferred\b",
                "IDE0022|IDE0025|IDE0027", "csharp_style_expression_bodied_methods = when_on_single_line|csharp_style_expression_bodied_properties = when_on_single_line|csharp_style_expression_bodied_accessors = when_on_single_line",
                reads: new[] { "Prefer expression-bodied members for single-line methods, properties, and accessors", "Expression-bodied members preferred" },
                ignores: new[] { "Constructors are never expression-bodied", "Expression-bodied members hide breakpoints" },
                allowed: @"\bfor\s+(?:one|single)[- ]line\s+(?:methods|members)(?:,?\s+(?:and\s+)?(?:properties|accessors))*\b"),
            Entry(
                "block bodies for constructors",
                @"\bconstructors?(?:\s+and\s+methods?)?\s*(?::\s*|\s+(?:are|must\s+be|should\s+be)\s+)(?:\*\*)?never(?:\*\*)?\s+(?:be\s+)?expression[- ]bodied\b(?!\s*\(\s*`?\w+:(?:silent|none|suggestion))",
                "IDE0021", "csharp_style_expression_bodied_constructors = false",
                reads: new[] { "- **Constructors**: Never expression-bodied (`false:error`)", "Constructors and methods are **never** expression-bodied" },
                ignores: new[] { "Constructors: never expression-bodied (`false:silent`)", "Expression-bodied constructors are fine", "Constructors never throw" },
                allowed: ExpressionBodiedOthers,
                positive: false),
            Entry(
                "block bodies for methods",
                @"\b(?:methods?|constructors?\s+and\s+methods?)\s*(?::\s*|\s+(?:are|must\s+be|should\s+be)\s+)(?:\*\*)?never(?:\*\*)?\s+(?:be\s+)?expression[- ]bodied\b(?!\s*\(\s*`?\w+:(?:silent|none|suggestion))",
                "IDE0022", "csharp_style_expression_bodied_methods = false",
                reads: new[] { "- **Methods**: Never expression-bodied (`false:error`)", "Constructors and methods are **never** expression-bodied" },
                ignores: new[] { "- **Methods**: Never expression-bodied (`false:silent`)", "Prefer expression-bodied methods", "Methods never return null" },
                allowed: ExpressionBodiedOthers,
                positive: false),
            Entry(
                "no unused parameters",
                @"\bunused\s+parameters?\s+(?:must|should|are|get|gets)\s+(?:be\s+)?removed\b|\b(?:remove|no|avoid|never\s+leave)\s+unused\s+parameters?\b",
                "IDE0060", "dotnet_code_quality_unused_parameters = all",
                reads: new[] { "Unused parameters must be removed (`IDE0060`)", "Remove unused parameters" },
                ignores: new[] { "Unused parameters of event handlers are fine", "Unused parameters in interface implementations stay", "Unused parameters must not be removed from public APIs" },
                positive: false),
            Entry(
                "no unnecessary suppressions",
                @"\bunnecessary\s+suppressions?\s+(?:must|should|are|get|gets)\s+(?:be\s+)?removed\b|\b(?:remove|no|avoid)\s+unnecessary\s+(?:warning\s+)?suppressions?\b",
                "IDE0079", "dotnet_remove_unnecessary_suppression_exclusions = none",
                reads: new[] { "Unnecessary suppressions must be removed (`IDE0079`)", "Remove unnecessary suppressions" },
                ignores: new[] { "Suppressions need a justification", "Never add suppressions for CA2000" },
                positive: false),
            Entry(
                "no unused using directives",
                @"\b(?:remove|no|avoid|never\s+leave|never\s+add|do\s+not\s+add|don't\s+add|don't\s+leave)\s+(?:unused|unnecessary|redundant)\s+usings?(?:\s+(?:directives|statements))?\b(?!\s+blocks?)",
                "IDE0005", string.Empty,
                reads: new[] { "Remove unused usings", "Do not add redundant `using` directives" },
                ignores: new[] { "Unused usings are removed by the formatter", "Avoid unnecessary `using` blocks around non-disposable types" },
                positive: false),
            Entry(
                "using directives outside the namespace",
                @"\busing\s+directives?\b[^.;]{0,20}\boutside\b[^.;]{0,10}\bnamespaces?\b|\busings\s+outside\b[^.;]{0,10}\bnamespaces?\b|\bplace\s+usings?\s+outside\b",
                "IDE0065", "csharp_using_directive_placement = outside_namespace",
                reads: new[] { "Place using directives outside the namespace", "Usings outside namespaces" },
                ignores: new[] { "Sort using directives with System first", "Using directives inside the namespace" }),
            Entry(
                "using directives inside the namespace",
                @"\busing\s+directives?\b[^.;]{0,20}\binside\b[^.;]{0,10}\bnamespaces?\b|\busings\s+inside\b[^.;]{0,10}\bnamespaces?\b",
                "IDE0065", "csharp_using_directive_placement = inside_namespace",
                reads: new[] { "Place using directives inside the namespace", "Usings inside namespaces" },
                ignores: new[] { "Using directives outside the namespace", "Nothing inside the namespace but types" }),
            Entry(
                "namespaces match folders",
                @"\bnamespaces?\b[^.;]{0,20}\b(?:match|matches|mirror|mirrors|follow|follows|reflect|reflects)\b[^.;]{0,15}\b(?:folder|directory)\s+(?:structure|layout|names?|paths?)\b",
                "IDE0130", "dotnet_style_namespace_match_folder = true",
                reads: new[] { "Namespaces match the folder structure", "The namespace must mirror the directory layout" },
                ignores: new[] { "Test folders mirror the source folders", "Namespaces do not need to match folder names in the samples" }),
            Entry(
                "auto-properties",
                @"\b(?:use|prefer)\s+auto(?:matic|-implemented)?[- ]?propert(?:y|ies)\b|^\W*auto(?:matic|-implemented)?[- ]?propert(?:y|ies)\s+(?:are\s+)?preferred\b",
                "IDE0032", "dotnet_style_prefer_auto_properties = true",
                reads: new[] { "**Auto-properties** preferred", "Use auto-properties" },
                ignores: new[] { "Auto-properties cannot be used with `ref` fields", "Avoid auto-properties on structs with invariants" }),
            Entry(
                "static local functions",
                @"\bmake\s+local\s+functions\s+static\b|\b(?:use|prefer)\s+static\s+local\s+functions\b",
                "IDE0062", "csharp_prefer_static_local_function = true",
                reads: new[] { "Make local functions static", "Prefer static local functions" },
                ignores: new[] { "Local functions are fine", "Avoid local functions in hot loops" },
                allowed: @"\bwhen\s+they\s+capture\s+nothing\b"),
            Entry(
                "throw expressions",
                @"\b(?:use|prefer)\s+throw\s+expressions\b",
                "IDE0016", "csharp_style_throw_expression = true",
                reads: new[] { "Use throw expressions", "Prefer throw expressions for argument checks" },
                ignores: new[] { "Throw expressions need C# 7", "Never use throw expressions in constructors" },
                allowed: @"\bfor\s+argument\s+checks\b"),
            Entry(
                "inline out variables",
                @"\b(?:use|prefer)\s+(?:inline(?:d)?\s+)?out\s+var(?:iables?|iable\s+declarations?)?\b(?![-\w])|\bdeclare\s+out\s+variables\s+inline\b",
                "IDE0018", "csharp_style_inlined_variable_declaration = true",
                reads: new[] { "Use `out var`", "Declare out variables inline" },
                ignores: new[] { "Avoid out parameters in public APIs", "Never use `out var` in expression trees" }),
            Entry(
                "no general exception catch",
                @"\b(?:never|don't|do\s+not|avoid)\s+(?:catch|catching)\s+(?:the\s+)?(?:general|generic|base|all)\s+exceptions?(?:\s+types)?\b",
                "CA1031", string.Empty,
                reads: new[] { "Do not catch general exception types", "Avoid catching generic exceptions" },
                ignores: new[] { "Catch specific exceptions", "Do not catch general exceptions without logging them" },
                positive: false),
            Entry(
                "no visible instance fields",
                @"\bno\s+(?:public|visible)(?:\s*/\s*protected)?\s+(?:instance\s+)?fields\b|\b(?:never|don't|do\s+not|avoid)\s+(?:expose|use|declare)\s+public\s+(?:instance\s+)?fields\b",
                "CA1051", string.Empty,
                reads: new[] { "**No public/protected instance fields** - use properties instead", "Never expose public fields" },
                ignores: new[] { "Public fields in structs used for interop are fine", "No public setters on entities" },
                positive: false),
            Entry(
                "forward cancellation tokens",
                @"\b(?:always\s+)?(?:forward|pass|propagate|flow|thread)\s+(?:the\s+|a\s+)?cancellation\s*tokens?\b(?!\s+to\s+the\s+(?:constructor|database))|\b(?:always\s+)?(?:forward|pass|propagate|flow)\s+CancellationToken\b",
                "CA2016", string.Empty,
                reads: new[] { "Always forward the `CancellationToken` to the methods you call", "Pass cancellation tokens through" },
                ignores: new[] { "Cancellation tokens are optional in tests", "Never pass `CancellationToken.None` to the database" },
                allowed: @"\bto\s+the\s+methods\s+(?:you|it)\s+calls?\b|\bthrough\b|\bdown\s+the\s+call\s+chain\b"),
            Entry(
                "TryGetValue instead of ContainsKey",
                @"\bTryGetValue\b[^.;]{0,20}\b(?:instead\s+of|over|rather\s+than)\b[^.;]{0,20}\bContainsKey\b",
                "CA1854", string.Empty,
                reads: new[] { "Use `TryGetValue` instead of `ContainsKey` and the indexer", "Prefer `TryGetValue` over `ContainsKey`" },
                ignores: new[] { "`ContainsKey` is fine on sets", "`TryGetValue` allocates nothing" },
                allowed: @"\band\s+the\s+indexer\b"),
            Entry(
                "LoggerMessage for logging",
                @"\b(?:use|prefer|always\s+use)\s+(?:the\s+)?(?:source[- ]generated\s+)?\[?LoggerMessage\]?\b|\bLoggerMessage\b[^.;]{0,30}\b(?:source\s+generators?|delegates)\b[^.;]{0,30}\bonly\b",
                "CA1848", string.Empty,
                reads: new[] { "Use `[LoggerMessage]` source-generated methods for logging", "Prefer `LoggerMessage` delegates" },
                ignores: new[] { "`LoggerMessage` methods live in the Logging folder", "Never use `LoggerMessage` for audit events" },
                allowed: @"\bfor\s+logging\b|\bsource[- ]generated\s+methods\b|\bdelegates\b"),
            Entry(
                "constant log message templates",
                @"\b(?:never|don't|do\s+not|avoid|no)\s+(?:use\s+)?(?:string\s+)?interpolat\w*\b[^.;]{0,30}\blog(?:ging|\s+messages?|\s+templates?|ger\s+calls)\b|\blog\s+message\s+templates?\b[^.;]{0,20}\b(?:must|should)\s+be\s+constant\b",
                "CA2254", string.Empty,
                reads: new[] { "Never use string interpolation in log messages", "Log message templates must be constant" },
                ignores: new[] { "Use string interpolation for exception messages", "Log messages are in English" },
                positive: false),
        };

        // Each entry's pattern runs only on text that holds one of its words (lower case): most bullets name no style, and
        // the table is read for every bullet of every rule file.
        private static readonly Dictionary<string, string[]> Triggers = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["explicit types instead of var"] = new[] { "explicit", "var", "implicitly" },
            ["var everywhere"] = new[] { "var", "implicitly" },
            ["var when the type is apparent"] = new[] { "var" },
            ["explicit types except for built-in types"] = new[] { "var" },
            ["explicit types unless the type is apparent"] = new[] { "explicit" },
            ["no unnecessary this."] = new[] { "this" },
            ["always qualify members with this."] = new[] { "this" },
            ["braces always"] = new[] { "brace", "{" },
            ["never omit braces"] = new[] { "brace" },
            ["file-scoped namespaces"] = new[] { "file-scoped", "file scoped" },
            ["block-scoped namespaces"] = new[] { "block-scoped", "block scoped" },
            ["no file-scoped namespaces"] = new[] { "file-scoped", "file scoped" },
            ["is null checks"] = new[] { "is null", "is not null" },
            ["nameof instead of string literals"] = new[] { "nameof" },
            ["pattern matching"] = new[] { "pattern matching" },
            ["switch expressions"] = new[] { "switch expression" },
            ["null propagation"] = new[] { "propagation", "null-conditional", "null conditional", "?." },
            ["null coalescing"] = new[] { "coalesc" },
            ["compound null-coalescing assignment"] = new[] { "??=" },
            ["ArgumentNullException.ThrowIfNull"] = new[] { "throwifnull" },
            ["ObjectDisposedException.ThrowIf"] = new[] { "objectdisposedexception" },
            ["ArgumentException.ThrowIfNullOrEmpty"] = new[] { "throwifnullor" },
            ["ArgumentOutOfRangeException throw helpers"] = new[] { "argumentoutofrangeexception" },
            ["culture-explicit formatting"] = new[] { "culture", "iformatprovider", "format provider" },
            ["explicit StringComparison"] = new[] { "stringcomparison" },
            ["ConfigureAwait(false)"] = new[] { "configureawait" },
            ["async methods end with Async"] = new[] { "async" },
            ["interfaces start with I"] = new[] { "interface" },
            ["no private keyword"] = new[] { "private", "default access" },
            ["explicit accessibility modifiers"] = new[] { "accessibility", "access modifier", "visibility" },
            ["primary constructors"] = new[] { "primary constructor" },
            ["collection expressions"] = new[] { "collection", "[]", "[...]", "[ ]" },
            ["object initializers"] = new[] { "initializer" },
            ["collection initializers"] = new[] { "initializer" },
            ["file header"] = new[] { "header", "copyright", "start every", "start each" },
            ["XML docs on public APIs"] = new[] { "xml" },
            ["seal classes not designed for inheritance"] = new[] { "seal" },
            ["static members where possible"] = new[] { "static" },
            ["readonly fields"] = new[] { "readonly" },
            ["simple using declarations"] = new[] { "using" },
            ["language keywords for types"] = new[] { "keyword" },
            ["target-typed new"] = new[] { "new" },
            ["no type name repeated after new"] = new[] { "new" },
            ["expression-bodied members"] = new[] { "expression-bodied", "expression bodied" },
            ["block bodies for constructors"] = new[] { "expression-bodied", "expression bodied" },
            ["block bodies for methods"] = new[] { "expression-bodied", "expression bodied" },
            ["no unused parameters"] = new[] { "unused parameter" },
            ["no unnecessary suppressions"] = new[] { "suppression" },
            ["no unused using directives"] = new[] { "using" },
            ["using directives outside the namespace"] = new[] { "using" },
            ["using directives inside the namespace"] = new[] { "using" },
            ["namespaces match folders"] = new[] { "namespace" },
            ["auto-properties"] = new[] { "propert" },
            ["static local functions"] = new[] { "local function" },
            ["throw expressions"] = new[] { "throw expression" },
            ["inline out variables"] = new[] { "out " },
            ["no general exception catch"] = new[] { "catch" },
            ["no visible instance fields"] = new[] { "field" },
            ["forward cancellation tokens"] = new[] { "cancellation" },
            ["TryGetValue instead of ContainsKey"] = new[] { "trygetvalue" },
            ["LoggerMessage for logging"] = new[] { "loggermessage" },
            ["constant log message templates"] = new[] { "interpolat", "template" },
        };

        // Conditions the analyzers' options cannot express: the rule then stays guidance.
        private static readonly TieredRegex Limit = new TieredRegex(
            @"\b(?:except|unless|only|when|whenever|while|if|before|after|without|other\s+than|apart\s+from|but\s+not|legacy)\b"
            + @"|\b(?:where|when|if|as)\s+(?:appropriate|sensible|reasonable|it\s+makes\s+sense|needed)\b"
            + @"|\bfor\s+empty\s+\w+|\bfor\s+(?:file|user|display|log|machine|ui|api|wire|json|xml|sql|url|path)\s*[- ]?\w*"
            + @"|\b(?:for|in|on)\s+(?:all\s+|any\s+)?new\s+(?:[\w-]+\s+){0,2}?(?:code|files?|classes|projects?|types?|methods?)\b|\bnew\s+code\b"
            + @"|\b(?:in|for|within|inside|under|on)\s+(?:the\s+|all\s+|our\s+|any\s+|each\s+)?(?!(?:all|c#|csharp|source|the|our|any|every|code)\b)(?:[\w/#.+-]+\s+){0,3}?(?:code|projects?|classes|types|files|layers?|services?|components?|libraries|library|modules?|assemblies|apps?|applications?|controllers?|handlers?|folders?)\b"
            + @"|\b(?:in|under|within|for)\s+\S*/"
            + @"|\b(?:typescript|javascript|python|java|golang|rust|powershell|bash|yaml|json|css|html|sql|razor|xaml|visual\s+basic|vb\.net|f#|kotlin|swift|react|vue|angular)\b"
            + @"|\b(?:js|ts|py|yml|ps1|sh|vb|fs)\s+files\b",
            Options);

        // Phrases that leave a way out: the rule is then a warning, and the phrase is no condition.
        private static readonly TieredRegex Escape = new TieredRegex(
            @"\b(?:where|wherever|when|whenever|if)\s+(?:possible|applicable|practical|feasible)\b|\bas\s+much\s+as\s+possible\b|\b(?:when|where|if)\s+(?:they|it)\s+can\s+be\b",
            Options);

        // A heading about another language ("## Frontend (TypeScript)") makes its bullets that language's rules.
        private static readonly TieredRegex OtherLanguage = new TieredRegex(
            @"\b(?:typescript|javascript|python|java|golang|rust|powershell|bash|kotlin|swift|react|vue|angular|frontend|front-end)\b",
            Options);

        private static readonly TieredRegex CSharp = new TieredRegex(@"c#|\.net\b|\bdotnet\b|\bcsharp\b", Options);

        private static readonly TieredRegex Soft = new TieredRegex(
            @"\b(?:prefer|preferred|preferably|consider|should|ideally|recommended|encouraged|try\s+to|favou?r)\b",
            Options);

        private static readonly TieredRegex NegatedBefore = new TieredRegex(
            @"\b" + Negation + @"\b|\b(?:instead\s+of|rather\s+than|over|omit|leave\s+out)\b",
            Options);

        // Where a clause starts, looking back from a match: for its context ("Type preferences: use ..."), and for a negation,
        // which a label does not end ("Never: Use file-scoped namespaces" under a "Never" heading).
        private static readonly TieredRegex ClauseStart = new TieredRegex(@"[.;:!?—–]\s|\s[-–]\s|^", Options | RegexOptions.RightToLeft);

        private static readonly TieredRegex SentenceStart = new TieredRegex(@"[.;!?—–]\s|\s[-–]\s|^", Options | RegexOptions.RightToLeft);

        // A verb that asks for what follows ("use", "prefer", "always"): then a noun phrase is what the rule asks for.
        private static readonly TieredRegex AskingVerb = new TieredRegex(
            @"\b(?:use|using|prefer|always|favou?r|embrace|utili[sz]e|leverage|adopt|apply|enforce|requires?|follow|write|add|make|mark|declare|place|keep|stick\s+to|choose|go\s+with|enable|include|craft|must|should|needs?|specify|pass|provide|supply|forward|propagate|flow|thread|seal|remove|omit|start|append|call|qualify|prefix|suffix|leave|state|have|has)\b",
            Options);

        // What may follow a noun phrase that opens a clause ("File-scoped namespaces", "Readonly fields where possible",
        // "Braces always required for if"): not another predicate ("Object initializers must not call ...").
        private static readonly TieredRegex AcceptedTail = new TieredRegex(
            @"^\s*(?:$|[.,;:!()\[\]—–-]|(?:is|are)\s+(?:preferred|required|mandatory|enforced|used|always\s+required|the\s+default)\b|preferred\b|required\b|mandatory\b|always\b|everywhere\b|throughout\b|where\b|wherever\b|when\s+possible\b|over\b|instead\b|rather\b|not\b|for\b|in\b|on\b|\+|\(|`|[\u2190-\u21FF\u2700-\u27BF]|\p{So}|unless\b|except\b|if\b|when\b|only\b|even\b|e\.g\.|i\.e\.|to\b)",
            Options);

        private static readonly TieredRegex NegationWord = new TieredRegex(@"\b" + Negation + @"\b", Options);

        // Nothing before the words but determiners: "**The** file-scoped namespaces", "All readonly fields".
        private static readonly TieredRegex OnlyDeterminers = new TieredRegex(@"^\W*(?:(?:all|every|each|the|any|our|a|an)\W+)*$", Options);

        private static readonly TieredRegex EndsWithContrast = new TieredRegex(@"\b(?:over|instead\s+of|rather\s+than|not)\s*$", Options);

        private static readonly TieredRegex IsNotNull = new TieredRegex(@"\bis\s+not\s+null\b", Options);

        // What, after the words, says the rule is against them or about something else: "File-scoped namespaces — avoid",
        // "Collection expressions: not yet", "Readonly fields in structs copy defensively".
        private static readonly TieredRegex DeniedAfter = new TieredRegex(
            @"\b(?:never|avoid|don't|do\s+not|does\s+not|must\s+not|should\s+not|cannot|can't|is\s+not|are\s+not|not\s+yet|not\s+(?:allowed|used|supported|available|wanted|needed)|no\s+longer|forbidden|banned|discouraged|causes?|break(?:s)?|cop(?:y|ies)|hides?|bugs?|slow(?:er)?|unsafe|dangerous)\b",
            Options);

        /// <summary>
        /// The style mappings a rule's text names, or none; <paramref name="reason"/> then says why a rule that names one
        /// stays guidance. <paramref name="codeSpans"/> are the rule's code spans (a file header's text comes from them).
        /// </summary>
        public static IReadOnlyList<StyleMapping> Read(string text, IReadOnlyList<string> codeSpans, out string? reason) => Read(text, codeSpans, string.Empty, RulePolarity.None, out reason);

        /// <summary>
        /// As <see cref="Read(string, IReadOnlyList{string}, out string)"/>, under a heading (<paramref name="heading"/>) that
        /// may name another language, for a bullet whose own or inherited polarity is <paramref name="polarity"/>: under a
        /// "Don'ts" heading or on a ❌ line, a style it names is what the rule is against, never what it asks for.
        /// </summary>
        public static IReadOnlyList<StyleMapping> Read(string text, IReadOnlyList<string> codeSpans, string heading, RulePolarity polarity, out string? reason)
        {
            reason = null;
            text = text.Replace('\u2019', '\'');
            var found = new List<(StyleEntry Entry, Match Match)>();
            var triggered = TriggerIndex.Triggered(text);
            for (var index = 0; index < Entries.Count; index++)
            {
                if (!triggered[index])
                {
                    continue;
                }

                var entry = Entries[index];

                foreach (Match match in entry.Pattern.Matches(text))
                {
                    if ((!entry.Positive || (polarity != RulePolarity.Never && !IsNegated(text, match) && !IsDeniedAfter(entry, text, match)))
                        && InContext(text, match))
                    {
                        found.Add((entry, match));
                        break;
                    }
                }
            }

            if (found.Count == 0)
            {
                return Array.Empty<StyleMapping>();
            }

            // What is left once the entries' own words and the limits their analyzers apply by themselves are taken out.
            var rest = ScopeWords.WithoutTestScope(Escape.Replace(text, " "));
            foreach (var (entry, match) in found)
            {
                rest = rest.Replace(match.Value, " ");
                rest = entry.Allowed?.Replace(rest, " ") ?? rest;
            }

            var limit = Limit.Match(rest);
            if (!limit.Success && OtherLanguage.IsMatch(heading) && !CSharp.IsMatch(heading))
            {
                limit = OtherLanguage.Match(heading);
            }

            if (limit.Success)
            {
                reason = $"it names {string.Join(", ", found.Select(f => f.Entry.Name).Distinct())} with a condition ('{limit.Value.Trim()}') the analyzers' options cannot express";
                return Array.Empty<StyleMapping>();
            }

            var severity = Soft.IsMatch(text) || Escape.IsMatch(text) ? RuleSeverity.Warning : RuleSeverity.Error;
            var mappings = new List<StyleMapping>();
            foreach (var entry in found.Select(f => f.Entry).Distinct())
            {
                var options = new List<KeyValuePair<string, string>>();
                var complete = true;
                foreach (var option in entry.Options)
                {
                    var value = option.Value.Replace("{severity}", severity == RuleSeverity.Warning ? "warning" : "error");
                    if (value.Contains("{header}"))
                    {
                        var header = HeaderTemplate(codeSpans);
                        if (header == null)
                        {
                            reason = "it asks for a file header without quoting it: write the header's lines as code spans (`// Copyright (c) ...`)";
                            complete = false;
                            break;
                        }

                        value = value.Replace("{header}", header);
                    }

                    options.Add(new KeyValuePair<string, string>(option.Key, value));
                }

                if (complete)
                {
                    mappings.Add(new StyleMapping(entry, severity, options));
                }
            }

            // "Use `var` for built-in types; explicit types elsewhere": two entries that set one option two ways say more than
            // the table knows.
            var contradictions = mappings.SelectMany(m => m.Options).GroupBy(o => o.Key).Where(g => g.Select(o => o.Value).Distinct().Count() > 1).Select(g => g.Key).ToList();
            if (contradictions.Count > 0)
            {
                reason = $"it sets {contradictions[0]} two ways: write one rule per direction";
                return Array.Empty<StyleMapping>();
            }

            return mappings;
        }

        /// <summary>True when <paramref name="text"/> holds one of the entry's words (in any case), so its pattern may match.</summary>
        internal static bool IsTriggered(StyleEntry entry, string text) => TriggerIndex.Triggered(text)[TriggerIndex.IndexOf(entry)];

        /// <summary>
        /// The entries whose words a text holds, in the order of <see cref="Entries"/>: a word counts at the
        /// start of a word of the text ("var" in "use var", not in "GetEnvironmentVariable"), in any case; a word that starts
        /// with no letter ("#region") counts anywhere. An entry without words is always triggered. The text is read once
        /// for all entries, at the starts of its words, instead of once per entry and word.
        /// </summary>
        private static class TriggerIndex
        {
            // Words that start with a letter, by their first letter in upper case; the entries each word triggers.
            private static readonly Dictionary<char, List<(string Word, List<int> Entries)>> ByFirstLetter = new Dictionary<char, List<(string, List<int>)>>();

            private static readonly List<(string Word, List<int> Entries)> Elsewhere = new List<(string, List<int>)>();

            private static readonly bool[] Untriggered = new bool[Entries.Count];

            private static readonly Dictionary<StyleEntry, int> Indexes = new Dictionary<StyleEntry, int>();

            static TriggerIndex()
            {
                for (var index = 0; index < Entries.Count; index++)
                {
                    Indexes[Entries[index]] = index;
                    if (!Triggers.TryGetValue(Entries[index].Name, out var words))
                    {
                        Untriggered[index] = true;
                        continue;
                    }

                    foreach (var word in words)
                    {
                        List<(string Word, List<int> Entries)> list;
                        if (char.IsLetter(word[0]))
                        {
                            var key = char.ToUpperInvariant(word[0]);
                            if (!ByFirstLetter.TryGetValue(key, out list!))
                            {
                                list = new List<(string, List<int>)>();
                                ByFirstLetter[key] = list;
                            }
                        }
                        else
                        {
                            list = Elsewhere;
                        }

                        var at = list.FindIndex(item => string.Equals(item.Word, word, StringComparison.OrdinalIgnoreCase));
                        if (at < 0)
                        {
                            list.Add((word, new List<int> { index }));
                        }
                        else if (!list[at].Entries.Contains(index))
                        {
                            list[at].Entries.Add(index);
                        }
                    }
                }
            }

            public static int IndexOf(StyleEntry entry) => Indexes[entry];

            public static bool[] Triggered(string text)
            {
                var triggered = (bool[])Untriggered.Clone();
                for (var at = 0; at < text.Length; at++)
                {
                    if ((at > 0 && char.IsLetter(text[at - 1])) || !ByFirstLetter.TryGetValue(char.ToUpperInvariant(text[at]), out var candidates))
                    {
                        continue;
                    }

                    foreach (var (word, entries) in candidates)
                    {
                        if (word.Length <= text.Length - at && string.Compare(text, at, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0)
                        {
                            foreach (var entry in entries)
                            {
                                triggered[entry] = true;
                            }
                        }
                    }
                }

                foreach (var (word, entries) in Elsewhere)
                {
                    if (text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        foreach (var entry in entries)
                        {
                            triggered[entry] = true;
                        }
                    }
                }

                return triggered;
            }
        }

        private static bool HasLetter(string text)
        {
            foreach (var c in text)
            {
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The words that trigger an entry, or null for an entry that is always tried.</summary>
        internal static IReadOnlyList<string>? TriggerWords(StyleEntry entry) => Triggers.TryGetValue(entry.Name, out var words) ? words : null;

        /// <summary>True when every entry has its words.</summary>
        internal static bool EveryEntryHasTriggers => Entries.All(entry => Triggers.ContainsKey(entry.Name));

        /// <summary>The header a rule quotes: its code spans that are comment lines, without the comment marker.</summary>
        private static string? HeaderTemplate(IReadOnlyList<string> codeSpans)
        {
            var lines = codeSpans.Select(span => span.Trim()).Where(span => span.StartsWith("//", StringComparison.Ordinal)).Select(span => span.Substring(2).Trim()).ToList();
            return lines.Count == 0 ? null : string.Join("\\n", lines);
        }

        /// <summary>"File-scoped namespaces — avoid": what follows the words, less the limits the entry reads itself, speaks against them.</summary>
        private static bool IsDeniedAfter(StyleEntry entry, string text, Match match)
        {
            var tail = IsNotNull.Replace(text.Substring(match.Index + match.Length), " ");
            tail = entry.Allowed?.Replace(tail, " ") ?? tail;
            return DeniedAfter.IsMatch(tail);
        }

        /// <summary>"Do not use file-scoped namespaces", "Namespaces do not need to match folders": a negation before or in the words.</summary>
        private static bool IsNegated(string text, Match match)
        {
            var start = SentenceStart.Match(text, match.Index);
            var from = start.Success ? start.Index + start.Length : 0;
            if (from < match.Index && NegatedBefore.IsMatch(text.Substring(from, match.Index - from)))
            {
                return true;
            }

            // A pattern that starts with a negation means it ("Never omit braces"); one in the middle denies the words.
            var inside = IsNotNull.Replace(match.Value, " ");
            var negation = NegationWord.Match(inside);
            return negation.Success && negation.Index > 0;
        }

        /// <summary>
        /// True when the words are what the rule asks for: a verb asks for them ("Use ...", "Prefer ..."), or they open the
        /// clause and nothing but a preference or a limit follows ("**Readonly fields** where possible").
        /// </summary>
        private static bool InContext(string text, Match match)
        {
            var start = ClauseStart.Match(text, match.Index);
            var from = start.Success ? start.Index + start.Length : 0;
            var before = from < match.Index ? text.Substring(from, match.Index - from) : string.Empty;
            if (AskingVerb.IsMatch(before) || AskingVerb.Match(match.Value) is { Success: true, Index: 0 } || NegatedBefore.Match(match.Value) is { Success: true, Index: 0 }
                || !HasLetter(match.Value))
            {
                return true;
            }

            return OnlyDeterminers.IsMatch(before)
                && (AcceptedTail.IsMatch(text.Substring(match.Index + match.Length)) || EndsWithContrast.IsMatch(match.Value));
        }

        private static StyleEntry Entry(string name, string pattern, string ids, string options, string[] reads, string[] ignores, string? allowed = null, bool positive = true) =>
            new StyleEntry(name, pattern, ids.Split('|'), options.Length == 0 ? Array.Empty<string>() : options.Split('|'), reads, ignores, allowed, positive);
    }
}
