using System.Net;
using System.Net.Sockets;
using HallOps.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// The real app served by Kestrel on 127.0.0.1 (a free port, kept across restarts) on a given
/// database file, with optional app settings (kept across restarts too), and a headless Debian
/// Chromium driven by Playwright. Dispose it to stop both.
/// </summary>
public sealed class BrowserHost : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-sandbox",
    ];

    // Tags every element of the server-rendered HTML. Blazor clears prerendered markup when the
    // circuit first renders, so an untagged element means the page is interactive.
    private const string TagServerRenderedElements = """
        document.addEventListener('DOMContentLoaded', () => {
            for (const element of document.querySelectorAll('body *')) {
                element.__hallServerRendered = true;
            }
        });
        """;

    /// <summary>Timeout for a first page load (the first request of a fresh app compiles a lot).</summary>
    public const float PageLoadTimeout = 20_000;

    private readonly IPlaywright _playwright;
    private readonly IDictionary<string, string?>? _settings;
    private readonly Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? _services;
    private HallAppFactory? _app;

    private BrowserHost(
        HallDatabaseFile database, IDictionary<string, string?>? settings, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services,
        int port, HallAppFactory app, IPlaywright playwright, IBrowser browser)
    {
        Database = database;
        _settings = settings;
        _services = services;
        Port = port;
        _app = app;
        _playwright = playwright;
        Browser = browser;
    }

    public HallDatabaseFile Database { get; }

    public int Port { get; }

    public IBrowser Browser { get; }

    /// <summary>The running app instance (throws while it is stopped).</summary>
    public HallAppFactory App => _app ?? throw new InvalidOperationException("The app is stopped.");

    /// <summary>scheme://host:port of the app, as the browser sees it.</summary>
    public string Origin => $"http://127.0.0.1:{Port}";

    public string Url(string path) => Origin + path;

    /// <summary>
    /// Starts the app on the database file, with the settings over the test defaults of
    /// <see cref="HallAppFactory"/> (and test replacements of its services, e.g. a fake clock), and launches the browser (skips or fails without Chromium).
    /// </summary>
    public static async Task<BrowserHost> StartAsync(
        HallDatabaseFile database, IDictionary<string, string?>? settings = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        BrowserGate.EnsureChromium();
        var port = FreePort();
        var app = StartApp(database, settings, services, port);
        IPlaywright? playwright = null;
        try
        {
            playwright = await Playwright.CreateAsync();
            var browser = await LaunchChromiumAsync(playwright);
            return new BrowserHost(database, settings, services, port, app, playwright, browser);
        }
        catch
        {
            playwright?.Dispose();
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the app (the server goes away; open pages stay open).</summary>
    public async Task StopAppAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            try
            {
                await app.DisposeAsync();
            }
            catch (OperationCanceledException)
            {
                // The host stopped waiting for a background job still running at its shutdown
                // timeout (Hangfire's server stops last, after the web server): the app no longer
                // serves, which is what the callers need.
            }
        }
    }

    /// <summary>Starts a new app instance on the same database file, with the same settings and on the same port.</summary>
    public HallAppFactory StartNewApp()
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The app is already running.");
        }
        _app = StartApp(Database, _settings, _services, Port);
        return _app;
    }

    /// <summary>A fresh browser profile (own cookies) with the given window size, in Chinese and the hall's time zone.</summary>
    public Task<IBrowserContext> NewContextAsync(int width, int height) => NewContextAsync(Browser, width, height);

    /// <summary>The Debian Chromium, headless, as every browser test drives it (the scale-out tests too, without an in-process app).</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserGate.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });

    /// <summary>A fresh profile of <paramref name="browser"/>, as <see cref="NewContextAsync(int, int)"/> makes it.</summary>
    public static async Task<IBrowserContext> NewContextAsync(IBrowser browser, int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        await context.AddInitScriptAsync(TagServerRenderedElements);
        return context;
    }

    /// <summary>
    /// Waits until the element is rendered by a live circuit (not the server-rendered HTML the
    /// page loaded with): from then on clicks reach the server and pushes reach the page.
    /// </summary>
    public static async Task WaitForInteractiveAsync(IPage page, string selector, float timeout = PageLoadTimeout)
    {
        await page.WaitForFunctionAsync(
            "selector => { const element = document.querySelector(selector); return !!element && !element.__hallServerRendered; }",
            selector,
            new PageWaitForFunctionOptions { Timeout = timeout, PollingInterval = 50 });
    }

    /// <summary>Waits until the page's web fonts (the system CJK fonts included) are ready, before measuring or a screenshot.</summary>
    public static Task FontsReadyAsync(IPage page) => page.EvaluateAsync("() => document.fonts.ready.then(() => true)");

    /// <summary>Signs a demo account in through the login form and waits for the page it lands on.</summary>
    public async Task<IPage> SignInAsync(IBrowserContext context, string userName, string landingPath)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("/account/login"), new PageGotoOptions { Timeout = PageLoadTimeout });
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(DemoAccounts.Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(Url(landingPath), new PageAssertionsToHaveURLOptions { Timeout = PageLoadTimeout });
        return page;
    }

    /// <summary>Signs in, then opens a page and waits until the element is rendered by a live circuit.</summary>
    public async Task<IPage> OpenAsync(IBrowserContext context, string userName, string landingPath, string path, string interactiveSelector)
    {
        var page = await SignInAsync(context, userName, landingPath);
        await page.GotoAsync(Url(path), new PageGotoOptions { Timeout = PageLoadTimeout });
        await WaitForInteractiveAsync(page, interactiveSelector);
        return page;
    }

    /// <summary>Where screenshots go for people to look at: TestResults under the working directory.</summary>
    public static string ScreenshotPath(string fileName)
    {
        var folder = Path.Combine(Directory.GetCurrentDirectory(), "TestResults");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Browser.CloseAsync();
        }
        finally
        {
            _playwright.Dispose();
            await StopAppAsync();
        }
    }

    private static HallAppFactory StartApp(
        HallDatabaseFile database, IDictionary<string, string?>? settings, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services, int port)
    {
        var app = new HallAppFactory(database, settings: settings, services: services);
        try
        {
            app.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
            app.StartServer();
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    /// <summary>A free TCP port on 127.0.0.1.</summary>
    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
