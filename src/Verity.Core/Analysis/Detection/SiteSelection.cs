namespace Verity.Core.Analysis.Detection;

/// <summary>How an inspection chooses its site: the inspecting party's strategy.</summary>
public enum SiteSelection
{
    /// <summary>Each site equally likely, whatever its size.</summary>
    Uniform,

    /// <summary>A site with probability proportional to its deployed missiles (as if a missile were chosen first).</summary>
    ByMissiles,
}
