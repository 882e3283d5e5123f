using Verity.Record.Merkle;
using Verity.Record.Notes;

namespace Verity.Record.Tests.Notes;

public sealed class CheckpointTests
{
    private static readonly Sha256Hash Root = Sha256Hash.ParseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    [Fact]
    public void ToText_Checkpoint_IsThreeLines()
    {
        var checkpoint = new Checkpoint("verity.example/us", 8, Root);

        Assert.Equal("verity.example/us\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", checkpoint.ToText());
    }

    [Fact]
    public void SignOpen_Checkpoint_RoundTrips()
    {
        using var key = Fixtures.Key("verity.example/us");
        var checkpoint = new Checkpoint("verity.example/us", 8, Root, ["extension"]);

        var opened = Checkpoint.Open(checkpoint.Sign(key).ToString(), [key.Verifier]);

        Assert.True(opened.IsValid, opened.Problem);
        Assert.Equal(checkpoint, opened.Checkpoint);
    }

    [Fact]
    public void Open_WrongKey_FailsNamingKey()
    {
        using var key = Fixtures.Key("verity.example/us", 1);
        using var other = Fixtures.Key("verity.example/us", 2);

        var opened = Checkpoint.Open(new Checkpoint("verity.example/us", 8, Root).Sign(key).ToString(), [other.Verifier]);

        Assert.False(opened.IsValid);
        Assert.Contains("no verifiable signatures", opened.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("o\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "line 2")]
    [InlineData("o\n-1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "line 2")]
    [InlineData("o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQy=\n", "line 3")]
    [InlineData("\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "line 1")]
    [InlineData("o\n8\n", "lines")]
    [InlineData("o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=", "newline")]
    public void TryParse_BadText_FailsNamingLine(string text, string where)
    {
        Assert.False(Checkpoint.TryParse(text, out _, out var problem));
        Assert.Contains(where, problem, StringComparison.Ordinal);
    }
}
