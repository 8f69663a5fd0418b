using HallOps.Domain.Accountability;
using HallOps.Domain.Identity;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Accountability;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Accountability;

/// <summary>The office's list (AC1): filtered by status, type, staff member and the month raised; drafts first.</summary>
[Collection(WebCollection.Name)]
public sealed class DerelictionFilterTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private async Task<long> AddAsync(int staffId, DerelictionType type, DateTimeOffset raised, DerelictionStatus status = DerelictionStatus.Draft)
    {
        await using var db = hall.CreateDbContext();
        var record = new DerelictionRecord
        {
            Type = type, Status = status, StaffMemberId = staffId, SourceKey = $"test:filter:{Guid.NewGuid():N}",
            Summary = "筛选", CreatedAt = raised, CreatedBy = "office",
            DecidedAt = status == DerelictionStatus.Draft ? null : raised.AddDays(1), DecidedBy = status == DerelictionStatus.Draft ? null : "office",
        };
        db.DerelictionRecords.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    }

    [Fact]
    public async Task AC1_TheListFiltersByStatusTypeStaffAndMonth_DraftsFirst()
    {
        var staffId = await hall.StaffIdAsync("张晓明");
        var october = await AddAsync(staffId, DerelictionType.ExtraConditions, new DateTimeOffset(2026, 10, 31, 23, 30, 0, CoverageHall.Beijing));
        var november = await AddAsync(staffId, DerelictionType.ExtraConditions, new DateTimeOffset(2026, 11, 1, 0, 30, 0, CoverageHall.Beijing));
        var decided = await AddAsync(staffId, DerelictionType.ExtraConditions, new DateTimeOffset(2026, 11, 3, 9, 0, 0, CoverageHall.Beijing), DerelictionStatus.Confirmed);
        await using var office = hall.SignedIn("office", HallRoles.Office);
        var service = office.ServiceProvider.GetRequiredService<DerelictionService>();

        var byType = await service.ListAsync(new DerelictionFilter(Type: DerelictionType.ExtraConditions, StaffMemberId: staffId));
        var inNovember = await service.ListAsync(new DerelictionFilter(Type: DerelictionType.ExtraConditions, Month: new DateOnly(2026, 11, 1)));
        var drafts = await service.ListAsync(new DerelictionFilter(Status: DerelictionStatus.Draft, Type: DerelictionType.ExtraConditions));

        Assert.Equal([october, november, decided], byType.Select(r => r.Id));
        Assert.Equal([november, decided], inNovember.Select(r => r.Id));
        Assert.Equal([october, november], drafts.Select(r => r.Id));
    }
}
