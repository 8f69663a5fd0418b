using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Localization;

/// <summary>
/// The UI's texts, each looked up in its resources once per language and then kept. Every render
/// of a screen part asks for its texts again — a wall's footer and freshness line on every hall
/// event, on every wall — and the resource manager's lookup (culture fallback, its lock) was about
/// 4 % of the core fanning one event out to 500 walls. Texts with arguments are formatted as the
/// resource localizer formats them (the current culture); a name with no text is not kept (it
/// answers with the name, reported not found), so names built from data cannot grow the cache.
/// </summary>
public sealed class CachedStringLocalizer<TResource>(IStringLocalizerFactory factory) : IStringLocalizer<TResource>
{
    private readonly IStringLocalizer _resources = factory.Create(typeof(TResource));
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _texts = new();

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (_texts.TryGetValue(key, out var text))
            {
                return text;
            }
            text = _resources[name];
            return text.ResourceNotFound ? text : _texts.GetOrAdd(key, text);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _resources.GetAllStrings(includeParentCultures);
}
