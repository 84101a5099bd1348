using System.IO;
using System.Runtime.CompilerServices;
using Xunit;

namespace AgentGuard.Testing;

/// <summary>
/// Snapshot assertion with Verify's file convention: <c>&lt;TestFile&gt;.&lt;Test&gt;.verified.txt</c> beside the test
/// source is committed; a mismatch (or a missing verified file) writes <c>*.received.txt</c> and fails. Accept a
/// change by replacing the verified file with the received one.
/// </summary>
public static class Snapshot
{
    public static void Match(string actual, [CallerFilePath] string testFile = "", [CallerMemberName] string testName = "")
    {
        var folder = Path.GetDirectoryName(testFile)!;
        var stem = Path.Combine(folder, Path.GetFileNameWithoutExtension(testFile) + "." + testName);
        var verified = stem + ".verified.txt";
        var received = stem + ".received.txt";
        actual = Normalize(actual);

        if (File.Exists(verified) && Normalize(File.ReadAllText(verified)) == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(File.Exists(verified)
            ? $"Snapshot differs from {verified}. Compare it with {received}; if the change is intended, replace the verified file with it."
            : $"No verified snapshot yet. Review {received} and rename it to {Path.GetFileName(verified)}.");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd('\n') + "\n";
}
