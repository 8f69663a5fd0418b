namespace HallOps.Bench.Circuits;

/// <summary>
/// A small CSS-like selector for the DOM model: an optional tag, then any of #id, .class,
/// [attribute] and [attribute=value] (value quoted or not), e.g. <c>button[data-sign-on="1"]</c>,
/// <c>.wall-card[data-window=1]</c>; optionally the element's text must contain a string.
/// </summary>
public sealed class Selector
{
    private readonly string? _tag;
    private readonly List<string> _classes = [];
    private readonly List<(string Name, string? Value)> _attributes = [];

    private Selector(string text)
    {
        Text = text;
        var i = 0;
        var tagEnd = text.IndexOfAny(['#', '.', '[']);
        if (tagEnd != 0)
        {
            _tag = tagEnd < 0 ? text : text[..tagEnd];
            i = tagEnd < 0 ? text.Length : tagEnd;
        }
        while (i < text.Length)
        {
            switch (text[i])
            {
                case '#':
                    {
                        var end = NextPart(text, i + 1);
                        _attributes.Add(("id", text[(i + 1)..end]));
                        i = end;
                        break;
                    }
                case '.':
                    {
                        var end = NextPart(text, i + 1);
                        _classes.Add(text[(i + 1)..end]);
                        i = end;
                        break;
                    }
                case '[':
                    {
                        var end = text.IndexOf(']', i);
                        if (end < 0)
                        {
                            throw new FormatException($"Unclosed [ in selector '{text}'.");
                        }
                        var body = text[(i + 1)..end];
                        var equals = body.IndexOf('=');
                        _attributes.Add(equals < 0 ? (body, null) : (body[..equals], body[(equals + 1)..].Trim('"', '\'')));
                        i = end + 1;
                        break;
                    }
                default:
                    throw new FormatException($"Unexpected '{text[i]}' in selector '{text}'.");
            }
        }
    }

    public string Text { get; }

    /// <summary>Text the element's content must contain, or null.</summary>
    public string? Containing { get; private init; }

    public static Selector Parse(string text) => new(text);

    public Selector WithText(string containing) => new(Text) { Containing = containing };

    public bool Matches(DomElement element)
    {
        if (_tag is not null && !string.Equals(element.Tag, _tag, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        foreach (var name in _classes)
        {
            if (!element.HasClass(name))
            {
                return false;
            }
        }
        foreach (var (name, value) in _attributes)
        {
            var actual = element.Attribute(name);
            if (actual is null || (value is not null && actual != value))
            {
                return false;
            }
        }
        return Containing is null || element.TextContent().Contains(Containing, StringComparison.Ordinal);
    }

    public override string ToString() => Containing is null ? Text : $"{Text} containing \"{Containing}\"";

    private static int NextPart(string text, int from)
    {
        var end = text.IndexOfAny(['#', '.', '['], from);
        return end < 0 ? text.Length : end;
    }
}
