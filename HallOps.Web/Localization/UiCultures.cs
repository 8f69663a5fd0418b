using HallOps.Web.Extensions;

namespace HallOps.Web.Localization;

public static class UiCultures
{
    /// <summary>The supported culture named, or zh-CN.</summary>
    public static string Supported(string? name) =>
        UiRegistration.Cultures.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))?.Name ?? "zh-CN";
}
