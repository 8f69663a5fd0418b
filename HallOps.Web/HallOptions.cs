using HallOps.Domain.Calendar;

namespace HallOps.Web;

/// <summary>The "Hall" configuration section (README: configuration keys).</summary>
public sealed class HallOptions
{
    public const string Section = "Hall";

    /// <summary>The hall's name as it heads the wall screen and printed notices.</summary>
    public string Name { get; set; } = "示范县政务服务中心";

    /// <summary>The hall's time zone (IANA id).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Sqlite (embedded default), SqlServer or PostgreSql (also KingbaseES, openGauss).</summary>
    public string DatabaseProvider { get; set; } = "Sqlite";

    /// <summary>Seed the demo hall and its demo accounts into an empty database.</summary>
    public bool DemoSeed { get; set; }

    /// <summary>
    /// With the demo seed: also give the A holder of each window from 2 on an account named by their
    /// staff number in lower case (zw002 … zw024, the demo password), so that several clerks can be
    /// signed in at once (load tests, training). Window 1's A holder is the <c>staff</c> account.
    /// </summary>
    public bool DemoSeedStaffAccounts { get; set; }

    public BootstrapOptions Bootstrap { get; set; } = new();

    public OpeningHoursOptions OpeningHours { get; set; } = new();

    public RoundsOptions Rounds { get; set; } = new();

    public PhotoOptions Photos { get; set; } = new();

    public WallOptions Wall { get; set; } = new();

    public ComplaintOptions Complaints { get; set; } = new();

    public AppointmentOptions Appointments { get; set; } = new();

    public NetworkOptions Network { get; set; } = new();

    public JobsOptions Jobs { get; set; } = new();

    /// <summary>How old the jobs heartbeat may be before /health and the wall call the jobs server down.</summary>
    public int HeartbeatStaleMinutes { get; set; } = 3;

    /// <summary>Minutes an alert may wait for an acknowledgement before it escalates to the manager.</summary>
    public int AlertAckTimeoutMinutes { get; set; } = 5;

    /// <summary>Minutes an acknowledged alert may stay open before it is raised again.</summary>
    public int AlertReAlertMinutes { get; set; } = 30;

    /// <summary>A case turns yellow (即将超期) within this many working days of its due time (TL5).</summary>
    public int CaseDueSoonWorkingDays { get; set; } = 1;

    /// <summary>Where data-protection keys live: "Database" (default) or a folder path.</summary>
    public string KeyStore { get; set; } = "Database";

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

/// <summary>
/// Hall:Jobs — Hangfire on shared storage (SQL Server, PostgreSQL). A job whose instance dies
/// mid-run becomes visible to the other instances again after <see cref="InvisibilityTimeout"/>
/// (sliding: a live worker keeps extending it), and a lock left by a dead instance (the
/// recurring-jobs scheduler's among them) expires after <see cref="DistributedLockTimeout"/>.
/// Hangfire's defaults (30 and 10 minutes) leave jobs stuck that long after a crash.
/// </summary>
public sealed class JobsOptions
{
    /// <summary>How long a fetched job stays invisible to other instances without a sign of life (TimeSpan, e.g. "00:05:00").</summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a distributed lock is waited for, and after which one left by a dead instance is taken over ("00:01:00").</summary>
    public TimeSpan DistributedLockTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// "Database" (default): on SQL Server and PostgreSQL the jobs live in the hall's database, shared
    /// by every instance. "InMemory": in the process, as in the embedded SQLite mode — only for a
    /// single instance (the test suite's PostgreSQL leg uses it so that jobs run as on SQLite).
    /// </summary>
    public string Storage { get; set; } = "Database";

    /// <summary>How often an idle worker polls the shared queue ("00:00:05").</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether jobs live in the shared database (SQL Server, PostgreSQL) rather than in the process.</summary>
    public bool Shared(string databaseProvider) =>
        !string.Equals(Storage, "InMemory", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(databaseProvider, "Sqlite", StringComparison.OrdinalIgnoreCase);

    /// <summary>Refuses settings that would leave a crashed instance's job or lock stuck, or make every job run twice.</summary>
    public void Validate()
    {
        if (!string.Equals(Storage, "Database", StringComparison.OrdinalIgnoreCase) && !string.Equals(Storage, "InMemory", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Hall:Jobs:Storage must be Database or InMemory (it is '{Storage}').");
        }
        if (InvisibilityTimeout < TimeSpan.FromSeconds(5) || InvisibilityTimeout > TimeSpan.FromHours(1))
        {
            throw new InvalidOperationException(
                $"Hall:Jobs:InvisibilityTimeout must be between 00:00:05 and 01:00:00 (it is {InvisibilityTimeout}).");
        }
        if (DistributedLockTimeout < TimeSpan.FromSeconds(5) || DistributedLockTimeout > TimeSpan.FromMinutes(10))
        {
            throw new InvalidOperationException(
                $"Hall:Jobs:DistributedLockTimeout must be between 00:00:05 and 00:10:00 (it is {DistributedLockTimeout}).");
        }
        if (QueuePollInterval < TimeSpan.FromMilliseconds(100) || QueuePollInterval > TimeSpan.FromMinutes(1))
        {
            throw new InvalidOperationException(
                $"Hall:Jobs:QueuePollInterval must be between 00:00:00.1 and 00:01:00 (it is {QueuePollInterval}).");
        }
    }
}

/// <summary>The closing routine's timing (SE4, SE2.2).</summary>
public sealed class RoundsOptions
{
    /// <summary>Minutes after closing at which windows whose shutdown check is not done are reminded.</summary>
    public int ReminderAfterClosingMinutes { get; set; } = 10;

    /// <summary>Minutes after closing at which unfinished shutdown checks go to the guards' evening round to verify.</summary>
    public int HandToGuardAfterClosingMinutes { get; set; } = 30;
}

/// <summary>Hall:Appointments — after-hours service times (AP1–AP4.3) and the public page's limit.</summary>
public sealed class AppointmentOptions
{
    /// <summary>On a working day, appointments run from closing until this local time.</summary>
    public string EveningEnd { get; set; } = "20:30";

    /// <summary>On a rest day or holiday, appointments run from … to … (local time).</summary>
    public string RestDayStart { get; set; } = "09:00";

    public string RestDayEnd { get; set; } = "17:00";

    /// <summary>Slots start on this grid, in minutes.</summary>
    public int GridMinutes { get; set; } = 30;

    /// <summary>The length of an appointment.</summary>
    public int SlotMinutes { get; set; } = 60;

    /// <summary>The public booking page takes at most this many requests per hour from one address.</summary>
    public int PublicRequestsPerHour { get; set; } = 5;

    /// <summary>The service hours as the rules take them; out-of-range settings fall back to the defaults.</summary>
    public HallOps.Domain.Appointments.AppointmentHours Hours()
    {
        var fallback = HallOps.Domain.Appointments.AppointmentHours.Default;
        static TimeOnly Read(string text, TimeOnly otherwise) =>
            TimeOnly.TryParseExact(text, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time) ? time : otherwise;
        var restStart = Read(RestDayStart, fallback.RestDayStart);
        var restEnd = Read(RestDayEnd, fallback.RestDayEnd);
        return new HallOps.Domain.Appointments.AppointmentHours(
            Read(EveningEnd, fallback.EveningEnd),
            restStart < restEnd ? restStart : fallback.RestDayStart,
            restStart < restEnd ? restEnd : fallback.RestDayEnd,
            GridMinutes is 10 or 15 or 20 or 30 or 60 ? GridMinutes : fallback.GridMinutes);
    }

    public TimeSpan SlotLength() => TimeSpan.FromMinutes(SlotMinutes is >= 15 and <= 480 ? SlotMinutes : 60);
}

/// <summary>Hall:Complaints — the office's due times (SC2.6), in working days from receipt.</summary>
public sealed class ComplaintOptions
{
    /// <summary>A report or complaint is due this many working days after it was received.</summary>
    public int DueWorkingDays { get; set; } = 5;

    /// <summary>A bad rating's call-back and fix are due this many working days after it was received.</summary>
    public int BadRatingDueWorkingDays { get; set; } = 1;

    /// <summary>Yellow (due soon) this many working days before the due time, like cases.</summary>
    public int DueSoonWorkingDays { get; set; } = 1;

    /// <summary>The complaint phone the public information page shows (AP5, SC2.6); 12345 is the government service hotline.</summary>
    public string Phone { get; set; } = "12345";
}

/// <summary>Hall:Network — the network administrator's rules (IT2, IT3, IT5).</summary>
public sealed class NetworkOptions
{
    /// <summary>IT3: an antivirus whose signatures are older than this many days is not current; the scan is refused.</summary>
    public int SignatureMaxAgeDays { get; set; } = 7;

    /// <summary>IT5: working days into a quarter after which an unconfirmed boot password raises an alert.</summary>
    public int BootPasswordGraceWorkingDays { get; set; } = 10;
}

/// <summary>The wall screen's modes (SE2.2, SE4, HY2).</summary>
public sealed class WallOptions
{
    /// <summary>
    /// Minutes before opening at which the wall leaves evening mode for the day's, with the pre-work
    /// self-check strip (0–240; outside that, 30).
    /// </summary>
    public int MorningMinutes { get; set; } = 30;

    /// <summary>
    /// Seconds in each minute for which the weekly summary (本周小结) takes the case panel's place on
    /// the wall; 0 switches the summary off (0–50; outside that, 15).
    /// </summary>
    public int SummaryRotationSeconds { get; set; } = 15;

    /// <summary><see cref="SummaryRotationSeconds"/> if it is sensible, else the default.</summary>
    public int SummaryRotationSecondsOrDefault() => SummaryRotationSeconds is >= 0 and <= 50 ? SummaryRotationSeconds : 15;

    /// <summary><see cref="MorningMinutes"/> if it is sensible, else the default.</summary>
    public int MorningMinutesOrDefault() => MorningMinutes is >= 0 and <= 240 ? MorningMinutes : 30;

    /// <summary>
    /// New frames a second the wall screens take while hall events stream in (1–30; outside that, 4):
    /// a change after a quiet spell, and the first three of a burst, go out at once; a steady stream is
    /// folded into this many frames a second, each showing every change before it.
    /// </summary>
    public int FramesPerSecond { get; set; } = 4;

    /// <summary>The pacer of the wall screens' frames, on <paramref name="clock"/> (elapsed time).</summary>
    public HallOps.Web.Push.FramePacer Pacer(TimeProvider clock) =>
        new(FramesPerSecond is >= 1 and <= 30 ? FramesPerSecond : 4, burst: 3, clock);
}

/// <summary>Where evidence photos are kept, and how large one may be.</summary>
public sealed class PhotoOptions
{
    /// <summary>A folder outside the database, relative to the app's content root unless absolute.</summary>
    public string Folder { get; set; } = "data/photos";

    public int MaxKilobytes { get; set; } = 8192;
}

/// <summary>The first administrator of a production hall, given once through the environment.</summary>
public sealed class BootstrapOptions
{
    public string? AdminUser { get; set; }

    public string? AdminPassword { get; set; }
}
