using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace AgentGuard.Build.Boundaries
{
    /// <summary>
    /// The dependencies one file declares, as name -> version: package references and versions in MSBuild files, locked
    /// packages, local tools, the SDK and MSBuild SDKs, package sources. Two versions of a file are compared by their
    /// package sets, so a reformatting or a comment is not a dependency change.
    /// </summary>
    internal sealed class PackageSet
    {
        private static readonly string[] ProjectExtensions = { ".csproj", ".fsproj", ".vbproj", ".proj", ".props", ".targets" };

        private readonly Dictionary<string, Item> _items;

        private PackageSet(Dictionary<string, Item> items, bool unreadable)
        {
            _items = items;
            IsUnreadable = unreadable;
        }

        /// <summary>True when the file could not be read as what its name says; every change to it then counts.</summary>
        public bool IsUnreadable { get; }

        public static PackageSet Empty => new PackageSet(new Dictionary<string, Item>(StringComparer.OrdinalIgnoreCase), false);

        /// <summary>True for the files that can declare dependencies.</summary>
        public static bool IsDependencyFile(string path)
        {
            var name = GitPath.FileName(path);
            return ProjectExtensions.Any(extension => name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                || name.Equals("packages.lock.json", StringComparison.OrdinalIgnoreCase)
                || name.Equals("packages.config", StringComparison.OrdinalIgnoreCase)
                || name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase)
                || name.Equals("global.json", StringComparison.OrdinalIgnoreCase)
                || name.Equals("dotnet-tools.json", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Reads the set <paramref name="path"/> declares in <paramref name="content"/> (null: the file does not exist).</summary>
        public static PackageSet Read(string path, byte[]? content)
        {
            var items = new Dictionary<string, Item>(StringComparer.OrdinalIgnoreCase);
            if (content == null || content.Length == 0)
            {
                return new PackageSet(items, false);
            }

            var name = GitPath.FileName(path).ToLowerInvariant();
            try
            {
                switch (name)
                {
                    case "packages.lock.json":
                        ReadLockFile(content, items);
                        break;
                    case "global.json":
                        ReadGlobalJson(content, items);
                        break;
                    case "dotnet-tools.json":
                        ReadTools(content, items);
                        break;
                    case "nuget.config":
                        ReadNuGetConfig(content, items);
                        break;
                    default:
                        ReadMsBuild(content, items);
                        break;
                }

                return new PackageSet(items, false);
            }
            catch (Exception exception) when (exception is XmlException || exception is JsonException || exception is InvalidOperationException)
            {
                return new PackageSet(items, true);
            }
        }

        /// <summary>
        /// What a changed file does to the packages (added, removed, re-versioned), or nothing when it declares none. A
        /// file renamed to a name that declares nothing (Directory.Packages.props.bak) takes its packages with it.
        /// </summary>
        public static IReadOnlyList<string> ChangesIn(Git.ChangedFile file, IRepositoryContent content)
        {
            if (file.IsSubmodule || !(IsDependencyFile(file.Path) || (file.OldPath != null && IsDependencyFile(file.OldPath))))
            {
                return Array.Empty<string>();
            }

            var before = file.BasePath != null ? content.ReadMergeBase(file.BasePath) : null;
            var after = file.Exists ? content.ReadWorkingTree(file.Path) : null;
            var changed = !(before ?? Array.Empty<byte>()).SequenceEqual(after ?? Array.Empty<byte>());
            var beforeSet = file.BasePath != null && IsDependencyFile(file.BasePath) ? Read(file.BasePath, before) : Empty;
            var afterSet = IsDependencyFile(file.Path) ? Read(file.Path, after) : Empty;
            return Compare(beforeSet, afterSet, changed);
        }

        /// <summary>What changed from <paramref name="before"/> to <paramref name="after"/>, one phrase per package; empty when nothing did.</summary>
        public static IReadOnlyList<string> Compare(PackageSet before, PackageSet after, bool contentChanged)
        {
            if ((before.IsUnreadable || after.IsUnreadable) && contentChanged)
            {
                return new[] { "it does not parse " + (before.IsUnreadable ? "at the merge base" : "now") + ", so any change to it counts" };
            }

            var changes = new List<string>();
            foreach (var item in after._items)
            {
                if (!before._items.TryGetValue(item.Key, out var old))
                {
                    changes.Add("added " + item.Value.Describe());
                }
                else if (!string.Equals(old.Version, item.Value.Version, StringComparison.OrdinalIgnoreCase))
                {
                    changes.Add(item.Value.Opaque ? "changed " + item.Value.Label : $"{item.Value.Label} {Version(old.Version)} -> {Version(item.Value.Version)}");
                }
            }

            foreach (var item in before._items)
            {
                if (!after._items.ContainsKey(item.Key))
                {
                    changes.Add("removed " + item.Value.Describe());
                }
            }

            return changes;
        }

        private static string Version(string version) => version.Length == 0 ? "(no version)" : version;

        private static void ReadMsBuild(byte[] content, Dictionary<string, Item> items)
        {
            var document = LoadXml(content);
            foreach (var element in document.Descendants())
            {
                var kind = element.Name.LocalName;

                // Versions kept in properties ($(SerilogVersion) in eng/Versions.props) are part of the package set too.
                if (element.Parent?.Name.LocalName == "PropertyGroup" && kind.EndsWith("Version", StringComparison.Ordinal) && kind.Length > "Version".Length)
                {
                    items["property:" + kind + Conditions(element)] = new Item("property " + kind, element.Value.Trim());
                    continue;
                }

                if (kind != "PackageReference" && kind != "PackageVersion" && kind != "GlobalPackageReference" && kind != "package")
                {
                    continue;
                }

                var id = Attribute(element, kind == "package" ? "id" : "Include") ?? Attribute(element, "Update");
                if (string.IsNullOrWhiteSpace(id))
                {
                    continue;
                }

                var version = Attribute(element, "Version") ?? Attribute(element, "VersionOverride")
                    ?? element.Elements().FirstOrDefault(child => child.Name.LocalName == "Version" || child.Name.LocalName == "VersionOverride")?.Value
                    ?? string.Empty;

                // The same package under two conditions (one version per target framework) is two entries.
                var conditions = Conditions(element);
                var label = (kind == "package" || kind == "PackageReference" ? id!.Trim() : kind + " " + id!.Trim()) + (conditions.Length > 0 ? " (when " + conditions.Trim() + ")" : string.Empty);
                items[kind + ":" + id.Trim() + conditions] = new Item(label, version.Trim());
            }

            // An MSBuild SDK with a version (<Project Sdk="Name/1.2.3">, <Sdk Name Version>) is a dependency too.
            var sdk = Attribute(document.Root!, "Sdk");
            foreach (var part in (sdk ?? string.Empty).Split(';').Where(part => part.Contains("/")))
            {
                var pieces = part.Trim().Split('/');
                items["sdk:" + pieces[0]] = new Item("MSBuild SDK " + pieces[0], pieces[1]);
            }

            foreach (var element in document.Descendants().Where(e => e.Name.LocalName == "Sdk" && Attribute(e, "Version") != null))
            {
                items["sdk:" + Attribute(element, "Name")] = new Item("MSBuild SDK " + Attribute(element, "Name"), Attribute(element, "Version")!);
            }
        }

        private static string Conditions(XElement element) =>
            string.Concat(element.AncestorsAndSelf().Select(e => Attribute(e, "Condition")).Where(c => !string.IsNullOrWhiteSpace(c)).Reverse().Select(c => " " + c!.Trim()));

        private static void ReadNuGetConfig(byte[] content, Dictionary<string, Item> items)
        {
            var document = LoadXml(content);

            // Beyond the sources, nuget.config decides trust, signatures and fallback folders: any change to its settings
            // (not to comments or layout: the reader drops those) counts, named by the sources where they differ.
            items["settings"] = new Item("nuget.config settings", document.Root!.ToString(SaveOptions.DisableFormatting), opaque: true);
            foreach (var section in document.Descendants().Where(e => e.Name.LocalName == "packageSources"))
            {
                foreach (var entry in section.Elements())
                {
                    if (entry.Name.LocalName == "clear")
                    {
                        items["sources:clear"] = new Item("<clear/> of package sources", string.Empty);
                    }
                    else if (entry.Name.LocalName == "add")
                    {
                        var key = Attribute(entry, "key") ?? string.Empty;
                        items["source:" + key] = new Item("package source " + key, Attribute(entry, "value") ?? string.Empty);
                    }
                }
            }

            foreach (var source in document.Descendants().Where(e => e.Name.LocalName == "packageSource" && e.Parent?.Name.LocalName == "packageSourceMapping"))
            {
                var key = Attribute(source, "key") ?? string.Empty;
                foreach (var package in source.Elements().Where(e => e.Name.LocalName == "package"))
                {
                    var pattern = Attribute(package, "pattern") ?? string.Empty;
                    items["mapping:" + key + ":" + pattern] = new Item($"source mapping {pattern} -> {key}", string.Empty);
                }
            }
        }

        private static void ReadLockFile(byte[] content, Dictionary<string, Item> items)
        {
            using (var document = ParseJson(content))
            {
                if (!document.RootElement.TryGetProperty("dependencies", out var frameworks) || frameworks.ValueKind != JsonValueKind.Object)
                {
                    return;
                }

                foreach (var framework in frameworks.EnumerateObject())
                {
                    if (framework.Value.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    foreach (var package in framework.Value.EnumerateObject())
                    {
                        var resolved = package.Value.ValueKind == JsonValueKind.Object && package.Value.TryGetProperty("resolved", out var value) ? value.ToString() : string.Empty;
                        items[framework.Name + ":" + package.Name] = new Item($"{package.Name} ({framework.Name})", resolved);
                    }
                }
            }
        }

        private static void ReadGlobalJson(byte[] content, Dictionary<string, Item> items)
        {
            using (var document = ParseJson(content))
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return;
                }

                if (root.TryGetProperty("sdk", out var sdk) && sdk.ValueKind == JsonValueKind.Object)
                {
                    foreach (var setting in sdk.EnumerateObject())
                    {
                        items["sdk:" + setting.Name] = new Item("SDK " + setting.Name, setting.Value.ToString());
                    }
                }

                if (root.TryGetProperty("msbuild-sdks", out var sdks) && sdks.ValueKind == JsonValueKind.Object)
                {
                    foreach (var entry in sdks.EnumerateObject())
                    {
                        items["msbuild-sdk:" + entry.Name] = new Item("MSBuild SDK " + entry.Name, entry.Value.ToString());
                    }
                }
            }
        }

        private static void ReadTools(byte[] content, Dictionary<string, Item> items)
        {
            using (var document = ParseJson(content))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("tools", out var tools) || tools.ValueKind != JsonValueKind.Object)
                {
                    return;
                }

                foreach (var tool in tools.EnumerateObject())
                {
                    var version = tool.Value.ValueKind == JsonValueKind.Object && tool.Value.TryGetProperty("version", out var value) ? value.ToString() : string.Empty;
                    items["tool:" + tool.Name] = new Item("tool " + tool.Name, version);
                }
            }
        }

        private static XDocument LoadXml(byte[] content) => XmlFiles.Load(content, ignoreWhitespace: true);

        private static JsonDocument ParseJson(byte[] content)
        {
            var start = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
            return JsonDocument.Parse(new ReadOnlyMemory<byte>(content, start, content.Length - start), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }

        private static string? Attribute(XElement element, string name) =>
            element.Attributes().FirstOrDefault(attribute => string.Equals(attribute.Name.LocalName, name, StringComparison.OrdinalIgnoreCase))?.Value;

        private sealed class Item
        {
            public Item(string label, string version, bool opaque = false)
            {
                Label = label;
                Version = version;
                Opaque = opaque;
            }

            /// <summary>The value is a whole configuration, named but not printed.</summary>
            public bool Opaque { get; }

            public string Label { get; }

            public string Version { get; }

            public string Describe() => Version.Length == 0 || Opaque ? Label : Label + " " + Version;
        }
    }
}
