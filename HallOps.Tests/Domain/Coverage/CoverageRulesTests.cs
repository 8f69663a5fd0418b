using HallOps.Domain.Coverage;
using static HallOps.Tests.Domain.Coverage.Holders;

namespace HallOps.Tests.Domain.Coverage;

/// <summary>
/// The AB-post rules for one post (AB1, AB3, AB4, SC2.2). Holders are written "A1 away→3, B2 on,
/// B3 off": role and staff id, then on (在岗), away (离岗) or off (下班), and after → the person A
/// handed the work over to.
/// </summary>
public class CoverageRulesTests
{
    [Theory]
    // A on post: A covers, whoever else is there.
    [InlineData("A1 on, B2 on", CoverageState.ByA, 1)]
    [InlineData("A1 on, B2 off", CoverageState.ByA, 1)]
    [InlineData("A1 on, B2 away", CoverageState.ByA, 1)]
    [InlineData("A1 on", CoverageState.ByA, 1)]
    // A away or signed off, a B on post: that B covers (顶岗).
    [InlineData("A1 away, B2 on", CoverageState.ByB, 2)]
    [InlineData("A1 away→2, B2 on", CoverageState.ByB, 2)]
    [InlineData("A1 off, B2 on", CoverageState.ByB, 2)]
    [InlineData("A1 away, B2 off, B3 on", CoverageState.ByB, 3)]
    [InlineData("A1 away, B2 away, B3 on", CoverageState.ByB, 3)]
    // Several Bs on post: the one A handed over to covers, wherever they stand in the register.
    [InlineData("A1 away→3, B2 on, B3 on", CoverageState.ByB, 3)]
    [InlineData("A1 away→2, B2 on, B3 on", CoverageState.ByB, 2)]
    [InlineData("A1 away→4, B2 on, B3 on, B4 on", CoverageState.ByB, 4)]
    [InlineData("A1 off→3, B2 on, B3 on", CoverageState.ByB, 3)]
    // Neither A nor any B on post: 空岗.
    [InlineData("A1 away→2, B2 off", CoverageState.Gap, null)]
    [InlineData("A1 away→2, B2 away", CoverageState.Gap, null)]
    [InlineData("A1 away, B2 away, B3 off", CoverageState.Gap, null)]
    [InlineData("A1 off, B2 off", CoverageState.Gap, null)]
    [InlineData("A1 off", CoverageState.Gap, null)]
    [InlineData("A1 away", CoverageState.Gap, null)]
    public void Evaluate_AB4_SC2_2_DuringOpeningHours_APostIsCoveredByA_ElseByABOnPost_ElseItIsAGap(
        string holders, CoverageState state, int? coveredBy)
    {
        var coverage = CoverageRules.Evaluate(Post(holders), open: true);

        Assert.Equal((state, coveredBy), (coverage.State, coverage.CoveringStaffId));
        Assert.Equal((PostId, WindowId), (coverage.PostId, coverage.WindowId));
    }

    [Theory]
    // A left without a handover: the B must take over on their own (and is told to), on post or not.
    [InlineData("A1 away, B2 on", true)]
    [InlineData("A1 away, B2 off", true)]
    [InlineData("A1 away, B2 on, B3 off", true)]
    // A handed over to a B of this post in advance: that B is already responsible.
    [InlineData("A1 away→2, B2 on", false)]
    [InlineData("A1 away→3, B2 on, B3 on", false)]
    [InlineData("A1 away→2, B2 off", false)]
    // A handover to someone who is not a B of this post does not count.
    [InlineData("A1 away→9, B2 on", true)]
    [InlineData("A1 away→9, B2 off", true)]
    [InlineData("A1 away→1, B2 on", true)]
    // A on post: nothing to take over.
    [InlineData("A1 on, B2 on", false)]
    [InlineData("A1 on, B2 off", false)]
    // No B on file: nobody to tell; the gap (AB4) and the missing backup (AB1) carry it.
    [InlineData("A1 away", false)]
    public void Evaluate_AB3_WhenALeavesWithoutHandingOverToABOfThePost_TheBMustTakeOverOnTheirOwn(string holders, bool takeOver)
    {
        var coverage = CoverageRules.Evaluate(Post(holders), open: true);

        Assert.Equal(takeOver, coverage.TakeOverNeeded);
    }

    [Theory]
    [InlineData("A1 on", true, true)]
    [InlineData("A1 away", true, true)]
    [InlineData("A1 off", true, true)]
    [InlineData("A1 on", false, true)]
    [InlineData("A1 on, B2 on", true, false)]
    [InlineData("A1 away, B2 off", true, false)]
    [InlineData("A1 on, B2 off, B3 off", false, false)]
    public void Evaluate_AB1_APostWithNoBOnFile_IsFlaggedAsMissingItsBackup_OpenOrClosed(string holders, bool open, bool missingBackup)
    {
        var coverage = CoverageRules.Evaluate(Post(holders), open);

        Assert.Equal(missingBackup, coverage.MissingBackup);
    }

    [Theory]
    [InlineData("A1 on, B2 on", false)]
    [InlineData("A1 away, B2 on", false)]
    [InlineData("A1 away, B2 off", false)]
    [InlineData("A1 away→9, B2 off", false)]
    [InlineData("A1 off, B2 off", false)]
    [InlineData("A1 away", true)]
    [InlineData("A1 on", true)]
    public void Evaluate_SC2_2_OutsideOpeningHours_EveryPostIsClosed_NobodyCovers_AndNoTakeOverIsAsked(string holders, bool missingBackup)
    {
        var coverage = CoverageRules.Evaluate(Post(holders), open: false);

        Assert.Equal(new PostCoverage(PostId, WindowId, CoverageState.Closed, null, false, missingBackup), coverage);
    }
}
