using System.Security.Claims;
using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Coverage;
using HallOps.Domain.Hall;
using HallOps.Domain.Identity;
using HallOps.Domain.Persistence;
using HallOps.Domain.Staffing;
using HallOps.Tests.Support;
using HallOps.Web.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Browser;

/// <summary>
/// The demo hall for coverage (AB4) in the browser: a <see cref="BrowserHost"/> whose app is open
/// all day (00:00–23:59 in every season), and helpers that stage and read the hall's state in its
/// database (today a working day, presence, alerts, a signed-in service scope).
/// </summary>
public static class CoverageBrowserSupport
{
    /// <summary>One season from 01-01, open 00:00–12:00 and 12:00–23:59 (the hall's time zone).</summary>
    public static readonly IReadOnlyDictionary<string, string?> AllDaySettings = new Dictionary<string, string?>
    {
        ["Hall:OpeningHours:Seasons:0:Name"] = "全天",
        ["Hall:OpeningHours:Seasons:0:Starts"] = "01-01",
        ["Hall:OpeningHours:Seasons:0:MorningStart"] = "00:00",
        ["Hall:OpeningHours:Seasons:0:MorningEnd"] = "12:00",
        ["Hall:OpeningHours:Seasons:0:AfternoonStart"] = "12:00",
        ["Hall:OpeningHours:Seasons:0:AfternoonEnd"] = "23:59",
    };

    /// <summary>
    /// Starts the app open all day on the database file and launches the browser (skips or fails
    /// without Chromium). Started in the last minutes before midnight, when the hall closes, it first
    /// waits until just after midnight (<see cref="HallMidnight"/>).
    /// </summary>
    public static async Task<BrowserHost> StartAllDayAsync(HallDatabaseFile database)
    {
        BrowserGate.EnsureChromium();
        await HallMidnight.WaitPastAsync();
        return await BrowserHost.StartAsync(database, AllDaySettings.ToDictionary());
    }

    extension(HallAppFactory app)
    {
        /// <summary>
        /// Makes today (hall time) a working day if the calendar says otherwise, and waits until the
        /// app's cached calendar calls the hall open now. Run it before the first page loads.
        /// </summary>
        public async Task OpenTheHallNowAsync()
        {
            var calendars = app.Services.GetRequiredService<CalendarSource>();
            var time = app.Services.GetRequiredService<TimeProvider>();
            var calendar = await calendars.GetAsync();
            var today = calendar.LocalDate(time.GetUtcNow());
            if (!calendar.IsWorkingDay(today))
            {
                await using var db = app.CreateDbContext();
                var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == today);
                if (day is null)
                {
                    db.CalendarDays.Add(new CalendarDay { Date = today, Kind = CalendarDayKind.AdjustedWorkday, Name = "测试" });
                }
                else
                {
                    day.Kind = CalendarDayKind.AdjustedWorkday;
                    day.Name = "测试";
                }
                await db.SaveChangesAsync();
            }
            // The saved day reaches the cached calendar through the event feed, a moment later.
            await Eventually.TrueAsync(
                async () => (await calendars.GetAsync()).IsOpenAt(time.GetUtcNow()),
                TimeSpan.FromSeconds(10),
                $"the hall is open now ({today:yyyy-MM-dd}, all-day opening hours from the settings)");
        }
    }

    extension(BrowserHost host)
    {
        /// <summary>The app's coverage monitor: reconcile the alerts with it after staging a scene.</summary>
        public CoverageMonitor Monitor => host.App.Services.GetRequiredService<CoverageMonitor>();

        /// <summary>Puts every A holder on post at their own window, except at the given windows.</summary>
        public async Task SignOnAHoldersExceptAsync(params int[] windowNumbers)
        {
            await using var db = host.App.CreateDbContext();
            var holders = await db.PostHolders
                .Where(h => h.Role == PostRole.A && !windowNumbers.Contains(h.Post!.Window!.Number))
                .Select(h => new { h.StaffMemberId, h.PostId })
                .ToListAsync();
            var now = host.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var existing = await db.Presences.ToDictionaryAsync(p => p.StaffMemberId);
            foreach (var holder in holders)
            {
                if (!existing.TryGetValue(holder.StaffMemberId, out var presence))
                {
                    presence = new StaffPresence { StaffMemberId = holder.StaffMemberId };
                    db.Presences.Add(presence);
                }
                presence.State = PresenceState.OnPost;
                presence.PostId = holder.PostId;
                presence.Since = now;
                db.PresenceEvents.Add(new PresenceEvent { StaffMemberId = holder.StaffMemberId, State = PresenceState.OnPost, PostId = holder.PostId, At = now, RecordedBy = "test" });
            }
            await db.SaveChangesAsync();
        }

        /// <summary>
        /// Sets a person's presence directly, with its history line (for people without an account,
        /// or to stage a scene); away, optionally with a handover to a named B and a note (AB3).
        /// </summary>
        public async Task SetPresenceAsync(
            string staffName, PresenceState state, int? atWindow = null, AwayReason? reason = null, string? handoverTo = null, string? note = null)
        {
            await using var db = host.App.CreateDbContext();
            var staffId = await StaffIdAsync(db, staffName);
            int? postId = atWindow is { } number
                ? await db.Posts.Where(p => p.Window!.Number == number).Select(p => p.Id).SingleAsync()
                : null;
            var now = host.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var presence = await db.Presences.SingleOrDefaultAsync(p => p.StaffMemberId == staffId);
            if (presence is null)
            {
                presence = new StaffPresence { StaffMemberId = staffId };
                db.Presences.Add(presence);
            }
            presence.State = state;
            presence.PostId = state == PresenceState.SignedOff ? null : postId;
            presence.Reason = state == PresenceState.Away ? reason ?? AwayReason.Business : null;
            presence.ExpectedReturn = state == PresenceState.Away ? now.AddMinutes(30) : null;
            presence.HandoverToStaffId = state == PresenceState.Away && handoverTo is not null ? await StaffIdAsync(db, handoverTo) : null;
            presence.HandoverNote = state == PresenceState.Away ? note : null;
            presence.Since = now;
            db.PresenceEvents.Add(new PresenceEvent
            {
                StaffMemberId = staffId, State = state, PostId = presence.PostId, Reason = presence.Reason, At = now,
                ExpectedReturn = presence.ExpectedReturn, HandoverToStaffId = presence.HandoverToStaffId, HandoverNote = presence.HandoverNote,
                RecordedBy = "test",
            });
            await db.SaveChangesAsync();
        }

        public async Task<PresenceState> PresenceOfAsync(string staffName)
        {
            await using var db = host.App.CreateDbContext();
            var staffId = await StaffIdAsync(db, staffName);
            return await db.Presences.Where(p => p.StaffMemberId == staffId).Select(p => (PresenceState?)p.State).SingleOrDefaultAsync()
                ?? PresenceState.SignedOff;
        }

        /// <summary>The open alert of a kind at a window (its one post), or null.</summary>
        public async Task<Alert?> OpenAlertAsync(string kind, int windowNumber)
        {
            await using var db = host.App.CreateDbContext();
            var postId = await db.Posts.Where(p => p.Window!.Number == windowNumber).Select(p => p.Id).SingleAsync();
            var subject = HallSubjects.Post(postId);
            return await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.IsOpen && a.Kind == kind && a.Subject == subject);
        }

        public async Task<Alert> AlertAsync(long id)
        {
            await using var db = host.App.CreateDbContext();
            return await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == id);
        }

        /// <summary>
        /// A service scope signed in as a demo account, with the claims the app's sign-in gives
        /// (name, id, role and, for a member of staff, the staff id), as a circuit's scope would be.
        /// </summary>
        public async Task<AsyncServiceScope> SignedInScopeAsync(string userName)
        {
            int? staffId;
            string userId;
            string role;
            await using (var db = host.App.CreateDbContext())
            {
                var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
                userId = user.Id;
                staffId = user.StaffMemberId;
                role = await db.UserRoles.Where(r => r.UserId == user.Id)
                    .Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!)
                    .FirstAsync();
            }
            var claims = new List<Claim>
            {
                new(ClaimTypes.Name, userName),
                new(ClaimTypes.NameIdentifier, userId),
                new(ClaimTypes.Role, role),
            };
            if (staffId is { } id)
            {
                claims.Add(new Claim(HallClaimsPrincipalFactory.StaffIdClaim, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            var scope = host.App.Services.CreateAsyncScope();
            var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
            authentication.SetAuthenticationState(Task.FromResult(
                new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "test")))));
            return scope;
        }
    }

    private static Task<int> StaffIdAsync(HallDbContext db, string name) =>
        db.StaffMembers.Where(s => s.Name == name).Select(s => s.Id).SingleAsync();
}
