using System.IO;
using System.Xml;
using System.Xml.Linq;

namespace AgentGuard.Build.Boundaries
{
    /// <summary>
    /// MSBuild and NuGet XML files as the boundary check reads them: no DTD, no resolver, and no deeper than
    /// <see cref="MaxDepth"/> elements. The depth bound is there because <c>XDocument.Load</c> takes time quadratic in
    /// the nesting depth (a 1 MB project file of nested elements takes seconds, 2 MB most of a minute), while the reader
    /// it checks with first is linear; real project files nest five or six levels.
    /// </summary>
    internal static class XmlFiles
    {
        public const int MaxDepth = 64;

        /// <summary>Loads <paramref name="content"/>; throws <see cref="XmlException"/> for XML that does not parse or nests too deep.</summary>
        public static XDocument Load(byte[] content, bool ignoreWhitespace)
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = ignoreWhitespace };
            using (var stream = new MemoryStream(content))
            using (var reader = XmlReader.Create(stream, settings))
            {
                while (reader.Read())
                {
                    if (reader.Depth > MaxDepth)
                    {
                        var position = reader as IXmlLineInfo;
                        throw new XmlException($"elements nest more than {MaxDepth} levels deep", null, position?.LineNumber ?? 0, position?.LinePosition ?? 0);
                    }
                }
            }

            using (var stream = new MemoryStream(content))
            using (var reader = XmlReader.Create(stream, settings))
            {
                return XDocument.Load(reader);
            }
        }
    }
}
