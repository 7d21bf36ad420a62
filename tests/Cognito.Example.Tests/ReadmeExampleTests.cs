using Xunit;

namespace Cognito.Example.Tests;

/// <summary>The README's "Testing your own grains" shows this project's files exactly.</summary>
public sealed class ReadmeExampleTests
{
    [Theory]
    [InlineData("GreeterGrain.cs")]
    [InlineData("GreeterGrainTests.cs")]
    public void The_readme_shows_the_example_file_as_it_is(string file)
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md")).ReplaceLineEndings("\n");
        var code = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Example", file)).ReplaceLineEndings("\n").TrimEnd('\n');
        Assert.Contains("```csharp\n" + code + "\n```", readme, StringComparison.Ordinal);
    }
}
