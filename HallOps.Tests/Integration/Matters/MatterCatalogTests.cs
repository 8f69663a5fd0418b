using System.Globalization;
using System.Net;
using HallOps.Domain.Cases;
using HallOps.Domain.Identity;
using HallOps.Tests.Support;
using HallOps.Web.Identity;
using HallOps.Web.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Matters;

/// <summary>The matter catalogue on the real database (TL1, OT1, OT5): versions, validation, who may change it.</summary>
[Collection(WebCollection.Name)]
public sealed class MatterCatalogTests(SeededHall hall) : IClassFixture<SeededHall>
{
    [Fact]
    public async Task TL1_OT5_ACreatedMatterHasVersion1_AnEditAddsVersion2_AndVersion1StaysAsItWas()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var scope = SignedInScope.Manager(hall.App);
        var catalog = scope.ServiceProvider.GetRequiredService<MatterCatalogService>();
        var edit = await NewEditAsync(catalog, "TEST-JYXK-01", "旅馆业特种行业许可", 20, 10, "申请书", "营业执照", "消防安全检查合格证明");

        var created = await catalog.SaveAsync(edit);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        var v1 = (await catalog.GetAsync(created.MatterId!.Value))!;
        Assert.Equal(1, Assert.Single(v1.Versions).Number);
        Assert.Equal(["申请书", "营业执照", "消防安全检查合格证明"], v1.Current.Materials.Select(m => m.Name));
        Assert.Equal("manager", v1.Current.ChangedBy);

        var next = MatterEdit.From(v1);
        next.CommittedDays = 7;
        next.Materials.Insert(1, new MaterialEdit { Name = "法定代表人身份证明", Requirement = "复印件" });
        next.Materials.RemoveAt(3);
        next.Reason = "依据新规定调整承诺时限和材料";
        var edited = await catalog.SaveAsync(next);
        Assert.True(edited.Succeeded, string.Join(" ", edited.Errors));

        var v2 = (await catalog.GetAsync(v1.Id))!;
        Assert.Equal([2, 1], v2.Versions.Select(v => v.Number));
        Assert.Equal((2, 7, "依据新规定调整承诺时限和材料"), (v2.Current.Number, v2.Current.CommittedDays, v2.Current.ChangeReason));
        Assert.Equal(["申请书", "法定代表人身份证明", "营业执照"], v2.Current.Materials.Select(m => m.Name));
        var old = v2.Versions.Single(v => v.Number == 1);
        Assert.Equal(v1.Current, old with { }, new VersionComparer());
        Assert.Equal(10, old.CommittedDays);

        await using var db = hall.App.CreateDbContext();
        var matter = await db.Matters.SingleAsync(m => m.Id == v1.Id);
        Assert.Equal(v2.Current.Id, matter.CurrentVersionId);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType!.Contains(nameof(MatterVersion))));
    }

    [Fact]
    public async Task TL1_OT1_BadInputIsRefusedWithEveryMessageInChinese_AndNothingIsWritten()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var scope = SignedInScope.Manager(hall.App);
        var catalog = scope.ServiceProvider.GetRequiredService<MatterCatalogService>();
        var before = await CountsAsync();

        var negative = await catalog.SaveAsync(await NewEditAsync(catalog, "TEST-NEG", "测试事项", -1, 0));
        var over = await catalog.SaveAsync(await NewEditAsync(catalog, "TEST-OVER", "测试事项", 5, 10, "申请书"));
        var noMaterials = await catalog.SaveAsync(await NewEditAsync(catalog, "TEST-EMPTY", "测试事项", 20, 10));
        var duplicate = await catalog.SaveAsync(await NewEditAsync(catalog, "TEST-DUP", "测试事项", 20, 10, "申请书", "身份证", "申请书"));
        var taken = await catalog.SaveAsync(await NewEditAsync(catalog, "bdc-zy-001", "测试事项", 20, 10, "申请书"));

        Assert.Contains("时限不能为负数。", negative.Errors);
        Assert.Contains("承诺时限不能超过法定时限。", over.Errors);
        Assert.Contains("承诺件（承诺时限大于0）须至少列出一项申请材料。", noMaterials.Errors);
        Assert.Contains("材料“申请书”在清单中重复。", duplicate.Errors);
        Assert.Contains("事项编码“bdc-zy-001”已被其他事项使用（不区分大小写）。", taken.Errors);

        // An edit without a reason, or with nothing changed, makes no version either.
        var existing = (await catalog.ListAsync(new MatterFilter("SPJY-XK-001"))).Single();
        var detail = (await catalog.GetAsync(existing.Id))!;
        var noReason = MatterEdit.From(detail);
        noReason.CommittedDays = 5;
        Assert.Contains("请填写修改原因。", (await catalog.SaveAsync(noReason)).Errors);
        var same = MatterEdit.From(detail);
        same.Reason = "核对";
        Assert.Contains("与当前版本相比没有任何改动，未生成新版本。", (await catalog.SaveAsync(same)).Errors);

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task TL1_StaffReadTheCatalogue_ButOnlyManagersChangeIt()
    {
        await using var staff = SignedInScope.Create(hall.App, "staff", HallRoles.Staff);
        var catalog = staff.ServiceProvider.GetRequiredService<MatterCatalogService>();
        var before = await CountsAsync();

        var rows = await catalog.ListAsync();
        Assert.True(rows.Count >= 12);
        var matter = (await catalog.GetAsync(rows[0].Id))!;
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => catalog.SaveAsync(new MatterEdit { Code = "X-1", Name = "x", HomeUnitId = matter.HomeUnitId }));
        var edit = MatterEdit.From(matter);
        edit.Reason = "试图修改";
        edit.CommittedDays = 0;
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => catalog.SaveAsync(edit));
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => catalog.SetActiveAsync(matter.Id, false));
        await Assert.ThrowsAsync<HallAccessDeniedException>(() =>
            staff.ServiceProvider.GetRequiredService<MatterImportService>().ImportAsync("a.csv", new MemoryStream([1, 2, 3])));
        Assert.Equal(before, await CountsAsync());

        // Over HTTP: the sheet is for every signed-in account, the catalogue pages and files for managers.
        var client = await DemoAccounts.SignInAsync(hall.App, "staff");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/matters/{matter.Id}/sheet")).StatusCode);
        Assert.Contains(matter.Current.Materials[0].Name, await client.GetStringAsync($"/matters/{matter.Id}/sheet"));
        var refused = await client.GetAsync("/manage/matters/import/template.xlsx");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/denied", refused.Headers.Location!.ToString());
        var manager = await DemoAccounts.SignInAsync(hall.App, "manager");
        var template = await manager.GetAsync("/manage/matters/import/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal(MatterImportService.XlsxContentType, template.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TL1_TheCatalogueIsSearchedByCodeNameUnitOrWindow_AndADeactivatedMatterLeavesTheList()
    {
        await using var scope = SignedInScope.Manager(hall.App);
        var catalog = scope.ServiceProvider.GetRequiredService<MatterCatalogService>();

        Assert.Equal(["YYZZ-SL-001", "SPJY-XK-001"], (await catalog.ListAsync(new MatterFilter("市场监督"))).Select(r => r.Code));
        Assert.Equal("不动产转移登记（存量房买卖）", (await catalog.ListAsync(new MatterFilter("bdc-zy"))).Single().Name);
        Assert.Equal("SBK-BH-001", (await catalog.ListAsync(new MatterFilter("4号"))).Single().Code);
        Assert.All(await catalog.ListAsync(new MatterFilter(Kind: MatterKind.Licence)), r => Assert.Equal(MatterKind.Licence, r.Kind));

        var hy = (await catalog.ListAsync(new MatterFilter("HY-JH-001"))).Single();
        Assert.True(hy.IsInstant);
        Assert.True((await catalog.SetActiveAsync(hy.Id, false)).Succeeded);
        Assert.Empty(await catalog.ListAsync(new MatterFilter("HY-JH-001")));
        Assert.False(Assert.Single(await catalog.ListAsync(new MatterFilter("HY-JH-001", IncludeInactive: true))).IsActive);
        Assert.True((await catalog.SetActiveAsync(hy.Id, true)).Succeeded);
    }

    private static async Task<MatterEdit> NewEditAsync(MatterCatalogService catalog, string code, string name, int statutory, int committed, params string[] materials)
    {
        var (units, windows) = await catalog.ChoicesAsync();
        return new MatterEdit
        {
            Code = code, Name = name, HomeUnitId = units[0].Id, WindowId = windows[0].Id, StatutoryDays = statutory, CommittedDays = committed,
            LegalBasis = "《中华人民共和国行政许可法》", Guide = "办理地点：一楼1号窗口",
            Materials = materials.Select(m => new MaterialEdit { Name = m, Requirement = "原件1份" }).ToList(),
        };
    }

    private async Task<(int Matters, int Versions, int Materials)> CountsAsync()
    {
        await using var db = hall.App.CreateDbContext();
        return (await db.Matters.CountAsync(), await db.MatterVersions.CountAsync(), await db.Set<MatterMaterial>().CountAsync());
    }

    private sealed class VersionComparer : IEqualityComparer<MatterVersionView>
    {
        public bool Equals(MatterVersionView? x, MatterVersionView? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Number == y.Number && x.CommittedDays == y.CommittedDays
            && x.ChangedAt == y.ChangedAt && x.Materials.SequenceEqual(y.Materials);

        public int GetHashCode(MatterVersionView obj) => obj.Id;
    }
}
