namespace HallOps.Domain.Events;

/// <summary>
/// An entity whose changes the hall's screens follow. When a change to it is committed, the
/// data context publishes a <see cref="HallEvent"/> for <see cref="EventSubject"/>: no feature
/// has to remember to publish.
/// </summary>
public interface IPublishesChanges
{
    string EventSubject { get; }
}
