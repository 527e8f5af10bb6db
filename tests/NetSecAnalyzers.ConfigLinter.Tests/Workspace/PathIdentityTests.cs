using System.IO;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Tests.Workspace;

public sealed class PathIdentityTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FileLink_ResolvesToTarget(bool inRun)
    {
        using var folder = new TemporaryFolder();
        var target = folder.Write("sites-available/default", "server {}\n");
        Directory.CreateDirectory(folder.Combine("sites-enabled"));
        File.CreateSymbolicLink(folder.Combine("sites-enabled/default"), "../sites-available/default");

        Assert.Equal(target, RealPath(inRun, folder.Combine("sites-enabled/default")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LinkedFolderInPath_ResolvesToTarget(bool inRun)
    {
        using var folder = new TemporaryFolder();
        var target = folder.Write("real/conf.d/site.conf", "server {}\n");
        Directory.CreateSymbolicLink(folder.Combine("linked"), folder.Combine("real"));

        Assert.Equal(target, RealPath(inRun, folder.Combine("linked/conf.d/site.conf")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PlainFile_KeepsFullPath(bool inRun)
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("nginx.conf", "events {}\n");

        Assert.Equal(file, RealPath(inRun, Path.Combine(folder.Path, ".", "nginx.conf")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MissingFileAndLinkLoop_KeepFullPath(bool inRun)
    {
        using var folder = new TemporaryFolder();
        File.CreateSymbolicLink(folder.Combine("a"), folder.Combine("b"));
        File.CreateSymbolicLink(folder.Combine("b"), folder.Combine("a"));

        Assert.Equal(folder.Combine("missing.conf"), RealPath(inRun, folder.Combine("missing.conf")));
        Assert.Equal(folder.Combine("a"), RealPath(inRun, folder.Combine("a")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LinkToFolderWithLink_ResolvesEveryLevel(bool inRun)
    {
        using var folder = new TemporaryFolder();
        var target = folder.Write("real/sites/site.conf", "server {}\n");
        Directory.CreateSymbolicLink(folder.Combine("middle"), folder.Combine("real"));
        Directory.CreateDirectory(folder.Combine("outer"));
        Directory.CreateSymbolicLink(folder.Combine("outer/sites"), "../middle/sites");
        File.CreateSymbolicLink(folder.Combine("outer/enabled.conf"), "sites/site.conf");

        Assert.Equal(target, RealPath(inRun, folder.Combine("outer/sites/site.conf")));
        Assert.Equal(target, RealPath(inRun, folder.Combine("outer/enabled.conf")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FileUnderLoopingFolder_KeepsFullPath(bool inRun)
    {
        using var folder = new TemporaryFolder();
        Directory.CreateSymbolicLink(folder.Combine("a"), folder.Combine("b"));
        Directory.CreateSymbolicLink(folder.Combine("b"), folder.Combine("a"));

        Assert.Equal(folder.Combine("a/site.conf"), RealPath(inRun, folder.Combine("a/site.conf")));
    }

    [Fact]
    public void RunCache_ResolvesSiblingFiles()
    {
        using var folder = new TemporaryFolder();
        var first = folder.Write("real/one.conf", "server {}\n");
        var second = folder.Write("real/two.conf", "server {}\n");
        Directory.CreateSymbolicLink(folder.Combine("linked"), folder.Combine("real"));

        using (PathIdentity.CacheForRun())
        {
            Assert.Equal(first, PathIdentity.RealPath(folder.Combine("linked/one.conf")));
            Assert.Equal(second, PathIdentity.RealPath(folder.Combine("linked/two.conf")));
            Assert.Equal(folder.Combine("real"), PathIdentity.RealPath(folder.Combine("linked")));
        }
    }

    /// <summary>Resolves outside a lint run, or inside one, where folders come from the run's cache.</summary>
    private static string RealPath(bool inRun, string path)
    {
        if (!inRun)
        {
            return PathIdentity.RealPath(path);
        }

        using (PathIdentity.CacheForRun())
        {
            return PathIdentity.RealPath(path);
        }
    }
}
