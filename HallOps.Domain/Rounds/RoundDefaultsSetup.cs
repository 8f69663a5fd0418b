using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Domain.Rounds;

/// <summary>
/// Makes sure a hall has the default routines (<see cref="RoundDefaults"/>), by code, at every start:
/// a template it lacks is added with its schedule (a new hall gets them all; an older one gets the
/// ones added since, e.g. the machine room's upkeep, IT6); a template it has keeps the hall's edits
/// and only gains the regulation items it lacks, by text, after its last item (IT1, IT5 on the
/// window inspection). Running it again adds nothing.
/// </summary>
public static class RoundDefaultsSetup
{
    /// <summary>What was added: template codes, and "code+text" for each appended item; empty when nothing was missing.</summary>
    public static async Task<IReadOnlyList<string>> EnsureAsync(HallDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var added = new List<string>();
        var existing = await db.RoundTemplates.Include(t => t.Items).ToListAsync(cancellationToken);
        var codes = existing.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (template, schedule) in RoundDefaults.Create(active: true).Where(d => !codes.Contains(d.Template.Code)))
        {
            schedule.Template = template;
            db.RoundSchedules.Add(schedule);
            added.Add(template.Code);
        }
        foreach (var template in existing)
        {
            if (!RoundDefaults.RegulationItems.TryGetValue(template.Code, out var items))
            {
                continue;
            }
            var texts = template.Items.Select(i => i.Text).ToHashSet(StringComparer.Ordinal);
            var next = template.Items.Count == 0 ? 1 : template.Items.Max(i => i.Order) + 1;
            foreach (var (text, regulation) in items.Where(i => !texts.Contains(i.Text)))
            {
                template.Items.Add(new RoundTemplateItem { Order = next++, Text = text, NoteOnFail = true, Regulation = regulation });
                added.Add($"{template.Code}+{text}");
            }
        }
        if (added.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return added;
    }
}
