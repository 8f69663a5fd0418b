using HallOps.Domain.Events;
using HallOps.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace HallOps.Web.Hubs;

/// <summary>What the hub sends: every hall event (LED boards, the queue-calling system).</summary>
public interface IHallHubClient
{
    Task HallEvent(HallEvent hallEvent);
}

/// <summary>The hall's push channel for outside clients, at /hubs/hall. Any signed-in hall account may listen.</summary>
[Authorize(Policy = HallPolicies.Viewer)]
public sealed class HallHub(TimeProvider time) : Hub<IHallHubClient>
{
    /// <summary>Lets a client check its connection and the server's clock.</summary>
    [Authorize(Policy = HallPolicies.Viewer)]
    public DateTimeOffset Ping() => time.GetUtcNow();
}
