using System.IO;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Tests.Workspace;

public sealed class PathIdentityTests
{
    [Fact]
    public void FileLink_ResolvesToTarget()
    {
        using var folder = new TemporaryFolder();
        var target = folder.Write("sites-available/default", "server {}\n");
        Directory.CreateDirectory(folder.Combine("sites-enabled"));
        File.CreateSymbolicLink(folder.Combine("sites-enabled/default"), "../sites-available/default");

        Assert.Equal(target, PathIdentity.RealPath(folder.Combine("sites-enabled/default")));
    }

    [Fact]
    public void LinkedFolderInPath_ResolvesToTarget()
    {
        using var folder = new TemporaryFolder();
        var target = folder.Write("real/conf.d/site.conf", "server {}\n");
        Directory.CreateSymbolicLink(folder.Combine("linked"), folder.Combine("real"));

        Assert.Equal(target, PathIdentity.RealPath(folder.Combine("linked/conf.d/site.conf")));
    }

    [Fact]
    public void PlainFile_KeepsFullPath()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("nginx.conf", "events {}\n");

        Assert.Equal(file, PathIdentity.RealPath(Path.Combine(folder.Path, ".", "nginx.conf")));
    }

    [Fact]
    public void MissingFileAndLinkLoop_KeepFullPath()
    {
        using var folder = new TemporaryFolder();
        File.CreateSymbolicLink(folder.Combine("a"), folder.Combine("b"));
        File.CreateSymbolicLink(folder.Combine("b"), folder.Combine("a"));

        Assert.Equal(folder.Combine("missing.conf"), PathIdentity.RealPath(folder.Combine("missing.conf")));
        Assert.Equal(folder.Combine("a"), PathIdentity.RealPath(folder.Combine("a")));
    }
}
