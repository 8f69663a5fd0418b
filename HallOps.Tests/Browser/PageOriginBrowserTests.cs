using System.Collections.Concurrent;
using HallOps.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HallOps.Tests.Browser;

/// <summary>
/// A government intranet hall: pages load nothing from another site (no CDN, web font or
/// analytics), so they work without internet access and leak nothing.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PageOriginBrowserTests(ITestOutputHelper output) : BrowserTest
{

    [SkippableFact]
    public async Task Pages_MakeNoRequestOutsideTheirOrigin()
    {
        var host = await StartAsync();
        var origin = new Uri(host.Origin);
        var requests = new ConcurrentQueue<string>();

        var manager = await RecordingContextAsync(host, origin, requests);
        var page = await manager.NewPageAsync();
        await LoadAsync(page, host.Url("/account/login"), "#login-submit", interactive: false);
        await page.Locator("#username").FillAsync("manager");
        await page.Locator("#password").FillAsync(DemoAccounts.Password);
        await page.Locator("#login-submit").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page).ToHaveURLAsync(host.Url("/"), new PageAssertionsToHaveURLOptions { Timeout = BrowserHost.PageLoadTimeout });
        await SettleAsync(page, ".mud-main-content");
        await LoadAsync(page, host.Url("/wall"), ".wall-card");
        await LoadAsync(page, host.Url("/manage/windows"), "[data-edit-window]");

        var admin = await RecordingContextAsync(host, origin, requests);
        var adminPage = await host.SignInAsync(admin, "admin", "/");
        await SettleAsync(adminPage, ".mud-main-content");
        await LoadAsync(adminPage, host.Url("/admin/audit"), ".mud-main-content");

        var all = requests.Distinct().ToList();
        output.WriteLine($"{all.Count} distinct request URLs:{Environment.NewLine}{string.Join(Environment.NewLine, all)}");
        // The recorder saw the pages' own traffic, including the circuit's WebSocket.
        Assert.Contains(all, url => url.StartsWith(host.Url("/_framework/blazor.web.js"), StringComparison.Ordinal));
        Assert.Contains(all, url => url.StartsWith($"ws://127.0.0.1:{host.Port}/_blazor", StringComparison.Ordinal));
        var offenders = all.Where(url => !SameOrigin(url, origin)).ToList();
        Assert.True(offenders.Count == 0,
            $"Requests outside {host.Origin}:{Environment.NewLine}{string.Join(Environment.NewLine, offenders)}");
    }

    /// <summary>A context that records every request and WebSocket, and stops foreign requests from leaving the machine.</summary>
    private static async Task<IBrowserContext> RecordingContextAsync(BrowserHost host, Uri origin, ConcurrentQueue<string> requests)
    {
        var context = await host.NewContextAsync(1440, 900);
        context.Request += (_, request) => requests.Enqueue(request.Url);
        context.Page += (_, page) => page.WebSocket += (_, socket) => requests.Enqueue(socket.Url);
        await context.RouteAsync(url => !SameOrigin(url, origin), route => route.AbortAsync());
        return context;
    }

    private static async Task LoadAsync(IPage page, string url, string selector, bool interactive = true)
    {
        await page.GotoAsync(url, new PageGotoOptions { Timeout = BrowserHost.PageLoadTimeout, WaitUntil = WaitUntilState.NetworkIdle });
        if (interactive)
        {
            await SettleAsync(page, selector);
        }
        else
        {
            await page.Locator(selector).WaitForAsync();
        }
    }

    /// <summary>Waits for the live circuit's render, then for the network to go quiet (what it loads on render included).</summary>
    private static async Task SettleAsync(IPage page, string selector)
    {
        await BrowserHost.WaitForInteractiveAsync(page, selector);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private static bool SameOrigin(string url, Uri origin)
    {
        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("blob:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }
        var scheme = uri.Scheme switch
        {
            "ws" => Uri.UriSchemeHttp,
            "wss" => Uri.UriSchemeHttps,
            var other => other,
        };
        return scheme == origin.Scheme
            && string.Equals(uri.Host, origin.Host, StringComparison.OrdinalIgnoreCase)
            && uri.Port == origin.Port;
    }
}
