using System.Diagnostics;
using Microsoft.Playwright;

// Waits for HallOps to answer, then measures how long a kiosk browser takes to paint the wall
// screen: sign in as the Display account, then a fresh load of /wall until every card is painted.
// Usage: FirstPaint <base-url> <user> <password> <start-unix-ms>
var baseUrl = args.ElementAtOrDefault(0) ?? "http://127.0.0.1:5080";
var user = args.ElementAtOrDefault(1) ?? "wall";
var password = args.ElementAtOrDefault(2) ?? "HallOps-demo-2026";
var startedAt = args.Length > 3 ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(args[3])) : (DateTimeOffset?)null;

using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
var wait = Stopwatch.StartNew();
while (true)
{
    try
    {
        var health = await http.GetAsync(baseUrl + "/health");
        if (health.IsSuccessStatusCode)
        {
            break;
        }
    }
    catch (HttpRequestException)
    {
    }
    catch (TaskCanceledException)
    {
    }
    if (wait.Elapsed > TimeSpan.FromMinutes(5))
    {
        Console.Error.WriteLine("HallOps did not answer within 5 minutes");
        return 1;
    }
    await Task.Delay(100);
}
var answeredAt = DateTimeOffset.UtcNow;

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
var page = await context.NewPageAsync();

var signIn = Stopwatch.StartNew();
await page.GotoAsync(baseUrl + "/account/login");
await page.FillAsync("#username", user);
await page.FillAsync("#password", password);
await page.ClickAsync("#login-submit");
await page.WaitForSelectorAsync(".wall-card");
signIn.Stop();
var firstPaintAt = DateTimeOffset.UtcNow;

var reload = Stopwatch.StartNew();
await page.GotoAsync(baseUrl + "/wall");
await page.WaitForSelectorAsync(".wall-card");
var cards = await page.Locator(".wall-card").CountAsync();
await page.WaitForFunctionAsync("document.documentElement.dataset.connection === 'up'");
reload.Stop();

if (startedAt is { } start)
{
    Console.WriteLine($"start → server answers /health: {(answeredAt - start).TotalMilliseconds:0} ms");
    Console.WriteLine($"start → wall painted (kiosk sign-in included): {(firstPaintAt - start).TotalMilliseconds:0} ms");
}
Console.WriteLine($"kiosk sign-in → wall painted: {signIn.ElapsedMilliseconds} ms");
Console.WriteLine($"signed-in load of /wall → {cards} cards painted and live: {reload.ElapsedMilliseconds} ms");
return 0;
