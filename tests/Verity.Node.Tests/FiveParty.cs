namespace Verity.Node.Tests;

/// <summary>An exercise treaty for network tests: SORT's text with five parties, so that five nodes can run.</summary>
internal static class FiveParty
{
    public static readonly string[] Parties = ["US", "RU", "CN", "GB", "FR"];

    /// <summary>Writes the exercise treaty into <paramref name="directory"/> and returns its path.</summary>
    public static string Write(string directory)
    {
        var sort = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "treaties", "sort.yaml"));
        const string Two = "parties:\n  - code: US\n    name: United States of America\n  - code: RU\n    name: Russian Federation\n";
        Assert.Contains(Two, sort, StringComparison.Ordinal);
        var five = sort.Replace(Two, """
            parties:
              - code: US
                name: United States of America
              - code: RU
                name: Russian Federation
              - code: CN
                name: People's Republic of China
              - code: GB
                name: United Kingdom
              - code: FR
                name: France

            """.ReplaceLineEndings("\n"), StringComparison.Ordinal).Replace("id: sort\n", "id: five-party-exercise\n", StringComparison.Ordinal);
        System.IO.Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "five-party-exercise.yaml");
        File.WriteAllText(path, five);
        return path;
    }
}
