using System.Net;
using System.Text.Json;
using HallOps.Domain.Alerts;
using HallOps.Domain.Coverage;
using HallOps.Domain.Hall;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Presence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.PublicInfo;

/// <summary>
/// The hall's public information page /hall and its board /hall/board.json (AP5, SC2.5) on the demo
/// hall, Wednesday 2026-11-25 10:00 in Beijing: anyone may open them without an account; they
/// publish the complaint phone and each window's appointment phone, and show who is on post at a
/// window by name and staff number — and nothing else about anyone (no phones of staff, no
/// handover notes, no alert notes, no internal words).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PublicHallPageTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private static readonly DateTimeOffset WednesdaySix = new(2026, 11, 25, 18, 0, 0, CoverageHall.Beijing);

    private const string HandoverNote = "刘先生的房产证复印件在左边抽屉";
    private const string AckNote = "王建华去档案室取件";

    private HttpClient Anonymous()
    {
        var client = hall.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return client;
    }

    private async Task<string> PageAsync()
    {
        var response = await Anonymous().GetAsync("/hall");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The HTML of one window's card on the page.</summary>
    private static string Card(string page, int number)
    {
        var start = page.IndexOf($"data-window=\"{number}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"window {number} is on the page");
        var end = page.IndexOf("</article>", start, StringComparison.Ordinal);
        return page[start..end];
    }

    [Fact]
    public async Task AP5_Anonymous_GetsThePage_WithTheComplaintPhone_TodaysHours_AndEachWindowsAppointmentPhone()
    {
        var page = await PageAsync();

        Assert.Contains("办事指南", page);
        Assert.Contains("示范县政务服务中心", page);
        Assert.Contains("投诉电话", page);
        Assert.Contains("href=\"tel:12345\"", page);
        Assert.Contains("2026年11月25日 星期三", page);
        Assert.Contains("上午 08:30–12:00，下午", page);
        Assert.Contains("href=\"/book\"", page);
        Assert.Contains("预约电话 <a href=\"tel:0563-5566101\">0563-5566101</a>", Card(page, 1));
        Assert.Contains("0563-5568323", Card(page, 23));
        // A window without an appointment phone shows none (no empty line).
        Assert.DoesNotContain("预约电话", Card(page, 24));

        var board = await Anonymous().GetAsync("/hall/board.json");
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.Equal("application/json", board.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SC2_5_TheBoard_ShowsWhoIsOnPost_ByNameAndNumberOnly_AndIsClosedOutsideOpeningHours()
    {
        // 张晓明 (ZW001) on post at window 1; 李静, A of window 2, leaves with a handover note to him;
        // window 3's gap alert is acknowledged with a note.
        var (post1, _) = await hall.PostOfWindowAsync(1);
        var (post2, _) = await hall.PostOfWindowAsync(2);
        var zhang = await hall.StaffIdAsync("张晓明");
        await using (var staff = await hall.StaffAsync("张晓明"))
        {
            Assert.True((await staff.ServiceProvider.GetRequiredService<PresenceService>().SignOnAsync(post1)).Succeeded);
        }
        await using (var li = await hall.StaffAsync("李静"))
        {
            var presence = li.ServiceProvider.GetRequiredService<PresenceService>();
            Assert.True((await presence.SignOnAsync(post2)).Succeeded);
            Assert.True((await presence.GoAwayAsync(new AwayRequest
            {
                Reason = AwayReason.Meeting, HandoverToStaffId = zhang, HandoverNote = HandoverNote,
                ExpectedReturn = CoverageHall.WednesdayTen.AddMinutes(40),
            })).Succeeded, "李静 goes away with a handover");
        }
        var (post3, _) = await hall.PostOfWindowAsync(3);
        await using (var db = hall.CreateDbContext())
        {
            var gap = await db.Alerts.SingleAsync(a => a.IsOpen && a.Kind == AlertKinds.CoverageGap && a.Subject == HallSubjects.Post(post3));
            gap.AckNote = AckNote;
            await db.SaveChangesAsync();
        }

        string page = "";
        await Eventually.TrueAsync(async () => Card(page = await PageAsync(), 1).Contains("张晓明", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "the page shows 张晓明 on post at window 1");

        var one = Card(page, 1);
        Assert.Contains("data-state=\"open\"", one);
        Assert.Contains("正在办理", one);
        Assert.Contains("工作人员：张晓明（工号 ZW001）", one);
        // Window 3 has nobody: said plainly, not with the hall's internal word.
        var three = Card(page, 3);
        Assert.Contains("data-state=\"paused\"", three);
        Assert.Contains("暂停服务", three);
        Assert.Contains("请到其他窗口或导服台咨询", three);
        Assert.DoesNotContain("王建华", three);

        // Nothing else about anyone: no staff phone, no handover note, no alert note or alert words,
        // no leave reason, no B holders.
        await using (var db = hall.CreateDbContext())
        {
            var phones = await db.StaffMembers.Where(s => s.Phone != null).Select(s => s.Phone!).ToListAsync();
            Assert.NotEmpty(phones);
            Assert.All(phones, phone => Assert.DoesNotContain(phone, page));
        }
        Assert.DoesNotContain("1385563", page);
        Assert.DoesNotContain(HandoverNote, page);
        Assert.DoesNotContain(AckNote, page);
        Assert.DoesNotContain("空岗", page);
        Assert.DoesNotContain("告警", page);
        Assert.DoesNotContain("开会", page);
        Assert.DoesNotContain("李静", page);

        // The JSON board carries the same public fields, and only those.
        using (var json = JsonDocument.Parse(await Anonymous().GetStringAsync("/hall/board.json")))
        {
            var windows = json.RootElement.GetProperty("windows").EnumerateArray().ToList();
            Assert.Equal(24, windows.Count);
            var first = windows.Single(w => w.GetProperty("number").GetInt32() == 1);
            Assert.Equal("open", first.GetProperty("state").GetString());
            Assert.Equal("张晓明", first.GetProperty("staff").GetString());
            Assert.Equal("ZW001", first.GetProperty("staffNumber").GetString());
            Assert.All(windows, w => Assert.Equal(
                ["name", "number", "staff", "staffNumber", "state"],
                w.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray()));
            var text = json.RootElement.GetRawText();
            Assert.DoesNotContain(HandoverNote, text);
            Assert.DoesNotContain("1385563", text);
        }

        // After closing (17:00) every window is closed and nobody is named, though 张晓明 is still signed on.
        hall.Clock.SetUtcNow(WednesdaySix);
        var evening = await PageAsync();
        for (var number = 1; number <= 24; number++)
        {
            Assert.Contains("data-state=\"closed\"", Card(evening, number));
        }
        Assert.Contains("未开放", Card(evening, 1));
        Assert.DoesNotContain("张晓明", evening);
        Assert.Contains("现在不是办公时间", evening);
    }
}
