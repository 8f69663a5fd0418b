using HallOps.Domain.Inquiries;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Assessment;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Reports;

/// <summary>
/// 本周小结, the wall's weekly summary (FQ1, TL5, AB4): this week so far from Monday in the hall's time,
/// read at most once every 5 minutes for every wall together — a change shows at the next read, not
/// at once; a watching wall is handed the new summary when the interval has passed.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class WeekSummaryTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    [Fact]
    public async Task Wall_TheWeeksSummary_IsReadAtMostOnceEveryFiveMinutes_AndHandedToAWatchingWall()
    {
        var source = hall.App.Services.GetRequiredService<WeekSummarySource>();
        var first = await source.GetAsync();
        var reads = source.Reads;
        Assert.Equal(new DateOnly(2026, 11, 23), first.WeekStart);
        Assert.Equal(new DateOnly(2026, 11, 25), first.Today);
        var handed = new TaskCompletionSource<WeekSummary>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = source.Watch(summary => handed.TrySetResult(summary));

        await using (var db = hall.CreateDbContext())
        {
            db.Inquiries.Add(new Inquiry
            {
                ReceivedAt = hall.Clock.GetUtcNow().AddMinutes(-10), Channel = InquiryChannel.Phone, Category = InquiryCategory.Consultation,
                Subject = "营业执照办理", ResponderUserName = "staff", ResponderName = "张晓明",
            });
            await db.SaveChangesAsync();
        }
        // Within the interval: the stored summary, no read.
        hall.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(first, await source.GetAsync());
        Assert.Equal(reads, source.Reads);

        // The interval passes: the timer reads again and the watching wall is handed the new figure.
        hall.Clock.Advance(TimeSpan.FromMinutes(1));
        var next = await handed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(first.Inquiries + 1, next.Inquiries);
        Assert.Equal(reads + 1, source.Reads);
    }
}
