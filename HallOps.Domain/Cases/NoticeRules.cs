namespace HallOps.Domain.Cases;

/// <summary>The one-time notification rules (OT1, OT2) as pure functions.</summary>
public static class NoticeRules
{
    /// <summary>
    /// OT2 / AC2 type 1: the items a later supplement notice names that no earlier one did. Any such
    /// item means the first notice did not tell everything at once: a breach. A later notice naming
    /// only items already named (a subset) is no breach.
    /// </summary>
    public static IReadOnlyList<string> NewItems(IEnumerable<IEnumerable<string>> earlier, IEnumerable<string> later)
    {
        var named = earlier.SelectMany(items => items).Select(Normalise).ToHashSet(StringComparer.Ordinal);
        return later.Where(item => !named.Contains(Normalise(item))).Distinct().ToList();
    }

    /// <summary>
    /// OT1: a supplement notice must name at least one item, each once; the items are the matter's
    /// materials that were not received or not conforming.
    /// </summary>
    public static NoticeProblem? CheckSupplement(IReadOnlyCollection<string> items, IReadOnlyCollection<string> materials)
    {
        if (items.Count == 0)
        {
            return NoticeProblem.NoItems;
        }
        if (items.Select(Normalise).Distinct().Count() != items.Count)
        {
            return NoticeProblem.DuplicateItem;
        }
        var known = materials.Select(Normalise).ToHashSet(StringComparer.Ordinal);
        return items.All(i => known.Contains(Normalise(i))) ? null : NoticeProblem.UnknownItem;
    }

    private static string Normalise(string item) => item.Trim();
}

public enum NoticeProblem
{
    NoItems = 1,
    DuplicateItem = 2,
    UnknownItem = 3,
}
