namespace Verity.Core.Analysis.Detection;

/// <summary>Whether the hidden warheads stay on the same missiles from one treaty year to the next.</summary>
public enum Reloading
{
    /// <summary>The same missiles carry the excess every year: years are linked through where the excess is.</summary>
    Never,

    /// <summary>Each treaty year the excess is moved to missiles chosen afresh by the placement: years are independent.</summary>
    Yearly,
}
