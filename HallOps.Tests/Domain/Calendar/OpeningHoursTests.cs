using HallOps.Domain.Calendar;
using static HallOps.Tests.Domain.Calendar.Dates;

namespace HallOps.Tests.Domain.Calendar;

/// <summary>
/// "Opening hours are set per season" ("Working days", under TL): a season starts on a day of the
/// year and runs until the next one starts; each has a morning and an afternoon session. Values that
/// cannot be opening hours are refused with a message naming the bad value.
/// </summary>
public class OpeningHoursTests
{
    [Fact]
    public void TheDefaultHours_AreSummerFromMayFirstAndWinterFromOctoberFirst()
    {
        var seasons = OpeningHours.Default.Seasons;

        Assert.Collection(
            seasons,
            summer =>
            {
                Assert.Equal(("夏季", new MonthDay(5, 1)), (summer.Name, summer.Starts));
                Assert.Equal(new OpeningSession(Time("08:30"), Time("12:00")), summer.Morning);
                Assert.Equal(new OpeningSession(Time("14:30"), Time("17:30")), summer.Afternoon);
            },
            winter =>
            {
                Assert.Equal(("冬季", new MonthDay(10, 1)), (winter.Name, winter.Starts));
                Assert.Equal(new OpeningSession(Time("08:30"), Time("12:00")), winter.Morning);
                Assert.Equal(new OpeningSession(Time("14:00"), Time("17:00")), winter.Afternoon);
            });
    }

    [Theory]
    // Three seasons, none starting on 01-01: before 03-01 the year is still in last year's 11-15 season.
    [InlineData("2026-01-01", "late")]
    [InlineData("2026-02-28", "late")]
    [InlineData("2028-02-29", "late")]
    [InlineData("2026-03-01", "spring")]
    [InlineData("2026-05-31", "spring")]
    [InlineData("2026-06-01", "summer")]
    [InlineData("2026-11-14", "summer")]
    [InlineData("2026-11-15", "late")]
    [InlineData("2026-12-31", "late")]
    public void SeasonOn_IsTheSeasonThatStartedLastOnOrBeforeTheDate_WrappingAroundTheYear(string date, string season)
    {
        var hours = new OpeningHours(
            Season("summer", "06-01"),
            Season("late", "11-15"),
            Season("spring", "03-01"));

        Assert.Equal(season, hours.SeasonOn(Day(date)).Name);
    }

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-07-01")]
    [InlineData("2026-12-31")]
    public void ASingleSeason_HoldsAllYear(string date)
    {
        var hours = new OpeningHours(Season("all year", "09-01"));

        Assert.Equal("all year", hours.SeasonOn(Day(date)).Name);
    }

    [Theory]
    [InlineData("12:00", "08:30", "12:00–08:30")] // ends before it starts
    [InlineData("08:30", "08:30", "08:30–08:30")] // empty
    public void ASessionThatDoesNotStartBeforeItEnds_IsRefused(string start, string end, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => new OpeningSession(Time(start), Time(end)));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void ASeasonWhoseMorningRunsIntoTheAfternoon_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new OpeningSeason(
            "夏季",
            new MonthDay(5, 1),
            new OpeningSession(Time("08:30"), Time("14:45")),
            new OpeningSession(Time("14:30"), Time("17:30"))));

        Assert.Contains("夏季", error.Message);
        Assert.Contains("08:30–14:45", error.Message);
        Assert.Contains("14:30–17:30", error.Message);
    }

    [Fact]
    public void ASeasonWithoutALunchBreak_IsAccepted()
    {
        var season = new OpeningSeason(
            "连续",
            new MonthDay(5, 1),
            new OpeningSession(Time("08:30"), Time("12:00")),
            new OpeningSession(Time("12:00"), Time("17:00")));

        Assert.True(season.IsOpenAt(Time("12:00")));
    }

    [Fact]
    public void ASeasonWithoutAName_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new OpeningSeason(
            " ", new MonthDay(5, 1), Session("08:30", "12:00"), Session("14:30", "17:30")));
    }

    [Fact]
    public void ASeasonWithoutAStartDay_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new OpeningSeason(
            "夏季", default, Session("08:30", "12:00"), Session("14:30", "17:30")));
    }

    [Fact]
    public void OpeningHoursWithoutASeason_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => new OpeningHours());
    }

    [Fact]
    public void TwoSeasonsStartingOnTheSameDay_AreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new OpeningHours(Season("a", "05-01"), Season("b", "05-01")));
        Assert.Contains("05-01", error.Message);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(13, 1)]
    [InlineData(1, 0)]
    [InlineData(1, 32)]
    [InlineData(2, 30)]
    [InlineData(4, 31)]
    public void AMonthDayThatIsNotADayOfTheYear_IsRefused(int month, int day)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MonthDay(month, day));
    }

    [Theory]
    [InlineData("05-01", 5, 1)]
    [InlineData("5-1", 5, 1)]
    [InlineData("10-01", 10, 1)]
    [InlineData("12-31", 12, 31)]
    [InlineData("02-29", 2, 29)] // a leap day is a day of the year
    public void MonthDayParse_ReadsMonthDashDay(string text, int month, int day)
    {
        Assert.Equal(new MonthDay(month, day), MonthDay.Parse(text));
    }

    [Theory]
    [InlineData("13-01")]
    [InlineData("02-30")]
    [InlineData("05/01")]
    [InlineData("0501")]
    [InlineData("05-01-2026")]
    [InlineData("+5-1")]
    [InlineData("五月一日")]
    [InlineData("")]
    public void MonthDayParse_RefusesWhatIsNotMonthDashDay(string text)
    {
        var error = Assert.Throws<FormatException>(() => MonthDay.Parse(text));
        Assert.Contains($"'{text}'", error.Message);
    }

    [Fact]
    public void From_SettingsWithoutSeasons_GivesTheDefaultHours()
    {
        Assert.Same(OpeningHours.Default, OpeningHours.From(new OpeningHoursOptions()));
    }

    [Fact]
    public void From_ValidSettings_GivesThoseSeasons()
    {
        var hours = OpeningHours.From(ValidOptions());

        var winter = hours.SeasonOn(Day("2026-01-15"));
        var summer = hours.SeasonOn(Day("2026-07-15"));
        Assert.Equal(("冬季", new MonthDay(10, 8)), (winter.Name, winter.Starts));
        Assert.Equal(Session("08:00", "11:30"), winter.Morning); // "8:00" is read as 08:00
        Assert.Equal(Session("13:30", "17:00"), winter.Afternoon);
        Assert.Equal(("夏季", new MonthDay(5, 1)), (summer.Name, summer.Starts));
        Assert.Equal(Session("15:00", "18:00"), summer.Afternoon);
    }

    [Theory]
    // Each row spoils one setting of the second season (冬季) and names what the message must quote.
    [InlineData(nameof(SeasonOptions.Name), "", "Seasons[1] has no Name")]
    [InlineData(nameof(SeasonOptions.Starts), "13-01", "Starts '13-01'")]
    [InlineData(nameof(SeasonOptions.Starts), "10/08", "Starts '10/08'")]
    [InlineData(nameof(SeasonOptions.Starts), "", "Starts ''")]
    [InlineData(nameof(SeasonOptions.Starts), "05-01", "both start on 05-01")] // the same day as 夏季
    [InlineData(nameof(SeasonOptions.MorningStart), "8h30", "MorningStart '8h30'")]
    [InlineData(nameof(SeasonOptions.MorningEnd), "25:00", "MorningEnd '25:00'")]
    [InlineData(nameof(SeasonOptions.AfternoonStart), "", "AfternoonStart ''")]
    [InlineData(nameof(SeasonOptions.AfternoonEnd), "5pm", "AfternoonEnd '5pm'")]
    [InlineData(nameof(SeasonOptions.MorningEnd), "07:00", "MorningEnd '07:00'")]     // before the morning starts
    [InlineData(nameof(SeasonOptions.AfternoonEnd), "13:30", "AfternoonEnd '13:30'")] // when the afternoon starts
    [InlineData(nameof(SeasonOptions.MorningEnd), "14:00", "AfternoonStart '13:30'")] // after the afternoon starts
    public void From_RefusesABadSetting_NamingTheValue(string setting, string value, string named)
    {
        var options = ValidOptions();
        Set(options.Seasons[1], setting, value);

        var error = Assert.Throws<ArgumentException>(() => OpeningHours.From(options));
        Assert.Contains(named, error.Message);
    }

    private static OpeningHoursOptions ValidOptions() => new()
    {
        Seasons =
        [
            new SeasonOptions
            {
                Name = "夏季", Starts = "05-01",
                MorningStart = "08:30", MorningEnd = "12:00", AfternoonStart = "15:00", AfternoonEnd = "18:00",
            },
            new SeasonOptions
            {
                Name = "冬季", Starts = "10-08",
                MorningStart = "8:00", MorningEnd = "11:30", AfternoonStart = "13:30", AfternoonEnd = "17:00",
            },
        ],
    };

    private static void Set(SeasonOptions season, string setting, string value)
    {
        switch (setting)
        {
            case nameof(SeasonOptions.Name): season.Name = value; break;
            case nameof(SeasonOptions.Starts): season.Starts = value; break;
            case nameof(SeasonOptions.MorningStart): season.MorningStart = value; break;
            case nameof(SeasonOptions.MorningEnd): season.MorningEnd = value; break;
            case nameof(SeasonOptions.AfternoonStart): season.AfternoonStart = value; break;
            case nameof(SeasonOptions.AfternoonEnd): season.AfternoonEnd = value; break;
            default: throw new ArgumentException($"No setting '{setting}'.", nameof(setting));
        }
    }

    private static OpeningSession Session(string start, string end) => new(Time(start), Time(end));

    private static OpeningSeason Season(string name, string starts) =>
        new(name, MonthDay.Parse(starts), Session("08:30", "12:00"), Session("14:00", "17:00"));
}
