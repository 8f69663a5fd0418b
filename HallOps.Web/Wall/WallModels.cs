using HallOps.Domain.Jobs;

namespace HallOps.Web.Wall;

/// <summary>One window's card on the wall screen. Value equality: a card re-renders only when this changes.</summary>
public sealed record WallWindowCard(
    int Id,
    int Number,
    string Name,
    int FloorId,
    string HomeUnit,
    bool IsActive,
    string? AHolder,
    string BHolders,
    bool MissingBackup,
    string PostIds)
{
    public bool HasPost(int postId) => PostIds.Split(',').Contains(postId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public sealed record WallFloor(int Id, int Level, string Name, IReadOnlyList<int> WindowIds);

public sealed record WallJobs(JobsState State, DateTimeOffset? LastBeat);

public sealed record WallSnapshot(IReadOnlyList<WallFloor> Floors, IReadOnlyDictionary<int, WallWindowCard> Cards, WallJobs Jobs);
