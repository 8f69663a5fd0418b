using HallOps.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>The sign-in page as people meet it: in Chinese, on a desktop and on a phone.</summary>
[Collection(WebCollection.Name)]
public sealed class LoginPageBrowserTests(ITestOutputHelper output) : BrowserTest
{

    [SkippableFact]
    public async Task LoginPage_IsChinese_AndRejectsAWrongPasswordWithAClearMessage()
    {
        var host = await StartAsync();
        var context = await host.NewContextAsync(1440, 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.Url("/account/login"), new PageGotoOptions { Timeout = BrowserHost.PageLoadTimeout });

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("用户登录");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);

        await page.Locator("#username").FillAsync("manager");
        await page.Locator("#password").FillAsync(DemoAccounts.Password + "-wrong");
        await page.Locator("#login-submit").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("账号或密码不正确");
        await Expect(page).ToHaveURLAsync(host.Url("/account/login"));
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("用户登录");
        Assert.DoesNotContain(
            await context.CookiesAsync(),
            cookie => cookie.Name == "HallOps.Auth");
    }

    [SkippableFact]
    public async Task LoginPage_FitsAPhoneScreen_WithoutSidewaysScrolling()
    {
        var host = await StartAsync();
        var context = await host.NewContextAsync(390, 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.Url("/account/login"), new PageGotoOptions { Timeout = BrowserHost.PageLoadTimeout });
        await BrowserHost.FontsReadyAsync(page);

        foreach (var selector in new[] { "#username", "#password", "#login-submit" })
        {
            await Expect(page.Locator(selector)).ToBeInViewportAsync(new LocatorAssertionsToBeInViewportOptions { Ratio = 1 });
        }
        var scrollWidth = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        var innerWidth = await page.EvaluateAsync<int>("() => window.innerWidth");
        var path = BrowserHost.ScreenshotPath("login-390x844.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        output.WriteLine($"scrollWidth {scrollWidth}, innerWidth {innerWidth}; screenshot {path}");
        Assert.True(scrollWidth <= innerWidth, $"The login page scrolls sideways on a phone: scrollWidth {scrollWidth} > innerWidth {innerWidth}.");
    }
}
