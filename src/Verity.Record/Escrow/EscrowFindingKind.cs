namespace Verity.Record.Escrow;

/// <summary>The kinds of escrow findings.</summary>
public enum EscrowFindingKind
{
    /// <summary>The reveal does not match the commitment: a different item, salt or position than committed.</summary>
    ContradictsCommitment,

    /// <summary>The same item identifier appears at two positions: the declaration counted it twice.</summary>
    RevealedTwice,

    /// <summary>What the inspection found differs from the revealed item.</summary>
    InspectionMismatch,
}
