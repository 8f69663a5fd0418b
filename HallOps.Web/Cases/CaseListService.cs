using System.Data;
using System.Globalization;
using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Persistence;
using HallOps.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace HallOps.Web.Cases;

public enum CaseSort
{
    ReceivedAt,
    DueAt,
    Number,
}

/// <summary>
/// The manager's filter of the case list; empty for every case. Dates are hall-local and inclusive.
/// The same filter drives the page and the export, through its query string.
/// </summary>
public sealed class CaseFilter
{
    public const int MaxText = 100;

    public CaseState? State { get; set; }
    public CaseLight? Light { get; set; }
    public int? MatterId { get; set; }
    public int? WindowId { get; set; }
    public int? HandlerStaffId { get; set; }
    public DateOnly? ReceivedFrom { get; set; }
    public DateOnly? ReceivedTo { get; set; }

    /// <summary>The start of a case number or an external number (2026-0004, SP-2026).</summary>
    public string? Text { get; set; }
    public CaseSort Sort { get; set; } = CaseSort.ReceivedAt;
    public bool Descending { get; set; } = true;

    public CaseFilter Copy() => (CaseFilter)MemberwiseClone();

    /// <summary>The filter as a query string (without "?"): only what is set.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string key, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                parts.Add($"{key}={Uri.EscapeDataString(text)}");
            }
        }
        Add("state", State);
        Add("light", Light);
        Add("matter", MatterId);
        Add("window", WindowId);
        Add("handler", HandlerStaffId);
        Add("from", ReceivedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", ReceivedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("q", string.IsNullOrWhiteSpace(Text) ? null : Text.Trim());
        if (Sort != CaseSort.ReceivedAt || !Descending)
        {
            Add("sort", Sort);
            Add("desc", Descending ? "true" : "false");
        }
        return string.Join("&", parts);
    }

    /// <summary>Reads a filter from a query string; a value that is not one names the parameter.</summary>
    public static (CaseFilter Filter, IReadOnlyList<string> BadKeys) Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var filter = new CaseFilter();
        var bad = new List<string>();
        foreach (var (key, values) in query)
        {
            var value = values.ToString();
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }
            var ok = key.ToLowerInvariant() switch
            {
                "state" => TryEnum<CaseState>(value, v => filter.State = v),
                "light" => TryEnum<CaseLight>(value, v => filter.Light = v),
                "matter" => TryId(value, v => filter.MatterId = v),
                "window" => TryId(value, v => filter.WindowId = v),
                "handler" => TryId(value, v => filter.HandlerStaffId = v),
                "from" => TryDate(value, v => filter.ReceivedFrom = v),
                "to" => TryDate(value, v => filter.ReceivedTo = v),
                "q" => value.Length <= MaxText && (filter.Text = value.Trim()) is not null,
                "sort" => TryEnum<CaseSort>(value, v => filter.Sort = v),
                "desc" => bool.TryParse(value, out var desc) && (filter.Descending = desc) == desc,
                _ => true,
            };
            if (!ok)
            {
                bad.Add(key);
            }
        }
        return (filter, bad);
    }

    private static bool TryEnum<T>(string text, Action<T> set) where T : struct, Enum
    {
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
        {
            set(value);
            return true;
        }
        return false;
    }

    private static bool TryId(string text, Action<int> set)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            set(id);
            return true;
        }
        return false;
    }

    private static bool TryDate(string text, Action<DateOnly> set)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            set(date);
            return true;
        }
        return false;
    }
}

/// <summary>One case as the list shows it: the applicant masked (张*明), the light as of now.</summary>
public sealed record CaseRow(
    long Id, string Number, string? ExternalNumber, string MatterCode, string MatterName, int? WindowNumber, string? WindowName,
    string? HandlerName, string? HandlerNo, string Applicant, CaseState State, CaseLight Light, CaseSource Source,
    DateTimeOffset ReceivedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? DueAt, DateTimeOffset? ClosedAt);

public sealed record CasePage(IReadOnlyList<CaseRow> Rows, int Total);

public sealed record CaseChoice(int Id, string Label);

/// <summary>The choices of the list's filters: matters, windows, handlers.</summary>
public sealed record CaseFilterChoices(IReadOnlyList<CaseChoice> Matters, IReadOnlyList<CaseChoice> Windows, IReadOnlyList<CaseChoice> Handlers);

/// <summary>
/// 办件列表 for managers (TL0, TL5): every case, filtered by state, light, matter, window, handler,
/// received date and number, sorted and paged in the database (indexes on received time, due time
/// by state and number; a page reads one page), and the same filtered list as an xlsx workbook.
/// Applicants are masked everywhere here. The light is the clock's as of now (red from the due time,
/// yellow from the due-soon time, open cases only), the one the wall shows once the scan has run.
/// Manage policy, re-checked on every read.
/// </summary>
public sealed class CaseListService(
    IDbContextFactory<HallDbContext> contexts,
    HallAuthorizer authorizer,
    CalendarSource calendars,
    TimeProvider time,
    CaseTexts texts,
    IStringLocalizer<SharedResource> L)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const int MaxPageSize = 200;

    /// <summary>The most rows one workbook holds; a larger list asks for a narrower filter.</summary>
    public const int MaxExportRows = 100_000;

    public async Task<CasePage> ListAsync(CaseFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 0);
        var now = time.GetUtcNow();
        var calendar = await calendars.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db.Cases.AsNoTracking(), filter, now, calendar);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Rows(Sorted(query, filter).Skip(page * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new CasePage(rows.Select(r => r.Row(now)).ToList(), total);
    }

    /// <summary>The filtered list in the list's order, at most <see cref="MaxExportRows"/> rows; null when there are more.</summary>
    public async Task<IReadOnlyList<CaseRow>?> ExportRowsAsync(CaseFilter filter, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        var now = time.GetUtcNow();
        var calendar = await calendars.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db.Cases.AsNoTracking(), filter, now, calendar);
        var rows = await Rows(Sorted(query, filter).Take(MaxExportRows + 1)).ToListAsync(cancellationToken);
        return rows.Count > MaxExportRows ? null : rows.Select(r => r.Row(now)).ToList();
    }

    public async Task<CaseFilterChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matters = await db.Matters.AsNoTracking().OrderBy(m => m.Code)
            .Select(m => new CaseChoice(m.Id, m.Code + " " + m.Name)).ToListAsync(cancellationToken);
        var windows = await db.Windows.AsNoTracking().OrderBy(w => w.Number)
            .Select(w => new { w.Id, w.Number, w.Name }).ToListAsync(cancellationToken);
        var handlers = await db.StaffMembers.AsNoTracking().Where(s => !s.IsExternal).OrderBy(s => s.EmployeeNo)
            .Select(s => new { s.Id, s.Name, s.EmployeeNo }).ToListAsync(cancellationToken);
        return new CaseFilterChoices(
            matters,
            windows.Select(w => new CaseChoice(w.Id, L["CaseList.WindowLabel", w.Number, w.Name])).ToList(),
            handlers.Select(h => new CaseChoice(h.Id, L["CaseList.HandlerLabel", h.Name, h.EmployeeNo])).ToList());
    }

    /// <summary>The hall's time zone, for showing times.</summary>
    public async Task<TimeZoneInfo> ZoneAsync() => (await calendars.GetAsync()).Zone;

    public async Task<DateOnly> TodayAsync() => (await calendars.GetAsync()).LocalDate(time.GetUtcNow());

    /// <summary>The workbook of rows, headers in the reader's language; times in hall time.</summary>
    public async Task<byte[]> WorkbookAsync(IReadOnlyList<CaseRow> rows)
    {
        var calendar = await calendars.GetAsync();
        string Time(DateTimeOffset? at) => at is { } value
            ? TimeZoneInfo.ConvertTime(value, calendar.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : "";
        var table = new DataTable();
        foreach (var header in Headers())
        {
            table.Columns.Add(header, typeof(string));
        }
        foreach (var row in rows)
        {
            table.Rows.Add(
                row.Number, row.ExternalNumber ?? "", row.MatterCode, row.MatterName,
                row.WindowNumber is { } n ? n.ToString(CultureInfo.InvariantCulture) : "", row.HandlerName ?? "", row.HandlerNo ?? "",
                row.Applicant, texts.StateName(row.State), row.Light == CaseLight.None ? "" : texts.LightName(row.Light),
                Time(row.ReceivedAt), Time(row.AcceptedAt), Time(row.DueAt), Time(row.ClosedAt), texts.SourceName(row.Source));
        }
        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: L["CaseList.SheetName"], excelType: ExcelType.XLSX,
            configuration: new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = rows.Count <= 5_000 });
        return stream.ToArray();
    }

    /// <summary>The workbook's column headers, in order.</summary>
    public IReadOnlyList<string> Headers() =>
    [
        L["CaseList.Col.Number"], L["CaseList.Col.ExternalNumber"], L["CaseList.Col.MatterCode"], L["CaseList.Col.Matter"],
        L["CaseList.Col.Window"], L["CaseList.Col.Handler"], L["CaseList.Col.HandlerNo"], L["CaseList.Col.Applicant"],
        L["CaseList.Col.State"], L["CaseList.Col.Light"], L["CaseList.Col.ReceivedAt"], L["CaseList.Col.AcceptedAt"],
        L["CaseList.Col.DueAt"], L["CaseList.Col.ClosedAt"], L["CaseList.Col.Source"],
    ];

    public string FileName(DateOnly today) => L["CaseList.FileName", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];

    /// <summary>The filter as a query: every condition an indexed column or a scan the page bounds.</summary>
    public static IQueryable<ServiceCase> Filtered(IQueryable<ServiceCase> cases, CaseFilter filter, DateTimeOffset now, WorkingCalendar calendar)
    {
        var query = cases;
        // Sorted by due time, the (State, DueAt) index serves both the filter and the order. Sorted
        // otherwise, a state condition the index cannot take (State + 0) lets the database walk the
        // received-time or number index in order and stop after one page, instead of sorting every
        // case of a common state (80,000 of 100,000: 0.8 s against 0.02 s).
        var byStateIndex = filter.Sort == CaseSort.DueAt;
        if (filter.State is { } state)
        {
            var value = (int)state;
            query = byStateIndex ? query.Where(c => c.State == state) : query.Where(c => (int)c.State + 0 == value);
        }
        const int accepted = (int)CaseState.Accepted, withDeficiencies = (int)CaseState.AcceptedWithDeficiencies;
        switch (filter.Light)
        {
            case CaseLight.Red when byStateIndex:
                query = query.Where(c => (c.State == CaseState.Accepted || c.State == CaseState.AcceptedWithDeficiencies) && c.DueAt != null && c.DueAt <= now);
                break;
            case CaseLight.Red:
                query = query.Where(c => ((int)c.State + 0 == accepted || (int)c.State + 0 == withDeficiencies) && c.DueAt != null && c.DueAt <= now);
                break;
            case CaseLight.Yellow:
                query = query.Where(c => (c.State == CaseState.Accepted || c.State == CaseState.AcceptedWithDeficiencies)
                                         && c.DueSoonAt != null && c.DueSoonAt <= now && c.DueAt > now);
                break;
            case CaseLight.None:
                query = query.Where(c => !((int)c.State + 0 == accepted || (int)c.State + 0 == withDeficiencies)
                                         || c.DueSoonAt == null || c.DueSoonAt > now);
                break;
        }
        if (filter.MatterId is { } matterId)
        {
            query = query.Where(c => c.MatterId == matterId);
        }
        if (filter.WindowId is { } windowId)
        {
            query = query.Where(c => c.WindowId == windowId);
        }
        if (filter.HandlerStaffId is { } handlerId)
        {
            query = query.Where(c => c.HandlerStaffId == handlerId);
        }
        if (filter.ReceivedFrom is { } from)
        {
            var start = calendar.ToInstant(from, TimeOnly.MinValue);
            query = query.Where(c => c.ReceivedAt >= start);
        }
        if (filter.ReceivedTo is { } to)
        {
            var end = calendar.ToInstant(to.AddDays(1), TimeOnly.MinValue);
            query = query.Where(c => c.ReceivedAt < end);
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            // The start of a case or external number: a range on each unique index, never a scan.
            var first = filter.Text.Trim();
            var past = first + char.MaxValue;
            query = query.Where(c => (string.Compare(c.Number, first) >= 0 && string.Compare(c.Number, past) < 0)
                                     || (string.Compare(c.ExternalNumber, first) >= 0 && string.Compare(c.ExternalNumber, past) < 0));
        }
        return query;
    }

    private static IQueryable<ServiceCase> Sorted(IQueryable<ServiceCase> query, CaseFilter filter) => (filter.Sort, filter.Descending) switch
    {
        (CaseSort.DueAt, false) => query.OrderBy(c => c.DueAt == null).ThenBy(c => c.DueAt).ThenBy(c => c.Id),
        (CaseSort.DueAt, true) => query.OrderByDescending(c => c.DueAt).ThenByDescending(c => c.Id),
        (CaseSort.Number, false) => query.OrderBy(c => c.Number),
        (CaseSort.Number, true) => query.OrderByDescending(c => c.Number),
        (_, false) => query.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id),
        _ => query.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id),
    };

    private static IQueryable<RawRow> Rows(IQueryable<ServiceCase> query) => query.Select(c => new RawRow
    {
        Id = c.Id,
        Number = c.Number,
        ExternalNumber = c.ExternalNumber,
        MatterCode = c.Matter!.Code,
        MatterName = c.Matter.Name,
        WindowNumber = c.Window == null ? null : c.Window.Number,
        WindowName = c.Window == null ? null : c.Window.Name,
        HandlerName = c.Handler == null ? null : c.Handler.Name,
        HandlerNo = c.Handler == null ? null : c.Handler.EmployeeNo,
        ApplicantKind = c.ApplicantKind,
        ApplicantName = c.ApplicantName,
        State = c.State,
        Source = c.Source,
        ReceivedAt = c.ReceivedAt,
        AcceptedAt = c.AcceptedAt,
        DueAt = c.DueAt,
        DueSoonAt = c.DueSoonAt,
        ClosedAt = c.ClosedAt,
    });

    private sealed class RawRow
    {
        public long Id { get; init; }
        public string Number { get; init; } = "";
        public string? ExternalNumber { get; init; }
        public string MatterCode { get; init; } = "";
        public string MatterName { get; init; } = "";
        public int? WindowNumber { get; init; }
        public string? WindowName { get; init; }
        public string? HandlerName { get; init; }
        public string? HandlerNo { get; init; }
        public ApplicantKind ApplicantKind { get; init; }
        public string ApplicantName { get; init; } = "";
        public CaseState State { get; init; }
        public CaseSource Source { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
        public DateTimeOffset? AcceptedAt { get; init; }
        public DateTimeOffset? DueAt { get; init; }
        public DateTimeOffset? DueSoonAt { get; init; }
        public DateTimeOffset? ClosedAt { get; init; }
        public CaseRow Row(DateTimeOffset now)
        {
            var open = State is CaseState.Received or CaseState.AwaitingSupplement or CaseState.Accepted or CaseState.AcceptedWithDeficiencies;
            var light = open ? CaseClock.LightAt(now, DueSoonAt, DueAt) : CaseLight.None;
            return new CaseRow(Id, Number, ExternalNumber, MatterCode, MatterName, WindowNumber, WindowName, HandlerName, HandlerNo,
                Masking.Name(ApplicantName, ApplicantKind), State, light, Source, ReceivedAt, AcceptedAt, DueAt, ClosedAt);
        }
    }
}
