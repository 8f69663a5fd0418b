using HallOps.Domain.Cases;

namespace HallOps.Tests.Domain.Cases;

/// <summary>
/// Intake at the window (OT1, OT2, TL3, TL4): which outcome the materials check allows, and the
/// applicant's ID and phone formats.
/// </summary>
public class IntakeRulesTests
{
    private static readonly MatterMaterial[] Materials =
    [
        new() { Id = 1, Order = 1, Name = "身份证" },
        new() { Id = 2, Order = 2, Name = "申请表" },
        new() { Id = 3, Order = 3, Name = "房产证明", Deferrable = true },
    ];

    private static readonly DateOnly Today = new(2026, 11, 26);

    private static MaterialCheck[] Checks(MaterialStatus a, MaterialStatus b, MaterialStatus c, string? note = "x") =>
        [new(1, a, note), new(2, b, note), new(3, c, note)];

    private const MaterialStatus R = MaterialStatus.Received;
    private const MaterialStatus M = MaterialStatus.Missing;
    private const MaterialStatus N = MaterialStatus.NonConforming;

    public static TheoryData<IntakeOutcome, MaterialStatus, MaterialStatus, MaterialStatus, IntakeProblem[]> Outcomes => new()
    {
        // TL2: complete and conforming papers are accepted.
        { IntakeOutcome.Accept, R, R, R, [] },
        // TL3: accepting with anything missing or not conforming is refused.
        { IntakeOutcome.Accept, R, M, R, [IntakeProblem.NotComplete] },
        { IntakeOutcome.Accept, N, R, R, [IntakeProblem.NotComplete] },
        // OT1: a supplement notice needs at least one item to supplement.
        { IntakeOutcome.Supplement, M, N, R, [] },
        { IntakeOutcome.Supplement, R, R, R, [IntakeProblem.NothingMissing] },
        // TL3: 容缺受理 only when every missing item may be deferred.
        { IntakeOutcome.AcceptWithDeficiencies, R, R, M, [] },
        { IntakeOutcome.AcceptWithDeficiencies, M, R, M, [IntakeProblem.NotDeferrable] },
        { IntakeOutcome.AcceptWithDeficiencies, R, R, R, [IntakeProblem.NothingMissing] },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void OT1_TL3_TheOutcomeTheMaterialsCheckAllows(IntakeOutcome outcome, MaterialStatus a, MaterialStatus b, MaterialStatus c, IntakeProblem[] expected)
    {
        Assert.Equal(expected, IntakeRules.Check(outcome, Materials, Checks(a, b, c), deferredDue: Today.AddDays(10), today: Today));
    }

    [Fact]
    public void OT1_ANonConformingItemMustSayWhatIsWrong()
    {
        Assert.Equal([IntakeProblem.NonConformingWithoutNote],
            IntakeRules.Check(IntakeOutcome.Supplement, Materials, Checks(R, N, R, note: " ")));
    }

    [Fact]
    public void OT1_EveryMaterialIsCheckedOnce()
    {
        Assert.Equal([IntakeProblem.ChecklistIncomplete],
            IntakeRules.Check(IntakeOutcome.Accept, Materials, [new(1, R), new(2, R)]));
        Assert.Equal([IntakeProblem.ChecklistIncomplete],
            IntakeRules.Check(IntakeOutcome.Accept, Materials, [new(1, R), new(1, R), new(3, R)]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2026-11-26")]
    public void TL3_DeferredItemsNeedADueDateAfterToday(string? due)
    {
        Assert.Equal([IntakeProblem.DeferredDueInvalid],
            IntakeRules.Check(IntakeOutcome.AcceptWithDeficiencies, Materials, Checks(R, R, M),
                deferredDue: due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), today: Today));
    }

    [Theory]
    [InlineData(IntakeOutcome.Refuse, new string[0], "第三十二条", new[] { IntakeProblem.NoReasons })]
    [InlineData(IntakeOutcome.Refuse, new[] { "不属于本机关职权范围" }, " ", new[] { IntakeProblem.NoLegalBasis })]
    [InlineData(IntakeOutcome.Refuse, new[] { "不属于本机关职权范围" }, "第三十二条", new IntakeProblem[0])]
    [InlineData(IntakeOutcome.Return, new[] { " " }, null, new[] { IntakeProblem.NoReasons })]
    [InlineData(IntakeOutcome.Return, new[] { "申请人撤回申请" }, null, new IntakeProblem[0])]
    public void OT2_TL4_RefusalAndReturnGiveEveryReasonAtOnce(IntakeOutcome outcome, string[] reasons, string? basis, IntakeProblem[] expected)
    {
        Assert.Equal(expected, IntakeRules.Check(outcome, Materials, [], reasons, basis));
    }

    [Theory]
    // The standard's own example, with an X check character, and lower case x.
    [InlineData("11010519491231002X", true)]
    [InlineData("11010519491231002x", true)]
    [InlineData("110105194912310021", false)]
    [InlineData("11010519491331002X", false)]
    [InlineData("1101051949123100", false)]
    [InlineData("", false)]
    public void TL2_APersonsIdNumberHas18CharactersAndItsCheckCharacter(string id, bool valid) =>
        Assert.Equal(valid, IntakeRules.IsValidPersonId(id));

    [Theory]
    [InlineData("91350100M000100Y43", true)]
    [InlineData("91350100M000100Y44", false)]
    [InlineData("91350100M000100Y4", false)]
    [InlineData("91350100I000100Y43", false)]
    public void TL2_AnOrganisationsUnifiedSocialCreditCodeHas18CharactersAndItsCheckCharacter(string code, bool valid) =>
        Assert.Equal(valid, IntakeRules.IsValidCreditCode(code));

    [Theory]
    [InlineData("13855631234", true)]
    [InlineData("0563-5512345", true)]
    [InlineData("056355123456", true)]
    [InlineData("010-87654321-801", true)]
    [InlineData("12855631234", false)]
    [InlineData("1385563123", false)]
    [InlineData("5512345", false)]
    [InlineData("138-5563-1234", false)]
    public void TL2_APhoneIsAMobileNumberOrALandlineWithItsAreaCode(string phone, bool valid) =>
        Assert.Equal(valid, IntakeRules.IsValidPhone(phone));
}
