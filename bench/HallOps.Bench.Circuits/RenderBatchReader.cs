using System.Buffers.Binary;
using System.Text;

namespace HallOps.Bench.Circuits;

/// <summary>The edit kinds of a render batch (Microsoft.AspNetCore.Components.RenderTree.RenderTreeEditType).</summary>
public enum EditType
{
    PrependFrame = 1,
    RemoveFrame = 2,
    SetAttribute = 3,
    RemoveAttribute = 4,
    UpdateText = 5,
    StepIn = 6,
    StepOut = 7,
    UpdateMarkup = 8,
    PermutationListEntry = 9,
    PermutationListEnd = 10,
}

/// <summary>The frame kinds of a render batch (Microsoft.AspNetCore.Components.RenderTree.RenderTreeFrameType).</summary>
public enum FrameType
{
    Element = 1,
    Text = 2,
    Attribute = 3,
    Component = 4,
    Region = 5,
    ElementReferenceCapture = 6,
    ComponentReferenceCapture = 7,
    Markup = 8,
}

/// <summary>One edit: its kind, the sibling index it applies at, and the reference frame (or the move target).</summary>
public readonly record struct RenderEdit(EditType Type, int SiblingIndex, int FrameIndexOrMoveTo, string? RemovedAttributeName);

/// <summary>
/// Reads the binary render batch the server sends in JS.RenderBatch, as the browser's
/// OutOfProcessRenderBatch does: fixed-size entries, with the positions of the sections (updated
/// components, reference frames, disposed component ids, disposed event handler ids, string table)
/// in the last five int32s (disposed handlers need nothing here: their attributes go with their
/// elements). Strings are decoded only when asked for.
/// </summary>
public readonly ref struct RenderBatchReader
{
    private const int FrameSize = 20;
    private const int EditSize = 16;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _updatedComponents;
    private readonly int _referenceFrames;
    private readonly int _disposedComponents;
    private readonly int _stringTable;

    public RenderBatchReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        var end = data.Length;
        _updatedComponents = Int(end - 20);
        _referenceFrames = Int(end - 16);
        _disposedComponents = Int(end - 12);
        _stringTable = Int(end - 4);
    }

    public int UpdatedComponentCount => Int(_updatedComponents);

    public int FrameCount => Int(_referenceFrames);

    public int DisposedComponentCount => Int(_disposedComponents);

    public int DisposedComponentId(int index) => Int(_disposedComponents + 4 + index * 4);

    /// <summary>The component id of an updated component and its number of edits.</summary>
    public (int ComponentId, int EditCount) Diff(int index)
    {
        var at = Int(_updatedComponents + 4 + index * 4);
        return (Int(at), Int(at + 4));
    }

    public RenderEdit Edit(int diffIndex, int editIndex)
    {
        var at = Int(_updatedComponents + 4 + diffIndex * 4) + 8 + editIndex * EditSize;
        return new RenderEdit((EditType)Int(at), Int(at + 4), Int(at + 8), String(Int(at + 12)));
    }

    public FrameType FrameTypeAt(int frame) => (FrameType)Int(FrameAt(frame));

    /// <summary>Element, component and region frames: the frame itself plus its descendants.</summary>
    public int SubtreeLength(int frame) => Int(FrameAt(frame) + 4);

    public int ComponentId(int frame) => Int(FrameAt(frame) + 8);

    public string ElementName(int frame) => String(Int(FrameAt(frame) + 8)) ?? "";

    /// <summary>Text and markup content.</summary>
    public string Content(int frame) => String(Int(FrameAt(frame) + 4)) ?? "";

    public string AttributeName(int frame) => String(Int(FrameAt(frame) + 4)) ?? "";

    /// <summary>The attribute's value: "" for true, null for false or a non-string value.</summary>
    public string? AttributeValue(int frame) => String(Int(FrameAt(frame) + 8));

    public ulong AttributeEventHandlerId(int frame) => BinaryPrimitives.ReadUInt64LittleEndian(_data[(FrameAt(frame) + 12)..]);

    /// <summary>Compares an attribute frame's name without decoding it.</summary>
    public bool AttributeNameIs(int frame, ReadOnlySpan<byte> utf8Name) => StringBytes(Int(FrameAt(frame) + 4)).SequenceEqual(utf8Name);

    /// <summary>The attribute's value as UTF-8 bytes, without decoding it (empty when null).</summary>
    public ReadOnlySpan<byte> AttributeValueBytes(int frame) => StringBytes(Int(FrameAt(frame) + 8));

    private int FrameAt(int frame) => _referenceFrames + 4 + frame * FrameSize;

    private int Int(int at) => BinaryPrimitives.ReadInt32LittleEndian(_data[at..]);

    private string? String(int index) => index < 0 ? null : Encoding.UTF8.GetString(StringBytes(index));

    private ReadOnlySpan<byte> StringBytes(int index)
    {
        if (index < 0)
        {
            return default;
        }
        var at = Int(_stringTable + index * 4);
        // BinaryWriter.Write(string): a 7-bit encoded length, then the UTF-8 bytes.
        var length = 0;
        var shift = 0;
        byte b;
        do
        {
            b = _data[at++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return _data.Slice(at, length);
    }
}
