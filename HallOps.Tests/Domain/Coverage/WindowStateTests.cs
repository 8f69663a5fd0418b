using HallOps.Domain.Coverage;

namespace HallOps.Tests.Domain.Coverage;

/// <summary>AB4: a window shows its worst post — a gap at any post is a gap at the window.</summary>
public class WindowStateTests
{
    [Theory]
    [InlineData("Gap", CoverageState.Gap)]
    [InlineData("ByA, Gap", CoverageState.Gap)]
    [InlineData("Gap, ByA", CoverageState.Gap)]
    [InlineData("ByB, Gap, ByA", CoverageState.Gap)]
    [InlineData("ByB", CoverageState.ByB)]
    [InlineData("ByA, ByB", CoverageState.ByB)]
    [InlineData("ByB, ByA, ByA", CoverageState.ByB)]
    [InlineData("ByA", CoverageState.ByA)]
    [InlineData("ByA, ByA", CoverageState.ByA)]
    [InlineData("Closed, ByA", CoverageState.ByA)]
    [InlineData("Closed", CoverageState.Closed)]
    [InlineData("Closed, Closed, Closed", CoverageState.Closed)]
    public void WindowState_AB4_AnyGapIsAGap_ElseAnyCoverByBIsByB_ElseByA_AndClosedOnlyWhenEveryPostIsClosed(
        string posts, CoverageState window)
    {
        var coverage = posts.Split(',', StringSplitOptions.TrimEntries)
            .Select((state, i) => new PostCoverage(i + 1, 3, Enum.Parse<CoverageState>(state), null, false, false));

        Assert.Equal(window, CoverageRules.WindowState(coverage));
    }
}
