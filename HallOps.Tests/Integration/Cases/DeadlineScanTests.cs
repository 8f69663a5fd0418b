using System.Collections.Concurrent;
using HallOps.Domain.Accountability;
using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Hall;
using HallOps.Tests.Support;
using HallOps.Web.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Tests.Integration.Cases;

/// <summary>
/// The deadline scan (TL5, AC2 type 2) on the real app and a real SQLite file, on a clock the test
/// turns. A case accepted Wednesday 2026-11-25 10:00 with 2 working days counts Thursday and
/// Friday: yellow from Thursday 17:00 (1 working day before), red from Friday 17:00.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class DeadlineScanTests : IAsyncLifetime
{
    private static readonly DateTimeOffset ThursdayClose = new(2026, 11, 26, 17, 0, 0, DeadlineHall.Beijing);
    private static readonly DateTimeOffset FridayClose = new(2026, 11, 27, 17, 0, 0, DeadlineHall.Beijing);

    private DeadlineHall _hall = default!;

    public async Task InitializeAsync() => _hall = await DeadlineHall.StartAsync();

    public async Task DisposeAsync() => await _hall.DisposeAsync();

    [Fact]
    public async Task TL5_ScanTwice_OneAlertPerLevel_RaisedInOrder_AndPushed()
    {
        var events = new ConcurrentQueue<string>();
        using var subscription = _hall.Feed.Subscribe(e => { events.Enqueue(e.Subject); return Task.CompletedTask; });
        var id = await _hall.AddCaseAsync(DeadlineHall.WednesdayTen, committedDays: 2);
        var stored = await _hall.CaseAsync(id);
        Assert.Equal(FridayClose, stored.DueAt);
        Assert.Equal(ThursdayClose, stored.DueSoonAt);
        Assert.Equal(ThursdayClose, stored.NextLightAt);

        await _hall.Scanner.ScanAsync();
        Assert.Equal(CaseLight.None, (await _hall.CaseAsync(id)).Light);
        Assert.Empty(await _hall.AlertsOfAsync(id));

        _hall.Clock.SetUtcNow(ThursdayClose.AddSeconds(30));
        await _hall.Scanner.ScanAsync();
        await _hall.Scanner.ScanAsync();
        var yellow = await _hall.CaseAsync(id);
        Assert.Equal(CaseLight.Yellow, yellow.Light);
        Assert.Equal(FridayClose, yellow.NextLightAt);
        var dueSoon = Assert.Single(await _hall.AlertsOfAsync(id));
        Assert.Equal((AlertKinds.CaseDueSoon, AlertSeverity.Warning, true), (dueSoon.Kind, dueSoon.Severity, dueSoon.IsOpen));
        Assert.Equal(yellow.WindowId, dueSoon.WindowId);

        _hall.Clock.SetUtcNow(FridayClose.AddSeconds(30));
        await _hall.Scanner.ScanAsync();
        await _hall.Scanner.ScanAsync();
        var red = await _hall.CaseAsync(id);
        Assert.Equal(CaseLight.Red, red.Light);
        Assert.Null(red.NextLightAt);
        var alerts = await _hall.AlertsOfAsync(id);
        Assert.Equal([AlertKinds.CaseDueSoon, AlertKinds.CaseOverdue], alerts.Select(a => a.Kind));
        Assert.False(alerts[0].IsOpen);
        Assert.True(alerts[1].IsOpen);
        Assert.Equal(AlertSeverity.Critical, alerts[1].Severity);
        Assert.True(alerts[0].RaisedAt < alerts[1].RaisedAt);

        var draft = Assert.Single(await _hall.DraftsOfAsync(id));
        Assert.Equal((DerelictionType.Overdue, DerelictionStatus.Draft), (draft.Type, draft.Status));
        Assert.Equal(red.HandlerStaffId, draft.StaffMemberId);
        Assert.Equal(CaseDeadlineScanner.OverdueSourceKey(id), draft.SourceKey);
        Assert.Contains(red.Number, draft.Summary);
        // The evidence: the case (applicant masked) and its clock, day by day, in the hall's language.
        Assert.Contains(red.Number, draft.Evidence);
        Assert.Contains("王*明", draft.Evidence);
        Assert.DoesNotContain("王小明", draft.Evidence);
        Assert.Contains("2026-11-26 计第1个工作日（共2个）", draft.Evidence);
        Assert.Contains("2026-11-27 计第2个工作日（共2个）", draft.Evidence);
        Assert.Contains("2026-11-27 17:00", draft.Evidence);

        // Pushed: the yellow alert, then the red one, the case and the draft reach the hall event feed.
        var subjects = new[] { HallSubjects.Alert(alerts[0].Id), HallSubjects.Alert(alerts[1].Id), HallSubjects.Case(id), HallSubjects.Dereliction(draft.Id) };
        await Eventually.TrueAsync(() => Task.FromResult(subjects.All(events.Contains)), TimeSpan.FromSeconds(5),
            "the alerts, the case and the draft are published on the hall event feed");
        var order = events.ToList();
        Assert.True(order.IndexOf(subjects[0]) < order.IndexOf(subjects[1]), "the yellow alert is published before the red one");
    }

    [Fact]
    public async Task AC2_RedCases_ScannedConcurrentlyByTwoInstances_ExactlyOneDraftAndOneAlertEach()
    {
        var ids = new List<long>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await _hall.AddCaseAsync(DeadlineHall.WednesdayTen, committedDays: 1, window: 1 + i % 3));
        }
        // Due Thursday 17:00; on Friday morning every one is overdue at once (no yellow seen by a scan).
        _hall.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 9, 0, 0, DeadlineHall.Beijing));

        var first = _hall.SecondInstanceScanner();
        var second = _hall.SecondInstanceScanner();
        await Task.WhenAll(Task.Run(() => first.ScanAsync()), Task.Run(() => second.ScanAsync()), Task.Run(() => _hall.Scanner.ScanAsync()));
        await _hall.Scanner.ScanAsync();

        foreach (var id in ids)
        {
            Assert.Equal(CaseLight.Red, (await _hall.CaseAsync(id)).Light);
            var alert = Assert.Single(await _hall.AlertsOfAsync(id));
            Assert.Equal((AlertKinds.CaseOverdue, true), (alert.Kind, alert.IsOpen));
            Assert.Single(await _hall.DraftsOfAsync(id));
        }
    }

    [Fact]
    public async Task TL5_CompletingARedCase_AndExtendingAYellowOne_PutTheirLightsOutAndResolveTheirAlerts()
    {
        var late = await _hall.AddCaseAsync(DeadlineHall.WednesdayTen, committedDays: 1);
        var soon = await _hall.AddCaseAsync(DeadlineHall.WednesdayTen, committedDays: 2, window: 2, handler: "李静");
        _hall.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 9, 0, 0, DeadlineHall.Beijing));
        await _hall.Scanner.ScanAsync();
        Assert.Equal(CaseLight.Red, (await _hall.CaseAsync(late)).Light);
        Assert.Equal(CaseLight.Yellow, (await _hall.CaseAsync(soon)).Light);

        var now = _hall.Clock.GetUtcNow();
        var calendar = await _hall.CalendarAsync();
        await using (var db = _hall.CreateDbContext())
        {
            // 办结, late: as the intake service completes a case, then asks the scan to refresh it.
            var completed = await db.Cases.Include(c => c.MatterVersion).SingleAsync(c => c.Id == late);
            completed.State = CaseState.Completed;
            completed.ClosedAt = now;
            completed.ClosedBy = "张晓明";
            completed.CompletedOnTime = now <= completed.DueAt;
            CaseWorkflow.Recompute(completed, completed.MatterVersion!, calendar, now);
            completed.Version++;

            // 延期: 3 working days approved before the deadline.
            var extended = await db.Cases.Include(c => c.MatterVersion).Include(c => c.Extensions).SingleAsync(c => c.Id == soon);
            extended.Extensions.Add(new CaseExtension { Days = 3, Reason = "需现场核查", ApprovedBy = "局长", RecordedAt = now, RecordedBy = "manager" });
            CaseWorkflow.Recompute(extended, extended.MatterVersion!, calendar, now);
            extended.Version++;
            await db.SaveChangesAsync();
        }
        await _hall.Scanner.RefreshAsync(late);
        await _hall.Scanner.RefreshAsync(soon);

        var closed = await _hall.CaseAsync(late);
        Assert.Equal(CaseLight.None, closed.Light);
        Assert.Null(closed.NextLightAt);
        Assert.All(await _hall.AlertsOfAsync(late), a => Assert.False(a.IsOpen));
        Assert.Single(await _hall.DraftsOfAsync(late)); // the draft stays: the office decides on it

        var moved = await _hall.CaseAsync(soon);
        Assert.Equal(CaseLight.None, moved.Light);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 17, 0, 0, DeadlineHall.Beijing), moved.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 17, 0, 0, DeadlineHall.Beijing), moved.NextLightAt);
        var resolved = Assert.Single(await _hall.AlertsOfAsync(soon));
        Assert.Equal((AlertKinds.CaseDueSoon, false), (resolved.Kind, resolved.IsOpen));
        Assert.Empty(await _hall.DraftsOfAsync(soon));
    }

    [Fact]
    public async Task AC2_ACaseCompletedAfterItsDueTime_BeforeAnyScanSawItRed_IsStillDrafted()
    {
        var id = await _hall.AddCaseAsync(DeadlineHall.WednesdayTen, committedDays: 1);
        _hall.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 17, 5, 0, DeadlineHall.Beijing));
        await using (var db = _hall.CreateDbContext())
        {
            var serviceCase = await db.Cases.SingleAsync(c => c.Id == id);
            serviceCase.State = CaseState.Completed;
            serviceCase.ClosedAt = _hall.Clock.GetUtcNow();
            serviceCase.CompletedOnTime = false;
            serviceCase.Version++;
            await db.SaveChangesAsync();
        }
        await _hall.Scanner.RefreshAsync(id);
        await _hall.Scanner.RefreshAsync(id);

        Assert.Single(await _hall.DraftsOfAsync(id));
        Assert.All(await _hall.AlertsOfAsync(id), a => Assert.False(a.IsOpen));
    }

    [Fact]
    public async Task TL5_TheCasesHandler_MayAcknowledgeItsAlert_SomeoneFromAnotherWindowMayNot()
    {
        // Window 3's case handled by 张晓明 (A of window 1, B of window 2); 李静 works at windows 1 and 2 only.
        var id = await _hall.AddCaseAsync(DeadlineHall.WednesdayTen, committedDays: 1, window: 3, handler: "张晓明");
        _hall.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 9, 0, 0, DeadlineHall.Beijing));
        await _hall.Scanner.ScanAsync();
        var alert = Assert.Single(await _hall.AlertsOfAsync(id));

        await using (var other = await _hall.StaffScopeAsync("李静"))
        {
            var alerts = other.ServiceProvider.GetRequiredService<AlertService>();
            Assert.DoesNotContain(await alerts.MineAsync(), a => a.Id == alert.Id);
            var refused = await alerts.AcknowledgeAsync(alert.Id, null);
            Assert.Equal(["该告警不属于您的窗口，您无权确认。"], refused.Errors);
        }
        await using (var handler = await _hall.StaffScopeAsync("张晓明"))
        {
            var alerts = handler.ServiceProvider.GetRequiredService<AlertService>();
            Assert.Contains(await alerts.MineAsync(), a => a.Id == alert.Id);
            Assert.True((await alerts.AcknowledgeAsync(alert.Id, "已联系申请人")).Succeeded);
        }
        Assert.NotNull((await _hall.AlertsOfAsync(id))[0].AcknowledgedAt);
    }

    [Fact]
    public async Task TL0_ANewHolidayInTheCalendar_MovesAnOpenCasesDueTime()
    {
        var id = await _hall.AddCaseAsync(DeadlineHall.WednesdayTen, committedDays: 2);
        Assert.Equal(FridayClose, (await _hall.CaseAsync(id)).DueAt);

        await using (var db = _hall.CreateDbContext())
        {
            db.CalendarDays.Add(new CalendarDay { Date = new DateOnly(2026, 11, 26), Kind = CalendarDayKind.Holiday, Name = "临时放假" });
            await db.SaveChangesAsync();
        }

        // Thursday no longer counts: Friday and Monday do.
        var monday = new DateTimeOffset(2026, 11, 30, 17, 0, 0, DeadlineHall.Beijing);
        await Eventually.TrueAsync(async () => (await _hall.CaseAsync(id)).DueAt == monday, TimeSpan.FromSeconds(10),
            "the open case's due time moved to Monday 17:00 after the holiday was added");
        var moved = await _hall.CaseAsync(id);
        Assert.Equal(FridayClose, moved.DueSoonAt);
        Assert.Equal(FridayClose, moved.NextLightAt);
    }
}
