using Bunit;
using HallOps.Domain.Jobs;
using HallOps.Web.Components.Pages.Wall;
using HallOps.Web.Wall;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace HallOps.Tests.Components;

/// <summary>
/// The wall's freshness stamp (WALLSCREEN: a screen that stops hearing from the server says so after
/// 60 s): every update stamps it, and with nothing new it re-stamps itself 15 s after the last stamp —
/// not on a fixed 15 s beat, which made every wall of a busy hall render once more for nothing.
/// </summary>
public sealed class WallStatusTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private readonly BunitContext _ctx = new();
    private readonly FakeTimeProvider _clock = new(Start);

    public Task InitializeAsync()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        _ctx.Services.AddSingleton<TimeProvider>(_clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public async Task QuietWall_IsReStampedEvery15Seconds_AndAnUpdatePutsTheNextStampOff15SecondsFromIt()
    {
        var cut = _ctx.Render<WallStatus>(p => p.Add(s => s.Jobs, new WallJobs(JobsState.Alive, Start)));
        Assert.Equal(Start, Stamp(cut));

        // Nothing happens: a heartbeat at 15 s.
        _clock.Advance(TimeSpan.FromSeconds(15));
        cut.WaitForAssertion(() => Assert.Equal(Start.AddSeconds(15), Stamp(cut)));

        // An update at 20 s stamps it, with the event it shows.
        _clock.Advance(TimeSpan.FromSeconds(5));
        await cut.InvokeAsync(() => cut.Instance.Touch(eventMicroseconds: 1_234_567));
        Assert.Equal(Start.AddSeconds(20), Stamp(cut));
        Assert.Equal("1234567", cut.Find("#wall-fresh").GetAttribute("data-event-us"));

        // 30 s: 15 s after the last heartbeat, but only 10 after the update — no render.
        var renders = cut.RenderCount;
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(renders, cut.RenderCount);
        Assert.Equal(Start.AddSeconds(20), Stamp(cut));

        // 35 s: 15 s after the update, the heartbeat.
        _clock.Advance(TimeSpan.FromSeconds(5));
        cut.WaitForAssertion(() => Assert.Equal(Start.AddSeconds(35), Stamp(cut)));
        Assert.Equal("1234567", cut.Find("#wall-fresh").GetAttribute("data-event-us"));
    }

    private static DateTimeOffset Stamp(IRenderedComponent<WallStatus> cut) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(cut.Find("#wall-fresh").GetAttribute("data-server-now")!));
}
