using System.Text.RegularExpressions;
using HallOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// After-hours appointments in real browsers (AP1–AP4.2, OT1): a citizen books on the public page on
/// a phone, without an account; window 1's 张晓明 sees the request on his appointment desk without a
/// reload and accepts it with himself serving; the citizen's own page then shows his name, his phone
/// and the matter's whole materials list; the wall screen lists it with who serves.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class AppointmentBrowserTests(ITestOutputHelper output) : BrowserTest
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 10_000 };

    [SkippableFact]
    public async Task AP1_AP4_2_ACitizenBooksOnAPhone_TheWindowAccepts_AndTheCitizenSeesWhoServesAndWhatToBring()
    {
        var clock = new FakeTimeProvider(WallClock.LastWorkingDayAt(new TimeOnly(10, 0)));
        await using var host = await BrowserHost.StartAsync(Database, services: services => services.AddSingleton<TimeProvider>(clock));

        // 张晓明's desk is open before the request comes in.
        var deskContext = await host.NewContextAsync(1366, 768);
        var desk = await host.OpenAsync(deskContext, "staff", "/", "/appointments", "h4");
        await desk.EvaluateAsync("() => window.__noReload = true");

        // The citizen, on a phone, with no account.
        var phone = await host.NewContextAsync(390, 844);
        var book = await phone.NewPageAsync();
        await book.GotoAsync(host.Url("/book"), new PageGotoOptions { Timeout = BrowserHost.PageLoadTimeout });
        await book.Locator("#book-name").FillAsync("王建军");
        await book.Locator("#book-phone").FillAsync("13905631234");
        var matter = book.Locator("#book-matter optgroup").First.Locator("option").First;
        await book.Locator("#book-matter").SelectOptionAsync(new SelectOptionValue { Value = await matter.GetAttributeAsync("value") });
        var slot = book.Locator("#book-slot option[value]:not([value=''])").First;
        var slotText = (await slot.TextContentAsync())!.Trim();
        await book.Locator("#book-slot").SelectOptionAsync(new SelectOptionValue { Value = await slot.GetAttributeAsync("value") });
        var question = Sum().Match((await book.Locator("label[for='book-human']").TextContentAsync())!);
        await book.Locator("#book-human").FillAsync((int.Parse(question.Groups[1].Value) + int.Parse(question.Groups[2].Value)).ToString());
        await BrowserHost.FontsReadyAsync(book);
        var formShot = BrowserHost.ScreenshotPath("book-390x844.png");
        await book.ScreenshotAsync(new PageScreenshotOptions { Path = formShot, FullPage = true });
        Assert.True(await book.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth"), "/book scrolls sideways on a phone");
        await book.Locator("#book-submit").ClickAsync();
        await Expect(book.Locator("#book-status")).ToHaveAttributeAsync("data-status", "Requested", new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
        var citizenPage = book.Url;
        var number = (await book.Locator("#book-number").TextContentAsync())!.Trim();

        // The window's desk shows it live; 张晓明 accepts with himself serving.
        var card = desk.Locator("[data-appointment]").Filter(new LocatorFilterOptions { HasText = number });
        await Expect(card).ToBeVisibleAsync(Live);
        Assert.True(await desk.EvaluateAsync<bool>("() => window.__noReload === true"), "the desk reloaded to show the request");
        await card.Locator("[data-server-pick]").ClickAsync();
        await desk.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = "张晓明" }).ClickAsync();
        await card.Locator("[data-accept]").ClickAsync();
        await Expect(card).ToHaveAttributeAsync("data-status", "Accepted", new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
        await BrowserHost.FontsReadyAsync(desk);
        var deskShot = BrowserHost.ScreenshotPath("appointments-1366x768.png");
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = deskShot, FullPage = true });

        // The citizen's own page: who serves, their phone, every material (OT1).
        await book.GotoAsync(citizenPage);
        await Expect(book.Locator("#book-status")).ToHaveAttributeAsync("data-status", "Accepted");
        await Expect(book.Locator("#book-staff")).ToHaveTextAsync("张晓明");
        await Expect(book.Locator("#book-staff-phone")).ToHaveTextAsync(new Regex("^1[3-9][0-9]{9}$"));
        Assert.True(await book.Locator("#book-materials li").CountAsync() > 0, "no materials listed");
        await Expect(book.Locator("#book-slot")).ToContainTextAsync(slotText.Split(' ')[1]);
        var statusShot = BrowserHost.ScreenshotPath("book-status-390x844.png");
        await book.ScreenshotAsync(new PageScreenshotOptions { Path = statusShot, FullPage = true });

        // The manager's wall screen lists the accepted appointment with who serves (AP4, no requester data).
        var wallContext = await host.NewContextAsync(1920, 1080);
        var wall = await host.SignInAsync(wallContext, "wall", "/wall");
        var listed = wall.Locator("#wall-appointments [data-wall-appointment]");
        await Expect(listed.First).ToBeVisibleAsync(Live);
        await Expect(wall.Locator("#wall-appointments")).ToContainTextAsync("张晓明");
        await Expect(wall.Locator("#wall-appointments")).Not.ToContainTextAsync("王建军");
        var wallShot = BrowserHost.ScreenshotPath("wall-appointments-1920x1080.png");
        await wall.ScreenshotAsync(new PageScreenshotOptions { Path = wallShot });
        output.WriteLine($"screenshots: {formShot}, {deskShot}, {statusShot}, {wallShot}");
    }

    [GeneratedRegex(@"(\d+)\s*\+\s*(\d+)")]
    private static partial Regex Sum();
}
