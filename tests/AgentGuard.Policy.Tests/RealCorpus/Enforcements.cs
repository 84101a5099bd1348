using System;
using System.Collections.Generic;
using System.Linq;

namespace AgentGuard.Policy.Tests.RealCorpus;

/// <summary>
/// What the reader enforces for one rule, in the form our labels write it (RealCorpus/labels.tsv): <c>ban:DateTime.Now</c>,
/// <c>ban-new:HttpClient</c>, <c>construct:AsyncVoid</c>, <c>dependency:A->B</c>, <c>forbidden:deploy/**</c>,
/// <c>approval:global.json</c>, <c>generated:**/Generated/**</c>, <c>tests:src/**=>tests/**</c>, <c>builtin:AG1001</c>,
/// <c>style:IDE0008</c> (a style rule switched on through the SDK's analyzers).
/// </summary>
public static class Enforcements
{
    public static IReadOnlyList<string> Of(GoldenRule rule)
    {
        var items = new List<string>();
        items.AddRange(rule.BannedTargets.Select(target => (target.IsConstruction ? "ban-new:" : "ban:") + target.Text));
        items.AddRange(rule.Constructs.Select(construct => "construct:" + construct));
        items.AddRange(rule.Dependencies.Select(dependency => $"dependency:{dependency.From}->{dependency.To}"));
        items.AddRange(rule.Paths.Select(Path));
        items.AddRange(rule.Builtins.Select(id => "builtin:" + id));
        items.AddRange(rule.Styles.SelectMany(style => style.Ids).Select(id => "style:" + id));
        return items.Select(Normalize).Distinct().ToList();
    }

    private static string Path(PathRule path) => path.Kind switch
    {
        PathRuleKind.Forbidden => "forbidden:" + path.Glob,
        PathRuleKind.Approval => "approval:" + path.Glob,
        PathRuleKind.Generated => "generated:" + path.Glob,
        _ => $"tests:{path.Glob}=>{path.TestsGlob}",
    };

    /// <summary>True for what the boundary check enforces on a change, not the analyzers in code.</summary>
    public static bool IsOnPaths(string item) =>
        item.StartsWith("forbidden:", StringComparison.Ordinal) || item.StartsWith("approval:", StringComparison.Ordinal)
        || item.StartsWith("generated:", StringComparison.Ordinal) || item.StartsWith("tests:", StringComparison.Ordinal);

    /// <summary>One spelling per meaning: "deploy/" is "deploy/**", "./x" is "x", "Foo()" is "Foo".</summary>
    public static string Normalize(string item)
    {
        var colon = item.IndexOf(':');
        if (colon < 0)
        {
            return item.Trim();
        }

        var kind = item.Substring(0, colon);
        var value = item.Substring(colon + 1).Trim();
        switch (kind)
        {
            case "ban":
                // "Array.Empty<T>()" is the member Array.Empty.
                value = value.Replace("global::", string.Empty, StringComparison.Ordinal);
                value = value.EndsWith("()", StringComparison.Ordinal) ? value[..^2] : value;
                return kind + ":" + (value.EndsWith('>') && value.IndexOf('<') is var generic and > 0 ? value[..generic] : value);
            case "ban-new":
                // "new HttpClient()", "new X509Certificate2(path)": the type whose construction is banned.
                value = value.Replace("global::", string.Empty, StringComparison.Ordinal);
                value = value.StartsWith("new ", StringComparison.Ordinal) ? value[4..] : value;
                return kind + ":" + (value.IndexOf('(') is var open and > 0 ? value[..open] : value).Trim();
            case "forbidden":
            case "approval":
            case "generated":
                return kind + ":" + Glob(value);
            case "tests":
                var parts = value.Split("=>");
                return parts.Length == 2 ? $"tests:{Glob(parts[0])}=>{Glob(parts[1])}" : item;
            default:
                return kind + ":" + value;
        }
    }

    private static string Glob(string glob)
    {
        glob = glob.Trim().Replace('\\', '/');
        if (glob.StartsWith("./", StringComparison.Ordinal))
        {
            glob = glob[2..];
        }

        glob = glob.TrimStart('/');
        glob = glob.EndsWith('/') ? glob + "**" : glob;

        // A glob without a folder matches at any depth, as PathGlob reads it: "Generated/" is "**/Generated/**".
        var folderPart = glob.EndsWith("/**", StringComparison.Ordinal) ? glob[..^3] : glob;
        return folderPart.Contains('/', StringComparison.Ordinal) || glob.StartsWith("**", StringComparison.Ordinal) ? glob : "**/" + glob;
    }
}
