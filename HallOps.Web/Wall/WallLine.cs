using Microsoft.AspNetCore.Components;

namespace HallOps.Web.Wall;

/// <summary>
/// One line of a wall list (an alert, a case). It renders when it appears and when its own record
/// changes (value equality), not when another line comes or goes: a new line costs every screen that
/// line, not the list.
/// </summary>
public abstract class WallLine<T> : ComponentBase where T : class
{
    private T? _shown;
    private bool _changed = true;

    /// <summary>The record the line shows: its parameter.</summary>
    protected abstract T Line { get; }

    protected override void OnParametersSet()
    {
        _changed = !Equals(_shown, Line);
        _shown = Line;
    }

    protected override bool ShouldRender() => _changed;
}
