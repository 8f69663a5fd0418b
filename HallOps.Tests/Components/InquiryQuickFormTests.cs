using System.Globalization;
using Bunit;
using HallOps.Domain.Inquiries;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Components.Pages.Inquiries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HallOps.Tests.Components;

/// <summary>
/// The quick form of /inquiries (FQ1, FQ3.1) rendered against the real app and database: the common case —
/// a visitor asks about a matter and is answered there and then — takes three inputs: type the subject,
/// press 当场答复, done. What is stored is the inquiry handled, fed back on the spot and closed.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class InquiryQuickFormTests(CoverageHall hall) : IClassFixture<CoverageHall>, IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private AsyncServiceScope _scope;

    public async Task InitializeAsync()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        _scope = await hall.StaffAsync("张晓明", "staff");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        _ctx.Services.AddFallbackServiceProvider(_scope.ServiceProvider);
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _scope.DisposeAsync();
    }

    [Fact]
    public async Task FQ3_1_SubjectThenAnsweredOnTheSpot_StoresAHandledInquiry_FedBackOnTheSpot_AndClosed()
    {
        long? logged = null;
        var cut = _ctx.Render<InquiryQuickForm>(p => p.Add(c => c.OnLogged, id => logged = id));

        // Defaults: 来访 and 咨询 are already chosen.
        Assert.Contains("mud-chip-selected", cut.Find("[data-channel='Visit']").ClassName);
        Assert.Contains("mud-chip-selected", cut.Find("[data-category='Consultation']").ClassName);

        // 1: the subject.
        cut.Find("#inquiry-subject").Input("居住证办理需要什么材料");
        // 2: 当场答复.
        var answer = cut.Find("#inquiry-answer");
        Assert.Equal("当场答复", answer.TextContent.Trim());
        await answer.ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        // 3: done.
        cut.WaitForAssertion(() => Assert.NotNull(logged), TimeSpan.FromSeconds(10));

        Assert.Empty(cut.FindAll(".inquiry-error"));
        await using var db = hall.CreateDbContext();
        var inquiry = await db.Inquiries.AsNoTracking().SingleAsync(i => i.Id == logged);
        Assert.Equal(("居住证办理需要什么材料", InquiryChannel.Visit, InquiryCategory.Consultation, "staff"),
            (inquiry.Subject, inquiry.Channel, inquiry.Category, inquiry.ResponderUserName));
        Assert.Equal((InquiryDisposition.Handled, FeedbackMethod.OnTheSpot, true),
            (inquiry.Disposition!.Value, inquiry.FeedbackMethod!.Value, inquiry.ClosedAt is not null));
        // The form is empty again for the next visitor.
        cut.WaitForAssertion(() => Assert.Equal("", cut.Find("#inquiry-subject").GetAttribute("value") ?? ""));
    }

    [Fact]
    public async Task FQ1_AnEmptySubject_IsExplained_AndStoresNothing()
    {
        await using var db = hall.CreateDbContext();
        var before = await db.Inquiries.CountAsync();
        var cut = _ctx.Render<InquiryQuickForm>();

        await cut.Find("#inquiry-answer").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal("请填写来人所问事项。", cut.Find(".inquiry-error").TextContent.Trim()));
        Assert.Equal(before, await db.Inquiries.CountAsync());
    }
}
