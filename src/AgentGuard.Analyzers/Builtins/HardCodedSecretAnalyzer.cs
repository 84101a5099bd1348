using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGuard.Analyzers.Builtins
{
    /// <summary>
    /// AG1009: a secret in a string literal: a credential in a well-known format, or a connection string whose
    /// <c>Password=</c>/<c>Pwd=</c> is a literal. Precision over recall: documentation examples, repeated or low-entropy
    /// values, placeholders, local and container development servers, storage emulators, and JWTs, private keys and
    /// connection strings in test projects are not secrets. The message names the kind of secret, never its value.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardCodedSecretAnalyzer : BuiltinAnalyzer
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

        // Each format with the words one of its matches must hold: the pattern runs only on a string that holds one, so
        // the many ordinary strings of a codebase cost a few ordinal searches each.
        private static readonly (string Kind, string[] Gate, Regex Pattern, int MinimumEntropyLength)[] Formats =
        {
            ("an AWS access key ID", new[] { "AKIA", "ASIA" }, new Regex(@"\b(?:AKIA|ASIA)(?<secret>[0-9A-Z]{16})\b", RegexOptions.CultureInvariant, Timeout), 16),
            ("a GitHub token", new[] { "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_" }, new Regex(@"\bgh[pousr]_(?<secret>[A-Za-z0-9]{36,255})\b|\bgithub_pat_(?<secret>[A-Za-z0-9_]{60,255})\b", RegexOptions.CultureInvariant, Timeout), 36),
            ("a Stripe live key", new[] { "_live_" }, new Regex(@"\b(?:sk|rk)_live_(?<secret>[0-9A-Za-z]{24,})\b", RegexOptions.CultureInvariant, Timeout), 24),
            ("a Slack token", new[] { "xox" }, new Regex(@"\bxox[baprs]-(?<secret>[0-9A-Za-z]{8,}-[0-9A-Za-z-]{8,})\b", RegexOptions.CultureInvariant, Timeout), 16),
            ("an Azure storage account key", new[] { "AccountKey=" }, new Regex(@"AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)", RegexOptions.CultureInvariant, Timeout), 40),
            ("a private key", new[] { "PRIVATE KEY-----" }, new Regex(@"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----\s*(?<secret>[A-Za-z0-9+/=\s]{64,})", RegexOptions.CultureInvariant, Timeout), 48),
            ("a signed JWT", new[] { "eyJ" }, new Regex(@"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.(?<secret>[A-Za-z0-9_-]{20,})", RegexOptions.CultureInvariant, Timeout), 20),
        };

        private static readonly Regex ConnectionString = new Regex(
            @"(?:^|;)\s*(?:Server|Data\s+Source|Host|Address|Addr|Network\s+Address)\s*=\s*(?<host>[^;]*)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            Timeout);

        private static readonly Regex Password = new Regex(
            @"(?:^|;)\s*(?:Password|Pwd)\s*=\s*(?<secret>[^;]*)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            Timeout);

        // Local and container development servers: localhost, (local), (localdb), a loopback address, or a single-label
        // host such as "db" or "postgres" (a compose service name; production servers have qualified names).
        private static readonly Regex LocalHost = new Regex(
            @"^\s*(?:tcp:)?(?:localhost|127\.0\.0\.1|\(localdb\)|\(local\)|\.|::1|host\.docker\.internal|\[::1\]|[A-Za-z][\w-]*)(?:[\\,:][^;]*)?\s*$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            Timeout);

        private static readonly string[] PlaceholderWords =
        {
            "example", "sample", "dummy", "fake", "placeholder", "changeme", "change_me", "your", "xxxx", "redacted", "secret", "password", "test", "mock", "todo",
        };

        // Storage emulators publish a fixed key; a connection string that names them is development configuration.
        private static readonly Regex EmulatorContext = new Regex(
            @"devstoreaccount1|UseDevelopmentStorage|(?:Endpoint|EndpointSuffix|AccountEndpoint)\s*=\s*https?://(?:localhost|127\.0\.0\.1)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            Timeout);

        // The token jwt.io shows, found in countless tests and docs.
        private const string JwtIoSampleSignature = "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HardCodedSecret, Descriptors.AgentGuardSuppression, Descriptors.KeptByBaseline);

        /// <inheritdoc />
        private protected override void Register(CompilationStartAnalysisContext start, BuiltinContext builtins)
        {
            start.RegisterSyntaxNodeAction(
                node => Analyze(node, builtins),
                SyntaxKind.StringLiteralExpression,
                SyntaxKind.Utf8StringLiteralExpression,
                SyntaxKind.InterpolatedStringText);
        }

        private static void Analyze(SyntaxNodeAnalysisContext context, BuiltinContext builtins)
        {
            var text = StringValue(context.Node);
            if (text.Length < 16)
            {
                return;
            }

            try
            {
                var kind = SecretKind(text, builtins.IsTestProject);
                if (kind != null)
                {
                    builtins.Report(context.ReportDiagnostic, Descriptors.HardCodedSecret, context.Node.GetLocation(), context.Node.SyntaxTree, kind);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A string no pattern can read in time is not reported; it never fails the analyzer.
            }
        }

        /// <summary>The kind of secret <paramref name="text"/> holds, or null. Internal for tests.</summary>
        internal static string? SecretKind(string text, bool isTestProject)
        {
            foreach (var (kind, gate, pattern, minimumLength) in Formats)
            {
                if (!gate.Any(word => text.IndexOf(word, StringComparison.Ordinal) >= 0))
                {
                    continue;
                }

                foreach (Match match in pattern.Matches(text))
                {
                    var secret = match.Groups["secret"].Value;

                    // Test projects hold fixtures: sample tokens and test certificates, not credentials.
                    if ((kind == "a signed JWT" || kind == "a private key") && isTestProject || secret == JwtIoSampleSignature)
                    {
                        continue;
                    }

                    if (kind == "an Azure storage account key" && EmulatorContext.IsMatch(text))
                    {
                        continue;
                    }

                    if (LooksReal(match.Value, secret, minimumLength))
                    {
                        return kind;
                    }
                }
            }

            if (!isTestProject
                && (text.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("pwd", StringComparison.OrdinalIgnoreCase) >= 0)
                && Password.Match(text) is { Success: true } password && ConnectionString.Match(text) is { Success: true } server)
            {
                var value = password.Groups["secret"].Value.Trim().Trim('\'', '"');
                if (!LocalHost.IsMatch(server.Groups["host"].Value) && !IsPlaceholder(value) && value.Length >= 6 && !HasTemplate(value))
                {
                    return "a connection string with a literal password";
                }
            }

            return null;
        }

        private static bool LooksReal(string whole, string secret, int minimumLength)
        {
            if (IsPlaceholder(whole))
            {
                return false;
            }

            var compact = new string(secret.Where(char.IsLetterOrDigit).ToArray());
            return compact.Length >= Math.Min(minimumLength, 16) && Entropy(compact) >= 3.0 && compact.Distinct().Count() >= 8;
        }

        private static bool IsPlaceholder(string value)
        {
            var lower = value.ToLowerInvariant();
            return lower.Length == 0 || PlaceholderWords.Any(word => lower.Contains(word)) || value.Distinct().Count() <= 3;
        }

        /// <summary>${PASSWORD}, $(Password), %PASSWORD%, {0}, &lt;password&gt;: filled in elsewhere.</summary>
        private static bool HasTemplate(string value) =>
            value.IndexOfAny(new[] { '{', '}', '<', '>', '%' }) >= 0 || value.StartsWith("$", StringComparison.Ordinal) || value.All(c => c == '*');

        /// <summary>Shannon entropy in bits per character: random keys are above 3, words and repeats below.</summary>
        private static double Entropy(string value)
        {
            var counts = new Dictionary<char, int>();
            foreach (var c in value)
            {
                counts[c] = counts.TryGetValue(c, out var n) ? n + 1 : 1;
            }

            return -counts.Values.Sum(n => (double)n / value.Length * Math.Log((double)n / value.Length, 2));
        }
    }
}
