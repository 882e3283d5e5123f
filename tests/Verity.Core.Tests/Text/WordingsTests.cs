using System.Text.RegularExpressions;
using NodaTime;
using Verity.Core.Text;

namespace Verity.Core.Tests.Text;

public sealed partial class WordingsTests
{
    [Fact]
    public void Every_wording_has_its_own_key()
    {
        var twice = Wordings.All.GroupBy(w => w.Key).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(twice);
        Assert.True(Wordings.All.Length > 60);
    }

    [Fact]
    public void Every_wording_numbers_its_placeholders_from_zero_without_a_gap()
    {
        foreach (var wording in Wordings.All)
        {
            var used = Placeholder().Matches(wording.English).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToArray();

            Assert.True(used.SequenceEqual(Enumerable.Range(0, used.Length)), $"{wording.Key}: {wording.English}");
        }
    }

    [Fact]
    public void A_phrase_fills_its_values_into_the_english_wording()
    {
        var phrase = Wordings.NoDatabase.With(new LocalDate(2021, 3, 1), new LocalDate(2021, 4, 1));

        Assert.Equal("no database as of 2021-03-01, due by 2021-04-01", phrase.English);
        Assert.Equal("Finding_NoDatabase", phrase.Wording.Key);
    }

    [Fact]
    public void A_list_joins_its_phrases_and_a_count_stays_a_count()
    {
        var list = PhraseValue.List([Wordings.Eliminated.With(), Wordings.WarheadsLoaded.With(3L)], semicolons: true);

        Assert.Equal("eliminated; 3 warhead(s) loaded", Wordings.Statements.With(list).English);
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
