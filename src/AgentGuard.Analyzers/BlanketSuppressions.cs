using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.CompilerServices;
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
    /// and this reports AG1005 on the pragma, once per pragma and compilation, at the hidden finding's severity: a hidden
    /// warning makes a warning, a hidden golden-rule error an error.
    /// </summary>
    internal sealed class BlanketSuppressions
    {
        private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<(SyntaxTree Tree, int Position), byte>> Reported =
            new ConditionalWeakTable<Compilation, ConcurrentDictionary<(SyntaxTree, int), byte>>();

        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<(SyntaxTree Tree, int Position), byte> _reported;

        public BlanketSuppressions(Compilation compilation)
        {
            _compilation = compilation;
            _reported = Reported.GetValue(compilation, _ => new ConcurrentDictionary<(SyntaxTree, int), byte>());
        }

        /// <summary>Reports <paramref name="finding"/>, and AG1005 on a blanket pragma that hides it.</summary>
        public void Report(Action<Diagnostic> report, Diagnostic finding, System.Threading.CancellationToken cancellationToken)
        {
            report(finding);
            var location = finding.Location;
            if (!location.IsInSource || location.SourceTree is not { } tree || finding.Severity < DiagnosticSeverity.Warning || IsConfiguredOff(tree, finding.Id, cancellationToken))
            {
                return;
            }

            var root = tree.GetRoot(cancellationToken);
            if (!root.ContainsDirectives || HidingPragma(root, location.SourceSpan.Start, finding.Id) is not { } pragma || !_reported.TryAdd((tree, pragma.SpanStart), 0))
            {
                return;
            }

            var line = location.GetLineSpan().StartLinePosition.Line + 1;
            report(Diagnostic.Create(
                Descriptors.AgentGuardSuppression,
                Location.Create(tree, TextSpan.FromBounds(pragma.HashToken.SpanStart, pragma.DisableOrRestoreKeyword.Span.End)),
                finding.Severity,
                additionalLocations: new[] { location },
                properties: null,
                "#pragma warning disable",
                $"{finding.Id} on line {line}"));
        }

        /// <summary>A finding the project switched off (NoWarn, a severity of none) is no finding a pragma can hide.</summary>
        private bool IsConfiguredOff(SyntaxTree tree, string id, System.Threading.CancellationToken cancellationToken)
        {
            if (_compilation.Options.SpecificDiagnosticOptions.TryGetValue(id, out var option) && option == ReportDiagnostic.Suppress)
            {
                return true;
            }

            var provider = _compilation.Options.SyntaxTreeOptionsProvider;
            return provider != null
                && ((provider.TryGetDiagnosticValue(tree, id, cancellationToken, out var perTree) && perTree == ReportDiagnostic.Suppress)
                    || (provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out var global) && global == ReportDiagnostic.Suppress));
        }

        /// <summary>
        /// The blanket <c>#pragma warning disable</c> that silences <paramref name="id"/> at <paramref name="position"/>: the
        /// first disable since the last restore that applies to the ID; null when the ID is on there, or a pragma that
        /// names the ID silences it (AG1005 already reports that one).
        /// </summary>
        internal static PragmaWarningDirectiveTriviaSyntax? HidingPragma(SyntaxNode root, int position, string id)
        {
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

            return disabledBy != null && disabledBy.ErrorCodes.Count == 0 ? disabledBy : null;
        }
    }
}
