using HeadlessCrm.Benchmarks.Import;
using HeadlessCrm.Benchmarks.Load;
using HeadlessCrm.Benchmarks.Load.Floor;
using HeadlessCrm.Benchmarks.MultiHost;
using HeadlessCrm.Benchmarks.Seeding;

namespace HeadlessCrm.Benchmarks;

internal static class Program
{
    private const string Usage = """
        usage: dotnet run -c Release --project tests/HeadlessCrm.Benchmarks -- <command> [options]

          seed       --connection <owner> [--scale 1] [--contacts N --companies N --deals N --activities N] [--seed 42]
                     [--client-id bench-client --client-secret bench-secret]
          run        --connection <owner> [--url http://127.0.0.1:5080] [--client-id bench-client --client-secret bench-secret]
                     [--duration 10 --warmup 2 --host-warmup 15 --concurrency 16 --rate 500 --scenarios a,b] [--host-pid N] [--floor port]
          multihost  --connection <owner> [--api-dll path] [--ports 5181,5182]
          import     [--url http://127.0.0.1:5080] [--rows 100000 --seed 42 --match-by email --dry-run false] [--host-pid N]

        See docs/performance.md.
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            var options = Options.Parse(args[1..]);
            return args[0] switch
            {
                "seed" => await SeedCommand.RunAsync(SeedOptions.From(options)),
                "run" => await RunCommand.RunAsync(RunOptions.From(options)),
                "multihost" => await MultiHostCommand.RunAsync(MultiHostOptions.From(options)),
                "import" => await ImportCommand.RunAsync(ImportOptions.From(options)),
                "floor-server" => await FloorServer.RunAsync(options),
                _ => Fail($"unknown command '{args[0]}'.\n{Usage}"),
            };
        }
        catch (OptionException e)
        {
            return Fail(e.Message);
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 2;
    }
}
