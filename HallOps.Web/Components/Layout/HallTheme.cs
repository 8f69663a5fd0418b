using MudBlazor;

namespace HallOps.Web.Components.Layout;

/// <summary>The app's theme: a system CJK font stack (no web font is downloaded) and the hall's colours.</summary>
public static class HallTheme
{
    public static readonly string[] FontStack =
        ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "sans-serif"];

    public static MudTheme Default { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#b71c1c",
            Secondary = "#1565c0",
            AppbarBackground = "#8e1414",
            // Darker than MudBlazor's defaults so white text on them stays readable (≥ 4.5:1).
            Success = "#2e7d32",
            Warning = "#b45309",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
        },
    };
}
