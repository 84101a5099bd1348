using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace AgentGuard.Build.Boundaries
{
    /// <summary>
    /// <c>.agentguard/reviewed.txt</c>: the content hashes of generated files a human has reviewed, in <c>sha256sum</c>
    /// format (hash, two spaces, path relative to the manifest's folder), sorted by path.
    /// </summary>
    internal sealed class ReviewLedger
    {
        /// <summary>Where the ledger lives, relative to the manifest's folder.</summary>
        public const string RelativePath = ".agentguard/reviewed.txt";

        private readonly SortedDictionary<string, string> _hashes;

        private ReviewLedger(SortedDictionary<string, string> hashes)
        {
            _hashes = hashes;
        }

        public static ReviewLedger Empty => new ReviewLedger(new SortedDictionary<string, string>(StringComparer.Ordinal));

        public IReadOnlyDictionary<string, string> Entries => _hashes;

        /// <summary>Reads the ledger; blank lines, '#' comments and lines not in sha256sum form are passed over.</summary>
        public static ReviewLedger Parse(string? text)
        {
            var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var raw in (text ?? string.Empty).Split('\n'))
            {
                var line = raw.TrimEnd('\r');
                if (line.Length < 67 || line[0] == '#' || !IsHash(line.Substring(0, 64)) || line[64] != ' ' || (line[65] != ' ' && line[65] != '*'))
                {
                    continue;
                }

                hashes[line.Substring(66)] = line.Substring(0, 64).ToLowerInvariant();
            }

            return new ReviewLedger(hashes);
        }

        /// <summary>SHA-256 of the bytes with CRLF read as LF, in lower-case hex: the same on every checkout.</summary>
        public static string Hash(byte[] bytes)
        {
            var normalized = new byte[bytes.Length];
            var length = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\r' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n')
                {
                    continue;
                }

                normalized[length++] = bytes[i];
            }

            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(normalized, 0, length);
                var text = new StringBuilder(64);
                foreach (var b in hash)
                {
                    text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                }

                return text.ToString();
            }
        }

        public bool IsReviewed(string path, string hash) => _hashes.TryGetValue(path, out var reviewed) && reviewed == hash;

        public ReviewLedger With(string path, string hash)
        {
            var hashes = new SortedDictionary<string, string>(_hashes, StringComparer.Ordinal) { [path] = hash };
            return new ReviewLedger(hashes);
        }

        /// <summary>The ledger's text: one line per file, sorted by path, LF line ends.</summary>
        public string ToText() => string.Concat(_hashes.Select(entry => entry.Value + "  " + entry.Key + "\n"));

        private static bool IsHash(string text) => text.All(c => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    }
}
