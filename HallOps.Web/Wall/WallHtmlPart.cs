using Microsoft.AspNetCore.Components;

namespace HallOps.Web.Wall;

/// <summary>
/// A part of the wall screen shown from HTML rendered once for every screen (<see cref="WallMarkup"/>):
/// a window card, the alert column, the footer. It renders only when it is handed HTML that shows
/// something else than what it shows — from the page's render (<see cref="Html"/>) or, without the
/// page rendering around it, from <see cref="Show"/>.
/// </summary>
public abstract class WallHtmlPart<THtml> : ComponentBase
    where THtml : class
{
    private bool _changed = true;

    /// <summary>The part's HTML in this screen's language, as the page passes it.</summary>
    [Parameter, EditorRequired]
    public THtml Html { get; set; } = default!;

    /// <summary>The HTML shown.</summary>
    protected THtml Shown { get; private set; } = default!;

    /// <summary>Whether a screen showing <paramref name="shown"/> shows <paramref name="next"/> too.</summary>
    protected abstract bool Same(THtml shown, THtml next);

    /// <summary>Shows a new snapshot's HTML; called on the circuit's dispatcher.</summary>
    public void Show(THtml html)
    {
        if (Take(html))
        {
            StateHasChanged();
        }
    }

    protected override void OnParametersSet() => Take(Html);

    protected override bool ShouldRender() => _changed;

    protected override void OnAfterRender(bool firstRender) => _changed = false;

    private bool Take(THtml html)
    {
        if (Shown is not null && (ReferenceEquals(Shown, html) || Same(Shown, html)))
        {
            return false;
        }
        Shown = html;
        _changed = true;
        return true;
    }
}
