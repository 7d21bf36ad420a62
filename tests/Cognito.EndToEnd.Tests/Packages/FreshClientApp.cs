namespace Cognito.EndToEnd.Tests.Packages;

/// <summary>
/// A console client as a new user writes it: its own folder, a nuget.config naming the packed feed,
/// PackageReferences only (no ProjectReference into the repository), the README's client code.
/// </summary>
internal static class FreshClientApp
{
    public static void Write(string directory, string feed, string version)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="cognito-packed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "FreshClient.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Cognito.Client" Version="{version}" />
                <PackageReference Include="Microsoft.Orleans.Client" Version="10.4.2" />
                <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.15" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using Cognito.Client;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;

            var gatewayPort = int.Parse(args[0]);
            var (pool, username) = (args[1], args[2]);
            var password = Environment.GetEnvironmentVariable("FRESH_CLIENT_PASSWORD")!;

            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPort: gatewayPort).AddCognitoClient());
            using var host = builder.Build();
            await host.StartAsync();

            var user = host.Services.GetRequiredService<IClusterClient>().GetCognitoUser(pool, username);
            var result = await user.AuthenticateAsync(password);
            Console.WriteLine($"sign-in: {result.Status}");
            var tokens = await user.GetTokensAsync();
            Console.WriteLine($"tokens: {(tokens.AccessToken.Split('.').Length == 3 ? "jwt" : "not a jwt")}");
            await host.StopAsync();
            """);
    }
}
