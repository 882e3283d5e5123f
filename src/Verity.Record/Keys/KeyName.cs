using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Verity.Record.Keys;

/// <summary>Rules for key names (c2sp.org/signed-note): non-empty, no Unicode spaces, no '+', no control characters.</summary>
public static class KeyName
{
    /// <summary>True if <paramref name="name"/> is a valid key name; otherwise <paramref name="problem"/> says why.</summary>
    public static bool IsValid([NotNullWhen(true)] string? name, [NotNullWhen(false)] out string? problem)
    {
        if (string.IsNullOrEmpty(name))
        {
            problem = "a key name must not be empty";
            return false;
        }

        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || rune.Value == '+' || Rune.IsControl(rune)
                || Rune.GetUnicodeCategory(rune) == UnicodeCategory.SpaceSeparator)
            {
                problem = $"key name '{name}' contains '{rune}' (U+{rune.Value:X4}): names have no spaces, '+' or control characters";
                return false;
            }
        }

        problem = null;
        return true;
    }

    /// <summary>True if <paramref name="text"/> is exactly 8 lower-case hexadecimal digits.</summary>
    internal static bool IsKeyIdHex(string text) =>
        text.Length == 8 && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
