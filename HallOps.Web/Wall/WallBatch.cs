using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace HallOps.Web.Wall;

/// <summary>
/// Renders nothing; runs a screen's updates inside one render batch. A component's StateHasChanged
/// outside a batch renders and sends at once, so a card, the alert column and the footer updated one
/// after the other would cost a screen three batches (three sends, three acknowledgements). Run from
/// here, their renders queue in this component's batch and go out together, and the page around them
/// does not render at all.
/// </summary>
public sealed class WallBatch : IComponent
{
    private RenderHandle _handle;
    private Action? _updates;

    public void Attach(RenderHandle renderHandle) => _handle = renderHandle;

    public Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        return Task.CompletedTask;
    }

    /// <summary>Runs <paramref name="updates"/> (components' StateHasChanged calls) in one batch; call on the circuit's dispatcher.</summary>
    public void Run(Action updates)
    {
        _updates += updates;
        _handle.Render(Build);
    }

    private void Build(RenderTreeBuilder builder)
    {
        var updates = _updates;
        _updates = null;
        updates?.Invoke();
    }
}
