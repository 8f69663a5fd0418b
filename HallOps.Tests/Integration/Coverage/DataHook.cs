using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HallOps.Tests.Integration.Coverage;

/// <summary>
/// Lets a test step in between a service's read and its save, as a second app instance (or the
/// minute scan) would: an armed action runs once, right after the first query or just before the
/// first save that matches.
/// </summary>
public sealed class DataHook : DbCommandInterceptor, ISaveChangesInterceptor
{
    private readonly Lock _gate = new();
    private (Func<DbCommand, bool> When, Func<Task> Then)? _afterRead;
    private (Func<DbContext, bool> When, Func<Task> Then)? _beforeSave;

    /// <summary>Whether the last armed action has run.</summary>
    public bool Fired { get; private set; }

    public void AfterRead(Func<DbCommand, bool> when, Func<Task> then)
    {
        lock (_gate)
        {
            (_afterRead, Fired) = ((when, then), false);
        }
    }

    public void BeforeSave(Func<DbContext, bool> when, Func<Task> then)
    {
        lock (_gate)
        {
            (_beforeSave, Fired) = ((when, then), false);
        }
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (Take(ref _afterRead, command) is { } then)
        {
            await then();
        }
        return result;
    }

    async ValueTask<InterceptionResult<int>> ISaveChangesInterceptor.SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken)
    {
        if (eventData.Context is { } context && Take(ref _beforeSave, context) is { } then)
        {
            await then();
        }
        return result;
    }

    private Func<Task>? Take<T>(ref (Func<T, bool> When, Func<Task> Then)? armed, T subject)
    {
        lock (_gate)
        {
            if (armed is not { } action || !action.When(subject))
            {
                return null;
            }
            armed = null;
            Fired = true;
            return action.Then;
        }
    }
}
