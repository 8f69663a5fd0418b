using System.Globalization;
using HallOps.Domain.Coverage;
using HallOps.Domain.Identity;
using HallOps.Tests.Support;
using HallOps.Web.Presence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Coverage;

/// <summary>
/// AB3: a sign-on or a handover the register does not allow is refused with a clear Chinese message
/// and changes nothing. 刘洋 is A of window 4, whose B is 陈敏 (A of window 5).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BadPresenceInputTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private const string Person = "刘洋";

    public static TheoryData<string, string> BadChanges => new()
    {
        { "sign on at a post that does not exist", "没有这个岗位，请刷新页面后重试。" },
        { "sign on at another window's post", "您不是该岗位的A岗或B岗，不能在此上岗。" },
        { "hand over to oneself", "不能把工作交代给自己，请选择您岗位的B岗。" },
        { "hand over to a B of another post", "只能交代给您岗位的B岗人员。" },
        { "hand over to a staff id that does not exist", "只能交代给您岗位的B岗人员。" },
        { "leave a handover note of 501 characters", "工作交代不能超过500个字。" },
        { "expect to return a minute ago", "预计返回时间应晚于现在。" },
        { "expect to return this very instant", "预计返回时间应晚于现在。" },
        { "leave for a reason that does not exist", "请选择离岗事由。" },
    };

    [Theory]
    [MemberData(nameof(BadChanges))]
    public async Task AB3_BadPresenceInput_GetsAClearChineseMessage_AndChangesNoPresenceRow(string change, string message)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var (ownPost, _) = await hall.PostOfWindowAsync(4);
        var (otherPost, _) = await hall.PostOfWindowAsync(10);
        var me = await hall.StaffIdAsync(Person);
        var b = await hall.StaffIdAsync("陈敏");
        var bOfAnotherPost = await hall.StaffIdAsync("李静");
        await using var scope = await hall.StaffAsync(Person);
        var presence = scope.ServiceProvider.GetRequiredService<PresenceService>();
        Assert.True((await presence.SignOnAsync(ownPost)).Succeeded);
        var now = hall.Clock.GetUtcNow();
        var before = await SnapshotAsync();

        var result = change switch
        {
            "sign on at a post that does not exist" => await presence.SignOnAsync(otherPost + 100_000),
            "sign on at another window's post" => await presence.SignOnAsync(otherPost),
            "hand over to oneself" => await presence.GoAwayAsync(new AwayRequest { HandoverToStaffId = me }),
            "hand over to a B of another post" => await presence.GoAwayAsync(new AwayRequest { HandoverToStaffId = bOfAnotherPost }),
            "hand over to a staff id that does not exist" => await presence.GoAwayAsync(new AwayRequest { HandoverToStaffId = 100_000 }),
            "leave a handover note of 501 characters" => await presence.GoAwayAsync(new AwayRequest { HandoverToStaffId = b, HandoverNote = new string('交', 501) }),
            "expect to return a minute ago" => await presence.GoAwayAsync(new AwayRequest { HandoverToStaffId = b, ExpectedReturn = now.AddMinutes(-1) }),
            "expect to return this very instant" => await presence.GoAwayAsync(new AwayRequest { HandoverToStaffId = b, ExpectedReturn = now }),
            "leave for a reason that does not exist" => await presence.GoAwayAsync(new AwayRequest { Reason = (AwayReason)42, HandoverToStaffId = b }),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "No such case."),
        };

        Assert.False(result.Succeeded);
        Assert.Equal([message], result.Errors);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task AB3_AHandoverNoteOfExactly500Characters_IsAccepted()
    {
        var (ownPost, _) = await hall.PostOfWindowAsync(4);
        await using var scope = await hall.StaffAsync(Person);
        var presence = scope.ServiceProvider.GetRequiredService<PresenceService>();
        Assert.True((await presence.SignOnAsync(ownPost)).Succeeded);

        var result = await presence.GoAwayAsync(new AwayRequest
        {
            HandoverToStaffId = await hall.StaffIdAsync("陈敏"), HandoverNote = new string('交', 500), ExpectedReturn = hall.Clock.GetUtcNow().AddMinutes(1),
        });

        Assert.True(result.Succeeded);
        Assert.Equal(500, (await presence.MineAsync())?.Now?.HandoverNote?.Length);
        Assert.True((await presence.ComeBackAsync()).Succeeded);
    }

    [Fact]
    public async Task AnAccountWithoutAStaffRecord_IsToldToAskTheAdministrator_AndNothingIsStored()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var (post, _) = await hall.PostOfWindowAsync(4);
        await using var scope = hall.SignedIn("temp-staff", HallRoles.Staff);
        var before = await SnapshotAsync();

        var result = await scope.ServiceProvider.GetRequiredService<PresenceService>().SignOnAsync(post);

        Assert.Equal(["您的账号未关联工作人员信息，请联系管理员。"], result.Errors);
        Assert.Equal(before, await SnapshotAsync());
    }

    /// <summary>Every presence row and every presence history line, as comparable text.</summary>
    private async Task<(string Presences, string Events)> SnapshotAsync()
    {
        await using var db = hall.CreateDbContext();
        var presences = await db.Presences.AsNoTracking().OrderBy(p => p.StaffMemberId)
            .Select(p => new { p.StaffMemberId, p.State, p.PostId, p.Reason, p.Since, p.ExpectedReturn, p.HandoverToStaffId, p.HandoverNote })
            .ToListAsync();
        var events = await db.PresenceEvents.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.StaffMemberId, e.State }).ToListAsync();
        return (string.Join("\n", presences), string.Join("\n", events));
    }
}
