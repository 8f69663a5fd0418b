using System.Globalization;
using System.Xml.Linq;
using HallOps.Domain.Accountability;
using HallOps.Domain.Alerts;

namespace HallOps.Tests.Domain;

/// <summary>
/// AC1–AC4 "accountability for dereliction": a record is confirmed with one of the nine types
/// (AC2), one of the three severities (AC3), one or more of the seven sanctions and nothing else
/// (AC4), the date of the decision — not in the future, not before the record was raised — and who
/// took it; a dismissal says why; a decided record is not decided again; a record entered by hand
/// names the staff member, the type and what happened.
/// </summary>
public class DerelictionRulesTests
{
    private static readonly DateOnly Raised = new(2026, 11, 20);
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static DerelictionConfirmation Complete => new(
        DerelictionType.Overdue, DerelictionSeverity.General, DerelictionSanctions.Criticism | DerelictionSanctions.EfficiencyWarning,
        Today, "中心主任办公会", "经核实属实");

    public static TheoryData<string, DerelictionConfirmation, DerelictionProblem[]> Confirmations => new()
    {
        { "AC2–AC4 complete", Complete, [] },
        { "AC2 no type", Complete with { Type = null }, [DerelictionProblem.TypeRequired] },
        { "AC2 type 0 is not among the nine", Complete with { Type = (DerelictionType)0 }, [DerelictionProblem.TypeRequired] },
        { "AC2 type 10 is not among the nine", Complete with { Type = (DerelictionType)10 }, [DerelictionProblem.TypeRequired] },
        { "AC2 type 9, other breaches", Complete with { Type = DerelictionType.Other }, [] },
        { "AC3 no severity", Complete with { Severity = null }, [DerelictionProblem.SeverityRequired] },
        { "AC3 severity 4 is not among the three", Complete with { Severity = (DerelictionSeverity)4 }, [DerelictionProblem.SeverityRequired] },
        { "AC3 serious", Complete with { Severity = DerelictionSeverity.Serious }, [] },
        { "AC3 minor", Complete with { Severity = DerelictionSeverity.Minor }, [] },
        { "AC4 no sanction", Complete with { Sanctions = DerelictionSanctions.None }, [DerelictionProblem.SanctionRequired] },
        { "AC4 all seven", Complete with { Sanctions = DerelictionRules.AllSanctions }, [] },
        { "AC4 the seventh alone", Complete with { Sanctions = DerelictionSanctions.JudicialReferral }, [] },
        { "AC4 an eighth bit", Complete with { Sanctions = (DerelictionSanctions)128 }, [DerelictionProblem.SanctionUnknown] },
        { "AC4 a known one with an unknown bit", Complete with { Sanctions = DerelictionSanctions.Criticism | (DerelictionSanctions)256 }, [DerelictionProblem.SanctionUnknown] },
        { "AC4 a negative mask", Complete with { Sanctions = (DerelictionSanctions)(-1) }, [DerelictionProblem.SanctionUnknown] },
        { "no decision date", Complete with { DecisionDate = null }, [DerelictionProblem.DecisionDateRequired] },
        { "decision tomorrow", Complete with { DecisionDate = Today.AddDays(1) }, [DerelictionProblem.DecisionDateInFuture] },
        { "decision the day raised", Complete with { DecisionDate = Raised }, [] },
        { "decision before raised", Complete with { DecisionDate = Raised.AddDays(-1) }, [DerelictionProblem.DecisionDateBeforeRaised] },
        { "no decision maker", Complete with { DecisionMaker = "   " }, [DerelictionProblem.DecisionMakerRequired] },
        { "decision maker of 100", Complete with { DecisionMaker = new string('局', 100) }, [] },
        { "decision maker of 101", Complete with { DecisionMaker = new string('局', 101) }, [DerelictionProblem.DecisionMakerTooLong] },
        { "note too long", Complete with { Note = new string('x', 1001) }, [DerelictionProblem.NoteTooLong] },
        { "nothing given", new DerelictionConfirmation(null, null, DerelictionSanctions.None, null, null),
            [DerelictionProblem.TypeRequired, DerelictionProblem.SeverityRequired, DerelictionProblem.SanctionRequired,
             DerelictionProblem.DecisionDateRequired, DerelictionProblem.DecisionMakerRequired] },
    };

    [Theory]
    [MemberData(nameof(Confirmations))]
    public void AC2_AC3_AC4_AConfirmationNamesTypeSeveritySanctionsDateAndMaker(string _, DerelictionConfirmation confirmation, DerelictionProblem[] expected)
    {
        Assert.Equal(expected, DerelictionRules.CheckConfirm(DerelictionStatus.Draft, confirmation, Raised, Today));
    }

    [Theory]
    [InlineData(DerelictionStatus.Confirmed)]
    [InlineData(DerelictionStatus.Dismissed)]
    public void ADecidedRecord_IsNotDecidedAgain(DerelictionStatus status)
    {
        Assert.Equal([DerelictionProblem.AlreadyDecided], DerelictionRules.CheckConfirm(status, Complete, Raised, Today));
        Assert.Equal([DerelictionProblem.AlreadyDecided], DerelictionRules.CheckDismiss(status, "不属实"));
        Assert.Equal([DerelictionProblem.AlreadyDecided], DerelictionRules.CheckDraftEdit(status, DerelictionType.Other));
    }

    [Theory]
    [InlineData(null, DerelictionProblem.ReasonRequired)]
    [InlineData("", DerelictionProblem.ReasonRequired)]
    [InlineData("   ", DerelictionProblem.ReasonRequired)]
    [InlineData("经核实系申请人自行补交材料，不属失职", null)]
    public void ADismissal_GivesItsReason(string? reason, DerelictionProblem? expected)
    {
        var problems = DerelictionRules.CheckDismiss(DerelictionStatus.Draft, reason);
        Assert.Equal(expected is { } p ? [p] : [], problems);
        Assert.Equal([DerelictionProblem.ReasonTooLong], DerelictionRules.CheckDismiss(DerelictionStatus.Draft, new string('x', 1001)));
    }

    public static TheoryData<string, DerelictionEntry, DerelictionProblem[]> Entries => new()
    {
        { "complete", new(7, 3, DerelictionType.BadAttitude, "与群众争吵", "视频记录"), [] },
        { "no window is fine", new(7, null, DerelictionType.BadAttitude, "与群众争吵", null), [] },
        { "AC1 no staff member", new(null, 3, DerelictionType.BadAttitude, "与群众争吵", null), [DerelictionProblem.StaffRequired] },
        { "AC2 no type", new(7, 3, null, "与群众争吵", null), [DerelictionProblem.TypeRequired] },
        { "AC2 type outside the nine", new(7, 3, (DerelictionType)42, "与群众争吵", null), [DerelictionProblem.TypeRequired] },
        { "no summary", new(7, 3, DerelictionType.Other, "  ", null), [DerelictionProblem.SummaryRequired] },
        { "summary too long", new(7, 3, DerelictionType.Other, new string('x', 501), null), [DerelictionProblem.SummaryTooLong] },
        { "evidence too long", new(7, 3, DerelictionType.Other, "x", new string('x', 16001)), [DerelictionProblem.EvidenceTooLong] },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void AC1_ARecordByHand_NamesTheStaffMemberTheTypeAndWhatHappened(string _, DerelictionEntry entry, DerelictionProblem[] expected)
    {
        Assert.Equal(expected, DerelictionRules.CheckEntry(entry));
    }

    [Fact]
    public void AC4_TheSevenSanctions_AreTheSevenBits_InTheRegulationsOrder()
    {
        Assert.Equal(7, DerelictionRules.Sanctions.Count);
        Assert.Equal(127, (int)DerelictionRules.AllSanctions);
        Assert.Equal([DerelictionSanctions.Criticism, DerelictionSanctions.BonusWithheld],
            DerelictionRules.Of(DerelictionSanctions.BonusWithheld | DerelictionSanctions.Criticism));
        Assert.Equal(9, DerelictionRules.Types.Count);
        Assert.Equal(3, DerelictionRules.Severities.Count);
    }

    [Fact]
    public void AcknowledgingRead_IsKeptOnce_AndOnlyForAConfirmedRecord()
    {
        var record = new DerelictionRecord { SourceKey = "hand:x", Summary = "s", CreatedBy = "office", Status = DerelictionStatus.Draft };
        var first = new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

        Assert.False(DerelictionRules.Acknowledge(record, first, "张晓明"));
        record.Status = DerelictionStatus.Confirmed;
        Assert.True(DerelictionRules.Acknowledge(record, first, "张晓明"));
        Assert.False(DerelictionRules.Acknowledge(record, first.AddHours(1), "someone"));
        Assert.Equal(first, record.ReadAt);
        Assert.Equal("张晓明", record.ReadBy);
    }

    [Theory]
    [InlineData("文件、票据、印章已锁好", "抽屉未锁", DerelictionType.Other)]
    [InlineData("电脑、显示器、打印机已关闭", "打印机未关", DerelictionType.Other)]
    [InlineData("文件、票据、印章已锁好", "申请人材料散落地面，部分损毁", DerelictionType.PapersLost)]
    public void AC1_ARoundExceptionDraft_IsTypeOther_UnlessTheItemSaysPapersWereLostOrDamaged(string item, string note, DerelictionType expected)
    {
        Assert.Equal(expected, DerelictionDrafter.TypeForException(item, note));
    }

    [Theory]
    [InlineData(AlertKinds.CaseOverdue, DerelictionType.Overdue)]
    [InlineData(AlertKinds.CaseDueSoon, DerelictionType.Overdue)]
    [InlineData(AlertKinds.CoverageGap, DerelictionType.Other)]
    [InlineData(AlertKinds.RoundMissed, DerelictionType.Other)]
    public void AC1_AnAlertDraft_IsTypeOverdueForACase_OtherwiseOther(string kind, DerelictionType expected)
    {
        Assert.Equal(expected, DerelictionDrafter.TypeForAlert(kind));
    }

    [Theory]
    // escalated at 10:00; the line is 11:00
    [InlineData(AlertKinds.CoverageGap, "10:00", null, null, "11:00", true)]
    [InlineData(AlertKinds.CoverageGap, "10:00", null, null, "10:59", false)]
    [InlineData(AlertKinds.CoverageGap, null, null, null, "12:00", false)]
    [InlineData(AlertKinds.CoverageGap, "10:00", "10:30", null, "12:00", false)]
    [InlineData(AlertKinds.CoverageGap, "10:00", "11:30", null, "12:00", true)]
    [InlineData(AlertKinds.CoverageGap, "10:00", null, "10:40", "12:00", false)]
    [InlineData(AlertKinds.CoverageGap, "10:00", null, "11:10", "12:00", true)]
    [InlineData(AlertKinds.RoundException, "10:00", null, null, "12:00", false)]
    [InlineData(AlertKinds.Hazard, "10:00", null, null, "12:00", false)]
    [InlineData(AlertKinds.ComplaintOverdue, "10:00", null, null, "12:00", false)]
    public void AC1_AnEscalatedAlert_IsDrafted_WhenStillUnacknowledgedAnHourAfterItsEscalation(
        string kind, string? escalated, string? acknowledged, string? resolved, string now, bool expected)
    {
        var alert = new Alert
        {
            Kind = kind, Subject = "post:1", RaisedAt = At("09:55"),
            EscalatedAt = escalated is null ? null : At(escalated),
            AcknowledgedAt = acknowledged is null ? null : At(acknowledged),
            ResolvedAt = resolved is null ? null : At(resolved),
            IsOpen = resolved is null,
        };
        Assert.Equal(expected, DerelictionDrafter.CallsForDraft(alert, At(now)));
    }

    [Fact]
    public void AC3_AC4_EverySeverityAndSanction_HasItsTextInBothLanguages()
    {
        var keys = DerelictionRules.Severities.SelectMany(s => new[] { $"Dereliction.Severity.{s}", $"Dereliction.Severity.{s}.Definition" })
            .Concat(DerelictionRules.Sanctions.Select(s => $"Dereliction.Sanction.{s}"))
            .Concat(DerelictionRules.Types.Select(t => $"Dereliction.Type.{t}"))
            .Concat(Enum.GetNames<DerelictionProblem>().Select(p => $"Dereliction.Problem.{p}"))
            .ToList();
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.en.resx" })
        {
            var texts = Resources(file);
            Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(texts.GetValueOrDefault(key)), $"{file}: {key}"));
        }
        var zh = Resources("SharedResource.resx");
        Assert.Equal("诫勉教育", zh["Dereliction.Sanction.Admonition"]);
        Assert.Equal("效能告诫", zh["Dereliction.Sanction.EfficiencyWarning"]);
        Assert.Contains("通报批评", zh["Dereliction.Sanction.Criticism"]);
        Assert.Contains("无法挽回", zh["Dereliction.Severity.Serious.Definition"]);
    }

    private static DateTimeOffset At(string time) =>
        new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.FromHours(8)).Add(TimeSpan.Parse(time, CultureInfo.InvariantCulture));

    private static Dictionary<string, string> Resources(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HallOps.sln")))
        {
            dir = dir.Parent;
        }
        var path = Path.Combine(dir!.FullName, "HallOps.Web", "Resources", file);
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
    }
}
