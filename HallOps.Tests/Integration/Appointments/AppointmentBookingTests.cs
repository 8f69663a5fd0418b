using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using HallOps.Domain.Appointments;
using HallOps.Domain.Identity;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Appointments;
using HallOps.Web.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Appointments;

/// <summary>
/// Appointment requests (AP1–AP4.2) on the demo hall, Wednesday 2026-11-25 10:00 in Beijing (winter
/// hours, closing 17:00): from the public page without an account and from window staff; a request
/// that breaks a rule is refused with the earliest slot and stores nothing; the reply is due at
/// today's close; the public form is guarded by a human check and a per-address limit.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class AppointmentBookingTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private static readonly TimeSpan Beijing = CoverageHall.Beijing;

    private static readonly DateTimeOffset ThursdayFive = new(2026, 11, 26, 17, 0, 0, Beijing);

    private static T Service<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    private async Task<BookableMatter> MatterAsync()
    {
        await using var scope = hall.App.Services.CreateAsyncScope();
        return (await Service<AppointmentBookingService>(scope).MattersAsync())[0];
    }

    private async Task<int> CountAsync()
    {
        await using var db = hall.CreateDbContext();
        return await db.Appointments.CountAsync();
    }

    private static AppointmentRequestInput Input(int matterId, DateTimeOffset slot, string phone = "13905631234") => new()
    {
        RequesterName = "王建军",
        Phone = phone,
        MatterId = matterId,
        SlotStart = slot,
    };

    [Fact]
    public async Task AP4_1_AP4_2_APublicRequest_ForThursdayEvening_IsTaken_AndTheReplyIsDueAtTodaysClose()
    {
        var matter = await MatterAsync();
        await using var scope = hall.App.Services.CreateAsyncScope();

        var result = await Service<AppointmentBookingService>(scope).RequestPublicAsync(Input(matter.Id, ThursdayFive));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Matches("^YY20261125-[0-9]{3}$", result.Number);
        await using var db = hall.CreateDbContext();
        var stored = await db.Appointments.AsNoTracking().SingleAsync(a => a.Number == result.Number);
        Assert.Equal(AppointmentStatus.Requested, stored.Status);
        Assert.Equal(AppointmentChannel.Public, stored.Channel);
        Assert.Equal("public", stored.RequestedBy);
        Assert.Equal(ThursdayFive, stored.SlotStart);
        Assert.Equal(60, stored.SlotMinutes);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 17, 0, 0, Beijing), stored.ReplyDueAt);
        Assert.Equal(await db.Matters.Where(m => m.Id == matter.Id).Select(m => m.WindowId).SingleAsync(), stored.WindowId);
        Assert.Equal(24, stored.PublicToken.Length);

        // The requester's link shows their own request, waiting for the reply, and nobody's name yet.
        var view = await Service<AppointmentBookingService>(scope).ByTokenAsync(result.Token);
        Assert.NotNull(view);
        Assert.Equal((result.Number, AppointmentStatus.Requested), (view.Number, view.Status));
        Assert.Null(view.ServingStaffName);
        Assert.Empty(view.Materials);
        Assert.Null(await Service<AppointmentBookingService>(scope).ByTokenAsync("not-a-token"));
    }

    [Theory]
    // AP4.1: this evening is less than a whole working day ahead.
    [InlineData("2026-11-25T18:00+08:00", "须至少提前1个工作日预约。最早可约：2026-11-26 17:00。")]
    // AP1–AP3: Thursday afternoon is opening hours.
    [InlineData("2026-11-26T15:00+08:00", "预约服务只在工作时间以外（下班后、双休日、节假日）。最早可约：2026-11-26 17:00。")]
    // Saturday before the service starts.
    [InlineData("2026-11-28T07:00+08:00", "所选时间不在预约服务时段内。最早可约：2026-11-26 17:00。")]
    [InlineData("2026-11-24T18:00+08:00", "所选时间已过。最早可约：2026-11-26 17:00。")]
    public async Task AP1_AP4_1_ARefusedSlot_SaysWhyAndTheEarliestSlot_AndStoresNothing(string slot, string message)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var matter = await MatterAsync();
        var before = await CountAsync();
        await using var scope = hall.App.Services.CreateAsyncScope();

        var result = await Service<AppointmentBookingService>(scope).RequestPublicAsync(
            Input(matter.Id, DateTimeOffset.ParseExact(slot, "yyyy-MM-ddTHH:mmzzz", CultureInfo.InvariantCulture)));

        Assert.Equal([message], result.Errors);
        Assert.Equal(ThursdayFive, result.Earliest);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task BadInput_GetsAMessageForEachField_AndStoresNothing()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var before = await CountAsync();
        await using var scope = hall.App.Services.CreateAsyncScope();

        var result = await Service<AppointmentBookingService>(scope).RequestPublicAsync(new AppointmentRequestInput
        {
            RequesterKind = RequesterKind.Organisation,
            RequesterName = "  ",
            Phone = "12345",
            MatterId = 999_999,
            SlotStart = null,
            Note = new string('备', 501),
        });

        Assert.Equal(
            ["请填写姓名。", "单位预约请填写单位名称。", "联系电话格式不正确（手机11位，或带区号的固定电话）。", "备注不能超过500个字。", "请选择可预约的事项。", "请选择预约时间。"],
            result.Errors);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task AP1_WindowStaffTakeARequestByPhone_AndOnlyStaffMay()
    {
        var matter = await MatterAsync();
        await using (var guard = hall.SignedIn("guard", HallRoles.Guard))
        {
            await Assert.ThrowsAsync<HallAccessDeniedException>(() =>
                Service<AppointmentBookingService>(guard).RequestAtWindowAsync(Input(matter.Id, ThursdayFive), AppointmentChannel.Phone));
        }
        await using var staff = await hall.StaffAsync("张晓明", "staff");

        var result = await Service<AppointmentBookingService>(staff).RequestAtWindowAsync(Input(matter.Id, ThursdayFive, "0563-5512345"), AppointmentChannel.Phone);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await using var db = hall.CreateDbContext();
        var stored = await db.Appointments.AsNoTracking().SingleAsync(a => a.Number == result.Number);
        Assert.Equal((AppointmentChannel.Phone, "staff", "0563-5512345"), (stored.Channel, stored.RequestedBy, stored.Phone));
    }

    [Fact]
    public async Task AP1_AP4_1_ThePublicPageOffersOnlySlotsTheRulesAccept_FromThursdayAtClosing()
    {
        await using var scope = hall.App.Services.CreateAsyncScope();
        var service = Service<AppointmentBookingService>(scope);

        var slots = await service.SlotsAsync();

        Assert.Equal(ThursdayFive, slots[0]);
        // Thursday evening 17:00 … 19:30 (an hour each, on the half hour, service until 20:30); Saturday 09:00 … 16:00.
        Assert.Equal(6, slots.Count(s => s.ToOffset(Beijing).Date == new DateTime(2026, 11, 26)));
        Assert.Contains(new DateTimeOffset(2026, 11, 28, 9, 0, 0, Beijing), slots);
        Assert.Contains(new DateTimeOffset(2026, 11, 28, 16, 0, 0, Beijing), slots);
        Assert.DoesNotContain(new DateTimeOffset(2026, 11, 28, 16, 30, 0, Beijing), slots);
        Assert.DoesNotContain(new DateTimeOffset(2026, 11, 27, 10, 0, 0, Beijing), slots);
    }

    [Fact]
    public async Task AP1_ThePublicForm_WithTheHumanCheck_BooksAndShowsTheRequestersPage_AndAFloodFromOneAddressGets429()
    {
        var matter = await MatterAsync();
        var client = hall.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        // A wrong answer to the check: told so, nothing stored.
        var before = await CountAsync();
        var wrong = await PostAsync(client, matter.Id, answer: question => (question + 1).ToString(CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("验证答案不对或已过期", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountAsync());

        // The right answer: the request is taken and the requester lands on their own page.
        var booked = await PostAsync(client, matter.Id, answer: question => question.ToString(CultureInfo.InvariantCulture));
        var page = await booked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);
        Assert.StartsWith("/book/", booked.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("待答复", page);
        Assert.Contains("2026-11-26 17:00", page);
        Assert.Equal(before + 1, await CountAsync());

        // Reading is never limited; sending the form is, per address (Hall:Appointments:PublicRequestsPerHour = 5).
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, matter.Id, answer: _ => "x")).StatusCode);
        }
        var flooded = await PostAsync(client, matter.Id, answer: _ => "x");
        Assert.Equal(HttpStatusCode.TooManyRequests, flooded.StatusCode);
        Assert.Contains("提交太频繁", await flooded.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/book")).StatusCode);
        Assert.Equal(before + 1, await CountAsync());
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, int matterId, Func<int, string> answer)
    {
        var form = await client.GetStringAsync("/book");
        var question = Question().Match(WebUtility.HtmlDecode(form));
        Assert.True(question.Success, "The form asks no question.");
        var sum = int.Parse(question.Groups[1].Value, CultureInfo.InvariantCulture) + int.Parse(question.Groups[2].Value, CultureInfo.InvariantCulture);
        var seal = Seal().Match(form).Groups[1].Value;
        return await client.PostAsync("/book", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "book",
            ["__RequestVerificationToken"] = DemoAccounts.TokenOf(form),
            ["Input.Kind"] = "Person",
            ["Input.Name"] = "李春华",
            ["Input.Phone"] = "13855630001",
            ["Input.MatterId"] = matterId.ToString(CultureInfo.InvariantCulture),
            ["Input.Slot"] = ThursdayFive.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["Input.HumanAnswer"] = answer(sum),
            ["Input.HumanSeal"] = System.Net.WebUtility.HtmlDecode(seal),
        }));
    }

    [GeneratedRegex(@"(\d+) \+ (\d+) = \?")]
    private static partial Regex Question();

    [GeneratedRegex("name=\"Input.HumanSeal\" value=\"([^\"]+)\"")]
    private static partial Regex Seal();
}
