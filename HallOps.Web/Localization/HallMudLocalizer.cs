using Microsoft.Extensions.Localization;
using MudBlazor;

namespace HallOps.Web.Localization;

/// <summary>
/// MudBlazor's own texts (pager, pickers, "required" …) in Chinese from Resources/Localization/MudTranslations.resx.
/// For English the key is reported missing and MudBlazor uses its built-in English.
/// </summary>
public sealed class HallMudLocalizer(IStringLocalizer<MudTranslations> translations) : MudLocalizer
{
    public override LocalizedString this[string key] =>
        System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
            ? translations[key]
            : new LocalizedString(key, key, resourceNotFound: true);
}

/// <summary>Marker for Resources/Localization/MudTranslations.resx (zh-CN only).</summary>
public sealed class MudTranslations;
