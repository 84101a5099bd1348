namespace AgentGuard.Policy
{
    /// <summary>The diagnostic IDs AgentGuard reports, in one place, and where each is documented.</summary>
    public static class DiagnosticIds
    {
        /// <summary>A symbol banned by a golden rule is used.</summary>
        public const string BannedSymbol = "AG0001";

        /// <summary>A construct banned by a golden rule is used.</summary>
        public const string BannedConstruct = "AG0002";

        /// <summary>Code uses a namespace or assembly that a golden rule forbids it to depend on.</summary>
        public const string ForbiddenDependency = "AG0003";

        /// <summary>How a golden rule is enforced, or why it is guidance only (reported by the explain target).</summary>
        public const string RuleExplanation = "AG0010";

        /// <summary>A golden rule names something ambiguous or imprecise, so it cannot be enforced as written.</summary>
        public const string UnresolvableRuleTarget = "AG0011";

        /// <summary>An <c>agentguard:</c> annotation does not parse.</summary>
        public const string MalformedAnnotation = "AG0012";

        /// <summary>A finding the baseline keeps: reported as information, not at its severity.</summary>
        public const string KeptByBaseline = "AG0013";

        /// <summary>In CI mode, the mark that AgentGuard's analyzers ran in a compilation, read from the compiler's error log.</summary>
        public const string AnalyzersRan = "AG0014";

        /// <summary>A TODO/FIXME/HACK marker left in a comment.</summary>
        public const string TodoMarker = "AG1001";

        /// <summary>Placeholder content (lorem ipsum, example hosts, placeholder keys) left in the code.</summary>
        public const string PlaceholderContent = "AG1002";

        /// <summary>A member whose whole body throws NotImplementedException.</summary>
        public const string StubBody = "AG1003";

        /// <summary>A test that is skipped, ignored or commented out.</summary>
        public const string SkippedTest = "AG1007";

        /// <summary>A test method with no assertion.</summary>
        public const string TestWithoutAssertion = "AG1006";

        /// <summary>A catch that swallows the exception.</summary>
        public const string SwallowedException = "AG1008";

        /// <summary>A secret written into the code.</summary>
        public const string HardCodedSecret = "AG1009";

        /// <summary>A warning suppressed without a justification.</summary>
        public const string UnjustifiedSuppression = "AG1004";

        /// <summary>An AgentGuard diagnostic suppressed in code.</summary>
        public const string AgentGuardSuppression = "AG1005";

        /// <summary>The change set cannot be computed (boundary check).</summary>
        public const string ChangeSetUnavailable = "AG2000";

        /// <summary>A forbidden path changed.</summary>
        public const string ForbiddenPath = "AG2001";

        /// <summary>A path that needs approval changed without it.</summary>
        public const string ApprovalRequired = "AG2002";

        /// <summary>A generated file changed without review.</summary>
        public const string UnreviewedGeneratedFile = "AG2003";

        /// <summary>Source changed without the tests its rule requires.</summary>
        public const string MissingTests = "AG2004";

        /// <summary>The package set changed without approval.</summary>
        public const string DependencyChange = "AG2005";

        /// <summary>A guard file (manifest, rule files, ledger, analyzer or MSBuild settings) changed, in CI.</summary>
        public const string GuardFileChanged = "AG2006";

        /// <summary>A change loosens what is enforced (NoWarn, severity, a deleted rule or manifest entry, a switch), in CI.</summary>
        public const string GuardLoosened = "AG2007";

        /// <summary>In CI mode, a compilation in which AgentGuard's analyzers did not run.</summary>
        public const string AnalyzersDidNotRun = "AG2008";

        /// <summary>The boundary manifest is invalid.</summary>
        public const string InvalidManifest = "AG2010";

        /// <summary>A manifest entry matches no file in the repository.</summary>
        public const string UnmatchedManifestEntry = "AG2011";

        /// <summary>The folder of the rule pages; each ID has <c>docs/rules/&lt;ID&gt;.md</c>.</summary>
        public const string HelpBaseUri = "https://github.com/agentguard-dev/agentguard/blob/main/docs/rules/";

        /// <summary>The documentation page of <paramref name="id"/>.</summary>
        public static string HelpUri(string id) => HelpBaseUri + id + ".md";
    }
}
