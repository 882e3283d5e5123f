namespace Verity.Core.Inspections;

/// <summary>What a lifecycle act in force does to inspections.</summary>
public enum RestraintKind
{
    /// <summary>Every inspection stops by agreement of all parties (<c>inspections-paused</c>).</summary>
    Paused,

    /// <summary>A party has suspended its participation: it neither conducts nor receives inspections (<c>suspension</c>).</summary>
    Suspended,

    /// <summary>A party has exempted its facilities from inspection: no one may inspect it (<c>inspections-exempted</c>).</summary>
    Exempted,

    /// <summary>A party has withdrawn: it neither conducts nor receives inspections.</summary>
    Withdrawn,
}
