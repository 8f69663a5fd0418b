using HallOps.Domain.Cases;

namespace HallOps.Tests.Domain.Cases;

/// <summary>The matter catalogue's rules: limits (TL1), the materials list (OT1), versions with a reason (OT5).</summary>
public class MatterRulesTests
{
    private static readonly string[] Existing = ["BDC-001", "YYZZ-001"];

    public static TheoryData<string, string, int, int, string[], MatterProblem?> Table => new()
    {
        // code, name, statutory, committed, materials, the problem (null = may be saved)
        { "SPJY-001", "食品经营许可", 20, 10, ["营业执照", "经营场所平面图"], null },
        { "YB-001", "城乡居民医疗保险参保登记", 0, 0, [], null },                       // TL1: 即办件, no list needed
        { "SBK-001", "社会保障卡补换", 0, 0, ["身份证"], null },
        { "BDC-002", "不动产登记", 30, 30, ["申请书"], null },                            // committed = statutory
        { "", "不动产登记", 30, 5, ["申请书"], MatterProblem.CodeRequired },
        { "   ", "不动产登记", 30, 5, ["申请书"], MatterProblem.CodeRequired },
        { "bdc-001", "不动产登记", 30, 5, ["申请书"], MatterProblem.CodeTaken },         // unique without regard to case
        { " BDC-001 ", "不动产登记", 30, 5, ["申请书"], MatterProblem.CodeTaken },
        { "BDC-003", " ", 30, 5, ["申请书"], MatterProblem.NameRequired },
        { "BDC-003", "不动产登记", -1, 0, [], MatterProblem.NegativeLimit },             // TL1
        { "BDC-003", "不动产登记", 30, -5, ["申请书"], MatterProblem.NegativeLimit },
        { "BDC-003", "不动产登记", 15, 20, ["申请书"], MatterProblem.CommittedOverStatutory }, // TL1: committed ≤ statutory
        { "BDC-003", "不动产登记", 251, 5, ["申请书"], MatterProblem.LimitTooLong },      // beyond CaseClock.MaxDays
        { "BDC-003", "不动产登记", 30, 5, [], MatterProblem.MaterialsRequired },           // OT1: a promised matter lists its materials
        { "BDC-003", "不动产登记", 30, 5, ["申请书", " "], MatterProblem.MaterialNameRequired },
        { "BDC-003", "不动产登记", 30, 5, ["申请书", "身份证", " 申请书"], MatterProblem.DuplicateMaterial }, // OT1: each once
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void TL1_OT1_AMatterIsSavedOnlyWithAUniqueCodeLawfulLimitsAndItsMaterials(
        string code, string name, int statutory, int committed, string[] materials, MatterProblem? expected)
    {
        var issues = MatterRules.Check(new MatterDraft(code, name, statutory, committed, materials), Existing);

        if (expected is null)
        {
            Assert.Empty(issues);
        }
        else
        {
            Assert.Equal(expected, Assert.Single(issues).Problem);
        }
    }

    [Fact]
    public void OT1_EveryProblemIsReportedAtOnce()
    {
        var issues = MatterRules.Check(new MatterDraft("", "", 5, 10, ["申请书", "申请书"]), Existing);

        Assert.Equal(
            [MatterProblem.CodeRequired, MatterProblem.NameRequired, MatterProblem.CommittedOverStatutory, MatterProblem.DuplicateMaterial],
            issues.Select(i => i.Problem));
        Assert.Equal("申请书", issues.Single(i => i.Problem == MatterProblem.DuplicateMaterial).Item);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("  ", false)]
    [InlineData("《食品经营许可管理办法》修订，增加健康证明", true)]
    public void OT5_ANewVersionSaysWhy(string? reason, bool ok)
    {
        var issues = MatterRules.Check(new MatterDraft("SPJY-001", "食品经营许可", 20, 10, ["营业执照"], IsNewVersion: true, reason), []);

        Assert.Equal(ok, issues.Count == 0);
        Assert.Equal(!ok, issues.Any(i => i.Problem == MatterProblem.ReasonRequired));
    }

    [Fact]
    public void OT5_TheDiffShowsWhatAWindowMustNowAskFor()
    {
        var before = Materials(("申请书", "原件1份", false), ("身份证", "复印件", false), ("户口簿", null, true), ("结婚证", null, false));
        var after = Materials(("健康证明", "原件", false), ("身份证", "原件及复印件", false), ("结婚证", null, false), ("申请书", "原件1份", false), ("户口簿", null, false));

        var diff = MatterRules.Diff(before, after);

        Assert.Equal(
            [(MaterialChange.Added, "健康证明"), (MaterialChange.Changed, "身份证"), (MaterialChange.Moved, "结婚证"),
             (MaterialChange.Moved, "申请书"), (MaterialChange.Changed, "户口簿")],
            diff.Select(d => (d.Change, d.Name)));
        Assert.All(MatterRules.Diff(before, before), d => Assert.Equal(MaterialChange.Unchanged, d.Change));
        Assert.Equal((MaterialChange.Removed, "申请书"), MatterRules.Diff(before, before.Skip(1)).Select(d => (d.Change, d.Name)).Last());
    }

    [Fact]
    public void OT5_AVersionWithTheSameLimitsGuideAndMaterialsIsTheSame()
    {
        MatterVersion Version(int committed, params (string, string?, bool)[] materials) => new()
        {
            ChangedBy = "manager", StatutoryDays = 20, CommittedDays = committed, Guide = "办理地点：二楼15号窗口\r\n", LegalBasis = "《食品经营许可管理办法》",
            Materials = Materials(materials),
        };

        Assert.True(MatterRules.SameContent(Version(10, ("营业执照", null, false)), Version(10, (" 营业执照 ", "", false))));
        Assert.False(MatterRules.SameContent(Version(10, ("营业执照", null, false)), Version(5, ("营业执照", null, false))));
        Assert.False(MatterRules.SameContent(Version(10, ("营业执照", null, false)), Version(10, ("营业执照", null, true))));
        Assert.False(MatterRules.SameContent(Version(10, ("营业执照", null, false)), Version(10, ("营业执照", null, false), ("健康证明", null, false))));
    }

    private static List<MatterMaterial> Materials(params (string Name, string? Requirement, bool Deferrable)[] items) =>
        items.Select((m, i) => new MatterMaterial { Order = i + 1, Name = m.Name, Requirement = m.Requirement, Deferrable = m.Deferrable }).ToList();
}
