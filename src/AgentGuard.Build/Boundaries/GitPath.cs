namespace AgentGuard.Build.Boundaries
{
    /// <summary>
    /// Names in git's '/'-separated paths, taken as text: .NET Framework's Path methods throw on characters ('|', '"', '&lt;')
    /// that other systems allow in file names, and a git path may hold any of them.
    /// </summary>
    internal static class GitPath
    {
        public static string FileName(string path) => path.Substring(path.LastIndexOf('/') + 1);

        public static string FileNameWithoutExtension(string path)
        {
            var name = FileName(path);
            var dot = name.LastIndexOf('.');
            return dot <= 0 ? name : name.Substring(0, dot);
        }
    }
}
