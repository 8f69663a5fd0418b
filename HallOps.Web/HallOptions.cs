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

    /// <summary>Sqlite (embedded default) or SqlServer.</summary>
    public string DatabaseProvider { get; set; } = "Sqlite";

    /// <summary>Seed the demo hall and its demo accounts into an empty database.</summary>
    public bool DemoSeed { get; set; }

    public BootstrapOptions Bootstrap { get; set; } = new();

    public OpeningHoursOptions OpeningHours { get; set; } = new();

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

/// <summary>The first administrator of a production hall, given once through the environment.</summary>
public sealed class BootstrapOptions
{
    public string? AdminUser { get; set; }

    public string? AdminPassword { get; set; }
}
