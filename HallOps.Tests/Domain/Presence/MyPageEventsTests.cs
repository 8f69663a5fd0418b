using HallOps.Domain.Alerts;
using HallOps.Domain.Coverage;
using HallOps.Domain.Staffing;
using HallOps.Web.Alerts;
using HallOps.Web.Presence;

namespace HallOps.Tests.Domain.Presence;

/// <summary>
/// Which hall events reload a clerk's staff page (AB3, AB4): 张晓明 is A of window 1 (id 11) with 李静 (staff 2)
/// as B; 王建华 (staff 3) took over from him today. Window 5 (id 15) is someone else's.
/// </summary>
public class MyPageEventsTests
{
    private static readonly MyPresence Me = new(1, "张晓明", "ZW001", null,
    [
        new MyPost(101, "不动产登记受理", 1, "不动产登记", PostRole.A,
            [new PostPerson(2, "李静", "ZW002", PostRole.B, PresenceState.OnPost)], WindowId: 11),
    ]);

    private static readonly IReadOnlyList<Handover> Handovers =
    [
        new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero), 1, "张晓明", 3, "王建华", 1, "不动产登记", AwayReason.Business, null, null, false),
    ];

    /// <summary>Alert 7 is listed on the page now; 8 is new at window 1, 9 new at window 5, 10 about a case (no window).</summary>
    private static readonly IReadOnlyList<AlertView> Listed =
    [
        new(7, AlertKinds.CoverageGap, AlertSeverity.Critical, 11, 1, "不动产登记", DateTimeOffset.UnixEpoch, null, null, null, true),
    ];

    private static Task<int?> WindowOf(long alertId) => Task.FromResult<int?>(alertId switch
    {
        7 or 8 => 11,
        9 => 15,
        _ => null,
    });

    [Theory]
    [InlineData("presence:1", true)]     // my own presence
    [InlineData("presence:2", true)]     // AB3: my B
    [InlineData("presence:3", true)]     // AB3: took over from me today
    [InlineData("presence:40", false)]   // a clerk at another window
    [InlineData("alert:7", true)]        // an alert I see (acknowledged, resolved)
    [InlineData("alert:8", true)]        // AB4: a new gap at my window
    [InlineData("alert:9", false)]       // a gap at window 5
    [InlineData("alert:10", true)]       // about a case: only a read tells whether it is mine
    [InlineData("post:101", true)]
    [InlineData("staff:40", true)]
    [InlineData("case:5", false)]
    [InlineData("window:15", false)]
    public async Task AClerksPage_ReloadsOnlyForWhatItShows(string subject, bool reloads)
    {
        Assert.Equal(reloads, await MyPageEvents.ConcernsAsync(subject, Me, Handovers, Listed, seesEveryAlert: false, WindowOf));
    }

    [Theory]
    [InlineData("alert:8", MyPageParts.Alerts)]       // AB4: a gap alert raised or resolved changes the alert list only
    [InlineData("presence:2", MyPageParts.Presence)]  // AB3: my B's state, today's handovers
    [InlineData("presence:1", MyPageParts.Presence)]  // my own state and buttons
    [InlineData("post:101", MyPageParts.All)]         // who holds which post: everything on the page
    [InlineData("staff:40", MyPageParts.All)]
    public void AReload_ReadsOnlyThePartsTheEventChanges(string subject, MyPageParts parts)
    {
        Assert.Equal(parts, MyPageEvents.PartsOf(subject));
    }

    [Fact]
    public async Task AManagersPage_ReloadsForEveryAlert_AndAPageNotLoadedYetForEverything()
    {
        Assert.True(await MyPageEvents.ConcernsAsync("alert:9", Me, Handovers, Listed, seesEveryAlert: true, WindowOf));
        Assert.True(await MyPageEvents.ConcernsAsync("presence:40", null, [], [], seesEveryAlert: false, WindowOf));
    }
}
