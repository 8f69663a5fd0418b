using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HallOps.Domain.Persistence;

/// <summary>Stores an instant as its UTC ticks; reads it back as a UTC <see cref="DateTimeOffset"/>.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
