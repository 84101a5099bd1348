using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AgentGuard.Build.Boundaries;
using AgentGuard.Policy;

namespace AgentGuard.Build.Reporting
{
    /// <summary>
    /// The boundary findings as a SARIF 2.1.0 log, for code scanning: rule metadata with help links, locations relative
    /// to the repository root, approved findings as externally suppressed results, and fingerprints that stay the same
    /// from run to run for the same finding.
    /// </summary>
    internal static class SarifReport
    {
        public const string FingerprintName = "agentguard/v1";

        public static string Write(IReadOnlyList<BoundaryFinding> findings, string repositoryRoot, string toolVersion)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
                json.WriteString("version", "2.1.0");
                json.WriteStartArray("runs");
                json.WriteStartObject();

                json.WriteStartObject("tool");
                json.WriteStartObject("driver");
                json.WriteString("name", "AgentGuard");
                json.WriteString("version", toolVersion);
                json.WriteString("informationUri", "https://github.com/agentguard-dev/agentguard");
                json.WriteStartArray("rules");
                foreach (var (id, name, description, level) in BoundaryRules.All)
                {
                    json.WriteStartObject();
                    json.WriteString("id", id);
                    json.WriteString("name", name);
                    json.WriteStartObject("shortDescription");
                    json.WriteString("text", description);
                    json.WriteEndObject();
                    json.WriteString("helpUri", DiagnosticIds.HelpUri(id));
                    json.WriteStartObject("defaultConfiguration");
                    json.WriteString("level", level);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();

                json.WriteStartObject("originalUriBaseIds");
                json.WriteStartObject("REPOROOT");
                json.WriteString("uri", new Uri(repositoryRoot.TrimEnd('/', '\\') + Path.DirectorySeparatorChar).AbsoluteUri);
                json.WriteEndObject();
                json.WriteEndObject();

                json.WriteStartArray("results");
                foreach (var finding in findings.OrderBy(f => f.Id, StringComparer.Ordinal).ThenBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line))
                {
                    WriteResult(json, finding);
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        /// <summary>The same finding in any run gets the same fingerprint: its ID, its file and, for a manifest entry, the entry.</summary>
        public static string Fingerprint(BoundaryFinding finding)
        {
            var anchor = finding.Id == DiagnosticIds.UnmatchedManifestEntry || finding.Id == DiagnosticIds.InvalidManifest ? finding.Message : string.Empty;
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(finding.Id + "\n" + finding.Path + "\n" + anchor));
            return string.Concat(hash.Take(16).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        }

        private static void WriteResult(Utf8JsonWriter json, BoundaryFinding finding)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.Id);
            var index = BoundaryRules.All.Select(rule => rule.Id).ToList().IndexOf(finding.Id);
            if (index >= 0)
            {
                json.WriteNumber("ruleIndex", index);
            }

            json.WriteString("level", finding.IsWarning ? "warning" : "error");
            json.WriteStartObject("message");
            json.WriteString("text", finding.Message);
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", string.Join("/", finding.Path.Split('/').Select(Uri.EscapeDataString)));
            json.WriteString("uriBaseId", "REPOROOT");
            json.WriteEndObject();
            if (finding.Line > 0)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", finding.Line);
                if (finding.Column > 0)
                {
                    json.WriteNumber("startColumn", finding.Column);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("partialFingerprints");
            json.WriteString(FingerprintName, Fingerprint(finding));
            json.WriteEndObject();
            if (finding.ApprovedBy != null)
            {
                json.WriteStartArray("suppressions");
                json.WriteStartObject();
                json.WriteString("kind", "external");
                json.WriteString("status", "accepted");
                json.WriteString("justification", "approved by AgentGuardApprove: " + finding.ApprovedBy);
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }
    }
}
