using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AgentGuard.Analyzers.Builtins
{
    /// <summary>
    /// Which test frameworks a compilation references, read from its references' file names: without binding the
    /// references, which the compiler does itself when it starts and which costs an analyzer that asks first at compilation
    /// start about 40 ms in a new compiler process. Where a reference has no file name (an in-memory image, a project
    /// reference in the IDE), a test attribute is declared in the project's own source, or the project counts as a test
    /// project without referencing a framework the list knows, the answer comes from the bound references.
    /// </summary>
    internal static class TestFrameworks
    {
        /// <summary>
        /// The assemblies that declare the test attributes the test checks know: xUnit (v1, v2, v3), NUnit (and the old
        /// NUnitLite that held the framework), MSTest (v1 and v2 on), TUnit. A framework is known by its assembly's file name:
        /// an assembly under another name that declares these attributes counts only in a project that is a test project
        /// by its name, its <c>IsTestProject</c> or a test library it references (<see cref="GoldenRules.RuleContext.IsTest"/>).
        /// </summary>
        private static readonly string[] AttributeAssemblies =
        {
            "xunit", "xunit.core", "xunit.v3.core", "nunit.framework", "nunitlite", "Microsoft.VisualStudio.TestPlatform.TestFramework",
            "Microsoft.VisualStudio.QualityTools.UnitTestFramework", "MSTest.TestFramework", "TUnit.Core",
        };

        private static readonly string[] AttributeTypes =
        {
            "Xunit.FactAttribute", "NUnit.Framework.TestAttribute", "Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute", "TUnit.Core.TestAttribute",
        };

        /// <summary>
        /// True when the compilation can hold a test at all: it sees a test framework's test attribute, from a referenced
        /// framework or declared in its own source.
        /// </summary>
        public static bool CanHoldTests(Compilation compilation, bool isTestProject)
        {
            var referenced = References(compilation, AttributeAssemblies);
            if (referenced == true)
            {
                return true;
            }

            // A test attribute declared in the project's own source, or a reference the file names cannot tell: only then
            // are the references bound to look the attributes up.
            var mayDeclare = referenced == null || isTestProject
                || AttributeTypes.Any(type => compilation.ContainsSymbolsWithName(type.Substring(type.LastIndexOf('.') + 1), SymbolFilter.Type));
            return mayDeclare && AttributeTypes.Any(type => compilation.GetTypeByMetadataName(type) != null);
        }

        /// <summary>
        /// True when the compilation references one of <paramref name="assemblies"/>, false when it references none, and
        /// null when a reference has no file name to tell (an in-memory image, a project reference in the IDE).
        /// </summary>
        public static bool? References(Compilation compilation, IReadOnlyCollection<string> assemblies)
        {
            var unknown = false;

            // The references the project passes; References would add a script's #r references, which binds them.
            foreach (var reference in compilation.ExternalReferences)
            {
                // A project reference (in the IDE) is told by its bound assembly: its source may declare anything.
                var name = reference switch
                {
                    PortableExecutableReference { FilePath: { Length: > 0 } path } => Path.GetFileNameWithoutExtension(path),
                    _ => null,
                };
                if (name == null)
                {
                    unknown = true;
                }
                else if (assemblies.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return unknown ? null : false;
        }
    }
}
