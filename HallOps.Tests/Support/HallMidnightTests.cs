namespace HallOps.Tests.Support;

/// <summary>The all-day browser tests wait out midnight rather than skip (<see cref="HallMidnight"/>).</summary>
public class HallMidnightTests
{
    [Theory]
    [InlineData("2026-11-28T23:54:59+08:00", 0)]
    [InlineData("2026-11-28T00:00:00+08:00", 0)]
    [InlineData("2026-11-28T12:00:00+08:00", 0)]
    [InlineData("2026-11-28T23:55:00+08:00", 305)]
    [InlineData("2026-11-28T23:59:59+08:00", 6)]
    // The same instant written in UTC: hall time decides.
    [InlineData("2026-11-28T15:59:00+00:00", 65)]
    [InlineData("2026-11-28T16:00:00+00:00", 0)]
    public void AStartNearMidnight_WaitsUntilJustAfterIt(string now, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), HallMidnight.WaitBefore(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
}
