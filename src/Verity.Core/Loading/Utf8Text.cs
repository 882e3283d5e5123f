using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Unicode;

namespace Verity.Core.Loading;

/// <summary>
/// The one way bytes become text for every reader: strict UTF-8. A byte that is not UTF-8 is refused, naming the byte
/// offset and the line it is on, rather than read as U+FFFD (which would make the text say something its bytes do
/// not). A leading byte order mark is dropped, as .NET's readers drop it.
/// </summary>
public static class Utf8Text
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>Decodes <paramref name="bytes"/>, or says where they stop being UTF-8.</summary>
    /// <param name="bytes">The file's or body's bytes.</param>
    /// <param name="source">The file or request named in the diagnostic.</param>
    /// <param name="text">The text, when the bytes are UTF-8.</param>
    /// <param name="problem">Otherwise the first invalid byte: its line, its column counted in bytes, its offset and value.</param>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, string source, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out Diagnostic? problem)
    {
        ArgumentNullException.ThrowIfNull(source);
        var start = bytes.StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
        var content = bytes[start..];
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(content.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(content, chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: false);
            if (status == OperationStatus.Done)
            {
                text = new string(chars, 0, written);
                problem = null;
                return true;
            }

            var offset = start + read;
            var before = bytes[..offset];
            var line = before.Count((byte)'\n') + 1;
            var column = offset - (before.LastIndexOf((byte)'\n') + 1) + 1;
            text = null;
            problem = new Diagnostic(source, line, column, string.Empty,
                $"not UTF-8 text: byte 0x{bytes[offset]:X2} at byte offset {offset.ToString(CultureInfo.InvariantCulture)} {(status == OperationStatus.NeedMoreData ? "begins a character the file cuts short" : "is not part of any UTF-8 character")}");
            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Decodes <paramref name="bytes"/> as strict UTF-8.</summary>
    /// <exception cref="InputException">The bytes are not UTF-8; the diagnostic names the byte offset and line.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string source) =>
        TryDecode(bytes, source, out var text, out var problem) ? text : throw new InputException(problem);
}
