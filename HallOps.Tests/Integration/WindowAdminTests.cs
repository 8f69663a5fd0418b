using System.Globalization;
using HallOps.Domain.Identity;
using HallOps.Tests.Support;
using HallOps.Web.AuditSearch;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration;

/// <summary>The manager's window register: bad input is explained in Chinese and changes nothing; the server re-checks the role.</summary>
[Collection(WebCollection.Name)]
public sealed class WindowAdminTests(SeededHall hall) : IClassFixture<SeededHall>
{
    public static TheoryData<int, string, string> BadEdits => new()
    {
        { 0, "婚姻登记", "窗口号须在1至999之间。" },
        { 1000, "婚姻登记", "窗口号须在1至999之间。" },
        { 2, "婚姻登记", "2号窗口已存在，请换一个窗口号。" },
        { 10, "   ", "请填写窗口名称。" },
        { 10, new string('长', 51), "窗口名称不能超过50个字。" },
    };

    [Theory]
    [MemberData(nameof(BadEdits))]
    public async Task BadInput_GetsAClearChineseMessage_AndChangesNothing(int number, string name, string message)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var scope = SignedInScope.Manager(hall.App);
        var windows = scope.ServiceProvider.GetRequiredService<WindowAdminService>();
        var before = await Snapshot();
        var marriage = (await windows.ListAsync()).Single(w => w.Number == 10);

        var result = await windows.SaveAsync(new WindowEdit
        {
            Id = marriage.Id, Number = number, Name = name, FloorId = marriage.FloorId, HomeUnitId = marriage.HomeUnitId, IsActive = true,
        });

        Assert.False(result.Succeeded);
        Assert.Contains(message, result.Errors);
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task AP4_2_AP5_TheManagerNamesTheChiefRepresentative_AndTheAppointmentPhone_AndABadPhoneChangesNothing()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var scope = SignedInScope.Manager(hall.App);
        var windows = scope.ServiceProvider.GetRequiredService<WindowAdminService>();
        var row = (await windows.ListAsync()).Single(w => w.Number == 11);
        var chief = (await windows.StaffChoicesAsync()).First();
        WindowEdit Edit(string phone) => new()
        {
            Id = row.Id, Number = 11, Name = row.Name, FloorId = row.FloorId, HomeUnitId = row.HomeUnitId, IsActive = true,
            ChiefRepresentativeStaffId = chief.Id, AppointmentPhone = phone,
        };

        var bad = await windows.SaveAsync(Edit("5566"));
        Assert.Equal(["预约电话不是有效的电话号码"], bad.Errors);
        Assert.Null((await windows.ListAsync()).Single(w => w.Number == 11).ChiefRepresentativeStaffId);

        Assert.True((await windows.SaveAsync(Edit(" 0563-5566111 "))).Succeeded);
        var saved = (await windows.ListAsync()).Single(w => w.Number == 11);
        Assert.Equal((chief.Id, "0563-5566111"), (saved.ChiefRepresentativeStaffId, saved.AppointmentPhone));
        Assert.StartsWith(saved.ChiefRepresentative!, chief.Name);
    }

    [Fact]
    public async Task Manager_RenamesAWindow_AndItIsAudited()
    {
        await using var scope = SignedInScope.Manager(hall.App);
        var windows = scope.ServiceProvider.GetRequiredService<WindowAdminService>();
        var row = (await windows.ListAsync()).Single(w => w.Number == 19);

        var result = await windows.SaveAsync(new WindowEdit
        {
            Id = row.Id, Number = 19, Name = "教育入学", FloorId = row.FloorId, HomeUnitId = row.HomeUnitId, IsActive = true,
        });

        Assert.True(result.Succeeded);
        Assert.Equal("教育入学", (await windows.ListAsync()).Single(w => w.Number == 19).Name);
    }

    [Theory]
    [InlineData(HallRoles.Staff)]
    [InlineData(HallRoles.Display)]
    [InlineData(HallRoles.Guard)]
    public async Task OtherRoles_AreRefusedByTheServer_EvenWithoutThePage(string role)
    {
        await using var scope = SignedInScope.Create(hall.App, "someone", role);
        var windows = scope.ServiceProvider.GetRequiredService<WindowAdminService>();
        var before = await Snapshot();
        var row = (await windows.ListAsync()).Single(w => w.Number == 20);

        await Assert.ThrowsAsync<HallAccessDeniedException>(() => windows.SaveAsync(new WindowEdit
        {
            Id = row.Id, Number = 20, Name = "改名", FloorId = row.FloorId, HomeUnitId = row.HomeUnitId, IsActive = false,
        }));
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task AuditSearch_IsForAdministratorsOnly_AndFindsAManagersChange()
    {
        await using (var manager = SignedInScope.Manager(hall.App))
        {
            await Assert.ThrowsAsync<HallAccessDeniedException>(() =>
                manager.ServiceProvider.GetRequiredService<AuditSearchService>().SearchAsync(new AuditQuery(null, null, null, null, null)));
        }

        await using var admin = SignedInScope.Create(hall.App, "admin", HallRoles.Admin);
        var page = await admin.ServiceProvider.GetRequiredService<AuditSearchService>()
            .SearchAsync(new AuditQuery("system:setup", "ServiceWindow", HallOps.Domain.Audit.AuditAction.Insert, null, null, PageSize: 10));

        Assert.Equal(24, page.Total);
        Assert.Equal(10, page.Rows.Count);
        Assert.All(page.Rows, r => Assert.Contains("Name: ", string.Join("\n", AuditSearchService.Lines(r.After))));
    }

    private async Task<string> Snapshot()
    {
        await using var db = hall.App.CreateDbContext();
        var rows = await db.Windows.OrderBy(w => w.Id).Select(w => $"{w.Id}:{w.Number}:{w.Name}:{w.FloorId}:{w.HomeUnitId}:{w.IsActive}").ToListAsync();
        return string.Join("|", rows);
    }
}
