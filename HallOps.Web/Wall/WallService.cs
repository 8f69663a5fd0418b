using HallOps.Domain.Alerts;
using HallOps.Domain.Appointments;
using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Hall;
using HallOps.Domain.Coverage;
using HallOps.Domain.Jobs;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Domain.Staffing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Wall;

/// <summary>
/// Reads what the wall screen shows, on its own short-lived context: windows, coverage, alerts,
/// today's figures; before opening and by day the windows whose pre-work self-check is not done
/// (HY2); in evening mode the evening board (SE2.2, SE4) — read only then.
/// </summary>
public sealed class WallService(
    IDbContextFactory<HallDbContext> contexts,
    CoverageMonitor coverage,
    CalendarSource calendars,
    TimeProvider time,
    IOptions<HallOptions> options)
{
    private const int AlertLines = 12;

    /// <summary>Case lines on the panel; the rest are counted as "+ N more".</summary>
    public const int CaseLines = 8;

    /// <summary>Open exceptions listed in evening mode; the rest are counted.</summary>
    public const int ExceptionLines = 4;

    /// <summary>Open hazard reports listed in evening mode; the rest are counted.</summary>
    public const int HazardLines = 2;

    /// <summary>Today's open pre-work checks as last read, and the rounds' version they were read at.</summary>
    private HygieneRows? _hygieneRows;

    // The parts of the wall kept between reads, each with the change counts it was read at.
    private readonly WallSection<WallStructure> _structure = new();
    private readonly WallSection<(IReadOnlyList<WallCase> Cases, WallCaseCounts Counts)> _cases = new();
    private readonly WallSection<IReadOnlyList<WallAppointment>> _appointments = new();
    private readonly WallSection<IReadOnlyList<PredictedGap>> _predicted = new();
    private readonly TodayGapMinutes _gapMinutes = new();
    private readonly WallSection<int> _itIncidents = new();
    private readonly WallSection<WallJobs> _jobs = new();

    public Task<WallSnapshot> LoadAsync(CancellationToken cancellationToken = default) => LoadAsync(null, cancellationToken);

    /// <param name="versions">
    /// The hall events the caller (<see cref="WallReadModel"/>) has counted per part of the wall, read
    /// before this read starts: a part kept from a read at the same counts (and, where the clock
    /// changes it, in the same minute, quarter-hour or day) is not read again. Coverage and alerts are
    /// always read. Null: read everything, keep nothing.
    /// </param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<WallSnapshot> LoadAsync(WallVersions? versions, CancellationToken cancellationToken = default)
    {
        var roundsVersion = versions?.Rounds;
        var now = time.GetUtcNow();
        var calendar = await calendars.GetAsync();
        var morningMinutes = options.Value.Wall.MorningMinutesOrDefault();
        var mode = WallModes.ModeAt(now, calendar, morningMinutes);
        var nextChange = WallModes.NextChange(now, calendar, morningMinutes);
        var state = await coverage.SnapshotAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var today = calendar.LocalDate(now);
        string? Key(params object[] parts) => versions is null ? null : string.Join('|', parts);
        var (floors, windows) = await _structure.GetAsync(Key(versions?.Structure ?? 0), () => StructureAsync(db, cancellationToken));
        // IT2: the network administrator's incidents show on the wall as a count only, not as alert lines.
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.IsOpen && a.Kind != AlertKinds.VirusIncidentOpen).OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).ToListAsync(cancellationToken);
        var names = windows.SelectMany(w => w.Posts).SelectMany(p => p.Holders).DistinctBy(h => h.StaffMemberId).ToDictionary(h => h.StaffMemberId, h => (h.Name, h.EmployeeNo));
        var byPost = state.Coverage.ToDictionary(c => c.PostId);
        var gapAlerts = alerts.Where(a => a.Kind == AlertKinds.CoverageGap && a.WindowId is not null).ToLookup(a => a.WindowId!.Value);

        var cards = windows.Select(w =>
        {
            var posts = w.Posts.Select(p => byPost.GetValueOrDefault(p.Id)).OfType<PostCoverage>().ToList();
            var windowState = w.IsActive ? CoverageRules.WindowState(posts) : CoverageState.Closed;
            var a = w.Posts.SelectMany(p => p.Holders).FirstOrDefault(h => h.Role == PostRole.A);
            var covering = posts.Where(p => p.State == CoverageState.ByB && p.CoveringStaffId is not null)
                .Select(p => names.TryGetValue(p.CoveringStaffId!.Value, out var b) ? b : default((string Name, string EmployeeNo)?))
                .FirstOrDefault(b => b is not null);
            var gap = gapAlerts[w.Id].FirstOrDefault();
            return new WallWindowCard(
                w.Id, w.Number, w.Name, w.FloorId, w.HomeUnit, w.IsActive,
                a?.Name, a?.EmployeeNo,
                string.Join("、", w.Posts.SelectMany(p => p.Holders).Where(h => h.Role == PostRole.B).Select(h => h.Name).Distinct()),
                w.Posts.Count == 0 || w.Posts.Any(p => p.Holders.All(h => h.Role != PostRole.B)),
                windowState,
                covering?.Name,
                covering?.EmployeeNo,
                gap is null ? null : new WallCardAlert(gap.AcknowledgedAt is not null, gap.AcknowledgedBy, gap.EscalatedAt is not null));
        }).ToList();

        var windowNames = windows.ToDictionary(w => w.Id, w => (w.Number, w.Name));
        var shownAlerts = alerts.Take(AlertLines).ToList();
        var caseNumbers = await CaseNumbersAsync(db, shownAlerts, cancellationToken);
        var floorNames = floors.ToDictionary(f => f.Id, f => f.Name);
        var places = await PlacesAsync(db, shownAlerts.Where(a => a.WindowId is null).ToList(), floorNames, cancellationToken);
        var wallAlerts = shownAlerts.Select(a => new WallAlert(
            a.Id, a.Kind, a.Severity,
            a.WindowId is { } id && windowNames.TryGetValue(id, out var wn) ? wn.Number : null,
            a.WindowId is { } id2 && windowNames.TryGetValue(id2, out var wn2) ? wn2.Name : null,
            a.RaisedAt, a.AcknowledgedBy, a.AcknowledgedAt, a.EscalatedAt is not null)
        {
            CaseNumber = caseNumbers.GetValueOrDefault(a.Subject),
            Place = places.GetValueOrDefault(a.Subject),
        }).ToList();
        var (cases, caseCounts) = await _cases.GetAsync(Key(versions?.Cases ?? 0, today), () => CasesAsync(db, calendar, now, cancellationToken));

        // The day's footer (gap minutes, tomorrow's predicted gaps) is not shown in evening mode: not read then.
        var dayFooter = mode != WallMode.Evening;
        var predictedPosts = dayFooter
            ? await _predicted.GetAsync(Key(versions?.Structure ?? 0, versions?.Leave ?? 0, today), () => PredictedGapsAsync(db, state, calendar, now, cancellationToken))
            : [];
        var predicted = predictedPosts.Select(g => windowNames.TryGetValue(g.WindowId, out var pw) ? pw.Number : 0)
            .Where(n => n > 0).Distinct().Order().ToList();
        var byFloor = cards.ToLookup(c => c.FloorId);
        var perFloor = floors.Select(f => byFloor[f.Id].Count()).DefaultIfEmpty(0).Max();

        IReadOnlyList<WallHygieneWindow> hygiene = [];
        EveningBoard? evening = null;
        var windowPlaces = windows.Select(w => new WindowPlace(w.Id, w.Number, w.Name, w.FloorId)).ToList();
        if (mode == WallMode.Evening)
        {
            DateTimeOffset? eveningChange;
            (evening, eveningChange) = await EveningAsync(db, windowPlaces, floors.Select(f => f.Id).ToList(), floorNames, calendar, now, cancellationToken);
            nextChange = Earliest(nextChange, eveningChange);
        }
        else
        {
            DateTimeOffset? hygieneChange;
            (hygiene, hygieneChange) = await HygieneDueAsync(db, windowPlaces, calendar, now, roundsVersion, cancellationToken);
            nextChange = Earliest(nextChange, hygieneChange);
        }
        return new WallSnapshot(
            floors.Select(f => new WallFloor(f.Id, f.Level, f.Name, byFloor[f.Id].Select(c => c.Id).ToList())).ToList(),
            cards.ToDictionary(c => c.Id),
            await _jobs.GetAsync(Key(versions?.Jobs ?? 0, now.UtcTicks / TimeSpan.TicksPerMinute), () => LoadJobsAsync(db, now, cancellationToken)),
            wallAlerts,
            new WallCounts(
                cards.Count(c => c.IsActive),
                cards.Count,
                cards.Count(c => c.State == CoverageState.ByB),
                cards.Count(c => c.State == CoverageState.Gap),
                dayFooter ? await GapMinutesTodayAsync(db, calendar, windows, versions, now, cancellationToken) : 0,
                cards.Count(c => c.IsActive && c.MissingBackup),
                predicted.Count,
                alerts.Count),
            state.Open,
            Columns(perFloor))
        {
            PredictedGapWindows = predicted,
            Cases = cases,
            CaseCounts = caseCounts,
            // Appointments drop off two hours after their slot: read again at least every quarter-hour.
            Appointments = await _appointments.GetAsync(Key(versions?.Appointments ?? 0, now.UtcTicks / (15 * TimeSpan.TicksPerMinute)), () => AppointmentsAsync(db, calendar, now, cancellationToken)),
            OpenItIncidents = await _itIncidents.GetAsync(Key(versions?.It ?? 0),
                () => db.VirusIncidents.CountAsync(v => v.Status == HallOps.Domain.Network.VirusIncidentStatus.Open, cancellationToken)),
            Mode = mode,
            NextChangeAt = nextChange,
            HygieneDue = hygiene,
            Evening = evening,
        };
    }

    /// <summary>
    /// AP4 on the wall: appointments requested or accepted from two hours ago to the end of the coming
    /// week — tonight's, the next evenings' and the weekend's — soonest first (a screenful).
    /// </summary>
    private static async Task<IReadOnlyList<WallAppointment>> AppointmentsAsync(HallDbContext db, WorkingCalendar calendar, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var today = calendar.LocalDate(now);
        var until = calendar.ToInstant(today.AddDays(8), TimeOnly.MinValue);
        var since = now.AddHours(-2);
        var rows = await (
            from a in db.Appointments.AsNoTracking()
            where (a.Status == AppointmentStatus.Requested || a.Status == AppointmentStatus.Accepted) && a.SlotStart >= since && a.SlotStart < until
            join w in db.Windows on a.WindowId equals w.Id
            select new WallAppointment(a.Id, a.SlotStart, w.Number, a.MatterName, a.ServingStaffName, a.Status == AppointmentStatus.Accepted, a.CheckedInAt != null))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.SlotStart).Take(WallAppointmentsShown)];
    }

    /// <summary>How many appointments the wall's side column lists.</summary>
    public const int WallAppointmentsShown = 6;

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other < a ? other : a;

    private sealed record HygieneRows(DateOnly Day, long Version, IReadOnlyList<(int WindowId, DateTimeOffset DueBy)> Open);

    /// <summary>A window as the evening board and the hygiene strip need it.</summary>
    private sealed record WindowPlace(int Id, int Number, string Name, int FloorId);

    /// <summary>
    /// HY2 on the wall: today's pre-work self-checks (due by today's opening) not yet done, by window
    /// number — due until the hall opens, missed (red) from then. Also when the first of them turns
    /// missed. The rows are read again only when a round changed or the day did.
    /// </summary>
    private async Task<(IReadOnlyList<WallHygieneWindow> Due, DateTimeOffset? NextChange)> HygieneDueAsync(
        HallDbContext db, IReadOnlyList<WindowPlace> windows, WorkingCalendar calendar, DateTimeOffset now, long? roundsVersion,
        CancellationToken cancellationToken)
    {
        var today = calendar.LocalDate(now);
        IReadOnlyList<(int WindowId, DateTimeOffset DueBy)> open;
        if (Volatile.Read(ref _hygieneRows) is { } kept && kept.Day == today && roundsVersion is { } version && kept.Version == version)
        {
            open = kept.Open;
        }
        else
        {
            var dayStart = calendar.ToInstant(today, TimeOnly.MinValue);
            var dayEnd = calendar.ToInstant(today.AddDays(1), TimeOnly.MinValue);
            var earliest = dayStart.AddDays(-1);
            open = (await db.Rounds.AsNoTracking()
                    // DueFrom bounds the index range (Kind, DueFrom); DueBy (the opening) names the day.
                    .Where(r => r.Kind == RoundKind.HygieneSelfCheck && r.DueFrom >= earliest && r.DueFrom < dayEnd
                        && r.DueBy >= dayStart && r.DueBy < dayEnd && r.CompletedAt == null && r.WindowId != null)
                    .Select(r => new { WindowId = r.WindowId!.Value, r.DueBy })
                    .ToListAsync(cancellationToken))
                .Select(r => (r.WindowId, r.DueBy))
                .ToList();
            if (roundsVersion is { } read)
            {
                Volatile.Write(ref _hygieneRows, new HygieneRows(today, read, open));
            }
        }
        if (open.Count == 0)
        {
            return ([], null);
        }
        var numbers = windows.ToDictionary(w => w.Id, w => w.Number);
        var due = open.Where(r => numbers.ContainsKey(r.WindowId))
            .GroupBy(r => numbers[r.WindowId])
            .Select(g => new WallHygieneWindow(g.Key, g.Min(r => r.DueBy) <= now))
            .OrderBy(w => w.Number)
            .ToList();
        var turnsMissed = open.Select(r => r.DueBy).Where(at => at > now).Order().Cast<DateTimeOffset?>().FirstOrDefault();
        return (due, turnsMissed);
    }

    /// <summary>
    /// SE2.2, SE4 on the wall after closing: for the night (<see cref="WallModes.NightOf"/>) each
    /// window's shutdown state, each floor's evening rounds and windows verified, the guard on duty,
    /// the exceptions still open from the last 24 hours and the open hazard reports. Also the next
    /// instant one of them changes by the clock alone (a check or round passing its due-by time).
    /// </summary>
    private static async Task<(EveningBoard Board, DateTimeOffset? NextChange)> EveningAsync(
        HallDbContext db, IReadOnlyList<WindowPlace> windows, IReadOnlyList<int> floorIds, IReadOnlyDictionary<int, string> floorNames,
        WorkingCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var night = WallModes.NightOf(now, calendar);
        var (nightFrom, nightTo) = WallModes.NightSpan(night, calendar);
        var dayFrom = calendar.ToInstant(night, TimeOnly.MinValue);
        var dayTo = calendar.ToInstant(night.AddDays(1), TimeOnly.MinValue);
        var since = now.AddHours(-24);

        var shutdowns = (await db.Rounds.AsNoTracking()
                .Where(r => r.Kind == RoundKind.ShutdownCheck && r.DueFrom >= dayFrom && r.DueFrom < dayTo && r.WindowId != null)
                .Select(r => new
                {
                    r.Id, WindowId = r.WindowId!.Value, r.DueFrom, r.DueBy, r.State, r.CompletedAt, r.CompletedBy,
                    r.HandedToGuardAt, r.VerifiedAt, r.VerifiedBy, r.VerifyResult, r.VerifyNote,
                })
                .ToListAsync(cancellationToken))
            .GroupBy(r => r.WindowId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.DueFrom).ThenByDescending(r => r.Id).First());
        var rounds = await db.Rounds.AsNoTracking()
            .Where(r => r.Kind == RoundKind.EveningRound && r.DueFrom >= nightFrom && r.DueFrom < nightTo && r.FloorId != null)
            .OrderBy(r => r.DueFrom).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id, FloorId = r.FloorId!.Value, r.DueFrom, r.DueBy, r.MissedAt, r.State, r.StartedAt, r.StartedBy, r.CompletedBy,
                r.CheckpointScannedAt, Answered = r.Checks.Count, Items = r.Template!.Items.Count,
                Failed = r.Checks.Count(c => c.Result == CheckResult.Fail),
            })
            .ToListAsync(cancellationToken);
        // Tonight's span lies inside the last 24 hours (the night began at the last noon at the latest).
        var exceptions = await db.RoundExceptions.AsNoTracking()
            .Where(e => e.FoundAt >= since)
            .OrderByDescending(e => e.FoundAt).ThenByDescending(e => e.Id)
            .Select(e => new { e.Id, e.WindowId, e.FloorId, e.Item, e.Note, e.FoundBy, e.FoundAt, e.ClosedAt })
            .ToListAsync(cancellationToken);
        var guard = await db.GuardShifts.AsNoTracking()
            .Where(s => s.EndedAt == null)
            .OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.Id)
            .Select(s => new EveningGuard(s.GuardName, s.StartedAt))
            .FirstOrDefaultAsync(cancellationToken);
        var openHazards = db.HazardReports.AsNoTracking().Where(h => h.ClosedAt == null);
        var hazardTotal = await openHazards.CountAsync(cancellationToken);
        var hazards = hazardTotal == 0 ? new List<EveningHazard>() : await openHazards
            .OrderByDescending(h => h.ReportedAt).ThenByDescending(h => h.Id)
            .Take(HazardLines)
            .Select(h => new EveningHazard(h.Id, h.Kind, h.Location, h.Description, h.ReportedBy, h.ReportedAt))
            .ToListAsync(cancellationToken);

        var tonight = exceptions.Where(e => e.WindowId is not null && e.FoundAt >= nightFrom && e.FoundAt < nightTo)
            .ToLookup(e => e.WindowId!.Value);
        var cards = new Dictionary<int, EveningWindowCard>();
        foreach (var window in windows)
        {
            var card = new EveningWindowCard(window.Id, window.Number, window.Name, ShutdownState.NoCheck, null, null, null);
            if (shutdowns.TryGetValue(window.Id, out var check))
            {
                var found = tonight[window.Id].FirstOrDefault();
                card = check switch
                {
                    { VerifyResult: CheckResult.Fail } => card with { State = ShutdownState.Exception, By = check.VerifiedBy, At = check.VerifiedAt, Note = check.VerifyNote },
                    _ when found is not null => card with { State = ShutdownState.Exception, By = found.FoundBy, At = found.FoundAt, Note = found.Note },
                    { VerifiedAt: not null } => card with { State = ShutdownState.Verified, By = check.VerifiedBy, At = check.VerifiedAt },
                    { CompletedAt: not null } => card with { State = ShutdownState.SelfChecked, By = check.CompletedBy, At = check.CompletedAt },
                    _ when check.HandedToGuardAt is not null || check.State == RoundState.Missed || now >= check.DueBy
                        => card with { State = ShutdownState.AwaitingGuard, At = check.HandedToGuardAt },
                    _ => card with { State = ShutdownState.Pending, At = check.DueBy },
                };
            }
            cards[window.Id] = card;
        }

        var floorOf = windows.ToDictionary(w => w.Id, w => w.FloorId);
        var checksByFloor = shutdowns.Values.ToLookup(r => floorOf.GetValueOrDefault(r.WindowId));
        var roundsByFloor = rounds.ToLookup(r => r.FloorId);
        var floors = floorIds.Select(floorId =>
        {
            var checks = checksByFloor[floorId].ToList();
            var toVerify = checks.Count(r => r.VerifiedAt is not null
                || (cards.TryGetValue(r.WindowId, out var card) && card.State == ShutdownState.AwaitingGuard));
            var lines = roundsByFloor[floorId].Select(r => new EveningRoundLine(
                r.Id,
                r.DueFrom,
                r.State switch
                {
                    RoundState.Done => EveningRoundState.Done,
                    RoundState.Late => EveningRoundState.Late,
                    RoundState.Missed => EveningRoundState.Missed,
                    RoundState.InProgress => EveningRoundState.InProgress,
                    _ when now >= r.MissedAt => EveningRoundState.Missed,
                    _ when now >= r.DueBy => EveningRoundState.Overdue,
                    _ when now >= r.DueFrom => EveningRoundState.Due,
                    _ => EveningRoundState.Upcoming,
                },
                r.CompletedBy ?? r.StartedBy,
                r.Answered,
                r.Items,
                r.Failed,
                r.CheckpointScannedAt)).ToList();
            return new EveningFloor(floorId, lines, checks.Count(r => r.VerifiedAt is not null), toVerify);
        }).ToList();

        var open = exceptions.Where(e => e.ClosedAt is null).ToList();
        var windowById = windows.ToDictionary(w => w.Id);
        var exceptionLines = open.Take(ExceptionLines).Select(e => new EveningException(
            e.Id,
            e.WindowId is { } w && windowById.TryGetValue(w, out var place) ? place.Number : null,
            e.WindowId is { } w2 && windowById.TryGetValue(w2, out var place2) ? place2.Name : null,
            e.FloorId is { } f && floorNames.TryGetValue(f, out var floorName) ? floorName : null,
            e.Item, e.Note, e.FoundBy, e.FoundAt)).ToList();

        var states = cards.Values.Select(c => c.State).ToList();
        var counts = new ShutdownCounts(
            states.Count(s => s == ShutdownState.SelfChecked),
            states.Count(s => s == ShutdownState.Pending),
            states.Count(s => s == ShutdownState.AwaitingGuard),
            states.Count(s => s == ShutdownState.Verified),
            states.Count(s => s == ShutdownState.Exception),
            states.Count(s => s == ShutdownState.NoCheck));

        // The clock alone moves a pending check to the guard, and a round to due, overdue, missed.
        var next = shutdowns.Values.Where(r => r.CompletedAt is null && r.VerifiedAt is null).Select(r => r.DueBy)
            .Concat(rounds.Where(r => r.State is RoundState.Due or RoundState.InProgress).SelectMany(r => new[] { r.DueFrom, r.DueBy, r.MissedAt }))
            .Where(at => at > now)
            .Order()
            .Cast<DateTimeOffset?>()
            .FirstOrDefault();
        return (new EveningBoard(night, cards, floors, guard, exceptionLines, open.Count, hazards, hazardTotal, counts), next);
    }

    /// <summary>The case numbers of the case alerts among <paramref name="alerts"/>, by subject.</summary>
    private static async Task<Dictionary<string, string>> CaseNumbersAsync(HallDbContext db, IEnumerable<Alert> alerts, CancellationToken cancellationToken)
    {
        var ids = alerts
            .Select(a => a.Subject.StartsWith(HallSubjects.CasePrefix, StringComparison.Ordinal)
                && long.TryParse(a.Subject.AsSpan(HallSubjects.CasePrefix.Length), out var id) ? id : 0)
            .Where(id => id > 0)
            .Distinct()
            .ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        return await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => HallSubjects.Case(c.Id), c => c.Number, cancellationToken);
    }

    /// <summary>
    /// Where the alerts without a window are, by subject: a round's or an exception's floor
    /// (SE2.2), a hazard report's location (SE7). Read only when such alerts are shown.
    /// </summary>
    private static async Task<Dictionary<string, string>> PlacesAsync(
        HallDbContext db, IReadOnlyList<Alert> alerts, IReadOnlyDictionary<int, string> floorNames, CancellationToken cancellationToken)
    {
        var places = new Dictionary<string, string>();
        var rounds = IdsOf(alerts, HallSubjects.RoundPrefix);
        if (rounds.Count > 0)
        {
            foreach (var round in await db.Rounds.AsNoTracking().Where(r => rounds.Contains(r.Id) && r.FloorId != null)
                .Select(r => new { r.Id, r.FloorId }).ToListAsync(cancellationToken))
            {
                if (floorNames.TryGetValue(round.FloorId!.Value, out var name))
                {
                    places[HallSubjects.Round(round.Id)] = name;
                }
            }
        }
        var exceptions = IdsOf(alerts, HallSubjects.RoundExceptionPrefix);
        if (exceptions.Count > 0)
        {
            foreach (var exception in await db.RoundExceptions.AsNoTracking().Where(e => exceptions.Contains(e.Id) && e.FloorId != null)
                .Select(e => new { e.Id, e.FloorId }).ToListAsync(cancellationToken))
            {
                if (floorNames.TryGetValue(exception.FloorId!.Value, out var name))
                {
                    places[HallSubjects.RoundExceptionSubject(exception.Id)] = name;
                }
            }
        }
        var hazards = IdsOf(alerts, HallSubjects.HazardPrefix);
        if (hazards.Count > 0)
        {
            foreach (var hazard in await db.HazardReports.AsNoTracking().Where(h => hazards.Contains(h.Id))
                .Select(h => new { h.Id, h.Location }).ToListAsync(cancellationToken))
            {
                places[HallSubjects.Hazard(hazard.Id)] = hazard.Location;
            }
        }
        return places;

        static List<long> IdsOf(IEnumerable<Alert> alerts, string prefix) => alerts
            .Select(a => a.Subject.StartsWith(prefix, StringComparison.Ordinal) && long.TryParse(a.Subject.AsSpan(prefix.Length), out var id) ? id : 0)
            .Where(id => id > 0)
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// TL5 on the wall: the red cases, then the yellow ones by due time (at most <see cref="CaseLines"/>),
    /// the counts of each, today's intake and completions, and this month's on-time completions.
    /// </summary>
    private static async Task<(IReadOnlyList<WallCase> Cases, WallCaseCounts Counts)> CasesAsync(
        HallDbContext db, WorkingCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = calendar.LocalDate(now);
        var dayStart = calendar.ToInstant(today, TimeOnly.MinValue);
        var dayEnd = calendar.ToInstant(today.AddDays(1), TimeOnly.MinValue);
        var monthStart = calendar.ToInstant(new DateOnly(today.Year, today.Month, 1), TimeOnly.MinValue);

        var lit = db.Cases.AsNoTracking().Where(c => c.Light != CaseLight.None
            && (c.State == CaseState.Received || c.State == CaseState.AwaitingSupplement
                || c.State == CaseState.Accepted || c.State == CaseState.AcceptedWithDeficiencies));
        var lights = await lit.GroupBy(c => c.Light).Select(g => new { Light = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var rows = await lit
            .OrderByDescending(c => c.Light).ThenBy(c => c.DueAt).ThenBy(c => c.Id)
            .Take(CaseLines)
            .Select(c => new
            {
                c.Id, c.Number, c.Light, Matter = c.Matter!.Name, WindowNumber = (int?)c.Window!.Number,
                c.ApplicantName, c.ApplicantKind, c.DueAt, Handler = c.Handler!.Name,
            })
            .ToListAsync(cancellationToken);
        var cases = rows.Select(r => new WallCase(
            r.Id, r.Number, r.Light, r.Matter, r.WindowNumber, Masking.Name(r.ApplicantName, r.ApplicantKind), r.DueAt, r.Handler)).ToList();

        var acceptedToday = await db.Cases.CountAsync(c => c.AcceptedAt >= dayStart && c.AcceptedAt < dayEnd, cancellationToken);
        var completed = db.Cases.Where(c => c.State == CaseState.Completed && c.ClosedAt >= monthStart);
        var completedToday = await completed.CountAsync(c => c.ClosedAt >= dayStart && c.ClosedAt < dayEnd, cancellationToken);
        var completedThisMonth = await completed.CountAsync(cancellationToken);
        var onTimeThisMonth = await completed.CountAsync(c => c.CompletedOnTime == true, cancellationToken);
        return (cases, new WallCaseCounts(
            acceptedToday,
            completedToday,
            lights.Where(l => l.Light == CaseLight.Yellow).Sum(l => l.Count),
            lights.Where(l => l.Light == CaseLight.Red).Sum(l => l.Count),
            completedThisMonth,
            onTimeThisMonth));
    }

    /// <summary>Columns of the grid so that a floor fits in one or two rows at 1920 px.</summary>
    public static int Columns(int windowsPerFloor) =>
        windowsPerFloor <= 8 ? Math.Max(windowsPerFloor, 4)
        : windowsPerFloor <= 16 ? (windowsPerFloor + 1) / 2
        : Math.Min(12, (windowsPerFloor + 2) / 3);

    private async Task<WallJobs> LoadJobsAsync(HallDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var beat = await db.JobHeartbeats.AsNoTracking().SingleOrDefaultAsync(h => h.Name == JobHeartbeat.Default, cancellationToken);
        return new WallJobs(JobsStatus.Of(beat, now, TimeSpan.FromMinutes(options.Value.HeartbeatStaleMinutes)), beat?.BeatAt);
    }

    /// <summary>
    /// Window-minutes of gap (AB4) today so far, exactly as the manager's coverage day counts them
    /// (<see cref="CoverageDay"/>): up to now, so it grows with a gap. The read model's reads keep
    /// today's replay from one read to the next (<see cref="TodayGapMinutes"/>); a read without
    /// versions replays the day afresh.
    /// </summary>
    private async Task<int> GapMinutesTodayAsync(
        HallDbContext db, WorkingCalendar calendar, List<WindowRow> windows, WallVersions? versions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IEnumerable<HeldPost> Posts() => windows.Where(w => w.IsActive).SelectMany(w => w.Posts.Select(p => new HeldPost(
            p.Id, w.Id, p.Holders.Select(h => new HolderRole(h.StaffMemberId, h.Role)).ToList())));
        if (versions is { } counted)
        {
            return await _gapMinutes.GetAsync(db, calendar, Posts, counted.Structure, counted.Presence, now, cancellationToken);
        }
        var today = calendar.LocalDate(now);
        var history = await CoverageHistory.DayAsync(db, calendar.ToInstant(today, TimeOnly.MinValue), calendar.ToInstant(today.AddDays(1), TimeOnly.MinValue), cancellationToken);
        return CoverageDay.Compute(today, Posts(), history, calendar, now).Windows.Sum(w => w.GapMinutes);
    }

    /// <summary>The floors and the windows with their posts and holders: the wall's layout and names.</summary>
    private static async Task<WallStructure> StructureAsync(HallDbContext db, CancellationToken cancellationToken)
    {
        var floors = await db.Floors.AsNoTracking().OrderBy(f => f.Level).ToListAsync(cancellationToken);
        var windows = await db.Windows.AsNoTracking()
            .OrderBy(w => w.Number)
            .Select(w => new WindowRow(
                w.Id, w.Number, w.Name, w.FloorId, w.HomeUnit!.Name, w.IsActive,
                w.Posts.OrderBy(p => p.Id).Select(p => new PostRow(
                    p.Id,
                    p.Holders.OrderBy(h => h.Id).Select(h => new HolderRow(h.StaffMemberId, h.Role, h.StaffMember!.Name, h.StaffMember.EmployeeNo)).ToList()))
                    .ToList()))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new WallStructure(floors, windows);
    }

    private sealed record WallStructure(List<Floor> Floors, List<WindowRow> Windows);

    private sealed record WindowRow(int Id, int Number, string Name, int FloorId, string HomeUnit, bool IsActive, List<PostRow> Posts);

    private sealed record PostRow(int Id, List<HolderRow> Holders);

    private sealed record HolderRow(int StaffMemberId, PostRole Role, string Name, string EmployeeNo);

    /// <summary>Posts predicted uncovered on the next working day (A and every B on planned leave).</summary>
    private static async Task<IReadOnlyList<PredictedGap>> PredictedGapsAsync(HallDbContext db, CoverageSnapshot state, WorkingCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = calendar.LocalDate(now);
        var horizon = today.AddDays(14);
        var leaves = await db.PlannedLeaves.AsNoTracking().Where(l => l.To >= today && l.From <= horizon).ToListAsync(cancellationToken);
        return CoverageRules.PredictGaps(state.Posts, leaves, today, 1, calendar);
    }
}
