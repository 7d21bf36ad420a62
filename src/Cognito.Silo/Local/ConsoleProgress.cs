namespace Cognito.Silo.Local;

/// <summary>Writes progress lines at once and in order (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
internal sealed class ConsoleProgress : IProgress<string>
{
    public void Report(string value) => Console.WriteLine(value);
}
