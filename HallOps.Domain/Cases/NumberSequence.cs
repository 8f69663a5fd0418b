using HallOps.Domain.Audit;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Domain.Cases;

/// <summary>A named counter: case numbers per year ("case:2026"), notice numbers per year ("notice:2026").</summary>
[NotAudited]
public class NumberSequence
{
    public required string Name { get; set; }

    public long Value { get; set; }
}

/// <summary>
/// Hands out the hall's document numbers: 2026-000412 for cases, 〔2026〕第0412号 for notices,
/// TS20261126-003 for complaints, YY20261126-004 for appointments. Each
/// number is taken in its own short transaction, so two windows never get the same one; a number
/// taken by an intake that then fails is simply not used (numbers may skip, never repeat).
/// </summary>
public static class DocumentNumbers
{
    public static string CaseNumber(int year, long value) => $"{year}-{value:D6}";

    public static string NoticeNumber(int year, long value) => $"〔{year}〕第{value:D4}号";

    public static async Task<string> NextCaseNumberAsync(IDbContextFactory<HallDbContext> contexts, int year, CancellationToken cancellationToken = default) =>
        CaseNumber(year, await NextAsync(contexts, $"case:{year}", cancellationToken));

    public static async Task<string> NextNoticeNumberAsync(IDbContextFactory<HallDbContext> contexts, int year, CancellationToken cancellationToken = default) =>
        NoticeNumber(year, await NextAsync(contexts, $"notice:{year}", cancellationToken));

    /// <summary>The office's complaint number of the day (SC2.6): "TS20261126-003".</summary>
    public static async Task<string> NextComplaintNumberAsync(IDbContextFactory<HallDbContext> contexts, DateOnly date, CancellationToken cancellationToken = default) =>
        Complaints.ComplaintRules.Number(date, await NextAsync(contexts, Complaints.ComplaintRules.SequenceName(date), cancellationToken));

    /// <summary>An appointment's number of the day it was requested (AP4.2): "YY20261126-004".</summary>
    public static async Task<string> NextAppointmentNumberAsync(IDbContextFactory<HallDbContext> contexts, DateOnly date, CancellationToken cancellationToken = default) =>
        $"YY{date:yyyyMMdd}-{await NextAsync(contexts, $"appointment:{date:yyyyMMdd}", cancellationToken):D3}";

    /// <summary>A virus incident's number of the day it was reported (IT2): "BD20261126-001".</summary>
    public static async Task<string> NextVirusIncidentNumberAsync(IDbContextFactory<HallDbContext> contexts, DateOnly date, CancellationToken cancellationToken = default) =>
        Network.ItRules.Number(date, await NextAsync(contexts, Network.ItRules.SequenceName(date), cancellationToken));

    /// <summary>The next value of a sequence (1 for a new one).</summary>
    public static async Task<long> NextAsync(IDbContextFactory<HallDbContext> contexts, string name, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                // The increment takes the row's write lock until the commit: concurrent callers queue.
                var updated = await db.NumberSequences.Where(s => s.Name == name)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, x => x.Value + 1), cancellationToken);
                if (updated == 0)
                {
                    db.NumberSequences.Add(new NumberSequence { Name = name, Value = 1 });
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return 1;
                }
                var value = await db.NumberSequences.Where(s => s.Name == name).Select(s => s.Value).SingleAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return value;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Two first numbers of a new sequence at once: one insert won; take the next one.
            }
        }
    }
}
