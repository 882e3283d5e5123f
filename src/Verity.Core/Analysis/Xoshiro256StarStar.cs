using System.Numerics;
using System.Text;

namespace Verity.Core.Analysis;

/// <summary>
/// Verity's random source (projections, detection by Monte Carlo): xoshiro256** 1.0 (Blackman and Vigna, https://prng.di.unimi.it/xoshiro256starstar.c),
/// its 256-bit state filled by four outputs of SplitMix64 (https://prng.di.unimi.it/splitmix64.c). Fixed and written out
/// here, so that a seed gives the same numbers on every platform and .NET version (System.Random's algorithm is not
/// specified).
/// </summary>
/// <remarks>
/// A mutable value: copying it forks the stream. <c>default</c> is the all-zero state, which xoshiro never leaves; use
/// <see cref="Create"/> or <see cref="ForSeries"/>.
/// </remarks>
public struct Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>A generator whose state is four SplitMix64 outputs from <paramref name="seed"/>.</summary>
    public static Xoshiro256StarStar Create(ulong seed)
    {
        var generator = default(Xoshiro256StarStar);
        var x = seed;
        generator._s0 = SplitMix64(ref x);
        generator._s1 = SplitMix64(ref x);
        generator._s2 = SplitMix64(ref x);
        generator._s3 = SplitMix64(ref x);
        return generator;
    }

    /// <summary>
    /// The stream of one series: seeded with <c>seed XOR FNV-1a-64("STATE|measure")</c>, so that two states projected
    /// with one seed draw independently, and a projection's numbers do not depend on what else is projected beside it.
    /// </summary>
    public static Xoshiro256StarStar ForSeries(long seed, string series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var hash = 0xcbf29ce484222325UL; // FNV-1a 64-bit offset basis
        foreach (var b in Encoding.UTF8.GetBytes(series))
        {
            hash = unchecked((hash ^ b) * 0x100000001b3UL); // FNV-1a 64-bit prime
        }

        return Create(unchecked((ulong)seed) ^ hash);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = BitOperations.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>A uniform double in [0, 1): the top 53 bits of <see cref="NextUInt64"/> times 2^-53.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in [low, high): <c>low + (high − low) × NextDouble()</c>.</summary>
    public double NextUniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>
    /// A uniform integer in [0, <paramref name="bound"/>): Lemire's multiply-and-reject ("Fast Random Integer
    /// Generation in an Interval", ACM TOMACS 2019), exact (no modulo bias) and one multiplication for almost every draw.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is less than 1.</exception>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1);
        var n = (ulong)bound;
        var high = Math.BigMul(NextUInt64(), n, out var low);
        if (low < n)
        {
            var threshold = unchecked(0UL - n) % n;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), n, out low);
            }
        }

        return (int)high;
    }

    private static ulong SplitMix64(ref ulong x)
    {
        unchecked
        {
            var z = x += 0x9e3779b97f4a7c15UL;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
            return z ^ (z >> 31);
        }
    }
}
