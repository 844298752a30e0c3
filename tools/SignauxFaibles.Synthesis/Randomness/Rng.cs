namespace SignauxFaibles.Synthesis.Randomness;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Our own generator rather than <see cref="Random"/>:
/// its sequence is fixed by this code, not by a runtime version, so a seed gives the same
/// dataset on every machine and every .NET release.
/// </summary>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;

    public Rng(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>
    /// An independent stream for one entity (a company, a population table): each company's
    /// draws depend on the seed and its own index only, never on how many draws others used.
    /// </summary>
    public static Rng For(ulong seed, ulong stream, ulong index)
    {
        var x = seed ^ (stream * 0x9E3779B97F4A7C15UL);
        var a = SplitMix(ref x);
        x = a ^ (index * 0xD1B54A32D192ED03UL);
        return new Rng(SplitMix(ref x));
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    /// <summary>Uniform in [0, 1) with 53 bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n).</summary>
    public int Next(int n) => n <= 1 ? 0 : (int)((NextULong() >> 33) % (ulong)n);

    /// <summary>Uniform integer in [min, max] (both included).</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Standard normal (Box–Muller, one value per call: simplicity over speed).</summary>
    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    /// <summary>Index drawn with probability proportional to its weight (cumulative weights given).</summary>
    public int Pick(double[] cumulative)
    {
        var u = NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, u);
        if (i < 0) i = ~i;
        return Math.Min(i, cumulative.Length - 1);
    }

    public static double[] Cumulate(IEnumerable<double> weights)
    {
        var list = new List<double>();
        var sum = 0.0;
        foreach (var w in weights) list.Add(sum += w);
        return [.. list];
    }
}
