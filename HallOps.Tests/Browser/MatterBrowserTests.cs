using System.Text.RegularExpressions;
using HallOps.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// The matter catalogue in a real browser (TL1, OT1, OT4): the manager enters a matter with its
/// materials list, and the one-time information sheet a window prints shows every material.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class MatterBrowserTests(ITestOutputHelper output) : BrowserTest
{
    private static readonly (string Name, string Requirement)[] Materials =
    [
        ("医疗机构执业登记申请书", "原件1份，法定代表人签字并加盖公章"),
        ("医疗机构用房产权证明或使用证明", "复印件1份，核验原件"),
        ("医疗机构规章制度和人员名单", "原件1份"),
    ];

    [SkippableFact]
    public async Task OT1_TheManagerCreatesAMatterWithThreeMaterials_AndTheInformationSheetListsAllThree()
    {
        var host = await StartAsync();
        var desk = await host.NewContextAsync(1920, 1080);
        var page = await host.OpenAsync(desk, "manager", "/", "/manage/matters/new", "#matter-save");

        await Input(page, "#matter-code").FillAsync("WJ-YLJG-001");
        await Input(page, "#matter-name-input").FillAsync("医疗机构执业登记");
        await page.Locator(".matter-unit").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = "县卫生健康委员会" }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await SetNumberAsync(page, "#matter-statutory", "45");
        await SetNumberAsync(page, "#matter-committed", "20");
        await Input(page, "#matter-legal").FillAsync("《医疗机构管理条例》第十五条、第十六条");

        await page.Locator("#matter-add-material").ClickAsync();
        await page.Locator("#matter-add-material").ClickAsync();
        await Expect(page.Locator("[data-material-row]")).ToHaveCountAsync(3);
        for (var i = 0; i < Materials.Length; i++)
        {
            var row = page.Locator($"[data-material-row='{i + 1}']");
            await row.Locator(".material-name input").FillAsync(Materials[i].Name);
            await row.Locator(".material-requirement input").FillAsync(Materials[i].Requirement);
        }
        // Reorder: the third moves up and back down again — the list keeps the order entered.
        await page.Locator("[data-material-row='3'] button[title='上移']").ClickAsync();
        await Expect(page.Locator("[data-material-row='2'] .material-name input")).ToHaveValueAsync(Materials[2].Name);
        await page.Locator("[data-material-row='2'] button[title='下移']").ClickAsync();
        await Expect(page.Locator("[data-material-row='3'] .material-name input")).ToHaveValueAsync(Materials[2].Name);
        await Input(page, "#matter-guide").FillAsync("办理地点：政务服务中心二楼18号窗口\n办理流程：申请→受理→审查→现场核验→决定→发证");

        await BrowserHost.FontsReadyAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("matter-edit-1920x1080.png"), FullPage = true });
        await page.Locator("#matter-save").ClickAsync();

        await Expect(page).ToHaveURLAsync(MatterUrl(), new PageAssertionsToHaveURLOptions { Timeout = 10_000 });
        await Expect(page.Locator("#matter-title")).ToHaveTextAsync("医疗机构执业登记");
        await Expect(page.Locator("#matter-history [data-version='1']")).ToContainTextAsync("manager");
        var id = MatterUrl().Match(page.Url).Groups[1].Value;

        // The sheet: every material with its requirement, the limits, from the current version.
        var sheet = await desk.NewPageAsync();
        await sheet.GotoAsync(host.Url($"/matters/{id}/sheet"), new PageGotoOptions { Timeout = BrowserHost.PageLoadTimeout });
        var rows = sheet.Locator("#sheet-materials tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        for (var i = 0; i < Materials.Length; i++)
        {
            await Expect(rows.Nth(i)).ToContainTextAsync(Materials[i].Name);
            await Expect(rows.Nth(i)).ToContainTextAsync(Materials[i].Requirement);
        }
        await Expect(sheet.Locator(".sheet-title")).ToHaveTextAsync("一次性告知单");
        await Expect(sheet.Locator(".sheet-limit")).ToHaveTextAsync("20个工作日");
        await Expect(sheet.Locator(".mud-appbar, .mud-drawer")).ToHaveCountAsync(0);
        await BrowserHost.FontsReadyAsync(sheet);
        await sheet.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("matter-sheet-screen-1920x1080.png"), FullPage = true });
        await sheet.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(sheet.Locator("#sheet-print")).ToBeHiddenAsync();
        await sheet.SetViewportSizeAsync(794, 1123); // A4 at 96 dpi
        var sheetPath = BrowserHost.ScreenshotPath("matter-sheet-print-a4.png");
        await sheet.ScreenshotAsync(new PageScreenshotOptions { Path = sheetPath, FullPage = true });
        var pdf = await sheet.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true });
        var pages = PdfPages().Matches(System.Text.Encoding.Latin1.GetString(pdf)).Count;
        output.WriteLine($"sheet printed as PDF: {pdf.Length} bytes, {pages} A4 page(s)");

        // The catalogue lists it, found by its unit.
        await page.GotoAsync(host.Url("/manage/matters"), new PageGotoOptions { Timeout = BrowserHost.PageLoadTimeout });
        await BrowserHost.WaitForInteractiveAsync(page, "#matter-new");
        await Expect(page.Locator("[data-matter-name='WJ-YLJG-001']")).ToHaveTextAsync("医疗机构执业登记");
        await BrowserHost.FontsReadyAsync(page);
        var listPath = BrowserHost.ScreenshotPath("matter-list-1920x1080.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = listPath, FullPage = true });
        await Input(page, "#matter-search").FillAsync("卫生健康");
        await Expect(page.Locator("#matter-list tbody tr")).ToHaveCountAsync(2, new LocatorAssertionsToHaveCountOptions { Timeout = 5_000 });
        output.WriteLine($"screenshots: {listPath}, {sheetPath}");
    }

    [SkippableFact]
    public async Task OT1_ABadMatterIsRefusedInChinese_AndNothingIsSaved()
    {
        var host = await StartAsync();
        var desk = await host.NewContextAsync(1920, 1080);
        var page = await host.OpenAsync(desk, "manager", "/", "/manage/matters/new", "#matter-save");

        await Input(page, "#matter-code").FillAsync("yyzz-sl-001");
        await Input(page, "#matter-name-input").FillAsync("重复的事项");
        await SetNumberAsync(page, "#matter-statutory", "5");
        await SetNumberAsync(page, "#matter-committed", "10");
        await page.Locator("#matter-save").ClickAsync();

        var errors = page.Locator("[data-matter-error]");
        await Expect(errors.Filter(new LocatorFilterOptions { HasText = "事项编码“yyzz-sl-001”已被其他事项使用" })).ToHaveCountAsync(1);
        await Expect(errors.Filter(new LocatorFilterOptions { HasText = "承诺时限不能超过法定时限。" })).ToHaveCountAsync(1);
        await Expect(errors.Filter(new LocatorFilterOptions { HasText = "请选择进驻单位。" })).ToHaveCountAsync(1);
        await Expect(page).ToHaveURLAsync(host.Url("/manage/matters/new"));
    }

    private static ILocator Input(IPage page, string selector) =>
        page.Locator(selector).Locator("xpath=descendant-or-self::*[self::input or self::textarea]").First;

    private static async Task SetNumberAsync(IPage page, string selector, string value)
    {
        var input = Input(page, selector);
        await input.FillAsync(value);
        await input.PressAsync("Tab");
        await Expect(input).ToHaveValueAsync(value);
    }

    [GeneratedRegex(@"/manage/matters/(\d+)$")]
    private static partial Regex MatterUrl();

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PdfPages();
}
