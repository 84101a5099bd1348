namespace AgentGuard.Policy
{
    /// <summary>
    /// The item metadata the package's targets put on each rule file they hand the compiler, read back by the analyzers
    /// (as <c>build_metadata.AdditionalFiles.&lt;name&gt;</c>) and by the boundary task: one list of names for both sides.
    /// </summary>
    public static class RuleFileMetadata
    {
        /// <summary>"true" on every rule file: the analyzers take exactly these, none by its name.</summary>
        public const string RuleFile = "AgentGuardRuleFile";

        /// <summary>The <see cref="RuleFileKind"/>, by name.</summary>
        public const string Kind = "AgentGuardRuleKind";

        /// <summary>The folder the file's globs are relative to.</summary>
        public const string BaseFolder = "AgentGuardBaseFolder";

        /// <summary>For a file below the project's folder: the only folder its rules apply to.</summary>
        public const string ScopeFolder = "AgentGuardScopeFolder";

        /// <summary>The file whose <c>@path</c> import brought this one in.</summary>
        public const string ImportedBy = "AgentGuardImportedBy";

        /// <summary>In CI the compiler reads the base branch's copy of a rule file; this names the file it stands for.</summary>
        public const string SourcePath = "AgentGuardSourcePath";

        /// <summary>The prefix under which analyzers see an additional file's metadata.</summary>
        public const string AnalyzerPrefix = "build_metadata.AdditionalFiles.";
    }
}
