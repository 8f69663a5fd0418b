using System.Globalization;
using System.Text;
using HallOps.Domain.Cases;
using HallOps.Tests.Support;
using HallOps.Web.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace HallOps.Tests.Integration.Matters;

/// <summary>Importing the catalogue from CSV and xlsx (TL1, OT1, OT5): all or nothing, every error at its line and column.</summary>
[Collection(WebCollection.Name)]
public sealed class MatterImportTests(SeededHall hall) : IClassFixture<SeededHall>
{
    private const string Header = "事项编码,事项名称,类型,进驻单位,窗口号,法定时限,承诺时限,补正是否停表,法律依据,材料序号,材料名称,材料要求,可容缺,办事指南";

    // Lines 2–8: three matters, one of them instant without materials; a matter's further lines leave its own columns blank.
    private static readonly string[] Good =
    [
        "IMP-WS-01,放射诊疗许可,行政许可,县卫生健康委员会,18,20,15,是,《放射诊疗管理规定》第十一条,1,放射诊疗许可申请表,原件1份,否,\"办理地点：二楼18号窗口\n办理时间：法定工作日\"",
        "IMP-WS-01,,,,,,,,,2,放射诊疗建设项目职业病危害放射防护预评价报告,原件,否,",
        "IMP-WS-01,,,,,,,,,3,放射工作人员健康检查报告,\"复印件，每人1份\",是,",
        "IMP-JT-01,出租汽车驾驶员从业资格证补发,公共服务,县交通运输局,17,10,3,否,《出租汽车驾驶员从业资格管理规定》,1,补发申请表,原件,否,二楼17号窗口",
        "IMP-JT-01,出租汽车驾驶员从业资格证补发,公共服务,县交通运输局,17,10,3,否,《出租汽车驾驶员从业资格管理规定》,2,居民身份证,原件,否,",
        "IMP-MZ-01,婚姻登记档案查询,公共服务,县民政局,10,0,0,是,《婚姻登记档案管理办法》,,,,,一楼10号窗口即时查询",
        "imp-ws-01,,,,,,,,,4,放射防护管理制度,原件,否,",
    ];

    [Fact]
    public async Task OT5_AGoodCsvImportsEveryMatter_AndTheSameFileAgainChangesNothing()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var scope = SignedInScope.Manager(hall.App);
        var import = scope.ServiceProvider.GetRequiredService<MatterImportService>();

        var result = await import.ImportAsync("事项目录.csv", Csv(Good));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal((3, 0, 0), (result.Created, result.Updated, result.Unchanged));
        await using (var db = hall.App.CreateDbContext())
        {
            var ws = await db.Matters.Include(m => m.CurrentVersion).ThenInclude(v => v!.Materials).Include(m => m.Window).SingleAsync(m => m.Code == "IMP-WS-01");
            Assert.Equal(("放射诊疗许可", MatterKind.Licence, 18, 20, 15), (ws.Name, ws.Kind, ws.Window!.Number, ws.CurrentVersion!.StatutoryDays, ws.CurrentVersion.CommittedDays));
            Assert.Equal(["放射诊疗许可申请表", "放射诊疗建设项目职业病危害放射防护预评价报告", "放射工作人员健康检查报告", "放射防护管理制度"],
                ws.CurrentVersion.Materials.OrderBy(m => m.Order).Select(m => m.Name));
            Assert.True(ws.CurrentVersion.Materials.Single(m => m.Order == 3).Deferrable);
            Assert.Equal("复印件，每人1份", ws.CurrentVersion.Materials.Single(m => m.Order == 3).Requirement);
            Assert.Equal("办理地点：二楼18号窗口\n办理时间：法定工作日", ws.CurrentVersion.Guide);
            Assert.Equal("导入 事项目录.csv", ws.CurrentVersion.ChangeReason);
            var instant = await db.Matters.Include(m => m.CurrentVersion).ThenInclude(v => v!.Materials).SingleAsync(m => m.Code == "IMP-MZ-01");
            Assert.Empty(instant.CurrentVersion!.Materials);
        }

        var again = await import.ImportAsync("事项目录.csv", Csv(Good));
        Assert.Equal((0, 0, 3), (again.Created, again.Updated, again.Unchanged));

        // One changed limit: a new version of that matter only, the reason naming the file.
        var changed = Good.Select(l => l.Replace("出租汽车驾驶员从业资格证补发,公共服务,县交通运输局,17,10,3", "出租汽车驾驶员从业资格证补发,公共服务,县交通运输局,17,10,2", StringComparison.Ordinal)).ToArray();
        var update = await import.ImportAsync("事项目录-修订.csv", Csv(changed));
        Assert.Equal((0, 1, 2), (update.Created, update.Updated, update.Unchanged));
        await using (var db = hall.App.CreateDbContext())
        {
            var versions = await db.MatterVersions.Where(v => v.Matter!.Code == "IMP-JT-01").OrderBy(v => v.Number).ToListAsync();
            Assert.Equal([(1, 3), (2, 2)], versions.Select(v => (v.Number, v.CommittedDays)));
            Assert.Equal("导入 事项目录-修订.csv", versions[1].ChangeReason);
        }
    }

    public static TheoryData<string, string, int, string, string> BadLines => new()
    {
        // what is wrong, the replaced text, the line, the column, the message
        { "negative limit", "出租汽车驾驶员从业资格证补发,公共服务,县交通运输局,17,10,3,否,《出租汽车驾驶员从业资格管理规定》,2", 6, "承诺时限", "时限不能为负数。" },
        { "committed over statutory", "IMP-MZ-01,婚姻登记档案查询,公共服务,县民政局,10,0,0", 7, "承诺时限", "承诺时限不能超过法定时限。" },
        { "unknown unit", "IMP-MZ-01,婚姻登记档案查询,公共服务,县民政局", 7, "进驻单位", "进驻单位“县档案馆”不存在。" },
        { "duplicate material", "imp-ws-01,,,,,,,,,4,放射防护管理制度", 8, "材料名称", "材料“放射诊疗许可申请表”与第2行重复。" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public async Task TL1_OT1_AFileWithOneBadLineImportsNothing_AndNamesTheLine(string what, string find, int line, string column, string message)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var scope = SignedInScope.Manager(hall.App);
        var import = scope.ServiceProvider.GetRequiredService<MatterImportService>();
        var replacement = what switch
        {
            "negative limit" => "出租汽车驾驶员从业资格证补发,公共服务,县交通运输局,17,10,-3,否,《出租汽车驾驶员从业资格管理规定》,2",
            "committed over statutory" => "IMP-MZ-01,婚姻登记档案查询,公共服务,县民政局,10,0,2",
            "unknown unit" => "IMP-MZ-01,婚姻登记档案查询,公共服务,县档案馆",
            _ => "imp-ws-01,,,,,,,,,4,放射诊疗许可申请表",
        };
        var lines = Good.Select(l => l.Replace(find, replacement, StringComparison.Ordinal)).ToArray();
        Assert.NotEqual(Good, lines);
        lines = lines.Select(l => Rename(l)).ToArray();
        var before = await CountsAsync();

        var result = await import.ImportAsync("bad.csv", Csv(lines));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal((line, column, message), (error.Line, error.Column, error.Message));
        Assert.Equal(before, await CountsAsync());
        await using var db = hall.App.CreateDbContext();
        Assert.False(await db.Matters.AnyAsync(m => m.Code.EndsWith("-BAD")));
    }

    [Fact]
    public async Task TL1_AnXlsxFromTheTemplateImports_AndAWrongFileIsToldApart()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var scope = SignedInScope.Manager(hall.App);
        var import = scope.ServiceProvider.GetRequiredService<MatterImportService>();

        var template = await import.WorkbookAsync(template: true);
        var rows = MiniExcel.Query(new MemoryStream(template), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(MatterImportService.Columns, rows[0].Keys);
        var result = await import.ImportAsync("template.xlsx", new MemoryStream(template));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(1, result.Created);

        // An export of the whole catalogue imports back unchanged.
        var export = await import.WorkbookAsync(template: false);
        var roundTrip = await import.ImportAsync("export.xlsx", new MemoryStream(export));
        Assert.True(roundTrip.Succeeded, string.Join("\n", roundTrip.Errors));
        Assert.Equal((0, 0), (roundTrip.Created, roundTrip.Updated));

        Assert.Equal("只能导入.xlsx或.csv文件。", Assert.Single((await import.ImportAsync("catalogue.pdf", new MemoryStream([1]))).Errors).Message);
        Assert.Equal("文件无法读取，请确认是有效的.xlsx或.csv文件。", Assert.Single((await import.ImportAsync("broken.xlsx", new MemoryStream([1, 2, 3]))).Errors).Message);
        var missing = Assert.Single((await import.ImportAsync("short.csv", new MemoryStream(Encoding.UTF8.GetBytes("事项编码,事项名称\nA,B\n")))).Errors);
        Assert.StartsWith("表头缺少列：类型、进驻单位", missing.Message, StringComparison.Ordinal);
        Assert.Equal(1, missing.Line);

        // Excel on a Chinese desktop saves CSV in GB18030.
        var gb = Encoding.GetEncoding("GB18030").GetBytes(string.Join("\r\n", [Header, "IMP-GB-01,档案查询,公共服务,县民政局,10,0,0,是,,,,,,"]));
        var gbResult = await import.ImportAsync("gbk.csv", new MemoryStream(gb));
        Assert.True(gbResult.Succeeded, string.Join("\n", gbResult.Errors));
    }

    private static string Rename(string line) => line.StartsWith("IMP-", StringComparison.OrdinalIgnoreCase)
        ? line[..9] + "-BAD" + line[9..]
        : line;

    private static MemoryStream Csv(IEnumerable<string> lines) =>
        new([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines.Prepend(Header)) + "\r\n")]);

    private async Task<(int, int, int)> CountsAsync()
    {
        await using var db = hall.App.CreateDbContext();
        return (await db.Matters.CountAsync(), await db.MatterVersions.CountAsync(), await db.Set<MatterMaterial>().CountAsync());
    }
}
