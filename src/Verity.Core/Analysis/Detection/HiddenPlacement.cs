namespace Verity.Core.Analysis.Detection;

/// <summary>Where the missiles carrying hidden warheads are: the cheating party's choice.</summary>
public enum HiddenPlacement
{
    /// <summary>A uniform random choice among all deployed missiles, whatever their site.</summary>
    Random,

    /// <summary>As evenly as possible over the sites: one to each site in turn (in site order), skipping full sites.</summary>
    Even,

    /// <summary>At as few sites as possible, the largest first (ties in site order): the best hiding place against uniform site selection.</summary>
    Concentrated,

    /// <summary>The number at each site given (<see cref="HiddenExcess.Given"/>).</summary>
    Given,
}
