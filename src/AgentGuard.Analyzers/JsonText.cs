using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AgentGuard.Analyzers
{
    /// <summary>
    /// Writes the small JSON objects the explain analyzer reports. Writing only: the explain task reads them back with
    /// System.Text.Json. (The analyzer cannot rely on a JSON library being loadable in every compiler host.)
    /// </summary>
    internal sealed class JsonText
    {
        private readonly StringBuilder _text = new StringBuilder();
        private readonly Stack<bool> _first = new Stack<bool>();

        public JsonText BeginObject(string? name = null) => Open(name, '{');

        public JsonText EndObject() => Close('}');

        public JsonText BeginArray(string? name = null) => Open(name, '[');

        public JsonText EndArray() => Close(']');

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

        public JsonText Property(string name, int value)
        {
            Separator();
            Name(name);
            _text.Append(value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        public JsonText Value(string value)
        {
            Separator();
            Quote(value);
            return this;
        }

        public JsonText Strings(string name, IEnumerable<string> values)
        {
            BeginArray(name);
            foreach (var value in values)
            {
                Value(value);
            }

            return EndArray();
        }

        public override string ToString() => _text.ToString();

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
