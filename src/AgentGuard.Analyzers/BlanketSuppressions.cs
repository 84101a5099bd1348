using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace AgentGuard.Analyzers
{
    /// <summary>
    /// A <c>#pragma warning disable</c> that names no ID silences every diagnostic below it, AgentGuard's included. Vendored
    /// and generated-looking files carry such lines for reasons of their own, so the line alone is only AG1004 (when it
    /// gives no reason). Where it does hide an AgentGuard finding, the finding is still reported (the compiler drops it)
    /// and this reports AG1005 on the pragma for each finding it hides, at the severity the project gives that finding (a
    /// hidden warning makes a warning, a hidden golden-rule error an error), with the finding as its second location.
    /// </summary>
    internal sealed class BlanketSuppressions
    {
        private readonly Compilation _compilation;

        public BlanketSuppressions(Compilation compilation)
        {
            _compilation = compilation;
        }

        /// <summary>
        /// The AG1005 for <paramref name="finding"/> hidden by the blanket <paramref name="pragma"/>, at the severity the
        /// project gives the finding; null when the project switched the finding off, so there is nothing to hide.
        /// </summary>
        public Diagnostic? Hidden(Diagnostic finding, PragmaWarningDirectiveTriviaSyntax pragma, System.Threading.CancellationToken cancellationToken)
        {
            var location = finding.Location;
            var tree = location.SourceTree!;
            if (EffectiveSeverity(tree, finding, cancellationToken) is not { } severity)
            {
                return null;
            }

            var line = location.GetLineSpan().StartLinePosition.Line + 1;
            return Diagnostic.Create(
                Descriptors.AgentGuardSuppression,
                Location.Create(tree, TextSpan.FromBounds(pragma.HashToken.SpanStart, pragma.DisableOrRestoreKeyword.Span.End)),
                severity,
                additionalLocations: new[] { location },
                properties: null,
                "#pragma warning disable",
                $"{finding.Id} on line {line}");
        }

        /// <summary>
        /// The severity the project gives the finding (<c>NoWarn</c>, <c>dotnet_diagnostic.ID.severity</c> in a file's or the
        /// global analyzer config), or the finding's own; null when the project switched it off, so there is nothing to hide.
        /// </summary>
        private DiagnosticSeverity? EffectiveSeverity(SyntaxTree tree, Diagnostic finding, System.Threading.CancellationToken cancellationToken)
        {
            if (_compilation.Options.SpecificDiagnosticOptions.TryGetValue(finding.Id, out var option) && option == ReportDiagnostic.Suppress)
            {
                return null;
            }

            var configured = ReportDiagnostic.Default;
            var provider = _compilation.Options.SyntaxTreeOptionsProvider;
            if (provider != null && provider.TryGetDiagnosticValue(tree, finding.Id, cancellationToken, out var perTree))
            {
                configured = perTree;
            }
            else if (provider != null && provider.TryGetGlobalDiagnosticValue(finding.Id, cancellationToken, out var global))
            {
                configured = global;
            }
            else if (option != ReportDiagnostic.Default)
            {
                configured = option;
            }

            return configured switch
            {
                ReportDiagnostic.Suppress or ReportDiagnostic.Hidden or ReportDiagnostic.Info => null,
                ReportDiagnostic.Error => DiagnosticSeverity.Error,
                ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
                _ => finding.Severity,
            };
        }

        /// <summary>
        /// The <c>#pragma warning disable</c> that silences <paramref name="id"/> at <paramref name="position"/>: the first
        /// disable since the last restore that applies to the ID, one that names it or one that names none; null when the
        /// ID is on there.
        /// </summary>
        internal static PragmaWarningDirectiveTriviaSyntax? DisablingPragma(SyntaxNode root, int position, string id)
        {
            if (!root.ContainsDirectives)
            {
                return null;
            }

            PragmaWarningDirectiveTriviaSyntax? disabledBy = null;
            for (var directive = root.GetFirstDirective(); directive != null && directive.SpanStart < position; directive = directive.GetNextDirective())
            {
                if (directive is not PragmaWarningDirectiveTriviaSyntax pragma || !pragma.IsActive)
                {
                    continue;
                }

                var blanket = pragma.ErrorCodes.Count == 0;
                if (!blanket && !pragma.ErrorCodes.Any(code => string.Equals(code.ToString().Trim(), id, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                if (pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.RestoreKeyword))
                {
                    disabledBy = null;
                }
                else if (disabledBy == null)
                {
                    disabledBy = pragma;
                }
            }

            return disabledBy;
        }
    }
}
