using System;
using System.Threading.Tasks;

namespace NetSecAnalyzers.Cli;

internal static class Program
{
    private static Task<int> Main(string[] args) =>
        NetsecCommand.RunAsync(args, Console.Out, Console.Error, Environment.CurrentDirectory);
}
