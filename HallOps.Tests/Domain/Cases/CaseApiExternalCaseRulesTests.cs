using HallOps.Domain.Cases;

namespace HallOps.Tests.Domain.Cases;

/// <summary>
/// TL0, TL3: a case from the approval system (import or API) enters the clock only when its facts
/// hold together; every problem of a row is named at once, by field.
/// </summary>
public class CaseApiExternalCaseRulesTests
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly CaseVocabulary Words = new CaseVocabulary()
        .Kind(ApplicantKind.Person, "个人").Kind(ApplicantKind.Organisation, "法人", "企业")
        .State(CaseState.Received, "收件").State(CaseState.AwaitingSupplement, "待补正").State(CaseState.Accepted, "受理")
        .State(CaseState.AcceptedWithDeficiencies, "容缺受理").State(CaseState.Completed, "办结")
        .State(CaseState.Refused, "不予受理").State(CaseState.Returned, "退回");

    private static ExternalCaseText Row(
        string? external = "SP-1", string? matter = "M-1", string? kind = "个人", string? name = "张三明", string? id = "110105199001011234",
        string? phone = "13855631234", string? received = "2026-11-20 09:30", string? accepted = "2026-11-20 10:00", string? window = "12",
        string? handler = "ZW001", string? state = "受理", string? closed = null) =>
        new(external, matter, kind, name, id, phone, received, accepted, window, handler, state, closed);

    private static (ExternalCase? Case, IReadOnlyList<CaseInputError> Errors) Check(ExternalCaseText row) =>
        ExternalCaseRules.Check(row, Words, Beijing, Now);

    [Fact]
    public void TL0_AnAcceptedCase_IsTakenWithItsAcceptanceInHallTime()
    {
        var (value, errors) = Check(Row());

        Assert.Empty(errors);
        Assert.NotNull(value);
        Assert.Equal(CaseState.Accepted, value.State);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8)), value.AcceptedAt);
        Assert.Equal(12, value.WindowNumber);
        Assert.Equal(ApplicantKind.Person, value.ApplicantKind);
    }

    [Theory]
    // TL3: no state given → accepted when an acceptance time is there, else only received.
    [InlineData(null, "2026-11-20 10:00", null, CaseState.Accepted)]
    [InlineData(null, null, null, CaseState.Received)]
    [InlineData("待补正", null, null, CaseState.AwaitingSupplement)]
    [InlineData("容缺受理", "2026-11-20 10:00", null, CaseState.AcceptedWithDeficiencies)]
    [InlineData("办结", "2026-11-20 10:00", "2026-11-24 16:00", CaseState.Completed)]
    [InlineData("不予受理", null, "2026-11-20 11:00", CaseState.Refused)]
    [InlineData("Returned", null, "2026-11-20 11:00", CaseState.Returned)]
    public void TL3_TheStateAndItsTimesAgree(string? state, string? accepted, string? closed, CaseState expected)
    {
        var (value, errors) = Check(Row(state: state, accepted: accepted, closed: closed));

        Assert.Empty(errors);
        Assert.Equal(expected, value!.State);
    }

    [Theory]
    // TL3: the clock started (受理, 容缺受理, 办结) needs its start; not started must not have one.
    [InlineData("受理", null, null, CaseField.AcceptedAt, CaseInputProblem.AcceptedTimeRequired)]
    [InlineData("办结", null, "2026-11-24 16:00", CaseField.AcceptedAt, CaseInputProblem.AcceptedTimeRequired)]
    [InlineData("收件", "2026-11-20 10:00", null, CaseField.AcceptedAt, CaseInputProblem.AcceptedTimeNotAllowed)]
    [InlineData("待补正", "2026-11-20 10:00", null, CaseField.AcceptedAt, CaseInputProblem.AcceptedTimeNotAllowed)]
    // A closed case needs its closing time; an open one must not have one.
    [InlineData("办结", "2026-11-20 10:00", null, CaseField.ClosedAt, CaseInputProblem.ClosedTimeRequired)]
    [InlineData("受理", "2026-11-20 10:00", "2026-11-24 16:00", CaseField.ClosedAt, CaseInputProblem.ClosedTimeNotAllowed)]
    // Time runs forward: acceptance after receipt, closing after acceptance, nothing in the future.
    [InlineData("受理", "2026-11-19 10:00", null, CaseField.AcceptedAt, CaseInputProblem.BeforeReceived)]
    [InlineData("办结", "2026-11-20 10:00", "2026-11-20 09:59", CaseField.ClosedAt, CaseInputProblem.BeforeAccepted)]
    [InlineData("受理", "2026-11-27 10:00", null, CaseField.AcceptedAt, CaseInputProblem.InTheFuture)]
    [InlineData("受理", "20.11.2026", null, CaseField.AcceptedAt, CaseInputProblem.NotATime)]
    [InlineData("审批中", "2026-11-20 10:00", null, CaseField.State, CaseInputProblem.UnknownValue)]
    public void TL3_AStateAndTimesThatDisagree_AreRefusedByField(string state, string? accepted, string? closed, CaseField field, CaseInputProblem problem)
    {
        var (value, errors) = Check(Row(state: state, accepted: accepted, closed: closed));

        Assert.Null(value);
        Assert.Contains(errors, e => e.Field == field && e.Problem == problem);
    }

    [Fact]
    public void TL0_EveryProblemOfARow_IsNamedAtOnce()
    {
        var (value, errors) = Check(Row(external: " ", matter: null, name: "", received: "yesterday", window: "十二", kind: "外星人", phone: "138abc"));

        Assert.Null(value);
        Assert.Equal(
            [
                (CaseField.ExternalNumber, CaseInputProblem.Required),
                (CaseField.MatterCode, CaseInputProblem.Required),
                (CaseField.ApplicantName, CaseInputProblem.Required),
                (CaseField.ApplicantPhone, CaseInputProblem.BadCharacters),
                (CaseField.ApplicantKind, CaseInputProblem.UnknownValue),
                (CaseField.WindowNumber, CaseInputProblem.NotANumber),
                (CaseField.ReceivedAt, CaseInputProblem.NotATime),
            ],
            errors.Select(e => (e.Field, e.Problem)).ToList());
    }

    [Theory]
    [InlineData("2026-11-20 10:00", "2026-11-20T02:00:00Z")]
    [InlineData("2026/11/20 10:00:30", "2026-11-20T02:00:30Z")]
    [InlineData("2026-11-20T10:00:00+08:00", "2026-11-20T02:00:00Z")]
    [InlineData("2026-11-20T02:00:00Z", "2026-11-20T02:00:00Z")]
    public void TL0_ATimeWithoutOffset_IsHallTime(string text, string utc)
    {
        Assert.True(ExternalCaseRules.TryParseTime(text, Beijing, out var instant));
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    [Fact]
    public void TL0_AnOrganisation_AndAWindowNumberFromASpreadsheet_AreRead()
    {
        var (value, errors) = Check(Row(kind: "企业", window: "7.0", id: "91340000MA2N1234X1"));

        Assert.Empty(errors);
        Assert.Equal(ApplicantKind.Organisation, value!.ApplicantKind);
        Assert.Equal(7, value.WindowNumber);
    }
}
