using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Cases;

/// <summary>
/// Writes matters and accepted cases straight into a running app's database, their clocks set by
/// <see cref="CaseWorkflow.Recompute"/> on the app's calendar and clock, as intake sets them.
/// </summary>
public static class DeadlineCases
{
    private static int _numbers;

    public static async Task<long> AddAsync(
        IServiceProvider services, DateTimeOffset acceptedAt, int committedDays = 2, int window = 1, string handler = "张晓明",
        string applicant = "王小明", string matterName = "个体工商户设立登记")
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var calendar = await services.GetRequiredService<CalendarSource>().GetAsync();
        var dueSoonDays = services.GetRequiredService<CaseDeadlineScanner>().DueSoonDays;
        await using var db = await services.GetRequiredService<IDbContextFactory<HallDbContext>>().CreateDbContextAsync();
        var windowId = await db.Windows.Where(w => w.Number == window).Select(w => w.Id).SingleAsync();
        var handlerId = await db.StaffMembers.Where(s => s.Name == handler).Select(s => s.Id).SingleAsync();
        var code = $"TEST-{committedDays:00}-{window:00}";
        var matter = await db.Matters.Include(m => m.CurrentVersion).SingleOrDefaultAsync(m => m.Code == code);
        if (matter is null)
        {
            var version = new MatterVersion
            {
                Number = 1, StatutoryDays = 20, CommittedDays = committedDays, ChangedAt = now, ChangedBy = "test",
                Materials = [new MatterMaterial { Order = 1, Name = "申请人身份证明" }],
            };
            matter = new Matter { Code = code, Name = matterName, WindowId = windowId, Versions = [version] };
            db.Matters.Add(matter);
            await db.SaveChangesAsync();
            matter.CurrentVersionId = version.Id;
            matter.CurrentVersion = version;
            await db.SaveChangesAsync();
        }
        var number = Interlocked.Increment(ref _numbers);
        var serviceCase = new ServiceCase
        {
            Number = $"2026-{number:000000}",
            MatterId = matter.Id,
            MatterVersionId = matter.CurrentVersionId!.Value,
            WindowId = windowId,
            HandlerStaffId = handlerId,
            ApplicantName = applicant,
            ApplicantPhone = "13812341234",
            State = CaseState.Accepted,
            ReceivedAt = acceptedAt,
            AcceptedAt = acceptedAt,
            CreatedAt = acceptedAt,
            CreatedBy = "test",
        };
        CaseWorkflow.Recompute(serviceCase, matter.CurrentVersion!, calendar, now, dueSoonDays);
        db.Cases.Add(serviceCase);
        await db.SaveChangesAsync();
        return serviceCase.Id;
    }
}
