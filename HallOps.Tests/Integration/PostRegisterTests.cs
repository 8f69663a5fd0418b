using System.Globalization;
using HallOps.Domain.Staffing;
using HallOps.Tests.Support;
using HallOps.Web.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration;

/// <summary>The AB post register (AB1, AB2): one A, Bs who are not the A, one A post per person, no B flagged.</summary>
[Collection(WebCollection.Name)]
public sealed class PostRegisterTests(SeededHall hall) : IClassFixture<SeededHall>
{
    [Fact]
    public async Task AB1_APersonCannotBeTheirOwnB_NorAOfTwoPosts_AndNothingChanges()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var scope = SignedInScope.Manager(hall.App);
        var posts = scope.ServiceProvider.GetRequiredService<PostAdminService>();
        var rows = await posts.ListAsync();
        var window3 = rows.Single(p => p.WindowNumber == 3);
        var window4 = rows.Single(p => p.WindowNumber == 4);
        var before = await HoldersAsync();

        var selfB = await posts.SaveAsync(Edit(window3, window3.A!.StaffId, [window3.A.StaffId]));
        var twoAs = await posts.SaveAsync(Edit(window3, window4.A!.StaffId, []));
        var noA = await posts.SaveAsync(Edit(window3, null, []));

        Assert.Contains("A岗人员不能同时是本岗位的B岗。", selfB.Errors);
        Assert.Contains(twoAs.Errors, e => e.StartsWith("该人员已是4号窗口", StringComparison.Ordinal));
        Assert.Contains("请选择A岗人员。", noA.Errors);
        Assert.Equal(before, await HoldersAsync());
    }

    [Fact]
    public async Task AB1_APostWithoutBIsSavedButFlagged_AndAHomeUnitBCanBeRecorded()
    {
        await using var scope = SignedInScope.Manager(hall.App);
        var posts = scope.ServiceProvider.GetRequiredService<PostAdminService>();
        var window6 = (await posts.ListAsync()).Single(p => p.WindowNumber == 6);

        var saved = await posts.SaveAsync(Edit(window6, window6.A!.StaffId, []));
        Assert.True(saved.Succeeded);
        Assert.True((await posts.ListAsync()).Single(p => p.WindowNumber == 6).MissingBackup);

        var badPhone = await posts.AddExternalBackupAsync(new ExternalBackupEdit { PostId = window6.Id, Name = "周敏", Phone = "call me" });
        Assert.False(badPhone.Succeeded);
        var added = await posts.AddExternalBackupAsync(new ExternalBackupEdit { PostId = window6.Id, Name = "周敏", Phone = "0563-5512345" });
        Assert.True(added.Succeeded);

        var after = (await posts.ListAsync()).Single(p => p.WindowNumber == 6);
        Assert.False(after.MissingBackup);
        var backup = Assert.Single(after.Holders, h => h.Role == PostRole.B);
        Assert.True(backup.IsExternal);
        Assert.Equal(("周敏", "0563-5512345", "县医疗保障局"), (backup.Name, backup.Phone, backup.Unit));
    }

    [Fact]
    public async Task AB2_TrainingIsLoggedForBHoldersOnly()
    {
        await using var scope = SignedInScope.Manager(hall.App);
        var posts = scope.ServiceProvider.GetRequiredService<PostAdminService>();
        var window1 = (await posts.ListAsync()).Single(p => p.WindowNumber == 1);
        var b = window1.Holders.First(h => h.Role == PostRole.B);

        var forA = await posts.AddTrainingAsync(new TrainingEdit { PostId = window1.Id, StaffId = window1.A!.StaffId, Date = new DateTime(2026, 11, 20), Topic = "不动产登记流程" });
        var noTopic = await posts.AddTrainingAsync(new TrainingEdit { PostId = window1.Id, StaffId = b.StaffId, Date = new DateTime(2026, 11, 20), Topic = " " });
        var ok = await posts.AddTrainingAsync(new TrainingEdit { PostId = window1.Id, StaffId = b.StaffId, Kind = TrainingKind.Pairing, Date = new DateTime(2026, 11, 20), Hours = 2, Topic = "不动产登记流程" });

        Assert.False(forA.Succeeded);
        Assert.False(noTopic.Succeeded);
        Assert.True(ok.Succeeded);
        var log = Assert.Single(await posts.TrainingAsync(window1.Id));
        Assert.Equal((b.StaffId, TrainingKind.Pairing, 2m, "manager"), (log.StaffId, log.Kind, log.Hours, log.RecordedBy));
    }

    private static PostEdit Edit(PostRow row, int? a, IEnumerable<int> bs) =>
        new() { Id = row.Id, WindowId = row.WindowId, Name = row.Name, Duties = row.Duties, AStaffId = a, BStaffIds = bs.ToList() };

    private async Task<string> HoldersAsync()
    {
        await using var db = hall.App.CreateDbContext();
        return string.Join("|", await db.PostHolders.OrderBy(h => h.Id).Select(h => $"{h.PostId}:{h.StaffMemberId}:{h.Role}").ToListAsync());
    }
}
