using NetSecAnalyzers.ConfigLinter.Configuration;

namespace NetSecAnalyzers.ConfigLinter.Tests.Configuration;

/// <summary>Section globs matched against paths relative to the <c>.editorconfig</c> folder.</summary>
public sealed class EditorConfigGlobTests
{
    [Theory]
    [InlineData("*", "nginx.conf", true)]
    [InlineData("*.conf", "deploy/nginx/nginx.conf", true)]
    [InlineData("*.conf", "nginx.conf.bak", false)]
    [InlineData("*.{conf,yaml}", "compose.yaml", true)]
    [InlineData("*.{conf,yaml}", "compose.yml", false)]
    [InlineData("deploy/*.conf", "deploy/a.conf", true)]
    [InlineData("deploy/*.conf", "deploy/nginx/a.conf", false)]
    [InlineData("/deploy/**", "deploy/nginx/a.conf", true)]
    [InlineData("deploy/**", "other/deploy/a.conf", false)]
    [InlineData("**/nginx.conf", "nginx.conf", true)]
    [InlineData("site?.conf", "site1.conf", true)]
    [InlineData("site?.conf", "site/.conf", false)]
    [InlineData("site[12].conf", "site2.conf", true)]
    [InlineData("site[!12].conf", "site2.conf", false)]
    [InlineData("site{1..3}.conf", "site3.conf", true)]
    [InlineData("site{1..3}.conf", "site4.conf", false)]
    [InlineData("{a,b", "a", false)]
    public void Glob_MatchesAsSpecified(string glob, string relativePath, bool expected)
    {
        Assert.Equal(expected, EditorConfigGlob.Create(glob).IsMatch(relativePath));
    }

    [Fact]
    public void Parse_KeepsLaterSectionValueAndLocation()
    {
        var file = EditorConfigFile.Parse("/repo/.editorconfig", "root = true\n[*]\nnetsec.nginx_version = 1.24.0\n[*.conf]\nNETSEC.NGINX_VERSION =  1.28.0\n");

        Assert.True(file.IsRoot);
        Assert.Equal(2, file.Sections.Count);
        var property = file.Sections[1].Properties["netsec.nginx_version"];
        Assert.Equal("1.28.0", property.Value);
        Assert.Equal(5, property.Location.StartLine);
        Assert.Equal(25, property.Location.StartColumn);
    }
}
