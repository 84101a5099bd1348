using System;
using System.IO;
using Microsoft.Build.Framework;
using AgentGuard.Policy;

namespace AgentGuard.Build
{
    /// <summary>
    /// dotnet build -t:AgentGuardReview: records the current hash of every changed generated file in
    /// .agentguard/reviewed.txt, after a human has reviewed them. Running it again records nothing new.
    /// </summary>
    public sealed class ReviewGeneratedFiles : BoundaryTask
    {
        /// <inheritdoc />
        private protected override bool Run()
        {
            var prepared = Prepare();
            if (prepared == null)
            {
                if (!File.Exists(Manifest) && !Log.HasLoggedErrors)
                {
                    Log.LogMessage(MessageImportance.High, "{0}", $"AgentGuard: no boundary manifest at '{Path.GetFullPath(Manifest)}'; there is no review ledger to update.");
                }

                return !Log.HasLoggedErrors;
            }

            var ledger = prepared.Ledger;
            var recorded = 0;
            foreach (var (path, hash, reviewed) in prepared.Check(Boundaries.Approvals.None).ChangedGeneratedFiles())
            {
                if (reviewed)
                {
                    Log.LogMessage(MessageImportance.Normal, "{0}", $"AgentGuard: '{path}' is already recorded as reviewed.");
                    continue;
                }

                ledger = ledger.With(path, hash);
                recorded++;
                Log.LogMessage(MessageImportance.High, "{0}", $"AgentGuard: recorded as reviewed: {hash}  {path}");
            }

            if (recorded == 0)
            {
                Log.LogMessage(MessageImportance.High, "{0}", $"AgentGuard: no changed generated file needs recording; {prepared.LedgerPath} is unchanged.");
                return true;
            }

            // Every project of a solution runs the target: the first one in this build records, the others have nothing to add.
            if (!Once("AgentGuard.Review|" + prepared.LedgerPath))
            {
                Log.LogMessage(MessageImportance.Normal, "{0}", $"AgentGuard: {prepared.LedgerPath} was updated by another project of this build.");
                return true;
            }

            try
            {
                Reporting.ReportFile.Write(prepared.LedgerPath, ledger.ToText());
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                Log.LogError(null, DiagnosticIds.UnreviewedGeneratedFile, null, prepared.LedgerPath, 0, 0, 0, 0, "{0}", $"AgentGuard could not write the review ledger: {exception.Message}");
                return false;
            }

            Log.LogMessage(MessageImportance.High, "{0}", $"AgentGuard: wrote {recorded} hash(es) to {prepared.LedgerPath}; commit it with the reviewed files.");
            return true;
        }
    }
}
