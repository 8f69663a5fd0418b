using HallOps.Domain.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Presence;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Coverage;

/// <summary>
/// AB3: the staff page lists today's handovers, given and received, with the note and whether the
/// person who left is still away on it. Window 1: 张晓明 (account "staff") A, 李静 B.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class HandoverTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private const string A = "张晓明";
    private const string B = "李静";

    [Fact]
    public async Task AB3_AHandoverShowsToBothSides_ActiveWhileAIsAway_EndedOnceABack_AndYesterdaysAreNotListed()
    {
        await using var pair = await hall.AbPairAsync();
        var (post1, post2, bId, asA, asB) = (pair.Post1, pair.Post2, pair.BId, pair.A, pair.B);

        // Yesterday's handover (Wednesday): not the next day's business.
        Assert.True((await asA.SignOnAsync(post1)).Succeeded);
        Assert.True((await asA.GoAwayAsync(new AwayRequest { Reason = AwayReason.Meeting, HandoverToStaffId = bId, HandoverNote = "昨天的交代" })).Succeeded);
        Assert.True((await asA.SignOffAsync()).Succeeded);
        hall.Clock.Advance(TimeSpan.FromDays(1));

        Assert.True((await asA.SignOnAsync(post1)).Succeeded);
        Assert.True((await asB.SignOnAsync(post2)).Succeeded);
        Assert.Empty(await asA.MyHandoversTodayAsync());

        var back = hall.Clock.GetUtcNow().AddMinutes(30);
        Assert.True((await asA.GoAwayAsync(new AwayRequest
        {
            Reason = AwayReason.Business, ExpectedReturn = back, HandoverToStaffId = bId, HandoverNote = "王女士的社保转移材料在左侧抽屉",
        })).Succeeded);

        var received = Assert.Single(await asB.MyHandoversTodayAsync());
        Assert.Equal((A, B, 1, AwayReason.Business, back, "王女士的社保转移材料在左侧抽屉", true),
            (received.FromName, received.ToName, received.WindowNumber, received.Reason, received.ExpectedReturn, received.Note, received.Active));
        var given = Assert.Single(await asA.MyHandoversTodayAsync());
        Assert.Equal(received, given);

        hall.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.True((await asA.ComeBackAsync()).Succeeded);

        var ended = Assert.Single(await asB.MyHandoversTodayAsync());
        Assert.False(ended.Active);
        Assert.Equal(received.At, ended.At);
    }
}
