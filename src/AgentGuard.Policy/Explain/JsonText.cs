using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AgentGuard.Policy.Explain
{
    /// <summary>
    /// Writes an explain record as compact JSON text, the form the explain analyzer reports it in. Writing only: the
    /// explain task reads records back with System.Text.Json. (The analyzer cannot rely on a JSON library being loadable
    /// in every compiler host.)
    /// </summary>
    public sealed class JsonText : IExplainJsonWriter
    {
        private readonly StringBuilder _text = new StringBuilder();
        private readonly Stack<bool> _first = new Stack<bool>();

        /// <summary>Opens an object, named when it is a property.</summary>
        public JsonText BeginObject(string? name = null) => Open(name, '{');

        /// <summary>Closes the innermost object.</summary>
        public JsonText EndObject() => Close('}');

        /// <summary>Opens an array, named when it is a property.</summary>
        public JsonText BeginArray(string? name = null) => Open(name, '[');

        /// <summary>Closes the innermost array.</summary>
        public JsonText EndArray() => Close(']');

        /// <summary>A string property; null is written as <c>null</c>.</summary>
        public JsonText Property(string name, string? value)
        {
            Separator();
            Name(name);
            if (value == null)
            {
                _text.Append("null");
            }
            else
            {
                Quote(value);
            }

            return this;
        }

        /// <summary>A number property.</summary>
        public JsonText Property(string name, int value)
        {
            Separator();
            Name(name);
            _text.Append(value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        /// <summary>A string item of the innermost array.</summary>
        public JsonText Value(string value)
        {
            Separator();
            Quote(value);
            return this;
        }

        /// <summary>An array of strings, empty when there are none.</summary>
        public JsonText Strings(string name, IEnumerable<string> values)
        {
            BeginArray(name);
            foreach (var value in values)
            {
                Value(value);
            }

            return EndArray();
        }

        /// <summary>The JSON written so far.</summary>
        public override string ToString() => _text.ToString();

        void IExplainJsonWriter.BeginObject(string? name) => BeginObject(name);

        void IExplainJsonWriter.EndObject() => EndObject();

        void IExplainJsonWriter.BeginArray(string? name) => BeginArray(name);

        void IExplainJsonWriter.EndArray() => EndArray();

        void IExplainJsonWriter.Property(string name, string? value) => Property(name, value);

        void IExplainJsonWriter.Property(string name, int value) => Property(name, value);

        void IExplainJsonWriter.Strings(string name, IEnumerable<string> values) => Strings(name, values);

        private JsonText Open(string? name, char bracket)
        {
            Separator();
            if (name != null)
            {
                Name(name);
            }

            _text.Append(bracket);
            _first.Push(true);
            return this;
        }

        private JsonText Close(char bracket)
        {
            _first.Pop();
            _text.Append(bracket);
            return this;
        }

        private void Separator()
        {
            if (_first.Count == 0)
            {
                return;
            }

            if (!_first.Pop())
            {
                _text.Append(',');
            }

            _first.Push(false);
        }

        private void Name(string name)
        {
            Quote(name);
            _text.Append(':');
        }

        private void Quote(string value)
        {
            _text.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"':
                        _text.Append("\\\"");
                        break;
                    case '\\':
                        _text.Append("\\\\");
                        break;
                    case '\n':
                        _text.Append("\\n");
                        break;
                    case '\r':
                        _text.Append("\\r");
                        break;
                    case '\t':
                        _text.Append("\\t");
                        break;
                    default:
                        if (c < ' ')
                        {
                            _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            _text.Append(c);
                        }

                        break;
                }
            }

            _text.Append('"');
        }
    }
}
