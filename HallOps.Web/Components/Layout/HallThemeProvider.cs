using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace HallOps.Web.Components.Layout;

/// <summary>
/// MudThemeProvider whose theme style is written once per process, not once per circuit: the
/// theme's CSS variables are some 12,000 characters, which every staff and guard circuit would
/// otherwise build and keep in its render tree. The theme never changes while the app runs
/// (<see cref="HallTheme.Default"/>, no dark mode). MudThemeProvider's two fixed style blocks
/// (thin scrollbars, chart hover) are in wwwroot/css/app.css instead.
/// </summary>
public sealed class HallThemeProvider : MudThemeProvider
{
    private static (MudTheme Theme, string Style)? s_written;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var theme = GetTheme();
        if (s_written is not { } written || !ReferenceEquals(written.Theme, theme))
        {
            s_written = written = (theme, BuildTheme());
        }
        builder.AddMarkupContent(0, written.Style);
    }
}
