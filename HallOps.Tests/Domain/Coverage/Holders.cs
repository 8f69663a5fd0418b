using System.Globalization;
using HallOps.Domain.Coverage;
using HallOps.Domain.Staffing;

namespace HallOps.Tests.Domain.Coverage;

/// <summary>
/// Reads the post line the coverage tables are written in: "A1 away→3, B2 on, B3 off" is a post
/// whose A (staff 1) is away having handed over to staff 3, with B holders 2 (on post) and 3
/// (signed off). States: on (在岗), away (离岗), off (下班).
/// </summary>
internal static class Holders
{
    public const int PostId = 7;
    public const int WindowId = 3;

    public static PostHolders Post(string line) => Post(PostId, WindowId, line);

    public static PostHolders Post(int postId, int windowId, string line) =>
        new(postId, windowId, [.. line.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Holder)]);

    private static HolderPresence Holder(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not [var who, var where] || who.Length < 2)
        {
            throw new FormatException($"'{text}' is not a holder such as 'A1 on' or 'A1 away→3'.");
        }

        var role = who[0] switch
        {
            'A' => PostRole.A,
            'B' => PostRole.B,
            _ => throw new FormatException($"'{text}': the role must be A or B."),
        };
        var staffId = int.Parse(who[1..], CultureInfo.InvariantCulture);

        var handover = where.Split('→');
        var state = handover[0] switch
        {
            "on" => PresenceState.OnPost,
            "away" => PresenceState.Away,
            "off" => PresenceState.SignedOff,
            _ => throw new FormatException($"'{text}': the state must be on, away or off."),
        };
        int? handoverTo = handover.Length == 2 ? int.Parse(handover[1], CultureInfo.InvariantCulture) : null;
        return new HolderPresence(staffId, role, state, handoverTo);
    }
}
