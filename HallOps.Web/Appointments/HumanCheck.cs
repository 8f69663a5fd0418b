using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace HallOps.Web.Appointments;

/// <summary>A question a person answers at a glance (two small numbers to add), and its sealed answer.</summary>
public sealed record HumanQuestion(int Left, int Right, string Seal);

/// <summary>
/// The public page's simple human check: the sum of two small numbers. The answer travels with the
/// form sealed by data protection with the time it was asked, so the server keeps no state; a seal
/// is good for <see cref="Lifetime"/>.
/// </summary>
public sealed class HumanCheck(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly IDataProtector _protector = protection.CreateProtector("HallOps.PublicBooking.HumanCheck");

    public HumanQuestion Ask()
    {
        var left = RandomNumberGenerator.GetInt32(1, 10);
        var right = RandomNumberGenerator.GetInt32(1, 10);
        var payload = string.Create(CultureInfo.InvariantCulture, $"{left + right}|{time.GetUtcNow().ToUnixTimeSeconds()}");
        return new HumanQuestion(left, right, _protector.Protect(payload));
    }

    /// <summary>True when <paramref name="answer"/> is the sum sealed in <paramref name="seal"/>, asked within the lifetime.</summary>
    public bool Passes(string? seal, string? answer)
    {
        if (string.IsNullOrEmpty(seal) || !int.TryParse((answer ?? "").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var given))
        {
            return false;
        }
        try
        {
            var parts = _protector.Unprotect(seal).Split('|');
            var sum = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var askedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[1], CultureInfo.InvariantCulture));
            var age = time.GetUtcNow() - askedAt;
            return given == sum && age >= TimeSpan.Zero && age <= Lifetime;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or IndexOutOfRangeException or OverflowException)
        {
            return false;
        }
    }
}
