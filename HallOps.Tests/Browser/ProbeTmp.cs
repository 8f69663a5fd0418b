using HallOps.Tests.Support;
using Xunit.Abstractions;
namespace HallOps.Tests.Browser;
[Collection(WebCollection.Name)]
public sealed class ProbeTmp(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Probe()
    {
        using var db = new HallDatabaseFile();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await using var host = await BrowserHost.StartAsync(db);
        output.WriteLine($"start {sw.ElapsedMilliseconds}");
        var ctx = await host.NewContextAsync(1280, 900);
        var page = await host.SignInAsync(ctx, "manager", "/");
        output.WriteLine($"signin {sw.ElapsedMilliseconds}");
        await page.GotoAsync(host.Url("/manage/windows"));
        await page.Locator("[data-edit-window='3']").ClickAsync();
        await page.Locator("#window-save").WaitForAsync();
        var html = await page.Locator("#window-editor").InnerHTMLAsync();
        File.WriteAllText("/tmp/probe/editor.html", html);
        output.WriteLine(await page.EvaluateAsync<string>("() => document.documentElement.dataset.connection"));
    }
}
