using HallOps.Domain.Calendar;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Rounds;

/// <summary>A schedule of a template as the page shows it.</summary>
public sealed record ScheduleRow(
    int Id, string Rule, RoundScope Scope, double SampleShare, string AssigneeRole, int DueWithinMinutes, int MissedAfterMinutes, bool IsActive);

/// <summary>A round template with its checklist and schedules.</summary>
public sealed record TemplateRow(
    int Id, string Code, string Name, RoundKind Kind, RoundArea Area, bool IsActive, IReadOnlyList<RoundTemplateItem> Items, IReadOnlyList<ScheduleRow> Schedules);

/// <summary>What the manager edits of a schedule. Validated by <see cref="RoundScheduleAdminService.SaveScheduleAsync"/>.</summary>
public sealed class ScheduleEdit
{
    public int Id { get; set; }
    public string Rule { get; set; } = "";
    public int DueWithinMinutes { get; set; }
    public int MissedAfterMinutes { get; set; }

    /// <summary>For a sample of windows: the share drawn, in percent (1–100).</summary>
    public int SamplePercent { get; set; }
    public bool IsActive { get; set; }
}

/// <summary>One checklist item as the editor holds it.</summary>
public sealed class ItemEdit
{
    public string Text { get; set; } = "";
    public bool PhotoOnFail { get; set; }
}

/// <summary>A rule's next occurrences, or why it cannot be read.</summary>
public sealed record RulePreview(IReadOnlyList<DateTimeOffset> Next, string? Error);

/// <summary>
/// 检查计划 (SE2, SE4, HY2, HY4): the manager's view of the round templates and their schedules —
/// switch a schedule on or off, edit its rule (<see cref="ScheduleRule"/>: refused with the reason
/// when it cannot be read), its due-within and missed-after minutes and its sample share, see the
/// rule's next occurrences on the hall's calendar, and edit a template's checklist. A schedule
/// change replaces the rounds it had planned that nobody has started yet and plans again, so what
/// the staff and guards see follows at once. Manage policy, re-checked on every change.
/// </summary>
public sealed class RoundScheduleAdminService(
    IDbContextFactory<HallDbContext> contexts,
    HallAuthorizer authorizer,
    CalendarSource calendars,
    RoundPlanner planner,
    TimeProvider time,
    IStringLocalizer<SharedResource> L)
{
    public const int PreviewCount = 5;
    public const int MaxRule = 200;
    public const int MaxMinutes = 7 * 24 * 60;
    public const int MaxItems = 30;
    public const int MaxItemText = 200;

    /// <summary>How far ahead the planner is asked to plan after a change (as the round-plan job does).</summary>
    private static readonly TimeSpan PlanAhead = TimeSpan.FromHours(24);

    public async Task<IReadOnlyList<TemplateRow>> LoadAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var templates = await db.RoundTemplates.AsNoTracking().Include(t => t.Items).OrderBy(t => t.Kind).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var schedules = await db.RoundSchedules.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return templates.Select(t => new TemplateRow(
            t.Id, t.Code, t.Name, t.Kind, t.Area, t.IsActive, t.Items.OrderBy(i => i.Order).ToList(),
            schedules.Where(s => s.TemplateId == t.Id)
                .Select(s => new ScheduleRow(s.Id, s.Rule, s.Scope, s.SampleShare, s.AssigneeRole, s.DueWithinMinutes, s.MissedAfterMinutes, s.IsActive))
                .ToList())).ToList();
    }

    /// <summary>The next <see cref="PreviewCount"/> instants a rule is due from, from now on the hall's calendar (within a year), or why it cannot be read.</summary>
    public async Task<RulePreview> PreviewAsync(string? rule)
    {
        if (ScheduleRule.TryParse(rule, out var error) is not { } parsed)
        {
            return new RulePreview([], ErrorText(error));
        }
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        return new RulePreview(parsed.Occurrences(now, now.AddDays(366), calendar).Take(PreviewCount).ToList(), null);
    }

    /// <summary>The message for a rule that cannot be read.</summary>
    public string ErrorText(ScheduleError? error) => L[$"RoundAdmin.RuleError.{error ?? ScheduleError.Empty}"];

    /// <summary>Saves a schedule's rule, minutes, share and switch; replans its untouched future rounds.</summary>
    public async Task<SaveResult> SaveScheduleAsync(ScheduleEdit edit, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        var errors = new List<string>();
        var rule = string.Join(' ', (edit.Rule ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (rule.Length > MaxRule)
        {
            errors.Add(L["RoundAdmin.RuleTooLong", MaxRule]);
        }
        else if (ScheduleRule.TryParse(rule, out var error) is null)
        {
            errors.Add(ErrorText(error));
        }
        if (edit.DueWithinMinutes is < 1 or > MaxMinutes)
        {
            errors.Add(L["RoundAdmin.DueWithinRange", MaxMinutes]);
        }
        if (edit.MissedAfterMinutes is < 0 or > MaxMinutes)
        {
            errors.Add(L["RoundAdmin.MissedAfterRange", MaxMinutes]);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var schedule = await db.RoundSchedules.SingleOrDefaultAsync(s => s.Id == edit.Id, cancellationToken);
        if (schedule is null)
        {
            return new SaveResult([L["RoundAdmin.ScheduleUnknown"]]);
        }
        if (schedule.Scope == RoundScope.SampleOfWindows && edit.SamplePercent is < 1 or > 100)
        {
            errors.Add(L["RoundAdmin.ShareRange"]);
        }
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }
        schedule.Rule = rule;
        schedule.DueWithinMinutes = edit.DueWithinMinutes;
        schedule.MissedAfterMinutes = edit.MissedAfterMinutes;
        if (schedule.Scope == RoundScope.SampleOfWindows)
        {
            schedule.SampleShare = edit.SamplePercent / 100.0;
        }
        schedule.IsActive = edit.IsActive;
        return await SaveAndReplanAsync(db, schedule.Id, cancellationToken);
    }

    /// <summary>Switches a schedule on (it plans rounds) or off (its untouched future rounds are withdrawn).</summary>
    public async Task<SaveResult> SetActiveAsync(int scheduleId, bool active, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var schedule = await db.RoundSchedules.SingleOrDefaultAsync(s => s.Id == scheduleId, cancellationToken);
        if (schedule is null)
        {
            return new SaveResult([L["RoundAdmin.ScheduleUnknown"]]);
        }
        if (active && ScheduleRule.TryParse(schedule.Rule, out var error) is null)
        {
            return new SaveResult([ErrorText(error)]);
        }
        schedule.IsActive = active;
        return await SaveAndReplanAsync(db, schedule.Id, cancellationToken);
    }

    /// <summary>
    /// Replaces a template's checklist (at least one item, each 1–200 characters). Rounds already
    /// done keep the items as they read then; rounds from now on use the new list.
    /// </summary>
    public async Task<SaveResult> SaveItemsAsync(int templateId, IReadOnlyList<ItemEdit> items, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        var texts = items.Select(i => (Text: (i.Text ?? "").Trim(), i.PhotoOnFail)).ToList();
        if (texts.Count == 0)
        {
            return new SaveResult([L["RoundAdmin.ItemsRequired"]]);
        }
        if (texts.Count > MaxItems)
        {
            return new SaveResult([L["RoundAdmin.TooManyItems", MaxItems]]);
        }
        var errors = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i].Text.Length == 0)
            {
                errors.Add(L["RoundAdmin.ItemEmpty", i + 1]);
            }
            else if (texts[i].Text.Length > MaxItemText)
            {
                errors.Add(L["RoundAdmin.ItemTooLong", i + 1, MaxItemText]);
            }
        }
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var template = await db.RoundTemplates.Include(t => t.Items).SingleOrDefaultAsync(t => t.Id == templateId, cancellationToken);
        if (template is null)
        {
            return new SaveResult([L["RoundAdmin.TemplateUnknown"]]);
        }
        // Two steps in one transaction: the positions are unique per template, so the old list goes before the new one comes.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.RemoveRange(template.Items);
        await db.SaveChangesAsync(cancellationToken);
        template.Items = texts.Select((t, i) => new RoundTemplateItem { Order = i + 1, Text = t.Text, PhotoOnFail = t.PhotoOnFail, NoteOnFail = true }).ToList();
        // The template itself is marked changed, so its subject is published and open pages reload.
        db.Entry(template).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SaveResult.Ok;
    }

    /// <summary>
    /// Saves a schedule change, withdraws the schedule's future rounds nobody has started (so a
    /// changed time leaves no round at the old one), then plans the next day again.
    /// </summary>
    private async Task<SaveResult> SaveAndReplanAsync(HallDbContext db, int scheduleId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            var untouched = await db.Rounds
                .Where(r => r.ScheduleId == scheduleId && r.DueFrom > now && r.State == RoundState.Due && r.StartedAt == null)
                .ToListAsync(cancellationToken);
            db.Rounds.RemoveRange(untouched);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await planner.PlanAsync(now, now + PlanAhead, cancellationToken);
        return SaveResult.Ok;
    }
}
