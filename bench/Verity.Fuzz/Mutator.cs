using System.Text;

namespace Verity.Fuzz;

/// <summary>
/// Seeded mutations of a seed input, in the manner of libFuzzer's mutators but without coverage feedback: bit flips,
/// bytes set, inserted and deleted, chunks duplicated and spliced in from another seed, lines duplicated, dropped,
/// swapped and cut, numbers and dates replaced by the interesting ones (range edges, impossible dates), and deep
/// nesting in JSON and YAML. One to eight mutations are stacked, fewer more often.
/// </summary>
public sealed class Mutator(IReadOnlyList<byte[]> corpus, int maxLength = 1 << 20)
{
    /// <summary>Numbers at the edges of the ranges parsers convert to: Int32, Int64, decimal, double, and forms that
    /// are not plain decimals.</summary>
    public static readonly string[] InterestingNumbers =
    [
        "0", "-0", "1", "-1", "00", "007", "2147483647", "2147483648", "-2147483649", "4294967296",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "79228162514264337593543950336", "99999999999999999999999999999999999999",
        "1e308", "1e309", "-1e309", "1e-400", "1E+9999999999", "0.1", "1.5", "-0.0", "1.", ".5", "0x10", "1_000",
        "NaN", "Infinity", "-Infinity", "+1", "１２", "٣",
    ];

    /// <summary>Dates and times at the edges of NodaTime's and the BCL's ranges, and ones that do not exist.</summary>
    public static readonly string[] InterestingDates =
    [
        "0000-01-01", "0001-01-01", "-0001-01-01", "9999-12-31", "10000-01-01", "-9998-01-01", "+275760-09-13",
        "2011-02-29", "2012-02-30", "2011-13-01", "2011-00-10", "1900-02-29", "2000-02-29", "2011-2-5", "2011-02-05T24:00",
        "2011-02-05T23:59:60", "2011-02-05T12:00:00Z", "2011-02-05T12:00:00+14:00", "9999-12-31T23:59:59.9999999",
        "P10Y", "P-1D", "P9999999999D", "PT0S",
    ];

    private static readonly byte[] Specials = Encoding.UTF8.GetBytes(",\"\n\r\t :-{}[]#&*!|>'%@`\\/?=;+.0123456789");

    private static readonly string[] Fragments =
    [
        "\"", "\\", "\\u0000", "\\ud800", "\u0000", "\uFEFF", "\u00e9", "\uFFFD", "\r\n", "\n\n", "\t", "null", "true",
        "[]", "{}", "\"\"", ": ", "- ", "? ", "---\n", "...\n", "&a ", "*a", "!!binary ", "!!str ", "<<: *a\n", "%YAML 1.2\n",
        "a: &a [*a]\n", "\"\"\"", ",,", ";", "=", "sig1=", ":AAAA:", "();created=1", "%20", "%00", "%ff", "?x=", "&x=", "#",
    ];

    /// <summary>The seed inputs.</summary>
    public IReadOnlyList<byte[]> Corpus { get; } = corpus.Count > 0 ? corpus : throw new ArgumentException("a corpus of at least one seed is needed", nameof(corpus));

    /// <summary>A mutated copy of one seed, chosen and changed by <paramref name="random"/>.</summary>
    public byte[] Next(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var data = new List<byte>(Corpus[random.Next(Corpus.Count)]);
        var count = 1 + (int)Math.Min(7, Math.Floor(-Math.Log2(1 - random.NextDouble())));
        for (var i = 0; i < count; i++)
        {
            Mutate(data, random);
            if (data.Count > maxLength)
            {
                data.RemoveRange(maxLength, data.Count - maxLength);
            }
        }

        return [.. data];
    }

    private void Mutate(List<byte> data, Random random)
    {
        if (data.Count == 0)
        {
            data.AddRange(Corpus[random.Next(Corpus.Count)]);
            if (data.Count == 0)
            {
                data.Add(Specials[random.Next(Specials.Length)]);
                return;
            }
        }

        var at = random.Next(data.Count);
        switch (random.Next(16))
        {
            case 0:
                data[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                data[at] = (byte)random.Next(256);
                break;
            case 2:
                data.Insert(at, Specials[random.Next(Specials.Length)]);
                break;
            case 3:
                data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(Math.Min(64, data.Count))));
                break;
            case 4:
                {
                    // Duplicate a chunk elsewhere.
                    var length = Math.Min(data.Count - at, 1 + random.Next(256));
                    var chunk = data.GetRange(at, length);
                    data.InsertRange(random.Next(data.Count + 1), chunk);
                    break;
                }

            case 5:
                {
                    // Splice a chunk of another seed in, replacing as much.
                    var other = Corpus[random.Next(Corpus.Count)];
                    if (other.Length == 0)
                    {
                        break;
                    }

                    var from = random.Next(other.Length);
                    var length = Math.Min(other.Length - from, 1 + random.Next(512));
                    data.RemoveRange(at, Math.Min(length, data.Count - at));
                    data.InsertRange(at, other.AsSpan(from, length).ToArray());
                    break;
                }

            case 6:
                MutateLines(data, random);
                break;
            case 7:
                data.RemoveRange(at, data.Count - at);
                break;
            case 8:
                ReplaceRun(data, random, IsDigit, InterestingNumbers);
                break;
            case 9:
                ReplaceRun(data, random, b => IsDigit(b) || b == '-' || b == ':' || b == 'T', InterestingDates);
                break;
            case 10:
                Nest(data, at, random);
                break;
            case 11:
                data.InsertRange(at, Encoding.UTF8.GetBytes(Fragments[random.Next(Fragments.Length)]));
                break;
            case 12:
                {
                    // A long run of one byte: long lines, long keys, long numbers.
                    var length = random.Next(4) == 0 ? 1 << random.Next(10, 17) : 1 + random.Next(300);
                    data.InsertRange(at, Enumerable.Repeat(data[random.Next(data.Count)], length));
                    break;
                }

            case 13:
                {
                    // Swap two bytes.
                    var other = random.Next(data.Count);
                    (data[at], data[other]) = (data[other], data[at]);
                    break;
                }

            case 14:
                data.InsertRange(at, Encoding.UTF8.GetBytes(random.Next(2) == 0
                    ? InterestingNumbers[random.Next(InterestingNumbers.Length)]
                    : InterestingDates[random.Next(InterestingDates.Length)]));
                break;
            default:
                {
                    // Increment or decrement a byte, as arithmetic mutators do.
                    data[at] = unchecked((byte)(data[at] + (random.Next(2) == 0 ? 1 : -1) * (1 + random.Next(35))));
                    break;
                }
        }
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    // Replace a run of bytes around a random position matching `part` (a number, a date) with an interesting value.
    private static void ReplaceRun(List<byte> data, Random random, Func<byte, bool> part, string[] values)
    {
        var start = random.Next(data.Count);
        var found = -1;
        for (var i = 0; i < data.Count; i++)
        {
            var j = (start + i) % data.Count;
            if (IsDigit(data[j]))
            {
                found = j;
                break;
            }
        }

        var value = Encoding.UTF8.GetBytes(values[random.Next(values.Length)]);
        if (found < 0)
        {
            data.InsertRange(start, value);
            return;
        }

        var first = found;
        while (first > 0 && part(data[first - 1]))
        {
            first--;
        }

        var end = found;
        while (end < data.Count && part(data[end]))
        {
            end++;
        }

        data.RemoveRange(first, end - first);
        data.InsertRange(first, value);
    }

    private void MutateLines(List<byte> data, Random random)
    {
        var lines = new List<List<byte>> { new() };
        foreach (var b in data)
        {
            lines[^1].Add(b);
            if (b == '\n')
            {
                lines.Add([]);
            }
        }

        var i = random.Next(lines.Count);
        switch (random.Next(5))
        {
            case 0:
                lines.Insert(i, [.. lines[i]]);
                break;
            case 1:
                lines.RemoveAt(i);
                break;
            case 2:
                {
                    var j = random.Next(lines.Count);
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                    break;
                }

            case 3:
                lines.RemoveRange(i, lines.Count - i);
                break;
            default:
                {
                    // Repeat a line many times: many rows, many keys; no more copies than fit the input's bound (a
                    // long line repeated 2,048 times would pass the largest list .NET can hold).
                    var line = lines[i];
                    var copies = Math.Min(1 << random.Next(1, 12), Math.Max(1, maxLength / Math.Max(1, line.Count)));
                    lines.InsertRange(i, Enumerable.Repeat(line, copies).Select(l => new List<byte>(l)));
                    break;
                }
        }

        data.Clear();
        foreach (var line in lines)
        {
            data.AddRange(line);
        }
    }

    // Deep nesting: JSON arrays and objects, YAML block and flow collections, structured-field inner lists.
    private static void Nest(List<byte> data, int at, Random random)
    {
        var depth = random.Next(3) == 0 ? 1 << random.Next(8, 16) : 1 + random.Next(200);
        var (open, close) = random.Next(6) switch
        {
            0 => ("[", "]"),
            1 => ("{\"a\":", "}"),
            2 => ("- ", ""),
            3 => ("a:\n ", ""),
            4 => ("(", ")"),
            _ => ("[{", "}]"),
        };
        var text = new StringBuilder(depth * (open.Length + close.Length));
        for (var i = 0; i < depth; i++)
        {
            text.Append(open);
        }

        if (random.Next(2) == 0)
        {
            text.Append('1');
            for (var i = 0; i < depth; i++)
            {
                text.Append(close);
            }
        }

        data.InsertRange(at, Encoding.UTF8.GetBytes(text.ToString()));
    }
}
