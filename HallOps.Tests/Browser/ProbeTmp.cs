using HallOps.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
namespace HallOps.Tests.Browser;
[Collection(WebCollection.Name)]
public sealed class ProbeTmp(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Probe()
    {
        for (var round = 0; round < 2; round++)
        {
        using var db = new HallDatabaseFile();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await using (var app = new HallAppFactory(db)) {
            app.UseKestrel(0); app.StartServer();
            output.WriteLine($"app {sw.ElapsedMilliseconds}");
        }
        output.WriteLine($"app stop {sw.ElapsedMilliseconds}");
        sw.Restart();
        using var pw = await Playwright.CreateAsync();
        output.WriteLine($"pw {sw.ElapsedMilliseconds}");
        var b = await pw.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = ["--no-sandbox", "--disable-gpu"] });
        output.WriteLine($"launch {sw.ElapsedMilliseconds}");
        await b.CloseAsync();
        }
        using var db2 = new HallDatabaseFile();
        await using var host = await BrowserHost.StartAsync(db2);
        var ctx = await host.NewContextAsync(1280, 900);
        var sw2 = System.Diagnostics.Stopwatch.StartNew();
        var page = await host.SignInAsync(ctx, "manager", "/");
        output.WriteLine($"signin {sw2.ElapsedMilliseconds}");
        await page.GotoAsync(host.Url("/manage/windows"));
        output.WriteLine($"goto {sw2.ElapsedMilliseconds}");
        for (var i = 0; i < 100; i++) {
            await page.Locator("[data-edit-window='3']").ClickAsync();
            try { await page.Locator("#window-save").WaitForAsync(new() { Timeout = 200 }); break; } catch (TimeoutException) { }
        }
        output.WriteLine($"editor {sw2.ElapsedMilliseconds}");
        var html = await page.Locator("#window-editor").InnerHTMLAsync();
        File.WriteAllText("/tmp/probe/editor.html", html);
    }
}
