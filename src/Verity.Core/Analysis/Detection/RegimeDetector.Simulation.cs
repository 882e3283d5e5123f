namespace Verity.Core.Analysis.Detection;

public static partial class RegimeDetector
{
    /// <summary>Places K loaded missiles uniformly at random among all: each in turn picks one of the missiles not yet loaded.</summary>
    private static void Place(ref Xoshiro256StarStar random, int[] missiles, int total, int loadedMissiles, int[] loaded)
    {
        Array.Clear(loaded);
        for (var i = 0; i < loadedMissiles; i++)
        {
            var u = random.NextInt(total - i);
            for (var s = 0; ; s++)
            {
                var free = missiles[s] - loaded[s];
                if (u < free)
                {
                    loaded[s]++;
                    break;
                }

                u -= free;
            }
        }
    }

    /// <summary>
    /// One treaty year: each inspection picks a site (uniformly, or through a uniformly drawn missile's site), then
    /// counts missiles drawn without replacement from those not yet counted there this year; true at the first loaded one.
    /// </summary>
    private static bool YearFinds(ref Xoshiro256StarStar random, int[] missiles, int[] loaded, int[] remaining, int[] loadedLeft, int[]? siteOf, int inspections, int perInspection)
    {
        Array.Copy(missiles, remaining, missiles.Length);
        Array.Copy(loaded, loadedLeft, loaded.Length);
        for (var i = 0; i < inspections; i++)
        {
            var s = siteOf is null ? random.NextInt(missiles.Length) : siteOf[random.NextInt(siteOf.Length)];
            for (var j = 0; j < perInspection; j++)
            {
                var left = remaining[s];
                if (left == 0)
                {
                    break;
                }

                if (random.NextInt(left) < loadedLeft[s])
                {
                    return true;
                }

                remaining[s] = left - 1;
            }
        }

        return false;
    }

    /// <summary>The site of each missile, missiles numbered site after site: picking a missile uniformly picks a site in proportion to its missiles.</summary>
    private static int[] SiteOfMissile(int[] missiles, int total)
    {
        var siteOf = new int[total];
        var next = 0;
        for (var s = 0; s < missiles.Length; s++)
        {
            Array.Fill(siteOf, s, next, missiles[s]);
            next += missiles[s];
        }

        return siteOf;
    }
}
