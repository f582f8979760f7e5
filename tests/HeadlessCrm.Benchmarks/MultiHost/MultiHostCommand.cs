namespace HeadlessCrm.Benchmarks.MultiHost;
public sealed record MultiHostOptions { public static MultiHostOptions From(Options o) => new(); }
public static class MultiHostCommand { public static Task<int> RunAsync(MultiHostOptions o) => Task.FromResult(1); }
