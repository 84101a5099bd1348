using System;
using Microsoft.Build.Framework;

namespace AgentGuard.Build.Boundaries
{
    /// <summary>
    /// What the projects of one build share in an MSBuild node: a key claimed once (a message said once per build), and
    /// objects made once (the change set, a check's result), registered with the build engine for the build's lifetime.
    /// </summary>
    internal readonly struct BuildScoped
    {
        private static readonly object Gate = new object();

        private readonly IBuildEngine4? _engine;

        public BuildScoped(IBuildEngine? engine) => _engine = engine as IBuildEngine4;

        /// <summary>True the first time <paramref name="key"/> is claimed in this build; <paramref name="owner"/> is recorded as who claimed it.</summary>
        public bool Once(string key, string owner)
        {
            if (_engine == null)
            {
                return true;
            }

            lock (Gate)
            {
                if (_engine.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) != null)
                {
                    return false;
                }

                _engine.RegisterTaskObject(key, owner, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
                return true;
            }
        }

        /// <summary>Who claimed <paramref name="key"/> first in this build, or null.</summary>
        public string? ClaimedBy(string key) => _engine?.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) as string;

        /// <summary>The object registered for this build under <paramref name="key"/>, made by <paramref name="make"/> the first time.</summary>
        public T Shared<T>(string key, Func<T> make)
            where T : class
        {
            lock (Gate)
            {
                if (_engine?.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is T cached)
                {
                    return cached;
                }

                var made = make();
                _engine?.RegisterTaskObject(key, made, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
                return made;
            }
        }
    }
}
