using Newtonsoft.Json.Linq;
using Verity.Core.Loading;

namespace Verity.Core.Tests.Loading;

/// <summary>
/// Every YAML reader (treaties, exchange definitions, the forces mapping files, the force model) reads through the
/// bounded door: too deep a nesting, an alias bomb, a second document or a dangling alias is a diagnostic naming the
/// file and line, never a crash, a hang or a file half read.
/// </summary>
public class YamlBoundsTests
{
    private const string Source = "bad.yaml";

    /// <summary>Each reader of a YAML mapping, by name.</summary>
    public static TheoryData<string> MappingReaders => ["treaty", "exchange", "structure", "precedence", "projections"];

    /// <summary>Each YAML reader: the mapping readers and the force model's, which deserializes its own types (and so stops at the first unknown key itself).</summary>
    public static TheoryData<string> Readers => ["treaty", "exchange", "structure", "precedence", "projections", "force-model"];

    [Theory]
    [MemberData(nameof(MappingReaders))]
    public void Parse_NestedTwentyThousandLevels_RefusedNamingTheDepth(string reader)
    {
        var text = "a: " + new string('[', 20_000) + new string(']', 20_000) + "\n";

        var diagnostic = Refused(reader, text);

        Assert.Equal("bad.yaml:1:67: nested deeper than 64 levels of mappings and sequences", diagnostic.ToString());
    }

    [Fact]
    public void Parse_NestedDeepInBlockStyle_RefusedAtTheLineItPasses()
    {
        var text = string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', 2 * i) + "k:\n")) + new string(' ', 200) + "x\n";

        var diagnostic = Refused("treaty", text);

        Assert.Equal(65, diagnostic.Line); // the 65th mapping begins at the 65th key
        Assert.Contains("nested deeper than 64 levels", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(63, false)] // the root mapping and 63 sequences: 64 levels
    [InlineData(64, true)]
    public void Parse_DepthAtTheBound_OnlyPastItRefused(int sequences, bool refused)
    {
        var text = "a: " + new string('[', sequences) + new string(']', sequences) + "\n";

        var problems = Problems("treaty", text);

        Assert.Equal(refused, problems.Any(d => d.Message.Contains("nested deeper", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(MappingReaders))]
    public void Parse_BillionLaughs_RefusedAtTheAliasPastTheBound(string reader)
    {
        var lines = new List<string> { "a: &a [x, x, x, x, x, x, x, x, x]" };
        for (var level = 1; level < 12; level++)
        {
            var (previous, next) = ((char)('a' + level - 1), (char)('a' + level));
            lines.Add($"{next}: &{next} [{string.Join(", ", Enumerable.Repeat($"*{previous}", 9))}]");
        }

        var diagnostic = Refused(reader, string.Join('\n', lines) + "\n");

        Assert.Equal(Source, diagnostic.Source);
        Assert.Equal(6, diagnostic.Line); // f: 9^6 nodes pass 200,000 on its first aliases
        Assert.Contains("more than 200,000 nodes with every alias expanded", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AliasesWithinTheBound_ReadAsTheirAnchors()
    {
        var problems = new List<Diagnostic>();

        var document = YamlDocument.Parse("a: &x [1, {b: 2}]\nc: *x\n", Source, problems);

        Assert.Empty(problems);
        Assert.Equal("[1,{\"b\":2}]", document!.Root["c"]!.ToString(Newtonsoft.Json.Formatting.None));
    }

    [Theory]
    [InlineData("a: &a [1, *a]\n")] // a node that contains itself
    [InlineData("a: *nowhere\n")]
    public void Parse_AliasToNoCompleteAnchor_Refused(string text)
    {
        var diagnostic = Refused("treaty", text);

        Assert.Equal(1, diagnostic.Line);
        Assert.Contains("names no complete anchor", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void Parse_SecondDocument_RefusedNamingItsLine(string reader)
    {
        var text = "treaty: new-start\nstart: 2011-02-05\n---\nc: 3\n";

        var diagnostic = Refused(reader, text);

        Assert.Equal("bad.yaml:3:1: a second YAML document: a file holds one document (remove the '---' and what follows it, or split the file)", diagnostic.ToString());
    }

    [Fact]
    public void Parse_BundledTreatyWithASecondDocument_Refused()
    {
        var text = File.ReadAllText(TestData.DataPath("treaties", "sort.yaml")) + "---\nid: other\n";

        var error = Assert.Throws<InputException>(() => TreatyReader.Parse(text, "sort.yaml"));

        Assert.Contains("a second YAML document", Assert.Single(error.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StrayFlowMapping_StillADiagnostic()
    {
        // YamlDotNet's scanner throws InvalidOperationException here; the door names it.
        var diagnostic = Refused("structure", File.ReadAllText(TestData.VectorPath("forces", "stray-flow.yaml")));

        Assert.StartsWith("not valid YAML", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MappingReaders))]
    public void Parse_TabAsIndentation_RefusedAtTheTab(string reader)
    {
        // YamlDotNet places a mapping's tab indentation at 1:1.
        var diagnostic = Refused(reader, "treaty: new-start\nrules:\n  a: 1\n\t  b: 2\n");

        Assert.Equal((4, 1), (diagnostic.Line, diagnostic.Column));
        Assert.Contains("tab", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MappingReaders))]
    public void Parse_BracketNeverClosed_RefusedAtTheBracket(string reader)
    {
        // YamlDotNet's parser throws InvalidOperationException, naming no place, after the '[' of line 3.
        var sequence = Refused(reader, "treaty: new-start\nrules:\n  max: [1600\n  other: 2\nlast: 3\n");
        var mapping = Refused(reader, "treaty: new-start\nrules:\n  max: {a: 1\n  other: 2\n");

        Assert.Equal("bad.yaml:3:8: not valid YAML: the '[' opened here is not closed, or what follows it in the brackets is not YAML", sequence.ToString());
        Assert.Equal("bad.yaml:3:8: not valid YAML: the '{' opened here is not closed, or what follows it in the brackets is not YAML", mapping.ToString());
    }

    [Theory]
    [MemberData(nameof(MappingReaders))]
    public void Parse_KeylessEntryAmongBlockMappings_RefusedAtItsMapping(string reader)
    {
        // YamlDotNet's parser drops a node of '- : x' here, so the mapping's nodes no longer pair into keys and values;
        // what builds from the events would throw ArgumentException ("unsupported type") naming no place.
        var text = "treaty: new-start\nrules:\n  - id: a\n    text: b\n  - : c\n    basis: [d]\n    text: e\n";

        var diagnostic = Refused(reader, text);

        Assert.Equal("bad.yaml:5:5: a mapping entry without its key or its value (write each entry as 'key: value')", diagnostic.ToString());
    }

    private static Diagnostic Refused(string reader, string text)
    {
        var problems = Problems(reader, text);
        return Assert.Single(problems);
    }

    private static System.Collections.Immutable.ImmutableArray<Diagnostic> Problems(string reader, string text)
    {
        Action read = reader switch
        {
            "treaty" => () => TreatyReader.Parse(text, Source),
            "exchange" => () => ExchangeReader.Parse(text, Source, TestData.NewStart),
            "structure" => () => StructureReader.Parse(text, Source),
            "precedence" => () => PrecedenceReader.Parse(text, Source),
            "projections" => () => ProjectionsReader.Parse(text, Source),
            _ => () => HistoryReader.ReadForceModel(text, Source),
        };
        return Assert.Throws<InputException>(read).Diagnostics;
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("Art. II")]
    [InlineData("it's")]
    [InlineData("back\\slash")]
    [InlineData("a[0]")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    [InlineData("quote\"d")]
    [InlineData("slash/ed")]
    [InlineData("(x)")]
    [InlineData("\u0001\u0085\u2028")]
    public void Child_WritesAKeyAsATokensPathDoes(string key)
    {
        var root = new JObject { ["a"] = new JObject { [key] = 1 } };

        Assert.Equal(root["a"]![key]!.Path, YamlDocument.Child("a", key));
    }
}
