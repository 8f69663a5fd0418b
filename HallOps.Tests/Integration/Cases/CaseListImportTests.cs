using System.Globalization;
using System.Text;
using HallOps.Domain.Cases;
using HallOps.Tests.Support;
using HallOps.Web.Cases;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Cases;

/// <summary>
/// 办件导入 (TL0, TL3) on the real SQLite app: all or nothing with the line and column of every
/// problem; the same file twice creates nothing the second time; each case gets a case number, the
/// matter's current version and its clock; CSV (UTF-8 or GB18030) and xlsx both read.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CaseListImportTests(CaseListHall hall) : IClassFixture<CaseListHall>
{
    private const string Header = "外部编号,事项编码,申请人类型,申请人,证件号码,联系电话,收件时间,受理时间,窗口号,承办人工号,状态,办结时间";

    private static string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private async Task<CaseImportResult> ImportAsync(string fileName, byte[] content)
    {
        await using var scope = hall.Manager();
        var service = scope.ServiceProvider.GetRequiredService<CaseImportService>();
        return await service.ImportAsync(fileName, new MemoryStream(content));
    }

    private async Task<List<ServiceCase>> CasesAsync(string prefix)
    {
        await using var db = hall.Db();
        return await db.Cases.AsNoTracking().Where(c => c.ExternalNumber!.StartsWith(prefix)).OrderBy(c => c.ExternalNumber).ToListAsync();
    }

    private string Rows(string prefix, int count) => string.Join("\n", Enumerable.Range(1, count).Select(i =>
    {
        var received = hall.Now.AddDays(-i).AddHours(-2);
        return i % 3 == 0
            ? $"{prefix}{i:D3},{CaseListHall.MatterB},法人,某某科技有限公司,91340000MA2N1234X1,0563-5512345,{Local(received)},,4,ZW004,收件,"
            : $"{prefix}{i:D3},{CaseListHall.MatterA},个人,张三明,110105199001011234,13855631234,{Local(received)},{Local(received.AddMinutes(20))},1,ZW001,受理,";
    }));

    [Fact]
    public async Task CaseImport_AGoodFile_CreatesEveryCase_WithNumberVersionAndClock_AndAgain_ChangesNothing()
    {
        var csv = Encoding.UTF8.GetBytes(Header + "\n" + Rows("IMP-A-", 12) + "\n");

        var first = await ImportAsync("审批系统导出.csv", csv);

        Assert.True(first.Succeeded, first.FileError + string.Join("; ", first.Errors.Select(e => e.Message)));
        Assert.Equal((12, 0), (first.Imported, first.AlreadyPresent));
        var cases = await CasesAsync("IMP-A-");
        Assert.Equal(12, cases.Count);
        Assert.All(cases, c => Assert.Matches(@"^\d{4}-\d{6}$", c.Number));
        Assert.Equal(12, cases.Select(c => c.Number).Distinct().Count());
        Assert.All(cases, c => Assert.Equal(CaseSource.Import, c.Source));
        Assert.All(cases, c => Assert.Equal("manager", c.CreatedBy));
        await using (var db = hall.Db())
        {
            var current = await db.Matters.Where(m => m.Code == CaseListHall.MatterA).Select(m => m.CurrentVersionId).SingleAsync();
            var accepted = cases.Where(c => c.State == CaseState.Accepted).ToList();
            Assert.Equal(8, accepted.Count);
            Assert.All(accepted, c => Assert.Equal(current, c.MatterVersionId));
            Assert.All(accepted, c => Assert.NotNull(c.DueAt));
            Assert.All(accepted, c => Assert.NotNull(c.NextLightAt));
            Assert.All(cases.Where(c => c.State == CaseState.Received), c => Assert.Null(c.DueAt));
            Assert.All(cases.Where(c => c.State == CaseState.Received), c => Assert.Equal(ApplicantKind.Organisation, c.ApplicantKind));
        }

        var second = await ImportAsync("审批系统导出.csv", csv);

        Assert.True(second.Succeeded);
        Assert.Equal((0, 12), (second.Imported, second.AlreadyPresent));
        var again = await CasesAsync("IMP-A-");
        Assert.Equal(cases.Select(c => (c.Id, c.Number, c.Version)), again.Select(c => (c.Id, c.Number, c.Version)));
    }

    [Fact]
    public async Task CaseImport_ABrokenRow_ImportsNothing_AndNamesEveryLineAndColumn()
    {
        var good = Rows("IMP-B-", 5).Split('\n');
        var lines = new List<string> { Header };
        lines.AddRange(good.Take(2));
        lines.Add($"IMP-B-900,NO-SUCH-MATTER,个人,李四,,,{Local(hall.Now.AddDays(-1))},,1,ZW001,收件,");   // line 4
        lines.AddRange(good.Skip(2).Take(1));
        lines.Add($"IMP-B-901,{CaseListHall.MatterA},个人,,,,2026-99-99 10:00,,88,NOBODY,受理,");          // line 6
        lines.AddRange(good.Skip(3));
        lines.Add($"IMP-B-001,{CaseListHall.MatterA},个人,王五,,,{Local(hall.Now.AddDays(-1))},,1,,收件,");   // line 9: repeats line 2

        var result = await ImportAsync("broken.csv", Encoding.UTF8.GetBytes(string.Join("\r\n", lines)));

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Imported);
        var byLine = result.Errors.Select(e => (e.Line, e.Field)).ToList();
        Assert.Contains((4, CaseField.MatterCode), byLine);
        Assert.Contains((6, CaseField.ApplicantName), byLine);
        Assert.Contains((6, CaseField.ReceivedAt), byLine);
        Assert.Contains((6, CaseField.AcceptedAt), byLine);
        Assert.Contains((9, CaseField.ExternalNumber), byLine);
        Assert.DoesNotContain(result.Errors, e => e.Line is 2 or 3 or 5 or 7 or 8);
        Assert.Contains(result.Errors, e => e.Line == 4 && e.Message.Contains("NO-SUCH-MATTER"));
        Assert.Contains(result.Errors, e => e.Line == 6 && e.Message.Contains("申请人"));
        Assert.Contains(result.Errors, e => e.Line == 9 && e.Message.Contains("第 2 行"));
        Assert.Empty(await CasesAsync("IMP-B-"));
    }

    [Fact]
    public async Task CaseImport_UnknownWindowAndHandler_AreNamed()
    {
        var received = Local(hall.Now.AddDays(-1));
        var csv = $"{Header}\nIMP-C-001,{CaseListHall.MatterA},个人,张三,,,{received},,88,NOBODY,收件,\n";

        var result = await ImportAsync("c.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Contains(result.Errors, e => (e.Line, e.Field) == (2, CaseField.WindowNumber) && e.Message.Contains("88"));
        Assert.Contains(result.Errors, e => (e.Line, e.Field) == (2, CaseField.HandlerNo) && e.Message.Contains("NOBODY"));
        Assert.Empty(await CasesAsync("IMP-C-"));
    }

    [Fact]
    public async Task CaseImport_AnXlsxWorkbook_IsReadLikeTheCsv()
    {
        var local = TimeZoneInfo.ConvertTime(hall.Now.AddDays(-2), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime;
        var received = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0);
        var sheet = Enumerable.Range(1, 3).Select(i => new Dictionary<string, object?>
        {
            ["外部编号"] = $"IMP-X-{i:D3}",
            ["事项编码"] = CaseListHall.MatterA,
            ["申请人类型"] = "个人",
            ["申请人"] = "欧阳娜娜",
            ["证件号码"] = "110105199001011234",
            ["联系电话"] = "13855631234",
            ["收件时间"] = received,
            ["受理时间"] = received.AddMinutes(15),
            ["窗口号"] = 1,
            ["承办人工号"] = "ZW001",
            ["状态"] = "受理",
            ["办结时间"] = null,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet);

        var result = await ImportAsync("cases.xlsx", stream.ToArray());

        Assert.True(result.Succeeded, result.FileError + string.Join("; ", result.Errors.Select(e => $"{e.Line}: {e.Message}")));
        Assert.Equal(3, result.Imported);
        var cases = await CasesAsync("IMP-X-");
        Assert.All(cases, c => Assert.Equal(CaseState.Accepted, c.State));
        Assert.All(cases, c => Assert.Equal(received.AddMinutes(15), TimeZoneInfo.ConvertTime(c.AcceptedAt!.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime));
    }

    [Fact]
    public async Task CaseImport_ACsvSavedByChineseExcel_InGb18030_IsRead()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = Encoding.GetEncoding("GB18030").GetBytes(Header + "\r\n" + Rows("IMP-G-", 2) + "\r\n");

        var result = await ImportAsync("gbk.csv", csv);

        Assert.True(result.Succeeded, result.FileError + string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal("张三明", (await CasesAsync("IMP-G-"))[0].ApplicantName);
    }

    [Theory]
    [InlineData("cases.txt", "外部编号\n1", "只能导入")]
    [InlineData("cases.csv", "", "空的")]
    [InlineData("cases.csv", "外部编号,事项编码\nA,B", "缺少必需的列")]
    [InlineData("cases.csv", "外部编号,事项编码,申请人,收件时间,颜色\nA,B,C,D,E", "无法识别")]
    [InlineData("cases.csv", "外部编号,事项编码,申请人,收件时间\n", "没有办件")]
    [InlineData("cases.xlsx", "not a workbook", "无法读取")]
    public async Task CaseImport_AFileThatIsNotACaseList_IsRefusedWithTheReason(string name, string content, string reason)
    {
        var result = await ImportAsync(name, Encoding.UTF8.GetBytes(content));

        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.FileError);
    }

    [Fact]
    public async Task CaseImport_AStaffCircuit_IsRefused()
    {
        await using var scope = hall.SignedIn(HallOps.Domain.Identity.HallRoles.Staff, "staff");
        var service = scope.ServiceProvider.GetRequiredService<CaseImportService>();

        await Assert.ThrowsAsync<HallOps.Web.Identity.HallAccessDeniedException>(
            () => service.ImportAsync("a.csv", new MemoryStream(Encoding.UTF8.GetBytes(Header))));
    }
}
