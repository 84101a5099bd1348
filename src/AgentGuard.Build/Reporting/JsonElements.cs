using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace AgentGuard.Build.Reporting
{
    /// <summary>Reading a JSON document that may lack what it should have (the compiler's error log, explain's records).</summary>
    internal static class JsonElements
    {
        /// <summary>The string property <paramref name="name"/> of an object, or null.</summary>
        public static string? Text(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        /// <summary>The items of the array property <paramref name="name"/> of an object, or none.</summary>
        public static IReadOnlyList<JsonElement> Items(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().ToList()
                : new List<JsonElement>();
    }
}
