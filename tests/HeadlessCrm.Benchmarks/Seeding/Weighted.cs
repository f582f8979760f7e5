namespace HeadlessCrm.Benchmarks.Seeding;

/// <summary>A choice among values by relative weight, e.g. <c>new Weighted&lt;string&gt;(("call", 25), ("email", 30))</c>.</summary>
public sealed class Weighted<T>
{
    private readonly T[] _values;
    private readonly double[] _cumulative;

    public Weighted(params (T Value, double Weight)[] choices)
    {
        _values = choices.Select(c => c.Value).ToArray();
        _cumulative = new double[choices.Length];
        var total = choices.Sum(c => c.Weight);
        var running = 0.0;
        for (var i = 0; i < choices.Length; i++) _cumulative[i] = running += choices[i].Weight / total;
    }

    public T Pick(ref Rng rng)
    {
        var roll = rng.NextDouble();
        for (var i = 0; i < _cumulative.Length; i++)
            if (roll < _cumulative[i]) return _values[i];
        return _values[^1];
    }
}
