using Verity.Core.Text;

namespace Verity.Core.Inspections;

/// <summary>One finding of an inspection: its kind, the item or site it is about, the numbers compared and the
/// statements they come from, as a sentence.</summary>
/// <param name="Kind">What it shows.</param>
/// <param name="Subject">The item's unique identifier, or the site.</param>
/// <param name="Declared">The number declared, where the finding compares numbers.</param>
/// <param name="Found">The number counted or listed, where the finding compares numbers.</param>
/// <param name="Said">The finding as a phrase naming the statements compared, for a renderer to word in any language.</param>
public sealed record InspectionFinding(InspectionFindingKind Kind, string Subject, int? Declared, int? Found, Phrase Said)
{
    /// <summary>The finding as an English sentence, as the command line and the API give it.</summary>
    public string Text => Said.English;

    /// <summary>The kind's name in the JSON and the tables: more-warheads-than-declared, undeclared-item…</summary>
    public string KindName => Kind switch
    {
        InspectionFindingKind.MoreWarheadsThanDeclared => "more-warheads-than-declared",
        InspectionFindingKind.UndeclaredItem => "undeclared-item",
        InspectionFindingKind.DeclaredElsewhere => "declared-elsewhere",
        InspectionFindingKind.MissingFromSite => "missing-from-site",
        _ => "site-numbers-differ",
    };
}
