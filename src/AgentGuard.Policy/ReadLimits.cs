namespace AgentGuard.Policy
{
    /// <summary>
    /// The bounds the rule reader keeps on any input, documented in <c>docs/reliability.md</c>. A rule file is text
    /// written by people and by agents and read inside the compiler: whatever it holds, reading it takes time and
    /// stack in proportion to these bounds, never to the input's whim.
    /// </summary>
    public static class ReadLimits
    {
        /// <summary>A rule file longer than this (in characters, 1 MiB) is not parsed; it is reported as a whole.</summary>
        public const int MaxFileLength = 1024 * 1024;

        /// <summary>
        /// How deep Markdown may nest (lists in lists, quotes in quotes, emphasis in links in emphasis) before the part
        /// that nests deeper is skipped and reported on its line. Real rule files nest three or four levels.
        /// </summary>
        public const int MaxNestingDepth = 32;

        /// <summary>A bullet longer than this is prose or generated text: it is reported, not read as a rule.</summary>
        public const int MaxBulletLength = 4000;

        /// <summary>How many unreadable parts one file reports line by line; the rest are counted in one last report.</summary>
        public const int MaxProblemsPerFile = 20;

        /// <summary>How many <c>@path</c> imports deep rule files are followed.</summary>
        public const int MaxImportDepth = 5;
    }
}
