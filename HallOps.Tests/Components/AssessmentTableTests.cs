using System.Globalization;
using Bunit;
using HallOps.Domain.Accountability;
using HallOps.Domain.Assessment;
using HallOps.Web.Assessment;
using HallOps.Web.Components.Pages.Reports;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HallOps.Tests.Components;

/// <summary>
/// The monthly assessment table on its own: one line per window in rank order with its rank, the on-time
/// rate (TL5) as a percentage or "—" when nothing was completed, the hygiene score (HY4) or "—", the
/// confirmed derelictions and their sanctions in the hall's words (AC), and the hall's line last.
/// </summary>
public sealed class AssessmentTableTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    public Task InitializeAsync()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void TL5_HY4_AC_TheTable_ShowsTheRowsInRankOrder_WithRanks_RatesAndDashesWhenNothingWasCompleted()
    {
        var raw = new AssessmentRaw
        {
            Completed = new Dictionary<int, int> { [1] = 8, [2] = 10 },
            CompletedOnTime = new Dictionary<int, int> { [1] = 7, [2] = 10 },
            HygieneScore = new Dictionary<int, double?> { [2] = 92.5 },
            Derelictions = new Dictionary<int, int> { [1] = 1 },
            Sanctions = new Dictionary<int, DerelictionSanctions> { [1] = DerelictionSanctions.Criticism | DerelictionSanctions.EfficiencyWarning },
        };
        var rows = AssessmentFigures.Rows([1, 2, 3], raw);
        var names = new Dictionary<int, string> { [1] = "不动产登记", [2] = "社保", [3] = "婚姻登记" };
        var lines = rows.Select(r => new AssessmentLine($"w{r.Id}", $"{r.Id}号窗口", names[r.Id], r)).ToList();

        var table = _ctx.Render<AssessmentTable>(p => p
            .Add(t => t.Lines, lines)
            .Add(t => t.Total, AssessmentFigures.Total(rows))
            .Add(t => t.Id, "t"));

        var body = table.FindAll("tbody tr");
        Assert.Equal(["w2", "w1", "w3"], body.Select(r => r.GetAttribute("data-line")));
        Assert.Equal(["1", "2", "3"], body.Select(r => r.QuerySelector("td.rank")!.TextContent));
        Assert.Equal(["100.0%", "87.5%", "—"], body.Select(r => r.QuerySelector("[data-col='rate']")!.TextContent));
        Assert.Equal(["92.5", "—", "—"], body.Select(r => r.QuerySelector("[data-col='hygiene']")!.TextContent));
        Assert.Equal("通报批评、效能告诫", body[1].QuerySelector("[data-col='sanctions']")!.TextContent);
        Assert.Contains("bad", body[1].QuerySelector("[data-col='derelictions']")!.ClassList);
        var total = table.Find("tfoot tr[data-line='total']");
        Assert.Contains("全厅合计", total.TextContent);
        Assert.Equal("94.4%", total.QuerySelector("[data-col='rate']")!.TextContent);
        Assert.Equal("名次", table.Find("thead th").TextContent);
    }

    [Fact]
    public void AnEmptyMonth_SaysSo_InEnglishToo()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");

        var table = _ctx.Render<AssessmentTable>(p => p.Add(t => t.Lines, []).Add(t => t.By, "staff"));

        Assert.Equal("Nothing this month.", table.Find("tbody td.none").TextContent);
        Assert.Contains("Name", table.FindAll("thead th")[1].TextContent);
    }
}
