using System.Net;
using HallOps.Bench.Circuits;
using HallOps.Domain.Coverage;
using HallOps.Domain.Persistence;
using HallOps.Tests.Browser;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Windows;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace HallOps.Tests.Bench;

/// <summary>
/// The circuit load client (bench/HallOps.Bench.Circuits) against the real app over Kestrel, no
/// browser. The client speaks Blazor Server's internal protocol (blazorpack, the render batch
/// format, the renderer's interop calls), so an upgrade that changes it fails here, loudly.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CircuitClientSmokeTests(KestrelHall hall, ITestOutputHelper output) : IClassFixture<KestrelHall>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task WallCircuit_StartsFromThePrerenderedPage_AndReceivesThePushOfAWindowRename()
    {
        using var wall = await HallSession.SignInAsync(hall.Origin, "wall", DemoAccounts.Password);
        await using var circuit = await CircuitClient.OpenAsync(wall, "/wall", CircuitMode.Dom, output.WriteLine);
        var card = Selector.Parse(".wall-card[data-window=\"1\"]");
        await circuit.WaitForAsync(card, Timeout);
        var batchesBefore = circuit.Batches;

        await RenameWindowAsync(1, "冒烟测试窗口");

        await circuit.WaitForAsync(card.WithText("冒烟测试窗口"), Timeout);
        Assert.True(circuit.Batches > batchesBefore);
        Assert.Null(circuit.Error);
    }

    /// <summary>
    /// A browser offers WebSocket compression; the hall's server declines it, so a wall update is not
    /// deflated once per screen and no connection keeps a compressor (P3', P2) — and its pages still
    /// say that only the hall's own pages may frame them.
    /// </summary>
    [Fact]
    public async Task TheCircuitsWebSocket_DeclinesTheBrowsersCompression_AndPagesKeepTheirFramePolicy()
    {
        using var wall = await HallSession.SignInAsync(hall.Origin, "wall", DemoAccounts.Password);

        Assert.Equal("", await wall.WebSocketExtensionsAsync());

        using var http = new HttpClient(new HttpClientHandler { CookieContainer = wall.Cookies }) { BaseAddress = hall.Origin };
        using var page = await http.GetAsync("/wall");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("frame-ancestors 'self'", string.Join(";", page.Headers.GetValues("Content-Security-Policy")));
    }

    /// <summary>
    /// AB4: one change that touches a window card and the footer reaches the screen in one render
    /// batch — the card and the counts change together, never one batch after the other.
    /// </summary>
    [Fact]
    public async Task WallCircuit_AWindowClosing_ChangesItsCardAndTheFooter_InTheSameBatch()
    {
        using var wall = await HallSession.SignInAsync(hall.Origin, "wall", DemoAccounts.Password);
        await using var circuit = await CircuitClient.OpenAsync(wall, "/wall", CircuitMode.Dom, output.WriteLine);
        var card = Selector.Parse(".wall-card[data-window=\"2\"]");
        var openCount = Selector.Parse("footer.wall-footer");
        await circuit.WaitForAsync(card, Timeout);
        var footerBefore = circuit.Read(dom => dom.Find(openCount)!.TextContent());
        var seen = new List<(bool Closed, string Footer)>();
        circuit.BatchArrived += (client, _) =>
        {
            var shown = client.Read(dom => (dom.Find(card)?.HasClass("is-closed") == true, dom.Find(openCount)?.TextContent() ?? ""));
            lock (seen)
            {
                seen.Add(shown);
            }
        };

        await SetActiveAsync(2, false);

        await circuit.WaitForAsync(Selector.Parse(".wall-card.is-closed[data-window=\"2\"]"), Timeout);
        (bool Closed, string Footer) first;
        lock (seen)
        {
            first = seen.First(batch => batch.Closed);
        }
        Assert.NotEqual(footerBefore, first.Footer);
        Assert.Null(circuit.Error);
        await SetActiveAsync(2, true);
    }

    [Fact]
    public async Task StaffCircuit_ClicksSignOn_WithTheHandlerIdFromTheBatches_AndTheDomModelShowsThemOnPost()
    {
        using var staff = await HallSession.SignInAsync(hall.Origin, "staff", DemoAccounts.Password);
        await using var circuit = await CircuitClient.OpenAsync(staff, "/my", CircuitMode.Dom, output.WriteLine);
        var signOn = Selector.Parse("button[data-sign-on=\"1\"]");
        await circuit.WaitForAsync(signOn, Timeout);
        var lastAuditLine = await LastPresenceAuditAsync();

        await circuit.ClickAsync(signOn);

        await circuit.WaitForAsync(Selector.Parse("#my-go-away"), Timeout);
        Assert.Null(circuit.Read(dom => dom.Find(signOn)));
        Assert.Null(circuit.Error);
        // The click's change is audited under the signed-in clerk, not the app: the circuit's
        // inbound activity carries the actor into the save.
        await using var scope = hall.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
        var actors = await db.AuditEntries.Where(a => a.Id > lastAuditLine && a.EntityType == nameof(StaffPresence)).Select(a => a.Actor).ToListAsync();
        Assert.NotEmpty(actors);
        Assert.All(actors, actor => Assert.Equal("staff", actor));
    }

    private async Task<long> LastPresenceAuditAsync()
    {
        await using var scope = hall.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
        return await db.AuditEntries.Where(a => a.EntityType == nameof(StaffPresence)).MaxAsync(a => (long?)a.Id) ?? 0;
    }

    private Task RenameWindowAsync(int number, string name) => EditWindowAsync(number, edit => edit.Name = name);

    private Task SetActiveAsync(int number, bool active) => EditWindowAsync(number, edit => edit.IsActive = active);

    private async Task EditWindowAsync(int number, Action<WindowEdit> change)
    {
        await using var scope = SignedInScope.Manager(hall.App);
        var windows = scope.ServiceProvider.GetRequiredService<WindowAdminService>();
        var row = (await windows.ListAsync()).Single(w => w.Number == number);
        var edit = new WindowEdit
        {
            Id = row.Id, Number = row.Number, Name = row.Name, FloorId = row.FloorId, HomeUnitId = row.HomeUnitId, IsActive = row.IsActive,
            ChiefRepresentativeStaffId = row.ChiefRepresentativeStaffId, AppointmentPhone = row.AppointmentPhone,
        };
        change(edit);
        var result = await windows.SaveAsync(edit);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }
}

/// <summary>
/// The demo hall served by Kestrel on a free port of 127.0.0.1 (circuits need a real socket), on its
/// own database file, its clock standing at 10:00 hall time on a working day so the wall shows the
/// day cards whatever the hour and day the tests run (at night or on a weekend it would show the
/// evening board, whose cards are not the window cards these tests watch).
/// </summary>
public sealed class KestrelHall : IAsyncLifetime
{
    private readonly HallDatabaseFile _database = new();

    public HallAppFactory App { get; private set; } = default!;

    public Uri Origin { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var clock = new FakeTimeProvider(TomorrowAtTen(TimeProvider.System.GetUtcNow()));
        App = new HallAppFactory(_database, settings: CoverageBrowserSupport.AllDaySettings.ToDictionary(),
            services: services => services.AddSingleton<TimeProvider>(clock));
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Origin = new Uri(address.TrimEnd('/') + "/");
        // A weekend or holiday is made a working day.
        await App.OpenTheHallNowAsync();
    }

    /// <summary>10:00 hall time tomorrow: ahead of the real clock, so nothing the app issues has already expired.</summary>
    private static DateTimeOffset TomorrowAtTen(DateTimeOffset now) =>
        new(DateOnly.FromDateTime(now.ToOffset(CoverageHall.Beijing).Date).AddDays(1).ToDateTime(new TimeOnly(10, 0)), CoverageHall.Beijing);

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _database.Dispose();
    }
}
