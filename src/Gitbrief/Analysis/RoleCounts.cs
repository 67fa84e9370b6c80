namespace Gitbrief.Analysis;

/// <summary>How many files of each role a commit changed, the most common role first (ties in the order of
/// <see cref="FileRole"/>). Counted into an array: a LINQ <c>GroupBy(role).OrderByDescending(count).ThenBy(role)</c> made
/// Native AOT's type loader look up its generic methods' slots the slow way on every commit (~1.4% of the whole-history
/// run's own CPU).</summary>
internal static class RoleCounts
{
    private const int Roles = (int)FileRole.Other + 1;

    public static List<(FileRole Role, int Count)> Of(IReadOnlyList<ClassifiedFile> files)
    {
        Span<int> counts = stackalloc int[Roles];
        foreach (var file in files)
        {
            counts[(int)file.Role]++;
        }
        var roles = new List<(FileRole Role, int Count)>();
        for (var role = 0; role < Roles; role++)
        {
            if (counts[role] > 0)
            {
                roles.Add(((FileRole)role, counts[role]));
            }
        }
        roles.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.Role.CompareTo(b.Role));
        return roles;
    }
}
