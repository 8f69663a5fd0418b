using System.Globalization;
using HallOps.Domain.Accountability;
using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Identity;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Cases;

/// <summary>
/// Intake at the window and the life of a case (TL2, TL3, TL5, OT1, OT2, AC2 type 1) on the real
/// app and SQLite database, on a clock the tests turn (<see cref="CoverageHall"/>: it starts on
/// Wednesday 2026-11-25 10:00 in Beijing). 张晓明 (account "staff") is at the window; each test
/// makes its own matter, so tests do not see each other's cases.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class IntakeCaseTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private const string Person = "11010519491231002X";
    private const string Mobile = "13855631234";

    private Task<AsyncServiceScope> AtTheWindowAsync() => hall.StaffAsync("张晓明", "staff");

    private static CaseIntakeService Service(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<CaseIntakeService>();

    private async Task<WorkingCalendar> CalendarAsync() => await hall.App.Services.GetRequiredService<CalendarSource>().GetAsync();

    /// <summary>A matter with a current version of <paramref name="days"/> working days and the materials named (a * marks one that may be deferred).</summary>
    private async Task<(int MatterId, int[] Materials)> MatterAsync(int days, params string[] materials)
    {
        await using var db = hall.CreateDbContext();
        var matter = new Matter { Code = "T" + Guid.NewGuid().ToString("N")[..10], Name = "测试事项" + days };
        var version = new MatterVersion
        {
            Matter = matter,
            Number = 1,
            StatutoryDays = Math.Max(days, 20),
            CommittedDays = days,
            ChangedAt = hall.Clock.GetUtcNow(),
            ChangedBy = "manager",
            LegalBasis = "《测试条例》第五条",
            Materials = materials.Select((m, i) => new MatterMaterial
            {
                Order = i + 1,
                Name = m.TrimEnd('*'),
                Requirement = "原件及复印件各1份",
                Deferrable = m.EndsWith('*'),
            }).ToList(),
        };
        db.MatterVersions.Add(version);
        await db.SaveChangesAsync();
        matter.CurrentVersionId = version.Id;
        await db.SaveChangesAsync();
        return (matter.Id, version.Materials.OrderBy(m => m.Order).Select(m => m.Id).ToArray());
    }

    private static IntakeEdit Edit(int matterId, int[] materials, IntakeOutcome outcome, params (int Index, MaterialStatus Status, string? Note)[] lacking) => new()
    {
        ApplicantName = "张三明",
        IdNumber = Person,
        Phone = Mobile,
        MatterId = matterId,
        Outcome = outcome,
        Checks = materials.Select((id, i) => lacking.FirstOrDefault(l => l.Index == i) is { Status: not 0 } l
            ? new MaterialCheckEdit { MaterialId = id, Status = l.Status, Note = l.Note }
            : new MaterialCheckEdit { MaterialId = id, Status = MaterialStatus.Received }).ToList(),
    };

    private static List<MaterialCheckEdit> Checks(int[] materials, params int[] missing) =>
        materials.Select((id, i) => new MaterialCheckEdit { MaterialId = id, Status = missing.Contains(i) ? MaterialStatus.Missing : MaterialStatus.Received }).ToList();

    /// <summary>The close of the n-th working day after the day of <paramref name="at"/>, counted on the calendar independently of the clock rule.</summary>
    private static DateTimeOffset NthWorkingDayClose(WorkingCalendar calendar, DateTimeOffset at, int n)
    {
        var day = calendar.LocalDate(at);
        for (var i = 0; i < n; i++)
        {
            day = calendar.NextWorkingDay(day);
        }
        return calendar.ClosingOf(day);
    }

    private async Task<ServiceCase> CaseAsync(long id)
    {
        await using var db = hall.CreateDbContext();
        return await db.Cases.AsNoTracking().Include(c => c.Notices).Include(c => c.Extensions).SingleAsync(c => c.Id == id);
    }

    [Fact]
    public async Task TL2_CompletePapers_AreAccepted_DueAtTheVersionsLimit_WithAnAcceptanceNoticeNamingTheDueDate()
    {
        var (matter, materials) = await MatterAsync(5, "身份证", "申请表");
        await using var scope = await AtTheWindowAsync();
        var now = hall.Clock.GetUtcNow();

        var result = await Service(scope).ReceiveAsync(Edit(matter, materials, IntakeOutcome.Accept));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var calendar = await CalendarAsync();
        var stored = await CaseAsync(result.CaseId!.Value);
        var due = NthWorkingDayClose(calendar, now, 5);
        Assert.Equal((CaseState.Accepted, now, due), (stored.State, stored.AcceptedAt, stored.DueAt));
        Assert.Equal(await hall.StaffIdAsync("张晓明"), stored.HandlerStaffId);
        Assert.Matches(@"^\d{4}-\d{6}$", stored.Number);
        var notice = Assert.Single(stored.Notices);
        Assert.Equal(NoticeKind.Acceptance, notice.Kind);
        Assert.Matches(@"^〔\d{4}〕第\d{4}号$", notice.DocumentNumber);
        var document = NoticeDocument.FromJson(notice.Body)!;
        var dueDay = calendar.LocalDate(due);
        Assert.Contains($"{dueDay.Year}年{dueDay.Month}月{dueDay.Day}日", string.Join("", document.Before));
        Assert.Equal("张三明：", document.Addressee);
    }

    [Fact]
    public async Task OT1_IncompletePapers_TheSupplementNoticeListsEveryMissingItemWithWhatIsWrong_AndTheClockDoesNotStart()
    {
        var (matter, materials) = await MatterAsync(5, "身份证", "户口簿", "申请表", "结婚证");
        await using var scope = await AtTheWindowAsync();

        var result = await Service(scope).ReceiveAsync(Edit(matter, materials, IntakeOutcome.Supplement,
            (1, MaterialStatus.Missing, null), (2, MaterialStatus.NonConforming, "未签名"), (3, MaterialStatus.Missing, null)));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var stored = await CaseAsync(result.CaseId!.Value);
        Assert.Equal(CaseState.AwaitingSupplement, stored.State);
        Assert.Null(stored.AcceptedAt);
        Assert.Null(stored.DueAt);
        Assert.Null(stored.NextLightAt);
        var notice = Assert.Single(stored.Notices);
        Assert.Equal(NoticeKind.Supplement, notice.Kind);
        Assert.Equal(["户口簿", "申请表", "结婚证"], notice.Items);
        Assert.Equal(["户口簿：未提交（要求：原件及复印件各1份）", "申请表：不符合要求——未签名", "结婚证：未提交（要求：原件及复印件各1份）"],
            NoticeDocument.FromJson(notice.Body)!.Items);
    }

    [Fact]
    public async Task OT1_ANoticePrintsAsIssued_EvenAfterTheMatterIsRenamed()
    {
        var (matter, materials) = await MatterAsync(5, "身份证", "申请表");
        await using var scope = await AtTheWindowAsync();
        var intake = await Service(scope).ReceiveAsync(Edit(matter, materials, IntakeOutcome.Supplement, (1, MaterialStatus.Missing, null)));
        await using (var db = hall.CreateDbContext())
        {
            var stored = await db.Matters.SingleAsync(m => m.Id == matter);
            stored.Name = "改名后的事项";
            await db.SaveChangesAsync();
        }

        var (notice, notYours) = await Service(scope).NoticeAsync(intake.NoticeId!.Value);

        Assert.False(notYours);
        Assert.Equal("补正材料告知书", notice!.Document.Title);
        Assert.Contains("测试事项5", notice.Document.Before[0]);
        Assert.DoesNotContain("改名后的事项", notice.Document.ToJson());
        Assert.Equal(["申请表：未提交（要求：原件及复印件各1份）"], notice.Document.Items);
    }

    [Fact]
    public async Task TL3_TheSupplementArrives_TheCaseIsAcceptedThen_AndTheClockStartsFromThatDay()
    {
        var (matter, materials) = await MatterAsync(3, "身份证", "申请表");
        await using var scope = await AtTheWindowAsync();
        var service = Service(scope);
        var intake = await service.ReceiveAsync(Edit(matter, materials, IntakeOutcome.Supplement, (1, MaterialStatus.Missing, null)));
        Assert.True(intake.Succeeded, string.Join("; ", intake.Errors));

        hall.Clock.Advance(TimeSpan.FromDays(2));
        var arrived = hall.Clock.GetUtcNow();
        var result = await service.SupplementArrivedAsync(intake.CaseId!.Value, Checks(materials));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var stored = await CaseAsync(intake.CaseId.Value);
        Assert.Equal((CaseState.Accepted, arrived), (stored.State, stored.AcceptedAt));
        Assert.Equal(NthWorkingDayClose(await CalendarAsync(), arrived, 3), stored.DueAt);
        Assert.Equal([NoticeKind.Supplement, NoticeKind.Acceptance], stored.Notices.OrderBy(n => n.Id).Select(n => n.Kind));
        await using var db = hall.CreateDbContext();
        Assert.False(await db.DerelictionRecords.AnyAsync(d => d.CaseId == stored.Id));
    }

    [Fact]
    public async Task OT2_ASecondSupplementNoticeNamingANewItem_DraftsExactlyOneDerelictionAgainstTheFirstNoticesIssuer()
    {
        var (matter, materials) = await MatterAsync(5, "身份证", "户口簿", "申请表");
        await using var scope = await AtTheWindowAsync();
        var service = Service(scope);
        var intake = await service.ReceiveAsync(Edit(matter, materials, IntakeOutcome.Supplement, (1, MaterialStatus.Missing, null)));
        Assert.True(intake.Succeeded, string.Join("; ", intake.Errors));

        // The supplement brings the 户口簿, but now the 申请表 — not named the first time — is found missing.
        var second = await service.SupplementArrivedAsync(intake.CaseId!.Value, Checks(materials, 2));

        Assert.True(second.Succeeded, string.Join("; ", second.Errors));
        var stored = await CaseAsync(intake.CaseId.Value);
        Assert.Equal(CaseState.AwaitingSupplement, stored.State);
        Assert.Null(stored.AcceptedAt);
        var notices = stored.Notices.OrderBy(n => n.Id).ToList();
        Assert.Equal([["户口簿"], ["申请表"]], notices.Select(n => n.Items));
        await using var db = hall.CreateDbContext();
        var draft = Assert.Single(await db.DerelictionRecords.AsNoTracking().Where(d => d.CaseId == stored.Id).ToListAsync());
        Assert.Equal((DerelictionType.NoOneTimeNotice, DerelictionStatus.Draft), (draft.Type, draft.Status));
        Assert.Equal($"case:{stored.Id}:notice:{second.NoticeId}", draft.SourceKey);
        Assert.Equal(await hall.StaffIdAsync("张晓明"), draft.StaffMemberId);
        Assert.Contains(notices[0].DocumentNumber, draft.Evidence);
        Assert.Contains(notices[1].DocumentNumber, draft.Evidence);
        Assert.Contains("申请表", draft.Summary);
    }

    [Fact]
    public async Task OT2_ASecondSupplementNoticeNamingOnlyItemsAlreadyNamed_DraftsNothing()
    {
        var (matter, materials) = await MatterAsync(5, "身份证", "户口簿", "申请表");
        await using var scope = await AtTheWindowAsync();
        var service = Service(scope);
        var intake = await service.ReceiveAsync(Edit(matter, materials, IntakeOutcome.Supplement,
            (1, MaterialStatus.Missing, null), (2, MaterialStatus.Missing, null)));

        var second = await service.SupplementArrivedAsync(intake.CaseId!.Value, Checks(materials, 2));

        Assert.True(second.Succeeded, string.Join("; ", second.Errors));
        Assert.Equal(2, (await CaseAsync(intake.CaseId.Value)).Notices.Count);
        await using var db = hall.CreateDbContext();
        Assert.False(await db.DerelictionRecords.AnyAsync(d => d.CaseId == intake.CaseId));
    }

    [Fact]
    public async Task TL5_CompletingTwice_StoresOneCompletion_AndTellsTheSecondClearly()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var (matter, materials) = await MatterAsync(5, "身份证");
        await using var scope = await AtTheWindowAsync();
        var service = Service(scope);
        var intake = await service.ReceiveAsync(Edit(matter, materials, IntakeOutcome.Accept));

        var first = await service.CompleteAsync(intake.CaseId!.Value);
        var second = await service.CompleteAsync(intake.CaseId.Value);

        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        var message = Assert.Single(second.Errors);
        Assert.Contains("已于", message);
        Assert.Contains("由staff办结，不能重复办结", message);
        var stored = await CaseAsync(intake.CaseId.Value);
        Assert.Equal((CaseState.Completed, true, "staff"), (stored.State, stored.CompletedOnTime, stored.ClosedBy));
        await using var db = hall.CreateDbContext();
        var key = stored.Id.ToString(CultureInfo.InvariantCulture);
        Assert.Single(await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(ServiceCase) && a.EntityKey == key && a.After!.Contains("\"State\":4")).ToListAsync());
    }

    [Fact]
    public async Task TL5_TwoCompletionsAtOnce_OnlyOneIsStored()
    {
        var (matter, materials) = await MatterAsync(5, "身份证");
        await using var scope = await AtTheWindowAsync();
        var intake = await Service(scope).ReceiveAsync(Edit(matter, materials, IntakeOutcome.Accept));
        await using var a = await AtTheWindowAsync();
        await using var b = hall.SignedIn("manager", HallRoles.Manager);

        var results = await Task.WhenAll(
            Task.Run(() => Service(a).CompleteAsync(intake.CaseId!.Value)),
            Task.Run(() => Service(b).CompleteAsync(intake.CaseId!.Value)));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => !r.Succeeded);
    }

    [Fact]
    public async Task TL5_AnExtensionBeforeTheDueTimeMovesIt_OneAfterItIsRefused_AndNothingIsWritten()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var (matter, materials) = await MatterAsync(1, "身份证");
        await using var scope = await AtTheWindowAsync();
        var service = Service(scope);
        var intake = await service.ReceiveAsync(Edit(matter, materials, IntakeOutcome.Accept));
        var calendar = await CalendarAsync();
        var accepted = await CaseAsync(intake.CaseId!.Value);

        var extended = await service.ExtendAsync(accepted.Id, new ExtensionEdit { Days = 2, Reason = "需现场核查", ApprovedBy = "王局长" });

        Assert.True(extended.Succeeded, string.Join("; ", extended.Errors));
        var afterExtension = await CaseAsync(accepted.Id);
        Assert.Equal(NthWorkingDayClose(calendar, accepted.AcceptedAt!.Value, 3), afterExtension.DueAt);
        Assert.Equal(NoticeKind.Extension, afterExtension.Notices.OrderBy(n => n.Id).Last().Kind);

        hall.Clock.Advance(afterExtension.DueAt!.Value - hall.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        var late = await service.ExtendAsync(accepted.Id, new ExtensionEdit { Days = 1, Reason = "补充鉴定", ApprovedBy = "王局长" });

        var message = Assert.Single(late.Errors);
        Assert.Contains("第四十二条", message);
        var stored = await CaseAsync(accepted.Id);
        Assert.Single(stored.Extensions);
        Assert.Equal(afterExtension.Notices.Count, stored.Notices.Count);
        Assert.Equal(afterExtension.DueAt, stored.DueAt);
    }

    public static TheoryData<string, string, IntakeOutcome, bool, string> BadIntake => new()
    {
        { "110105194912310021", Mobile, IntakeOutcome.Accept, false, "身份证号码不正确" },
        { Person, "1385563123", IntakeOutcome.Accept, false, "联系电话不正确" },
        { Person, Mobile, IntakeOutcome.Supplement, false, "没有缺少或不符合要求的材料" },
        { Person, Mobile, IntakeOutcome.Refuse, false, "请一次性列明全部理由" },
        { Person, Mobile, IntakeOutcome.Accept, true, "请选择一个在办的事项" },
    };

    [Theory]
    [MemberData(nameof(BadIntake))]
    public async Task OT1_BadIntake_GetsAClearMessage_AndNothingIsWritten(string id, string phone, IntakeOutcome outcome, bool noMatter, string expected)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var (matter, materials) = await MatterAsync(5, "身份证", "申请表");
        await using var scope = await AtTheWindowAsync();
        await using var before = hall.CreateDbContext();
        var counts = (await before.Cases.CountAsync(), await before.CaseNotices.CountAsync());
        var edit = Edit(matter, materials, outcome);
        edit.IdNumber = id;
        edit.Phone = phone;
        edit.MatterId = noMatter ? null : matter;

        var result = await Service(scope).ReceiveAsync(edit);

        Assert.Contains(result.Errors, e => e.Contains(expected, StringComparison.Ordinal));
        await using var after = hall.CreateDbContext();
        Assert.Equal(counts, (await after.Cases.CountAsync(), await after.CaseNotices.CountAsync()));
    }

    [Fact]
    public async Task AnotherStaffMembersCase_IsRefused_ButAManagerMayActOnIt()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var (matter, materials) = await MatterAsync(5, "身份证");
        await using var mine = await AtTheWindowAsync();
        var intake = await Service(mine).ReceiveAsync(Edit(matter, materials, IntakeOutcome.Accept));
        await using var other = await hall.StaffAsync("刘洋", "liuyang");

        var refused = await Service(other).CompleteAsync(intake.CaseId!.Value);
        var view = await Service(other).CaseAsync(intake.CaseId.Value);

        Assert.Equal(["这是其他工作人员承办的办件，您不能操作。"], refused.Errors);
        Assert.True(view.NotYours);
        Assert.Null(view.Case);
        Assert.Equal(CaseState.Accepted, (await CaseAsync(intake.CaseId.Value)).State);

        await using var manager = hall.SignedIn("manager", HallRoles.Manager);
        Assert.True((await Service(manager).CompleteAsync(intake.CaseId.Value)).Succeeded);
    }
}
