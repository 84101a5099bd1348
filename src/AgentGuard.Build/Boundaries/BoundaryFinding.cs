namespace AgentGuard.Build.Boundaries
{
    /// <summary>One breach of a boundary: an MSBuild error (or warning) with the file it is about.</summary>
    internal sealed class BoundaryFinding
    {
        public BoundaryFinding(string id, string path, string message, int line = 0, int column = 0, bool isWarning = false, string? approvalPath = null)
        {
            Id = id;
            Path = path;
            Message = message;
            Line = line;
            Column = column;
            IsWarning = isWarning;
            ApprovalPath = approvalPath;
        }

        /// <summary>AG2001 ... AG2011.</summary>
        public string Id { get; }

        /// <summary>The file the finding is about, relative to the repository root with '/'.</summary>
        public string Path { get; }

        /// <summary>The path an approval glob is matched against (relative to the manifest's folder), or null when approval cannot open it.</summary>
        public string? ApprovalPath { get; }

        public string Message { get; }

        public int Line { get; }

        public int Column { get; }

        public bool IsWarning { get; }

        /// <summary>The <c>AgentGuardApprove</c> entry that approved the finding, or null.</summary>
        public string? ApprovedBy { get; private set; }

        public BoundaryFinding Approve(string entry)
        {
            ApprovedBy = entry;
            return this;
        }

        public override string ToString() => $"{Path}({Line},{Column}): {Id} {Message}" + (ApprovedBy != null ? " [approved by " + ApprovedBy + "]" : string.Empty);
    }
}
