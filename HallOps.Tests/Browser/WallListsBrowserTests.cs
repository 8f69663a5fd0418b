using System.Text.Json;
using System.Text.RegularExpressions;
using HallOps.Domain.Alerts;
using HallOps.Domain.Hall;
using HallOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// WALLSCREEN.md, "fits without scrolling … long lists show the top N and + N more": the wall's
/// alert column holds more alerts than it has room for, at 1920×1080, in whatever mode the hall is
/// in when the test runs (the evening's guard panel makes the column shorter). Every line it shows
/// is whole, and the ones it does not show are counted under it; both follow pushed changes.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class WallListsBrowserTests : BrowserTest
{
    [SkippableFact]
    public async Task AlertsBeyondTheColumn_AreCounted_NoLineIsCut_AndTheCountFollowsNewAndClosedAlerts()
    {
        var host = await StartAsync();
        var now = TimeProvider.System.GetUtcNow();
        await using (var db = host.App.CreateDbContext())
        {
            db.Alerts.AddRange(Enumerable.Range(1, 14).Select(i => WallLists.OpenAlert(i, now.AddMinutes(-i))));
            await db.SaveChangesAsync();
        }

        var context = await host.NewContextAsync(1920, 1080);
        var wall = await host.SignInAsync(context, "wall", "/wall");
        await BrowserHost.WaitForInteractiveAsync(wall, ".wall-alert");
        await BrowserHost.FontsReadyAsync(wall);

        var total = await TitleCountAsync(wall);
        Assert.True(total >= 14, $"The title counts {total} open alerts.");
        var full = await WallLists.FittedAsync(wall, ".wall-alerts", ".wall-alert", ".wall-fit-more", total, "另有 {0} 条");
        Assert.InRange(full.Visible, 1, total - 1);
        await wall.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("wall-alerts-more-1920x1080.png") });

        // A new alert comes in at the top: the column is still full, one more is counted.
        await using (var db = host.App.CreateDbContext())
        {
            db.Alerts.Add(WallLists.OpenAlert(15, now));
            await db.SaveChangesAsync();
        }
        await Expect(wall.Locator(".wall-alerts-title")).ToHaveTextAsync($"待处理告警 ({total + 1})");
        var grown = await WallLists.FittedAsync(wall, ".wall-alerts", ".wall-alert", ".wall-fit-more", total + 1, "另有 {0} 条");
        Assert.Equal(full.Visible, grown.Visible);
        Assert.Equal($"另有 {total + 1 - full.Visible} 条", grown.More);

        // Every alert closed but two: all of them show, and nothing is counted.
        await using (var db = host.App.CreateDbContext())
        {
            var open = await db.Alerts.Where(a => a.IsOpen).OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).ToListAsync();
            foreach (var alert in open.Skip(2))
            {
                alert.IsOpen = false;
                alert.ResolvedAt = now;
            }
            await db.SaveChangesAsync();
        }
        await Expect(wall.Locator(".wall-alerts-title")).ToHaveTextAsync("待处理告警 (2)");
        var few = await WallLists.FittedAsync(wall, ".wall-alerts", ".wall-alert", ".wall-fit-more", 2, "另有 {0} 条");
        Assert.Equal(2, few.Visible);
        await Expect(wall.Locator(".wall-fit-more")).ToBeHiddenAsync();
    }

    private static async Task<int> TitleCountAsync(IPage wall) =>
        int.Parse(TitleCount().Match(await wall.Locator(".wall-alerts-title").InnerTextAsync()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\((\d+)\)")]
    private static partial Regex TitleCount();
}

/// <summary>Reads a wall list as the screen shows it: the lines shown whole, and the "more" line's text.</summary>
public static class WallLists
{
    public sealed record Shown(int Visible, int Cut, string More);

    /// <summary>
    /// An open alert the wall lists (a round exception's, of no stored exception: no job raises or
    /// clears it), numbered <paramref name="i"/> for its subject, at a window of the demo hall.
    /// </summary>
    public static Alert OpenAlert(int i, DateTimeOffset at) => new()
    {
        Kind = AlertKinds.RoundException, Severity = AlertSeverity.Warning, Subject = HallSubjects.RoundExceptionSubject(900_000 + i),
        WindowId = 1 + (i - 1) % 24, RaisedAt = at,
    };

    /// <summary>
    /// Waits until the page script has fitted <paramref name="panel"/> to <paramref name="total"/>
    /// things: no shown line cut by the panel's edge, none hidden above a shown one, and the "more"
    /// line saying how many of the total do not show (<paramref name="template"/>, empty when all do).
    /// Fails with what the screen shows when that does not come within five seconds.
    /// </summary>
    public static async Task<Shown> FittedAsync(IPage page, string panel, string line, string moreLine, int total, string template)
    {
        Shown? shown = null;
        string Expected(Shown s) => total > s.Visible ? template.Replace("{0}", (total - s.Visible).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) : "";
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                var json = await page.EvaluateAsync<JsonElement>(
                    """
                    ([panel, line, moreLine]) => {
                        const box = document.querySelector(panel);
                        const style = getComputedStyle(box);
                        const bottom = box.getBoundingClientRect().bottom - parseFloat(style.paddingBottom) - parseFloat(style.borderBottomWidth);
                        const lines = [...box.querySelectorAll(line)];
                        const shows = l => l.getClientRects().length > 0;
                        const firstHidden = lines.findIndex(l => !shows(l));
                        const lastShown = lines.findLastIndex(shows);
                        const cut = lines.filter(l => shows(l) && l.getBoundingClientRect().bottom > bottom + 0.5).length
                            + (firstHidden >= 0 && firstHidden < lastShown ? 1 : 0);
                        return { visible: lines.filter(shows).length, cut, more: box.querySelector(moreLine)?.textContent ?? '' };
                    }
                    """,
                    new[] { panel, line, moreLine });
                shown = new Shown(json.GetProperty("visible").GetInt32(), json.GetProperty("cut").GetInt32(), json.GetProperty("more").GetString() ?? "");
                return shown.Cut == 0 && shown.More == Expected(shown);
            }, TimeSpan.FromSeconds(5), "the list fitted");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{panel}: {shown?.Visible} of {total} shown, {shown?.Cut} cut by the edge or shown after a hidden one, more line \"{shown?.More}\" (expected \"{(shown is null ? "" : Expected(shown))}\").");
        }
        return shown!;
    }
}
