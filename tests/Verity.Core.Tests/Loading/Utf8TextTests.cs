using System.Text;
using Verity.Core.Loading;

namespace Verity.Core.Tests.Loading;

/// <summary><see cref="Utf8Text"/>: strict UTF-8 for every file and body, a byte that is not UTF-8 named by offset and line.</summary>
public class Utf8TextTests
{
    [Fact]
    public void Decode_InvalidByteOnTheThirdLine_NamesOffsetLineAndColumn()
    {
        var bytes = Encoding.UTF8.GetBytes("id: x\nname: y\nparties: ").Concat(new byte[] { 0xFF, (byte)'\n' }).ToArray();

        var error = Assert.Throws<InputException>(() => Utf8Text.Decode(bytes, "treaty.yaml"));

        Assert.Equal("treaty.yaml:3:10: not UTF-8 text: byte 0xFF at byte offset 23 is not part of any UTF-8 character", Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void Decode_CharacterCutShortAtTheEnd_Refused()
    {
        byte[] bytes = [(byte)'a', 0xD0]; // the first byte of a two-byte character, and no second

        var error = Assert.Throws<InputException>(() => Utf8Text.Decode(bytes, "f.csv"));

        Assert.Equal("f.csv:1:2: not UTF-8 text: byte 0xD0 at byte offset 1 begins a character the file cuts short", Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void Decode_OverlongEncodingOfASlash_Refused()
    {
        byte[] bytes = [0xC0, 0xAF]; // "/" in two bytes: not UTF-8 (RFC 3629 §3)

        Assert.False(Utf8Text.TryDecode(bytes, "f", out _, out var problem));
        Assert.Contains("byte offset 0", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf8WithByteOrderMark_TextWithoutTheMark()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Договор\n")).ToArray();

        var text = Utf8Text.Decode(bytes, "f");

        Assert.Equal("Договор\n", text);
    }

    [Fact]
    public void Decode_BundledTreaty_SameAsTheFramework()
    {
        var bytes = File.ReadAllBytes(TestData.DataPath("treaties", "new-start.yaml"));

        Assert.Equal(File.ReadAllText(TestData.DataPath("treaties", "new-start.yaml")), Utf8Text.Decode(bytes, "new-start.yaml"));
    }
}
