namespace HeadlessCrm.Benchmarks.Load;
public sealed record RunOptions { public static RunOptions From(Options o) => new(); }
public static class RunCommand { public static Task<int> RunAsync(RunOptions o) => Task.FromResult(1); }
