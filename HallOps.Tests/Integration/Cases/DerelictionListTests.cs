using System.Net;
using HallOps.Domain.Accountability;
using HallOps.Domain.Cases;
using HallOps.Domain.Events;
using HallOps.Domain.Hall;
using HallOps.Domain.Identity;
using HallOps.Tests.Support;
using HallOps.Web.Accountability;
using HallOps.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Cases;

/// <summary>
/// 失职记录 (AC1, AC2): drafts raised from the cases are listed first; the manager or the bureau
/// office confirms or dismisses a draft with a note, recorded with who and when and published;
/// a decided record is not decided again; window staff may neither read nor decide.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class DerelictionListTests(CaseListHall hall) : IClassFixture<CaseListHall>
{
    private static int _cases;

    private async Task<DerelictionRecord> DraftAsync(string key, DerelictionType type = DerelictionType.Overdue)
    {
        var serviceCase = await hall.AddCaseAsync($"2026-8{Interlocked.Increment(ref _cases):D5}", CaseListHall.MatterA,
            hall.Now.AddDays(-20), hall.Now.AddDays(-20).AddMinutes(5), CaseState.Accepted, 1, "ZW001");
        await using var db = hall.Db();
        var record = new DerelictionRecord
        {
            Type = type,
            StaffMemberId = serviceCase.HandlerStaffId,
            CaseId = serviceCase.Id,
            SourceKey = $"case:{serviceCase.Id}:{key}",
            Summary = $"办件 {serviceCase.Number} 超过承诺时限未办结",
            Evidence = "受理 2026-11-02\n第1个工作日 …\n到期 2026-11-09 17:00",
            CreatedAt = hall.Now,
            CreatedBy = "system:deadline-scan",
        };
        db.DerelictionRecords.Add(record);
        await db.SaveChangesAsync();
        return record;
    }

    /// <summary>A complete confirmation (AC2–AC4) decided today.</summary>
    private static DerelictionConfirmation Decision(DerelictionService service, string note) =>
        new(DerelictionType.Overdue, DerelictionSeverity.Minor, DerelictionSanctions.Criticism, service.Today, "中心主任办公会", note);

    private async Task<DerelictionRecord> StoredAsync(long id)
    {
        await using var db = hall.Db();
        return await db.DerelictionRecords.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    [Fact]
    public async Task Dereliction_TheManagerConfirmsADraftWithANote_WhoAndWhenAreRecorded_AndTheChangeIsPublished()
    {
        var draft = await DraftAsync("confirm");
        var published = new TaskCompletionSource<HallEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = hall.App.Services.GetRequiredService<HallEventFeed>().Subscribe(e =>
        {
            if (e.Subject == HallSubjects.Dereliction(draft.Id))
            {
                published.TrySetResult(e);
            }
            return Task.CompletedTask;
        });
        await using var scope = hall.Manager();
        var service = scope.ServiceProvider.GetRequiredService<DerelictionService>();

        var result = await service.ConfirmAsync(draft.Id, draft.Version, Decision(service, "  经核实，承办人未在承诺时限内办结。 "));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var stored = await StoredAsync(draft.Id);
        Assert.Equal(DerelictionStatus.Confirmed, stored.Status);
        Assert.Equal("经核实，承办人未在承诺时限内办结。", stored.Decision);
        Assert.Equal("manager", stored.DecidedBy);
        Assert.NotNull(stored.DecidedAt);
        await published.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Dereliction_TheOfficeDismissesADraft_AndADecidedRecordIsNotDecidedAgain()
    {
        var draft = await DraftAsync("dismiss", DerelictionType.NoOneTimeNotice);
        await using var office = hall.SignedIn(HallRoles.Office, "office");
        var service = office.ServiceProvider.GetRequiredService<DerelictionService>();

        var dismissed = await service.DismissAsync(draft.Id, draft.Version, "第二次补正为申请人新提交材料所致，不属于一次性告知失职。");
        var again = await service.ConfirmAsync(draft.Id, draft.Version + 1, Decision(service, "再次处理"));

        Assert.True(dismissed.Succeeded, string.Join("; ", dismissed.Errors));
        Assert.False(again.Succeeded);
        Assert.Contains("已由", again.Errors[0]);
        var stored = await StoredAsync(draft.Id);
        Assert.Equal(DerelictionStatus.Dismissed, stored.Status);
        Assert.Equal("office", stored.DecidedBy);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Dereliction_ADismissalWithoutAReason_IsRefused_AndChangesNothing(string? reason)
    {
        var draft = await DraftAsync($"no-note-{reason?.Length}");
        await using var scope = hall.Manager();

        var result = await scope.ServiceProvider.GetRequiredService<DerelictionService>().DismissAsync(draft.Id, draft.Version, reason);

        Assert.Equal(["请填写撤销理由。"], result.Errors);
        Assert.Equal(DerelictionStatus.Draft, (await StoredAsync(draft.Id)).Status);
    }

    [Fact]
    public async Task Dereliction_DraftsComeFirst_WithTypeStaffCaseAndEvidence()
    {
        var decided = await DraftAsync("list-decided");
        await using (var scope = hall.Manager())
        {
            await scope.ServiceProvider.GetRequiredService<DerelictionService>().DismissAsync(decided.Id, decided.Version, "不属实");
        }
        var draft = await DraftAsync("list-draft");
        await using var manager = hall.Manager();
        var service = manager.ServiceProvider.GetRequiredService<DerelictionService>();

        var rows = await service.ListAsync();

        var firstDecided = rows.ToList().FindIndex(r => r.Status != DerelictionStatus.Draft);
        Assert.True(firstDecided > 0);
        Assert.All(rows.Take(firstDecided), r => Assert.Equal(DerelictionStatus.Draft, r.Status));
        Assert.All(rows.Skip(firstDecided), r => Assert.NotEqual(DerelictionStatus.Draft, r.Status));
        var row = rows.Single(r => r.Id == draft.Id);
        Assert.Equal("张晓明", row.StaffName);
        Assert.NotNull(row.CaseNumber);
        Assert.Contains("到期", row.Evidence);
        Assert.Equal("超时限未办结", service.TypeName(row.Type));
    }

    [Fact]
    public async Task Dereliction_WindowStaff_MayNeitherReadNorDecide()
    {
        var draft = await DraftAsync("staff");
        await using var staff = hall.SignedIn(HallRoles.Staff, "staff");
        var service = staff.ServiceProvider.GetRequiredService<DerelictionService>();

        await Assert.ThrowsAsync<HallAccessDeniedException>(() => service.ListAsync());
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => service.ConfirmAsync(draft.Id, draft.Version, Decision(service, "越权")));
        Assert.Equal(DerelictionStatus.Draft, (await StoredAsync(draft.Id)).Status);

        var client = await DemoAccounts.SignInAsync(hall.App, "staff");
        var page = await client.GetAsync("/manage/derelictions");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/denied", page.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("office")]
    [InlineData("manager")]
    public async Task Dereliction_TheOfficeAndTheManager_OpenThePage(string account)
    {
        await DraftAsync($"page-{account}");
        var client = await DemoAccounts.SignInAsync(hall.App, account);

        var response = await client.GetAsync("/manage/derelictions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("失职记录", html);
        Assert.Contains("超时限未办结", html);
    }
}
