using System;
using System.Collections.Generic;
using System.Linq;

namespace NetSecAnalyzers.ConfigLinter.Workspace;

/// <summary>
/// Index from each included file's real path to the reads of the set that include it, so that the nginx
/// and compose linters find a file's includers with one lookup rather than a pass over the whole set.
/// </summary>
/// <typeparam name="TRead">One main file as read, with the real paths of the files it included.</typeparam>
internal sealed class IncluderIndex<TRead>
    where TRead : class
{
    private readonly Dictionary<string, List<TRead>> includers = new(PathComparison.Comparer);
    private readonly Func<TRead, string> mainPath;
    private readonly Func<TRead, HashSet<string>> includedPaths;

    public IncluderIndex(IEnumerable<TRead> reads, Func<TRead, string> mainPath, Func<TRead, HashSet<string>> includedPaths)
    {
        this.mainPath = mainPath;
        this.includedPaths = includedPaths;
        foreach (var read in reads)
        {
            foreach (var included in includedPaths(read))
            {
                if (!includers.TryGetValue(included, out var list))
                {
                    list = new List<TRead>();
                    includers[included] = list;
                }

                list.Add(read);
            }
        }
    }

    /// <summary>
    /// Returns whether another read includes the main file of <paramref name="read"/>, so that the file is
    /// analyzed through its includer. Two reads that include each other are both kept as roots, because
    /// neither is above the other.
    /// </summary>
    public bool IsIncludedByAnother(TRead read) =>
        includers.TryGetValue(mainPath(read), out var candidates)
        && candidates.Any(other => other != read && !includedPaths(read).Contains(mainPath(other)));
}
