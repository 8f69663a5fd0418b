using System.Collections.Concurrent;
using System.Globalization;
using HallOps.Web.Components.Pages.Wall;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Wall;

/// <summary>The HTML of one snapshot's window cards, alert column and footer in one language, shared by every screen showing it.</summary>
public sealed record WallHtml(IReadOnlyDictionary<int, WallCardHtml> Cards, WallAlertsHtml Alerts, WallFooterHtml Footer)
{
    /// <summary>This HTML's number, unique in the app instance.</summary>
    public long Id { get; init; }

    /// <summary>The number of the HTML in the same language this one was made from (0: none).</summary>
    public long PreviousId { get; init; }

    /// <summary>
    /// The windows whose card differs from the HTML this one was made from (<see cref="PreviousId"/>):
    /// a screen showing that one updates these alone, without comparing every card of the hall.
    /// </summary>
    public IReadOnlyList<int> ChangedCards { get; init; } = [];

    /// <summary>
    /// The windows whose card may differ from <paramref name="shown"/>'s: those this HTML names when it
    /// was made from <paramref name="shown"/>, every window otherwise (a screen that skipped a frame).
    /// </summary>
    public IEnumerable<int> CardsChangedSince(WallHtml shown) => shown.Id == PreviousId ? ChangedCards : Cards.Keys;
}

/// <summary>What the footer shows: the day's counts, the next working day's predicted gaps, open IT incidents, whether the hall is open.</summary>
public sealed record WallFooterFigures(WallCounts Counts, IReadOnlyList<int> PredictedGapWindows, int OpenItIncidents, bool Open)
{
    public static WallFooterFigures Of(WallSnapshot snapshot) =>
        new(snapshot.Counts, snapshot.PredictedGapWindows, snapshot.OpenItIncidents, snapshot.Open);

    public bool Equals(WallFooterFigures? other) =>
        other is not null && Counts == other.Counts && OpenItIncidents == other.OpenItIncidents && Open == other.Open
        && PredictedGapWindows.SequenceEqual(other.PredictedGapWindows);

    public override int GetHashCode() => HashCode.Combine(Counts, OpenItIncidents, Open, PredictedGapWindows.Count);
}

/// <summary>The footer in one language: its figures and its HTML.</summary>
public sealed record WallFooterHtml(WallFooterFigures Figures, MarkupString Content);

/// <summary>The alert column in one language: its title (with the count of open alerts) and its lines, newest first.</summary>
public sealed record WallAlertsHtml(string Title, IReadOnlyList<WallAlertHtml> Lines)
{
    /// <summary>Open alerts in all, lines shown or not: what the column's "and N more" counts from.</summary>
    public int Total { get; init; } = Lines.Count;

    /// <summary>Whether a screen showing this column shows <paramref name="next"/> too: the same title and lines.</summary>
    public bool Shows(WallAlertsHtml next)
    {
        if (ReferenceEquals(this, next))
        {
            return true;
        }
        if (Title != next.Title || Total != next.Total || Lines.Count != next.Lines.Count)
        {
            return false;
        }
        for (var i = 0; i < Lines.Count; i++)
        {
            if (!ReferenceEquals(Lines[i], next.Lines[i]) && Lines[i].Alert != next.Lines[i].Alert)
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>
/// One line of the alert column in one language: the alert it shows, the line's key (one boxed id for
/// every screen and snapshot), the line element's attributes and its content.
/// </summary>
public sealed record WallAlertHtml(WallAlert Alert, object Key, string Class, string Id, MarkupString Content);

/// <summary>
/// One window's card in one language: the card element's attributes (what the page script, the
/// tests and the load client select by) and its content as HTML.
/// </summary>
public sealed record WallCardHtml(WallWindowCard Card, string Class, string Number, string State, string Label, MarkupString Content);

/// <summary>
/// Renders the wall's window cards, alert lines (and the alert column's title) and footer to HTML once per
/// snapshot and language, for every screen: a screen then shows a card or a line as its element and
/// one markup frame instead of building its thirty-odd frames and formatting its texts itself. With
/// thousands of screens each screen's render wrote those into its long-lived render tree, and every
/// garbage collection had them to scan (bench/README.md). A card or line equal to the one in the
/// language's previous snapshot keeps its HTML (the same strings), so an event renders only what it changed.
/// </summary>
public sealed class WallMarkup(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<string, WallHtml> _latest = new();
    private long _lastId;

    /// <summary>The cards, alert column and footer of <paramref name="snapshot"/> as HTML in <paramref name="culture"/>.</summary>
    public async Task<WallHtml> RenderAsync(WallSnapshot snapshot, CultureInfo culture)
    {
        var previous = _latest.GetValueOrDefault(culture.Name);
        var html = await RenderInAsync(culture, async (renderer, texts) =>
        {
            var cards = new Dictionary<int, WallCardHtml>(snapshot.Cards.Count);
            var changed = new List<int>();
            foreach (var (id, card) in snapshot.Cards)
            {
                if (previous?.Cards.GetValueOrDefault(id) is { } same && same.Card == card)
                {
                    cards[id] = same;
                    continue;
                }
                cards[id] = await CardAsync(renderer, texts, card);
                changed.Add(id);
            }
            var figures = WallFooterFigures.Of(snapshot);
            var footer = previous?.Footer is { } shown && shown.Figures == figures
                ? shown
                : new WallFooterHtml(figures, await RenderAsync<WallFooterView>(renderer, new() { [nameof(WallFooterView.Figures)] = figures }));
            return new WallHtml(cards, await AlertsAsync(renderer, texts, snapshot.Alerts, snapshot.Counts.OpenAlerts, previous?.Alerts), footer)
            {
                Id = Interlocked.Increment(ref _lastId),
                PreviousId = previous?.Id ?? 0,
                ChangedCards = changed,
            };
        });
        _latest[culture.Name] = html;
        return html;
    }

    /// <summary>One card in <paramref name="culture"/>, on its own (a screen part rendered outside a wall).</summary>
    public Task<WallCardHtml> RenderAsync(WallWindowCard card, CultureInfo culture) =>
        RenderInAsync(culture, (renderer, texts) => CardAsync(renderer, texts, card));

    /// <summary>
    /// An alert column in <paramref name="culture"/>, on its own (a screen part rendered outside a
    /// wall), keeping the lines of <paramref name="previous"/> whose alert did not change.
    /// </summary>
    public Task<WallAlertsHtml> RenderAsync(IReadOnlyList<WallAlert> alerts, int total, CultureInfo culture, WallAlertsHtml? previous = null) =>
        RenderInAsync(culture, (renderer, texts) => AlertsAsync(renderer, texts, alerts, total, previous));

    /// <summary>
    /// Runs <paramref name="render"/> on a renderer of its own (its root components live as long as it
    /// does), in a service scope of its own as a request's renderer is, with the texts and numbers of
    /// <paramref name="culture"/> (the culture set stays inside this call).
    /// </summary>
    private async Task<T> RenderInAsync<T>(CultureInfo culture, Func<HtmlRenderer, IStringLocalizer, Task<T>> render)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var texts = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        return await renderer.Dispatcher.InvokeAsync(() =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return render(renderer, texts);
        });
    }

    private static async Task<WallAlertsHtml> AlertsAsync(
        HtmlRenderer renderer, IStringLocalizer texts, IReadOnlyList<WallAlert> alerts, int total, WallAlertsHtml? previous)
    {
        var before = previous?.Lines.ToDictionary(line => line.Alert.Id) ?? [];
        var lines = new List<WallAlertHtml>(alerts.Count);
        foreach (var alert in alerts)
        {
            var shown = before.GetValueOrDefault(alert.Id);
            lines.Add(shown is not null && shown.Alert == alert
                ? shown
                : new WallAlertHtml(
                    alert,
                    shown?.Key ?? alert.Id,
                    WallAlertRowView.CssClass(alert),
                    alert.Id.ToString(CultureInfo.InvariantCulture),
                    await RenderAsync<WallAlertRowView>(renderer, new() { [nameof(WallAlertRowView.Alert)] = alert })));
        }
        var column = new WallAlertsHtml(texts["Wall.AlertsTitle", total], lines) { Total = total };
        return previous is not null && previous.Shows(column) ? previous : column;
    }

    private static async Task<WallCardHtml> CardAsync(HtmlRenderer renderer, IStringLocalizer texts, WallWindowCard card) =>
        new(card,
            WindowCardView.CssClass(card),
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
