using System;
using System.IO;

namespace NetSecAnalyzers.Tests;

/// <summary>Finds the repository's root folder from the test assembly's location.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NetSecAnalyzers.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException("NetSecAnalyzers.sln was not found above " + AppContext.BaseDirectory + ".");
    }
}
