using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using AgentGuard.Policy;

namespace AgentGuard.Build.Boundaries
{
    /// <summary>The outcome of reading a manifest: the manifest when it is valid, and every problem found.</summary>
    internal sealed class ManifestReadResult
    {
        public ManifestReadResult(BoundaryManifest? manifest, IReadOnlyList<ManifestProblem> problems)
        {
            Manifest = manifest;
            Problems = problems;
        }

        /// <summary>Null when there is any problem: an invalid manifest enforces nothing but its own error.</summary>
        public BoundaryManifest? Manifest { get; }

        public IReadOnlyList<ManifestProblem> Problems { get; }
    }

    /// <summary>
    /// Reads <c>agentguard.json</c> v1 with System.Text.Json's reader, keeping each token's line and column so that
    /// unknown keys, wrong types and bad globs are reported where they are written. Comments and trailing commas are
    /// accepted, as editors that know the schema allow them.
    /// </summary>
    internal static class ManifestReader
    {
        private static readonly string[] Keys = { "$schema", "version", "baseRef", "forbidden", "approval", "generated", "tests", "dependencies" };

        public static ManifestReadResult Read(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text);
            var state = new State(bytes);
            if (text.Trim('\uFEFF', ' ', '\t', '\r', '\n').Length == 0)
            {
                state.Problems.Add(new ManifestProblem(1, 1, "the manifest is empty; write {} for a manifest without rules"));
                return new ManifestReadResult(null, state.Problems);
            }

            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
            try
            {
                ReadManifest(ref reader, state);
            }
            catch (JsonException exception)
            {
                state.Problems.Add(new ManifestProblem((int)(exception.LineNumber ?? 0) + 1, (int)(exception.BytePositionInLine ?? 0) + 1, "not valid JSON: " + WithoutPosition(exception.Message)));
            }

            if (state.Problems.Count > 0)
            {
                return new ManifestReadResult(null, state.Problems);
            }

            return new ManifestReadResult(
                new BoundaryManifest(state.BaseRef, state.Forbidden, state.Approval, state.Generated, state.Tests, state.DependenciesNeedApproval, state.DependenciesLine),
                state.Problems);
        }

        private static void ReadManifest(ref Utf8JsonReader reader, State state)
        {
            if (!reader.Read() || reader.TokenType == JsonTokenType.None)
            {
                state.Problems.Add(new ManifestProblem(1, 1, "the manifest is empty; write {} for a manifest without rules"));
                return;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                state.Add(ref reader, $"the manifest must be a JSON object ({{ \"forbidden\": [...], ... }}), not {Describe(reader.TokenType)}");
                return;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString() ?? string.Empty;
                var (line, column) = state.Position(ref reader);
                reader.Read();
                if (!seen.Add(key))
                {
                    state.Problems.Add(new ManifestProblem(line, column, $"'{key}' appears more than once"));
                    reader.Skip();
                    continue;
                }

                switch (key)
                {
                    case "$schema":
                        ReadString(ref reader, state, key, allowEmpty: true);
                        break;
                    case "version":
                        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var version) || version != 1)
                        {
                            state.Add(ref reader, "'version' must be 1, the only manifest version there is");
                            reader.Skip();
                        }

                        break;
                    case "baseRef":
                        state.BaseRef = ReadString(ref reader, state, key, allowEmpty: false);
                        break;
                    case "forbidden":
                        ReadEntries(ref reader, state, key, state.Forbidden);
                        break;
                    case "approval":
                        ReadEntries(ref reader, state, key, state.Approval);
                        break;
                    case "generated":
                        ReadEntries(ref reader, state, key, state.Generated);
                        break;
                    case "tests":
                        ReadTests(ref reader, state);
                        break;
                    case "dependencies":
                        var value = ReadString(ref reader, state, key, allowEmpty: false);
                        state.DependenciesLine = line;
                        if (value == "off")
                        {
                            state.DependenciesNeedApproval = false;
                        }
                        else if (value != null && value != "approval")
                        {
                            state.Problems.Add(new ManifestProblem(line, column, $"'dependencies' must be \"approval\" or \"off\", not \"{value}\""));
                        }

                        break;
                    default:
                        state.Problems.Add(new ManifestProblem(line, column, $"unknown key '{key}'; a version 1 manifest has {string.Join(", ", Keys)}"));
                        reader.Skip();
                        break;
                }
            }

            // Anything after the closing brace makes the reader throw, which reports it with its position.
            while (reader.Read())
            {
            }
        }

        private static void ReadEntries(ref Utf8JsonReader reader, State state, string section, List<ManifestEntry> entries)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                state.Add(ref reader, $"'{section}' must be an array of globs or {{ \"path\": ..., \"reason\": ... }} objects, not {Describe(reader.TokenType)}");
                reader.Skip();
                return;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var (line, column) = state.Position(ref reader);
                if (reader.TokenType == JsonTokenType.String)
                {
                    var glob = reader.GetString() ?? string.Empty;
                    if (state.CheckGlob(glob, section, line, column))
                    {
                        entries.Add(new ManifestEntry(section, glob, null, line, column));
                    }

                    continue;
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    state.Add(ref reader, $"an entry of '{section}' must be a glob or {{ \"path\": ..., \"reason\": ... }}, not {Describe(reader.TokenType)}");
                    reader.Skip();
                    continue;
                }

                string? path = null;
                string? reason = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString();
                    var (keyLine, keyColumn) = state.Position(ref reader);
                    reader.Read();
                    if (key == "path")
                    {
                        path = ReadString(ref reader, state, section + ".path", allowEmpty: true);
                    }
                    else if (key == "reason")
                    {
                        reason = ReadString(ref reader, state, section + ".reason", allowEmpty: true);
                    }
                    else
                    {
                        state.Problems.Add(new ManifestProblem(keyLine, keyColumn, $"unknown key '{key}' in an entry of '{section}'; an entry has \"path\" and \"reason\""));
                        reader.Skip();
                    }
                }

                if (path == null)
                {
                    state.Problems.Add(new ManifestProblem(line, column, $"an entry of '{section}' has no \"path\""));
                }
                else if (state.CheckGlob(path, section, line, column))
                {
                    entries.Add(new ManifestEntry(section, path, string.IsNullOrWhiteSpace(reason) ? null : reason, line, column));
                }
            }
        }

        private static void ReadTests(ref Utf8JsonReader reader, State state)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                state.Add(ref reader, $"'tests' must be an array of {{ \"source\": ..., \"tests\": ..., \"match\": \"any\" | \"name\" }} objects, not {Describe(reader.TokenType)}");
                reader.Skip();
                return;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var (line, column) = state.Position(ref reader);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    state.Add(ref reader, $"an entry of 'tests' must be {{ \"source\": ..., \"tests\": ... }}, not {Describe(reader.TokenType)}");
                    reader.Skip();
                    continue;
                }

                string? source = null;
                string? tests = null;
                string? reason = null;
                var match = TestMatch.Any;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString();
                    var (keyLine, keyColumn) = state.Position(ref reader);
                    reader.Read();
                    switch (key)
                    {
                        case "source":
                            source = ReadString(ref reader, state, "tests.source", allowEmpty: true);
                            break;
                        case "tests":
                            tests = ReadString(ref reader, state, "tests.tests", allowEmpty: true);
                            break;
                        case "reason":
                            reason = ReadString(ref reader, state, "tests.reason", allowEmpty: true);
                            break;
                        case "match":
                            var value = ReadString(ref reader, state, "tests.match", allowEmpty: false);
                            if (value == "name")
                            {
                                match = TestMatch.Name;
                            }
                            else if (value != null && value != "any")
                            {
                                state.Problems.Add(new ManifestProblem(keyLine, keyColumn, $"'match' must be \"any\" or \"name\", not \"{value}\""));
                            }

                            break;
                        default:
                            state.Problems.Add(new ManifestProblem(keyLine, keyColumn, $"unknown key '{key}' in an entry of 'tests'; an entry has \"source\", \"tests\", \"match\" and \"reason\""));
                            reader.Skip();
                            break;
                    }
                }

                if (source == null || tests == null)
                {
                    state.Problems.Add(new ManifestProblem(line, column, $"an entry of 'tests' needs both \"source\" and \"tests\""));
                    continue;
                }

                if (state.CheckGlob(source, "tests.source", line, column) & state.CheckGlob(tests, "tests.tests", line, column))
                {
                    state.Tests.Add(new TestRequirement(source, tests, match, string.IsNullOrWhiteSpace(reason) ? null : reason, line, column));
                }
            }
        }

        private static string? ReadString(ref Utf8JsonReader reader, State state, string key, bool allowEmpty)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                state.Add(ref reader, $"'{key}' must be a string, not {Describe(reader.TokenType)}");
                reader.Skip();
                return null;
            }

            var value = reader.GetString() ?? string.Empty;
            if (!allowEmpty && value.Trim().Length == 0)
            {
                state.Add(ref reader, $"'{key}' must not be empty");
                return null;
            }

            return value;
        }

        private static string Describe(JsonTokenType token)
        {
            switch (token)
            {
                case JsonTokenType.StartObject: return "an object";
                case JsonTokenType.StartArray: return "an array";
                case JsonTokenType.String: return "a string";
                case JsonTokenType.Number: return "a number";
                case JsonTokenType.True:
                case JsonTokenType.False: return "a boolean";
                case JsonTokenType.Null: return "null";
                default: return token.ToString();
            }
        }

        private static string WithoutPosition(string message)
        {
            var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return at < 0 ? message : message.Substring(0, at).TrimEnd();
        }

        private sealed class State
        {
            private readonly byte[] _bytes;
            private readonly List<int> _lineStarts = new List<int> { 0 };

            public State(byte[] bytes)
            {
                _bytes = bytes;
                for (var i = 0; i < bytes.Length; i++)
                {
                    if (bytes[i] == (byte)'\n')
                    {
                        _lineStarts.Add(i + 1);
                    }
                }
            }

            public List<ManifestProblem> Problems { get; } = new List<ManifestProblem>();

            public string? BaseRef { get; set; }

            public List<ManifestEntry> Forbidden { get; } = new List<ManifestEntry>();

            public List<ManifestEntry> Approval { get; } = new List<ManifestEntry>();

            public List<ManifestEntry> Generated { get; } = new List<ManifestEntry>();

            public List<TestRequirement> Tests { get; } = new List<TestRequirement>();

            public bool DependenciesNeedApproval { get; set; } = true;

            public int DependenciesLine { get; set; }

            /// <summary>The 1-based line and column (in characters) where the current token starts.</summary>
            public (int Line, int Column) Position(ref Utf8JsonReader reader)
            {
                var offset = (int)reader.TokenStartIndex;
                var index = _lineStarts.BinarySearch(offset);
                var line = index >= 0 ? index : ~index - 1;
                var start = _lineStarts[line];
                return (line + 1, Encoding.UTF8.GetCharCount(_bytes, start, offset - start) + 1);
            }

            public void Add(ref Utf8JsonReader reader, string message)
            {
                var (line, column) = Position(ref reader);
                Problems.Add(new ManifestProblem(line, column, message));
            }

            public bool CheckGlob(string glob, string section, int line, int column)
            {
                var problem = glob.Trim().Length == 0 ? "the glob is empty" : PathGlob.Problem(glob, "the manifest's folder", "globs are relative to the manifest's folder and stay inside it");
                if (problem == null && !PathGlob.Parse(glob).IsUsable)
                {
                    problem = $"'{glob}' is not a glob the matcher accepts";
                }

                if (problem == null)
                {
                    return true;
                }

                Problems.Add(new ManifestProblem(line, column, $"'{section}': {problem}"));
                return false;
            }
        }
    }
}
