using System.Net;
using HallOps.Domain.Accountability;
using HallOps.Domain.Alerts;
using HallOps.Domain.Audit;
using HallOps.Domain.Hall;
using HallOps.Domain.Identity;
using HallOps.Domain.Rounds;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Accountability;
using HallOps.Web.AuditSearch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Accountability;

/// <summary>
/// 失职追究 (AC1–AC4) end to end on the demo hall: the office confirms a draft only with type,
/// severity, sanctions among the seven, decision date and decision maker, or dismisses it with the
/// reason; records by hand; automatic drafts from round exceptions and escalated alerts nobody
/// acknowledged, once each however often the job runs; every decision in the audit log; and the
/// staff member's own confirmed records, which nobody else below the office can read.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class DerelictionWorkflowTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private static int _sequence;

    private async Task<DerelictionRecord> DraftAsync(int? staffId, DerelictionType type = DerelictionType.Other, string summary = "柜台材料摆放混乱")
    {
        await using var db = hall.CreateDbContext();
        var record = new DerelictionRecord
        {
            Type = type,
            Origin = DerelictionOrigin.Hand,
            StaffMemberId = staffId,
            SourceKey = $"test:{Interlocked.Increment(ref _sequence)}:{Guid.NewGuid():N}",
            Summary = summary,
            Evidence = "现场记录",
            CreatedAt = hall.Clock.GetUtcNow().AddDays(-2),
            CreatedBy = "office",
        };
        db.DerelictionRecords.Add(record);
        await db.SaveChangesAsync();
        return record;
    }

    private async Task<DerelictionRecord> StoredAsync(long id)
    {
        await using var db = hall.CreateDbContext();
        return await db.DerelictionRecords.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    private async Task<int> OtherStaffIdAsync()
    {
        var mine = await hall.StaffIdAsync("张晓明");
        await using var db = hall.CreateDbContext();
        return await db.StaffMembers.Where(s => s.Id != mine).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
    }

    private AsyncServiceScope Office() => hall.SignedIn("office", HallRoles.Office);

    private static DerelictionConfirmation Decision(DerelictionService service) => new(
        DerelictionType.BadAttitude, DerelictionSeverity.General, DerelictionSanctions.Criticism | DerelictionSanctions.EfficiencyWarning,
        service.Today, "中心主任办公会", "经调查属实");

    /// <summary>A confirmed record of a staff member, decided by the office.</summary>
    private async Task<DerelictionRecord> ConfirmedAsync(int staffId, string summary)
    {
        var draft = await DraftAsync(staffId, summary: summary);
        await using var office = Office();
        var service = office.ServiceProvider.GetRequiredService<DerelictionService>();
        var result = await service.ConfirmAsync(draft.Id, draft.Version, Decision(service));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return await StoredAsync(draft.Id);
    }

    [Fact]
    public async Task AC2_AC3_AC4_TheOfficeConfirmsWithTypeSeveritySanctionsDateAndMaker()
    {
        var staffId = await hall.StaffIdAsync("张晓明");
        var draft = await DraftAsync(staffId);
        await using var office = Office();
        var service = office.ServiceProvider.GetRequiredService<DerelictionService>();

        var result = await service.ConfirmAsync(draft.Id, draft.Version, Decision(service));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var stored = await StoredAsync(draft.Id);
        Assert.Equal(DerelictionStatus.Confirmed, stored.Status);
        Assert.Equal(DerelictionType.BadAttitude, stored.Type);
        Assert.Equal(DerelictionSeverity.General, stored.Severity);
        Assert.Equal(DerelictionSanctions.Criticism | DerelictionSanctions.EfficiencyWarning, stored.Sanctions);
        Assert.Equal(new DateOnly(2026, 11, 25), stored.DecisionDate);
        Assert.Equal("中心主任办公会", stored.DecisionMaker);
        Assert.Equal("office", stored.DecidedBy);
        Assert.Equal(hall.Clock.GetUtcNow(), stored.DecidedAt);
        var detail = await service.GetAsync(draft.Id);
        Assert.Equal("责成赔礼道歉、写出书面检查，由中心通报批评、效能告诫", service.SanctionNames(detail!.Row.Sanctions));
    }

    [Fact]
    public async Task AC3_AC4_AConfirmationWithoutSeverityOrSanction_IsRefusedWithMessages_AndChangesNothing()
    {
        var draft = await DraftAsync(await hall.StaffIdAsync("张晓明"));
        await using var office = Office();
        var service = office.ServiceProvider.GetRequiredService<DerelictionService>();

        var result = await service.ConfirmAsync(draft.Id, draft.Version,
            Decision(service) with { Severity = null, Sanctions = DerelictionSanctions.None });

        Assert.Equal(["请选择情节：严重、一般或轻微。", "请至少选择一种追究方式。"], result.Errors);
        var stored = await StoredAsync(draft.Id);
        Assert.Equal(DerelictionStatus.Draft, stored.Status);
        Assert.Null(stored.Severity);
        Assert.Null(stored.DecidedAt);
        Assert.Equal(draft.Version, stored.Version);
    }

    [Fact]
    public async Task AC4_ASanctionOutsideTheSeven_IsRefused_AndChangesNothing()
    {
        var draft = await DraftAsync(await hall.StaffIdAsync("张晓明"));
        await using var office = Office();
        var service = office.ServiceProvider.GetRequiredService<DerelictionService>();

        var result = await service.ConfirmAsync(draft.Id, draft.Version,
            Decision(service) with { Sanctions = DerelictionSanctions.Admonition | (DerelictionSanctions)128 });

        Assert.Equal(["追究方式只能从规定的七种中选择。"], result.Errors);
        Assert.Equal(DerelictionStatus.Draft, (await StoredAsync(draft.Id)).Status);
    }

    [Fact]
    public async Task AConfirmation_InTheFuture_OrOnAStaleVersion_IsRefused()
    {
        var draft = await DraftAsync(await hall.StaffIdAsync("张晓明"));
        await using var office = Office();
        var service = office.ServiceProvider.GetRequiredService<DerelictionService>();

        var future = await service.ConfirmAsync(draft.Id, draft.Version, Decision(service) with { DecisionDate = service.Today.AddDays(1) });
        var early = await service.ConfirmAsync(draft.Id, draft.Version, Decision(service) with { DecisionDate = service.Today.AddDays(-10) });
        var stale = await service.ConfirmAsync(draft.Id, draft.Version + 5, Decision(service));

        Assert.Equal(["决定日期不能晚于今天。"], future.Errors);
        Assert.Equal(["决定日期不能早于记录登记日期。"], early.Errors);
        Assert.Equal(["该记录已被他人修改，请刷新后重试。"], stale.Errors);
        Assert.Equal(DerelictionStatus.Draft, (await StoredAsync(draft.Id)).Status);
    }

    [Fact]
    public async Task ADismissal_NeedsItsReason_ThenIsRecorded_AndTheRecordIsNotDecidedAgain()
    {
        var draft = await DraftAsync(await hall.StaffIdAsync("张晓明"));
        await using var office = Office();
        var service = office.ServiceProvider.GetRequiredService<DerelictionService>();

        var bare = await service.DismissAsync(draft.Id, draft.Version, "  ");
        var dismissed = await service.DismissAsync(draft.Id, draft.Version, "经核实系群众误解");
        var again = await service.ConfirmAsync(draft.Id, draft.Version + 1, Decision(service));

        Assert.Equal(["请填写撤销理由。"], bare.Errors);
        Assert.True(dismissed.Succeeded, string.Join("; ", dismissed.Errors));
        Assert.False(again.Succeeded);
        var stored = await StoredAsync(draft.Id);
        Assert.Equal(DerelictionStatus.Dismissed, stored.Status);
        Assert.Equal("经核实系群众误解", stored.Decision);
    }

    [Fact]
    public async Task AC1_ARecordByHand_IsADraftWithItsOwnSourceKey_AndItsTypeAndStaffMayBeCorrected()
    {
        var staffId = await hall.StaffIdAsync("张晓明");
        var (_, windowId) = await hall.PostOfWindowAsync(1);
        await using var office = Office();
        var service = office.ServiceProvider.GetRequiredService<DerelictionService>();

        var missing = await service.CreateAsync(new DerelictionEntry(null, windowId, null, " ", null));
        var (result, id) = await service.CreateAsync(new DerelictionEntry(staffId, windowId, DerelictionType.BadAttitude, "  与办事群众争吵 ", "监控录像 2026-11-24 15:10"));

        Assert.Equal(["请选择失职的工作人员。", "请选择失职种类（九种之一）。", "请填写失职事实摘要。"], missing.Result.Errors);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var stored = await StoredAsync(id!.Value);
        Assert.Equal(DerelictionOrigin.Hand, stored.Origin);
        Assert.Equal(DerelictionStatus.Draft, stored.Status);
        Assert.StartsWith("hand:", stored.SourceKey);
        Assert.Equal("与办事群众争吵", stored.Summary);
        Assert.Equal(windowId, stored.WindowId);

        var other = await OtherStaffIdAsync();
        var corrected = await service.UpdateDraftAsync(stored.Id, stored.Version, DerelictionType.RefusedConforming, other);
        Assert.True(corrected.Succeeded, string.Join("; ", corrected.Errors));
        var after = await StoredAsync(stored.Id);
        Assert.Equal(DerelictionType.RefusedConforming, after.Type);
        Assert.Equal(other, after.StaffMemberId);
    }

    [Fact]
    public async Task EveryDecision_IsInTheAuditLog_WithWhoAndTheNewValues()
    {
        var draft = await DraftAsync(await hall.StaffIdAsync("张晓明"));
        await using (var office = Office())
        using (HallActor.Use(new Actor("office", "office")))
        {
            var service = office.ServiceProvider.GetRequiredService<DerelictionService>();
            var result = await service.ConfirmAsync(draft.Id, draft.Version, Decision(service));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        }

        await using var admin = hall.SignedIn("admin", HallRoles.Admin);
        var page = await admin.ServiceProvider.GetRequiredService<AuditSearchService>()
            .SearchAsync(new AuditQuery(null, nameof(DerelictionRecord), AuditAction.Update, null, null, PageSize: 200));
        var line = page.Rows.Single(r => r.EntityKey == draft.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("office", line.Actor);
        Assert.Contains("\"Status\"", line.After);
        Assert.Contains("中心主任办公会", line.After);
    }

    [Fact]
    public async Task AC1_TheDrafter_RunTwiceAtOnce_DraftsOncePerRoundExceptionAndPerUnacknowledgedEscalatedAlert()
    {
        var staffId = await hall.StaffIdAsync("张晓明");
        var (postId, windowId) = await hall.PostOfWindowAsync(1);
        var now = hall.Clock.GetUtcNow();
        long exceptionId, alertId, recentAlertId, acknowledgedAlertId;
        await using (var db = hall.CreateDbContext())
        {
            var template = await db.RoundTemplates.SingleAsync(t => t.Code == "shutdown-window");
            var round = new RoundInstance
            {
                TemplateId = template.Id, OccurrenceKey = $"test:drafter:{Guid.NewGuid():N}", Kind = RoundKind.ShutdownCheck,
                Subject = HallSubjects.Window(windowId), WindowId = windowId, DueFrom = now.AddHours(-20), DueBy = now.AddHours(-19),
                MissedAt = now.AddHours(-18), AssigneeRole = HallRoles.Staff, State = RoundState.Done, ResponsibleStaffId = staffId,
            };
            db.Rounds.Add(round);
            await db.SaveChangesAsync();
            var exception = new RoundException
            {
                RoundId = round.Id, WindowId = windowId, Item = "电脑、显示器、打印机已关闭", Note = "打印机未关", FoundAt = now.AddHours(-16), FoundBy = "王保安",
            };
            db.RoundExceptions.Add(exception);
            var escalated = new Alert
            {
                Kind = AlertKinds.TakeOver, Subject = HallSubjects.Post(postId) + ":drafter", WindowId = windowId,
                RaisedAt = now.AddHours(-3), EscalatedAt = now.AddHours(-2),
            };
            var recent = new Alert
            {
                Kind = AlertKinds.TakeOver, Subject = HallSubjects.Post(postId) + ":recent", WindowId = windowId,
                RaisedAt = now.AddMinutes(-40), EscalatedAt = now.AddMinutes(-30),
            };
            var acknowledged = new Alert
            {
                Kind = AlertKinds.TakeOver, Subject = HallSubjects.Post(postId) + ":acked", WindowId = windowId,
                RaisedAt = now.AddHours(-3), EscalatedAt = now.AddHours(-2), AcknowledgedAt = now.AddHours(-1.5), AcknowledgedBy = "张晓明",
            };
            db.Alerts.AddRange(escalated, recent, acknowledged);
            await db.SaveChangesAsync();
            (exceptionId, alertId, recentAlertId, acknowledgedAlertId) = (exception.Id, escalated.Id, recent.Id, acknowledged.Id);
        }
        var drafter = hall.App.Services.GetRequiredService<DerelictionDrafter>();
        var second = ActivatorUtilities.CreateInstance<DerelictionDrafter>(hall.App.Services); // another instance: no shared gate

        await Task.WhenAll(drafter.RunAsync(), second.RunAsync());
        await drafter.RunAsync();

        await using var check = hall.CreateDbContext();
        var fromException = await check.DerelictionRecords.Where(d => d.SourceKey == DerelictionDrafter.ExceptionSourceKey(exceptionId)).ToListAsync();
        var draft = Assert.Single(fromException);
        Assert.Equal(DerelictionOrigin.RoundException, draft.Origin);
        Assert.Equal(DerelictionType.Other, draft.Type);
        Assert.Equal(staffId, draft.StaffMemberId);
        Assert.Equal(windowId, draft.WindowId);
        Assert.Equal(exceptionId, draft.RoundExceptionId);
        Assert.Contains("打印机未关", draft.Evidence);

        var fromAlert = Assert.Single(await check.DerelictionRecords.Where(d => d.AlertId == alertId).ToListAsync());
        Assert.Equal(DerelictionDrafter.AlertSourceKey(alertId), fromAlert.SourceKey);
        Assert.Equal(DerelictionOrigin.UnacknowledgedAlert, fromAlert.Origin);
        Assert.Equal(DerelictionType.Other, fromAlert.Type);
        Assert.Equal(windowId, fromAlert.WindowId);
        Assert.NotNull(fromAlert.StaffMemberId);
        Assert.False(await check.DerelictionRecords.AnyAsync(d => d.AlertId == recentAlertId || d.AlertId == acknowledgedAlertId));
    }

    [Fact]
    public async Task AStaffMember_SeesOnlyTheirOwnConfirmedRecords_AndCannotReadAnothersById()
    {
        var mine = await hall.StaffIdAsync("张晓明");
        var other = await OtherStaffIdAsync();
        var own = await ConfirmedAsync(mine, "本人记录：未按时办结");
        var theirs = await ConfirmedAsync(other, "他人记录：不得泄露");
        var draft = await DraftAsync(mine, summary: "本人草稿：尚在核实");
        await using var staff = await hall.StaffAsync("张晓明", "staff");
        var service = staff.ServiceProvider.GetRequiredService<MyRecordsService>();

        var list = await service.ListAsync();

        Assert.Contains(list, r => r.Id == own.Id);
        Assert.DoesNotContain(list, r => r.Id == theirs.Id);
        Assert.DoesNotContain(list, r => r.Id == draft.Id);
        Assert.All(list, r => Assert.Equal(mine, r.StaffMemberId));
        Assert.NotNull(await service.GetAsync(own.Id));
        Assert.Null(await service.GetAsync(theirs.Id));
        Assert.Null(await service.GetAsync(draft.Id));
        Assert.Equal(["未找到该记录，或该记录不属于您。"], (await service.AcknowledgeAsync(theirs.Id)).Errors);
        Assert.Null((await StoredAsync(theirs.Id)).ReadAt);
    }

    [Fact]
    public async Task AStaffMember_OpeningAnothersRecordPage_SeesANotice_AndNoData()
    {
        var mine = await hall.StaffIdAsync("张晓明");
        var theirs = await ConfirmedAsync(await OtherStaffIdAsync(), "他人记录：页面不得显示");
        var own = await ConfirmedAsync(mine, "本人记录：页面可见");
        var client = await DemoAccounts.SignInAsync(hall.App, "staff");

        var other = await client.GetAsync($"/my/records/{theirs.Id}");
        var list = await client.GetAsync("/my/records");
        var ownPage = await client.GetAsync($"/my/records/{own.Id}");

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var html = await other.Content.ReadAsStringAsync();
        Assert.Contains("未找到该记录，或该记录不属于您。", html);
        Assert.DoesNotContain("他人记录", html);
        Assert.DoesNotContain("中心主任办公会", html);
        var listHtml = await list.Content.ReadAsStringAsync();
        Assert.Contains("本人记录：页面可见", listHtml);
        Assert.DoesNotContain("他人记录", listHtml);
        Assert.Contains("本人记录：页面可见", await ownPage.Content.ReadAsStringAsync());
        var office = await client.GetAsync($"/manage/derelictions/{theirs.Id}");
        Assert.Equal(HttpStatusCode.Redirect, office.StatusCode);
    }

    [Fact]
    public async Task AStaffMember_AcknowledgesReadingOnce_ASecondAcknowledgementChangesNothing()
    {
        var mine = await hall.StaffIdAsync("张晓明");
        var record = await ConfirmedAsync(mine, "本人记录：待阅");
        await using var staff = await hall.StaffAsync("张晓明", "staff");
        var service = staff.ServiceProvider.GetRequiredService<MyRecordsService>();

        var first = await service.AcknowledgeAsync(record.Id);
        var read = await StoredAsync(record.Id);
        hall.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await service.AcknowledgeAsync(record.Id);
        var after = await StoredAsync(record.Id);

        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        Assert.True(second.Succeeded);
        Assert.NotNull(read.ReadAt);
        Assert.Equal("staff", read.ReadBy);
        Assert.Equal(read.ReadAt, after.ReadAt);
        Assert.Equal(read.Version, after.Version);
    }
}
