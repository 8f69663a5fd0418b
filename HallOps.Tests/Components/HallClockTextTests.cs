using System.Globalization;
using HallOps.Web.Localization;

namespace HallOps.Tests.Components;

/// <summary>
/// AB4 and the staff page's open alerts: an alert still open from yesterday says its day, so a clerk
/// at 00:25 does not read "12:18" as a time still to come.
/// </summary>
public class HallClockTextTests
{
    private static readonly TimeZoneInfo Hall = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Theory]
    // Now: 2026-11-29 00:25 hall time.
    [InlineData("2026-11-28T16:20:00+00:00", "zh-CN", "00:20")]
    [InlineData("2026-11-28T04:18:00+00:00", "zh-CN", "11月28日 12:18")]
    [InlineData("2026-11-28T04:18:00+00:00", "en", "November 28 12:18")]
    // 15:59 UTC is 23:59 the day before in the hall, whatever the server's own zone.
    [InlineData("2026-11-28T15:59:00+00:00", "zh-CN", "11月28日 23:59")]
    [InlineData("2025-12-31T04:00:00+00:00", "zh-CN", "12月31日 12:00")]
    public void Short_SaysTheDay_OnlyWhenItIsNotToday(string at, string culture, string expected) =>
        Assert.Equal(expected, HallClockText.Short(
            DateTimeOffset.Parse(at, CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-11-28T16:25:00+00:00", CultureInfo.InvariantCulture),
            Hall, CultureInfo.GetCultureInfo(culture)));
}
