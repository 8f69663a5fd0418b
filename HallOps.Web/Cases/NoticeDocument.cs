using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Cases;

/// <summary>A labelled line of a notice's head (受理编号, 申请人, 申请事项 …).</summary>
public sealed record NoticeField(string Label, string Value);

/// <summary>
/// A written notice exactly as issued (NOTICES.md): every word the printed page shows, composed once
/// at issue and kept in <see cref="CaseNotice.Body"/> as JSON, so the print is never re-rendered
/// from today's data. Notices are the hall's official documents and are always composed in Chinese.
/// </summary>
public sealed record NoticeDocument(
    string Issuer,
    string Title,
    string DocumentNumber,
    string Addressee,
    IReadOnlyList<NoticeField> Fields,
    IReadOnlyList<string> Before,
    IReadOnlyList<string> Items,
    IReadOnlyList<string> After,
    string LegalBasis,
    string Contact,
    string Date,
    string Seal,
    string ReceiptTitle,
    string ReceiptText,
    string ReceiptSignature,
    string ReceiptDate)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The document of a stored body; null when the body is not a document (an imported or damaged row).</summary>
    public static NoticeDocument? FromJson(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<NoticeDocument>(body, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>What a notice is about: the facts it states, gathered by the service.</summary>
public sealed record NoticeFacts(
    string Issuer,
    string DocumentNumber,
    string CaseNumber,
    string Applicant,
    string Matter,
    DateTimeOffset ReceivedAt,
    DateOnly IssuedOn,
    string Handler,
    string Contact,
    string? VersionLegalBasis);

/// <summary>
/// Composes the written notices (受理通知书, 补正材料告知书, 容缺受理告知书, 不予受理通知书, 退件通知书,
/// 延期告知书) from the resources, in Chinese whatever the issuer's UI language: the applicant takes
/// the paper home, and the hall's documents are Chinese.
/// </summary>
public sealed class NoticeWriter(IStringLocalizer<SharedResource> L)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public NoticeDocument Acceptance(NoticeFacts facts, WorkingCalendar calendar, DateTimeOffset acceptedAt, DateTimeOffset dueAt,
        int committedDays, int statutoryDays, string collectAt) => InChinese(() =>
    {
        var before = new List<string>
        {
            L["Notice.Acceptance.Accepted", Day(calendar, facts.ReceivedAt), facts.Matter, Day(calendar, acceptedAt)],
            committedDays == 0
                ? L["Notice.Acceptance.Instant", DueText(calendar, dueAt)]
                : L["Notice.Acceptance.Limit", committedDays, statutoryDays, DueText(calendar, dueAt)],
            L["Notice.Acceptance.Collect", collectAt],
        };
        return Document(facts, L["Notice.Title.Acceptance"], before, [], [], Basis(L["Notice.Basis.Acceptance"], facts.VersionLegalBasis));
    });

    public NoticeDocument Supplement(NoticeFacts facts, WorkingCalendar calendar, IReadOnlyList<string> items, bool again) => InChinese(() =>
        Document(facts, L["Notice.Title.Supplement"],
            [L[again ? "Notice.Supplement.Again" : "Notice.Supplement.Intro", Day(calendar, facts.ReceivedAt), facts.Matter]],
            items,
            [L["Notice.Supplement.All"], L["Notice.Supplement.Clock"]],
            Basis(L["Notice.Basis.Supplement"], facts.VersionLegalBasis)));

    public NoticeDocument Deficiency(NoticeFacts facts, WorkingCalendar calendar, IReadOnlyList<string> items, DateTimeOffset acceptedAt,
        DateTimeOffset dueAt, DateOnly deferredDue) => InChinese(() =>
        Document(facts, L["Notice.Title.Deficiency"],
            [L["Notice.Deficiency.Intro", Day(calendar, facts.ReceivedAt), facts.Matter, Day(calendar, acceptedAt), DueText(calendar, dueAt)]],
            items,
            [L["Notice.Deficiency.Due", ChineseDate(deferredDue)], L["Notice.Deficiency.IfNot"]],
            Basis(L["Notice.Basis.Acceptance"], facts.VersionLegalBasis)));

    public NoticeDocument Refusal(NoticeFacts facts, WorkingCalendar calendar, IReadOnlyList<string> reasons, string legalBasis, string? applyInstead) =>
        InChinese(() =>
        {
            var after = new List<string>();
            if (!string.IsNullOrWhiteSpace(applyInstead))
            {
                after.Add(L["Notice.ApplyInstead", applyInstead]);
            }
            after.Add(L["Notice.Refusal.Remedy"]);
            return Document(facts, L["Notice.Title.Refusal"],
                [L["Notice.Refusal.Intro", Day(calendar, facts.ReceivedAt), facts.Matter]], reasons, after, legalBasis);
        });

    public NoticeDocument Return(NoticeFacts facts, WorkingCalendar calendar, IReadOnlyList<string> reasons, string? legalBasis, string? applyInstead) =>
        InChinese(() =>
        {
            var after = new List<string>();
            if (!string.IsNullOrWhiteSpace(applyInstead))
            {
                after.Add(L["Notice.ApplyInstead", applyInstead]);
            }
            after.Add(L["Notice.Return.Contact"]);
            return Document(facts, L["Notice.Title.Return"],
                [L["Notice.Return.Intro", Day(calendar, facts.ReceivedAt), facts.Matter]], reasons, after,
                string.IsNullOrWhiteSpace(legalBasis) ? Basis(L["Notice.Basis.Supplement"], facts.VersionLegalBasis) : legalBasis);
        });

    public NoticeDocument Extension(NoticeFacts facts, WorkingCalendar calendar, DateTimeOffset acceptedAt, DateTimeOffset oldDue, DateTimeOffset newDue,
        int days, string reason, string approver) => InChinese(() =>
        Document(facts, L["Notice.Title.Extension"],
            [L["Notice.Extension.Body", Day(calendar, acceptedAt), facts.Matter, reason, DueText(calendar, oldDue), approver, days, DueText(calendar, newDue)]],
            [], [L["Notice.Extension.Collect"]], L["Notice.Basis.Extension"]));

    /// <summary>An item of a supplement notice: the material and what is wrong with it.</summary>
    public string SupplementItem(string material, MaterialStatus status, string? note, string? requirement) => InChinese(() =>
        status == MaterialStatus.NonConforming
            ? L["Notice.Item.NonConforming", material, note ?? ""]
            : string.IsNullOrWhiteSpace(note)
                ? string.IsNullOrWhiteSpace(requirement) ? L["Notice.Item.Missing", material] : L["Notice.Item.MissingWith", material, requirement]
                : L["Notice.Item.MissingNote", material, note]);

    /// <summary>A deferred item of a 容缺受理 notice.</summary>
    public string DeferredItem(string material, string? requirement) => InChinese(() =>
        string.IsNullOrWhiteSpace(requirement) ? material : L["Notice.Item.Deferred", material, requirement]);

    /// <summary>2026年11月26日.</summary>
    public string ChineseDate(DateOnly date) => InChinese(() => L["Notice.DateFormat", date.Year, date.Month, date.Day].Value);

    private NoticeDocument Document(NoticeFacts facts, string title, IReadOnlyList<string> before, IReadOnlyList<string> items,
        IReadOnlyList<string> after, string basis)
    {
        return new NoticeDocument(
            facts.Issuer,
            title,
            facts.DocumentNumber,
            L["Notice.Addressee", facts.Applicant],
            [
                new(L["Notice.Field.CaseNumber"], facts.CaseNumber),
                new(L["Notice.Field.Applicant"], facts.Applicant),
                new(L["Notice.Field.Matter"], facts.Matter),
            ],
            before,
            items,
            after,
            L["Notice.BasisLine", basis],
            L["Notice.ContactLine", facts.Handler, facts.Contact],
            ChineseDate(facts.IssuedOn),
            L["Notice.Seal"],
            L["Notice.Receipt.Title"],
            L["Notice.Receipt.Text", facts.Issuer, title, facts.DocumentNumber],
            L["Notice.Receipt.Signature"],
            L["Notice.Receipt.Date"]);
    }

    private string Basis(string standard, string? version) =>
        string.IsNullOrWhiteSpace(version) ? standard : L["Notice.BasisJoin", standard, version.Trim()];

    private string Day(WorkingCalendar calendar, DateTimeOffset at) => ChineseDate(calendar.LocalDate(at));

    private string DueText(WorkingCalendar calendar, DateTimeOffset due) =>
        L["Notice.DueFormat", ChineseDate(calendar.LocalDate(due)), TimeZoneInfo.ConvertTime(due, calendar.Zone).ToString("HH:mm", CultureInfo.InvariantCulture)];

    private static T InChinese<T>(Func<T> compose)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Chinese;
        try
        {
            return compose();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
