using System.Collections.Concurrent;
using System.Globalization;
using HallOps.Web.Components.Pages.Wall;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Wall;

/// <summary>The HTML of one snapshot's window cards in one language, shared by every screen showing it.</summary>
public sealed record WallHtml(IReadOnlyDictionary<int, WallCardHtml> Cards);

/// <summary>
/// One window's card in one language: the card element's attributes (what the page script, the
/// tests and the load client select by) and its content as HTML.
/// </summary>
public sealed record WallCardHtml(string Class, string Number, string State, string Label, MarkupString Content);

/// <summary>
/// Renders the wall's window cards to HTML once per snapshot and language, for every screen: a
/// screen then shows a card as one markup frame instead of building its thirty-odd frames itself.
/// With thousands of screens that is most of what a hall event costs the server — each screen's
/// render wrote new frames (and new strings) into its long-lived render tree, and the garbage
/// collector's pauses grew with them. A card equal to the one in the language's previous snapshot
/// keeps its HTML (the same string), so an event renders only the cards it changed.
/// </summary>
public sealed class WallMarkup(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<string, (WallSnapshot Snapshot, WallHtml Html)> _latest = new();

    /// <summary>The cards of <paramref name="snapshot"/> as HTML in <paramref name="culture"/>.</summary>
    public async Task<WallHtml> RenderAsync(WallSnapshot snapshot, CultureInfo culture)
    {
        var previous = _latest.GetValueOrDefault(culture.Name);
        // A renderer per snapshot (its root components live as long as it does), in a scope of its own
        // as a request's renderer is.
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            // The texts and numbers of the screen's language (culture changes stay inside this call).
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var texts = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
            var cards = new Dictionary<int, WallCardHtml>(snapshot.Cards.Count);
            foreach (var (id, card) in snapshot.Cards)
            {
                cards[id] = previous.Snapshot?.Cards.GetValueOrDefault(id) == card && previous.Html.Cards.TryGetValue(id, out var same)
                    ? same
                    : await CardAsync(renderer, texts, card);
            }
            return new WallHtml(cards);
        });
        _latest[culture.Name] = (snapshot, html);
        return html;
    }

    /// <summary>One card in <paramref name="culture"/>, on its own (a screen part rendered outside a wall).</summary>
    public async Task<WallCardHtml> RenderAsync(WallWindowCard card, CultureInfo culture)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(() =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return CardAsync(renderer, scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>(), card);
        });
    }

    private static async Task<WallCardHtml> CardAsync(HtmlRenderer renderer, IStringLocalizer texts, WallWindowCard card) =>
        new(WindowCardView.CssClass(card),
            card.Number.ToString(CultureInfo.InvariantCulture),
            WindowCardView.StateName(card),
            texts["Wall.WindowLabel", card.Number, card.Name],
            await RenderAsync<WindowCardView>(renderer, new() { [nameof(WindowCardView.Card)] = card }));

    private static async Task<MarkupString> RenderAsync<TView>(HtmlRenderer renderer, Dictionary<string, object?> parameters)
        where TView : IComponent
    {
        var output = await renderer.RenderComponentAsync<TView>(ParameterView.FromDictionary(parameters));
        return new MarkupString(output.ToHtmlString());
    }
}
