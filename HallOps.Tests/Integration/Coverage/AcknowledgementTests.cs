using System.Globalization;
using HallOps.Domain.Alerts;
using HallOps.Domain.Identity;
using HallOps.Tests.Support;
using HallOps.Web.Alerts;
using HallOps.Web.Presence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Coverage;

/// <summary>
/// AB4: a gap alert stands until it is cleared or acknowledged, by the holders of the window's posts
/// or a manager — once, whoever presses at the same moment. Nobody is signed on: every post has a gap.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AcknowledgementTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    [Fact]
    public async Task AB4_TwentyManagersAcknowledgingOneAlertAtOnce_StoreOneAcknowledgement_AndNineteenAreToldWhoWasFirst()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var alert = await OpenGapAsync(10);
        var names = Enumerable.Range(1, 20).Select(i => $"值班主任{i:00}").ToList();
        var scopes = names.Select(name => hall.SignedIn(name, HallRoles.Manager)).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var acknowledging = scopes.Select(scope => Task.Run(async () =>
        {
            var alerts = scope.ServiceProvider.GetRequiredService<AlertService>();
            await start.Task;
            return await alerts.AcknowledgeAsync(alert.Id, "已通知B岗补位");
        })).ToList();

        start.SetResult();
        var results = await Task.WhenAll(acknowledging);
        foreach (var scope in scopes)
        {
            await scope.DisposeAsync();
        }

        var stored = await hall.AlertAsync(alert.Id);
        Assert.Contains(stored.AcknowledgedBy, names);
        Assert.Equal(stored.AcknowledgedBy, stored.AcknowledgedByUserId);
        Assert.Equal((hall.Clock.GetUtcNow(), "已通知B岗补位", alert.Version + 1), (stored.AcknowledgedAt, stored.AckNote, stored.Version));
        Assert.Single(results, r => r.Succeeded);
        var told = $"该告警已由{stored.AcknowledgedBy}于10:00:00确认。";
        Assert.Equal(Enumerable.Repeat(told, 19), results.Where(r => !r.Succeeded).Select(r => Assert.Single(r.Errors)));
    }

    [Fact]
    public async Task AB4_AHolderOfTheAlertsWindow_MayAcknowledgeIt_AndAManagerIsThenToldWhoDid()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var alert = await OpenGapAsync(13);
        await using var b = await hall.StaffAsync("朱伟");   // A of window 14, B of window 13
        await using var manager = hall.SignedIn("manager", HallRoles.Manager);

        var mine = await b.ServiceProvider.GetRequiredService<AlertService>().MineAsync();
        var result = await b.ServiceProvider.GetRequiredService<AlertService>().AcknowledgeAsync(alert.Id, null);
        var second = await manager.ServiceProvider.GetRequiredService<AlertService>().AcknowledgeAsync(alert.Id, "我来处理");

        Assert.Contains(mine, v => v.Id == alert.Id);
        Assert.True(result.Succeeded);
        Assert.Equal(["该告警已由朱伟于10:00:00确认。"], second.Errors);
        var stored = await hall.AlertAsync(alert.Id);
        Assert.Equal(("朱伟", (string?)null, true), (stored.AcknowledgedBy, stored.AckNote, stored.IsOpen));
    }

    [Fact]
    public async Task AB4_AStaffMemberOfAnotherWindow_MayNotAcknowledge_AndTheAlertIsUnchanged()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var alert = await OpenGapAsync(12);
        await using var stranger = await hall.StaffAsync("张晓明", "staff");   // holds the posts of windows 1 and 2
        var alerts = stranger.ServiceProvider.GetRequiredService<AlertService>();

        var result = await alerts.AcknowledgeAsync(alert.Id, "不是我的窗口");

        Assert.Equal(["该告警不属于您的窗口，您无权确认。"], result.Errors);
        Assert.Equivalent(alert, await hall.AlertAsync(alert.Id), strict: true);
        Assert.DoesNotContain(await alerts.MineAsync(), v => v.Id == alert.Id);
    }

    [Fact]
    public async Task AB4_AResolvedAlert_NeedsNoAcknowledgement_AndStaysUnacknowledged()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var alert = await OpenGapAsync(11);
        var (post, _) = await hall.PostOfWindowAsync(11);
        await using (var a = await hall.StaffAsync("徐海燕"))
        {
            Assert.True((await a.ServiceProvider.GetRequiredService<PresenceService>().SignOnAsync(post)).Succeeded);
        }
        var resolved = await hall.AlertAsync(alert.Id);
        Assert.False(resolved.IsOpen);
        await using var manager = hall.SignedIn("manager", HallRoles.Manager);

        var result = await manager.ServiceProvider.GetRequiredService<AlertService>().AcknowledgeAsync(alert.Id, null);

        Assert.Equal(["该告警已解除，无需确认。"], result.Errors);
        Assert.Equivalent(resolved, await hall.AlertAsync(alert.Id), strict: true);
    }

    [Fact]
    public async Task AnAlertThatDoesNotExist_IsReportedAsSuch()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        long unknown;
        await using (var db = hall.CreateDbContext())
        {
            unknown = (await db.Alerts.MaxAsync(a => (long?)a.Id) ?? 0) + 1_000;
        }
        await using var manager = hall.SignedIn("manager", HallRoles.Manager);

        var result = await manager.ServiceProvider.GetRequiredService<AlertService>().AcknowledgeAsync(unknown, null);

        Assert.Equal(["该告警不存在，请刷新页面。"], result.Errors);
    }

    [Fact]
    public async Task AB4_AnAcknowledgementNoteOver500Characters_IsRefused_AndTheAlertIsUnchanged()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var alert = await OpenGapAsync(15);
        await using var manager = hall.SignedIn("manager", HallRoles.Manager);

        var result = await manager.ServiceProvider.GetRequiredService<AlertService>().AcknowledgeAsync(alert.Id, new string('注', 501));

        Assert.Equal(["确认说明不能超过500个字。"], result.Errors);
        Assert.Equivalent(alert, await hall.AlertAsync(alert.Id), strict: true);
    }

    private async Task<Alert> OpenGapAsync(int window)
    {
        await hall.Monitor.ReconcileAsync();
        var (post, _) = await hall.PostOfWindowAsync(window);
        var alert = await hall.OpenAlertAsync(AlertKinds.CoverageGap, post);
        Assert.NotNull(alert);
        Assert.Null(alert.AcknowledgedAt);
        return alert;
    }
}
