namespace HallOps.Bench.Circuits;

/// <summary>A node of a circuit's logical DOM, as the browser's renderer keeps it.</summary>
public abstract class DomNode
{
    public DomContainer? Parent { get; internal set; }
}

/// <summary>A text node.</summary>
public sealed class DomText(string text) : DomNode
{
    public string Text { get; internal set; } = text;
}

/// <summary>A markup block, kept unparsed: one logical child, searched by its text.</summary>
public sealed class DomMarkup(string markup) : DomNode
{
    public string Markup { get; } = markup;
}

/// <summary>A node with logical children: a component's container, or an element.</summary>
public class DomContainer : DomNode
{
    private List<DomNode>? _children;

    public IReadOnlyList<DomNode> Children => (IReadOnlyList<DomNode>?)_children ?? [];

    internal void Insert(int index, DomNode child)
    {
        _children ??= new List<DomNode>(2);
        child.Parent = this;
        _children.Insert(index, child);
    }

    internal DomNode ChildAt(int index) => _children is { } children && index < children.Count
        ? children[index]
        : throw new InvalidOperationException($"No logical child {index} (of {_children?.Count ?? 0}).");

    internal void RemoveAt(int index)
    {
        ChildAt(index).Parent = null;
        _children!.RemoveAt(index);
    }

    internal void Permute(List<(int From, int To)> moves)
    {
        var before = _children!.ToArray();
        foreach (var (from, to) in moves)
        {
            _children[to] = before[from];
        }
    }
}

/// <summary>An element: its tag, string attributes and event handlers (name without "on", handler id).</summary>
public sealed class DomElement(string tag) : DomContainer
{
    private List<KeyValuePair<string, string>>? _attributes;
    private List<KeyValuePair<string, ulong>>? _handlers;

    public string Tag { get; } = tag;

    public string? Attribute(string name)
    {
        if (_attributes is { } attributes)
        {
            foreach (var attribute in attributes)
            {
                if (attribute.Key == name)
                {
                    return attribute.Value;
                }
            }
        }
        return null;
    }

    /// <summary>The current handler id of an event ("click"), or 0.</summary>
    public ulong Handler(string eventName)
    {
        if (_handlers is { } handlers)
        {
            foreach (var handler in handlers)
            {
                if (handler.Key == eventName)
                {
                    return handler.Value;
                }
            }
        }
        return 0;
    }

    public bool HasClass(string name) =>
        Attribute("class") is { } classes && classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(name);

    /// <summary>The text of the element's subtree (text nodes and markup as written).</summary>
    public string TextContent()
    {
        var text = new System.Text.StringBuilder();
        AppendText(this, text);
        return text.ToString();
    }

    internal void SetAttribute(string name, string? value, ulong handlerId)
    {
        if (handlerId != 0)
        {
            Set(ref _handlers, name.StartsWith("on", StringComparison.Ordinal) ? name[2..] : name, handlerId);
        }
        else if (value is null)
        {
            RemoveAttribute(name);
        }
        else
        {
            Set(ref _attributes, name, value);
        }
    }

    internal void RemoveAttribute(string name)
    {
        _attributes?.RemoveAll(a => a.Key == name);
        if (name.StartsWith("on", StringComparison.Ordinal))
        {
            var eventName = name[2..];
            _handlers?.RemoveAll(h => h.Key == eventName);
        }
    }

    private static void Set<T>(ref List<KeyValuePair<string, T>>? list, string name, T value)
    {
        list ??= new List<KeyValuePair<string, T>>(2);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Key == name)
            {
                list[i] = new(name, value);
                return;
            }
        }
        list.Add(new(name, value));
    }

    private static void AppendText(DomContainer container, System.Text.StringBuilder text)
    {
        foreach (var child in container.Children)
        {
            switch (child)
            {
                case DomText t:
                    text.Append(t.Text);
                    break;
                case DomMarkup m:
                    text.Append(m.Markup);
                    break;
                case DomContainer c:
                    AppendText(c, text);
                    break;
            }
        }
    }
}

/// <summary>
/// A circuit's logical DOM, built by applying render batches the way the browser's BrowserRenderer
/// does: components are containers whose children are their top-level frames, regions are
/// flattened, markup is one child. Root components are attached by JS.AttachComponent.
/// Not thread-safe: the owner serializes batches and queries.
/// </summary>
public sealed class DomTree
{
    private readonly Dictionary<int, DomContainer> _components = [];
    private readonly List<DomContainer> _roots = [];

    public void AttachRoot(int componentId)
    {
        var root = new DomContainer();
        _roots.Add(root);
        _components[componentId] = root;
    }

    public void Apply(RenderBatchReader batch)
    {
        for (var d = 0; d < batch.UpdatedComponentCount; d++)
        {
            var (componentId, editCount) = batch.Diff(d);
            if (!_components.TryGetValue(componentId, out var container))
            {
                // A root component the server did not announce: keep it as a root of its own.
                AttachRoot(componentId);
                container = _components[componentId];
            }
            ApplyEdits(batch, d, editCount, container);
        }
        for (var i = 0; i < batch.DisposedComponentCount; i++)
        {
            _components.Remove(batch.DisposedComponentId(i));
        }
    }

    /// <summary>Every element matching the selector, in document order.</summary>
    public IEnumerable<DomElement> FindAll(Selector selector)
    {
        foreach (var root in _roots)
        {
            foreach (var element in Descendants(root))
            {
                if (selector.Matches(element))
                {
                    yield return element;
                }
            }
        }
    }

    public DomElement? Find(Selector selector) => FindAll(selector).FirstOrDefault();

    private static IEnumerable<DomElement> Descendants(DomContainer container)
    {
        foreach (var child in container.Children)
        {
            if (child is DomContainer c)
            {
                if (c is DomElement element)
                {
                    yield return element;
                }
                foreach (var descendant in Descendants(c))
                {
                    yield return descendant;
                }
            }
        }
    }

    private void ApplyEdits(RenderBatchReader batch, int diff, int editCount, DomContainer container)
    {
        var parent = container;
        List<(int, int)>? permutation = null;
        for (var e = 0; e < editCount; e++)
        {
            var edit = batch.Edit(diff, e);
            switch (edit.Type)
            {
                case EditType.PrependFrame:
                    InsertFrame(batch, parent, edit.SiblingIndex, edit.FrameIndexOrMoveTo);
                    break;
                case EditType.RemoveFrame:
                    parent.RemoveAt(edit.SiblingIndex);
                    break;
                case EditType.SetAttribute:
                    {
                        var element = (DomElement)parent.ChildAt(edit.SiblingIndex);
                        var frame = edit.FrameIndexOrMoveTo;
                        element.SetAttribute(batch.AttributeName(frame), batch.AttributeValue(frame), batch.AttributeEventHandlerId(frame));
                        break;
                    }
                case EditType.RemoveAttribute:
                    ((DomElement)parent.ChildAt(edit.SiblingIndex)).RemoveAttribute(edit.RemovedAttributeName!);
                    break;
                case EditType.UpdateText:
                    ((DomText)parent.ChildAt(edit.SiblingIndex)).Text = batch.Content(edit.FrameIndexOrMoveTo);
                    break;
                case EditType.UpdateMarkup:
                    parent.RemoveAt(edit.SiblingIndex);
                    parent.Insert(edit.SiblingIndex, new DomMarkup(batch.Content(edit.FrameIndexOrMoveTo)));
                    break;
                case EditType.StepIn:
                    parent = (DomContainer)parent.ChildAt(edit.SiblingIndex);
                    break;
                case EditType.StepOut:
                    parent = parent.Parent!;
                    break;
                case EditType.PermutationListEntry:
                    (permutation ??= []).Add((edit.SiblingIndex, edit.FrameIndexOrMoveTo));
                    break;
                case EditType.PermutationListEnd:
                    parent.Permute(permutation!);
                    permutation = null;
                    break;
                default:
                    throw new InvalidOperationException($"Unknown edit type {(int)edit.Type}.");
            }
        }
    }

    /// <summary>Inserts a frame at a logical index; returns how many logical children it added.</summary>
    private int InsertFrame(RenderBatchReader batch, DomContainer parent, int index, int frame)
    {
        switch (batch.FrameTypeAt(frame))
        {
            case FrameType.Element:
                {
                    var element = new DomElement(batch.ElementName(frame));
                    var end = frame + batch.SubtreeLength(frame);
                    var child = frame + 1;
                    for (; child < end && batch.FrameTypeAt(child) == FrameType.Attribute; child++)
                    {
                        element.SetAttribute(batch.AttributeName(child), batch.AttributeValue(child), batch.AttributeEventHandlerId(child));
                    }
                    parent.Insert(index, element);
                    InsertRange(batch, element, 0, child, end);
                    return 1;
                }
            case FrameType.Text:
                parent.Insert(index, new DomText(batch.Content(frame)));
                return 1;
            case FrameType.Markup:
                parent.Insert(index, new DomMarkup(batch.Content(frame)));
                return 1;
            case FrameType.Component:
                {
                    var container = new DomContainer();
                    parent.Insert(index, container);
                    _components[batch.ComponentId(frame)] = container;
                    return 1;
                }
            case FrameType.Region:
                return InsertRange(batch, parent, index, frame + 1, frame + batch.SubtreeLength(frame));
            default:
                // Reference captures, named events and render modes have no node.
                return 0;
        }
    }

    private int InsertRange(RenderBatchReader batch, DomContainer parent, int index, int start, int end)
    {
        var inserted = 0;
        for (var frame = start; frame < end; frame++)
        {
            inserted += InsertFrame(batch, parent, index + inserted, frame);
            var type = batch.FrameTypeAt(frame);
            if (type is FrameType.Element or FrameType.Component or FrameType.Region)
            {
                frame += batch.SubtreeLength(frame) - 1;
            }
        }
        return inserted;
    }
}
