using System.Collections;
using Microsoft.AspNetCore.Components;

namespace HallOps.Web.Wall;

/// <summary>
/// A part of the wall screen (the alert column, the case panel, a footer …) that re-renders only when
/// what it shows changed, not with every render of the page around it. The page renders when its
/// layout or any part's data changed; the parts whose data stayed the same then send nothing, so one
/// hall event costs each screen only the parts it touched.
/// </summary>
public abstract class WallPart : ComponentBase
{
    private object?[]? _shown;

    /// <summary>What the part shows — its parameters. Lists are compared item by item, the rest by value.</summary>
    protected abstract object?[] Shown();

    /// <summary>Takes its parameters from a new snapshot, as the page passes them.</summary>
    protected abstract void Take(WallSnapshot snapshot);

    /// <summary>
    /// Shows a new snapshot without the page rendering around it: renders only when what this part
    /// shows changed. Call on the circuit's dispatcher (the page runs it inside one <see cref="WallBatch"/>).
    /// </summary>
    public void Show(WallSnapshot snapshot)
    {
        Take(snapshot);
        StateHasChanged();
    }

    protected override bool ShouldRender()
    {
        var shown = Shown();
        if (_shown is not null && Same(_shown, shown))
        {
            return false;
        }
        _shown = shown;
        return true;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _shown ??= Shown();
        }
    }

    private static bool Same(object?[] before, object?[] now)
    {
        if (before.Length != now.Length)
        {
            return false;
        }
        for (var i = 0; i < now.Length; i++)
        {
            var same = (before[i], now[i]) switch
            {
                (string a, string b) => a == b,
                (IList a, IList b) => SameItems(a, b),
                (IEnumerable a, IEnumerable b) => a.Cast<object?>().SequenceEqual(b.Cast<object?>()),
                var (a, b) => Equals(a, b),
            };
            if (!same)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Lists item by item, by index: every screen compares on every hall event, so no enumerator is allocated.</summary>
    private static bool SameItems(IList before, IList now)
    {
        if (ReferenceEquals(before, now))
        {
            return true;
        }
        if (before.Count != now.Count)
        {
            return false;
        }
        for (var i = 0; i < now.Count; i++)
        {
            if (!Equals(before[i], now[i]))
            {
                return false;
            }
        }
        return true;
    }
}
