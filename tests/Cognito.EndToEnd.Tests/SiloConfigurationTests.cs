using Cognito.EndToEnd.Tests.Support;

namespace Cognito.EndToEnd.Tests;

/// <summary>The silo refuses to start on a pool configuration it cannot serve: exit code 2 and a message naming the setting.</summary>
public sealed class SiloConfigurationTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_pool_id_that_is_not_one_stops_the_silo_with_exit_code_2_naming_the_setting()
    {
        var (code, silo) = await RunToExitAsync(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Cognito__Pools__main__UserPoolId"] = "nope",
            ["Cognito__Pools__main__ClientId"] = "client123",
        });
        await using (silo)
        {
            Assert.True(code == 2, $"Expected exit code 2.\n{silo.Describe()}");
            Assert.Contains("The Cognito configuration is not valid", silo.Stderr, StringComparison.Ordinal);
            Assert.Contains("Cognito:Pools:main:UserPoolId", silo.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(silo.StdoutLines, l => l.StartsWith(SiloProcess.StartedLine, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task No_pools_at_all_stops_the_silo_with_exit_code_2_naming_the_setting()
    {
        var (code, silo) = await RunToExitAsync(new Dictionary<string, string>(StringComparer.Ordinal));
        await using (silo)
        {
            Assert.True(code == 2, $"Expected exit code 2.\n{silo.Describe()}");
            Assert.Contains("The Cognito configuration is not valid", silo.Stderr, StringComparison.Ordinal);
            Assert.Contains("Cognito:Pools is empty", silo.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(silo.StdoutLines, l => l.StartsWith(SiloProcess.StartedLine, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Unknown_clustering_and_storage_names_stop_the_silo_with_exit_code_2_naming_each_setting()
    {
        var (code, silo) = await RunToExitAsync(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Orleans__Membership"] = "Consul",
            ["Orleans__Storage"] = "Disk",
            ["Orleans__AdvertisedAddress"] = "not-an-ip",
        });
        await using (silo)
        {
            Assert.True(code == 2, $"Expected exit code 2.\n{silo.Describe()}");
            Assert.Contains("The Orleans configuration is not valid", silo.Stderr, StringComparison.Ordinal);
            Assert.Contains("Orleans:Membership must be Localhost or Redis", silo.Stderr, StringComparison.Ordinal);
            Assert.Contains("Orleans:Storage must be Memory or Redis", silo.Stderr, StringComparison.Ordinal);
            Assert.Contains("Orleans:AdvertisedAddress must be an IP address", silo.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Failure_detection_settings_out_of_range_stop_the_silo_with_exit_code_2_naming_each_setting()
    {
        var (code, silo) = await RunToExitAsync(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Orleans__ProbeTimeout"] = "00:00:00.1",
            ["Orleans__MissedProbesLimit"] = "many",
        });
        await using (silo)
        {
            Assert.True(code == 2, $"Expected exit code 2.\n{silo.Describe()}");
            Assert.Contains("Orleans:ProbeTimeout must be from 00:00:00.5 to 00:01:00", silo.Stderr, StringComparison.Ordinal);
            Assert.Contains("Orleans:MissedProbesLimit must be a whole number from 1 to 10", silo.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Redis_storage_without_connection_string_or_service_id_stops_the_silo_with_exit_code_2()
    {
        var (code, silo) = await RunToExitAsync(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Orleans__Membership"] = "Redis",
            ["Orleans__Storage"] = "Redis",
        });
        await using (silo)
        {
            Assert.True(code == 2, $"Expected exit code 2.\n{silo.Describe()}");
            Assert.Contains("Orleans:Redis:ConnectionString is required", silo.Stderr, StringComparison.Ordinal);
            Assert.Contains("Orleans:ServiceId is required", silo.Stderr, StringComparison.Ordinal);
            Assert.Contains("Orleans:ClusterId is required", silo.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(silo.StdoutLines, l => l.StartsWith(SiloProcess.StartedLine, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_malformed_redis_connection_string_is_refused_without_being_printed()
    {
        var (code, silo) = await RunToExitAsync(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Orleans__Storage"] = "Redis",
            ["Orleans__ServiceId"] = "svc",
            ["Orleans__Redis__ConnectionString"] = "127.0.0.1:6379,password=hunter2-secret,nosuchoption=1",
        });
        await using (silo)
        {
            Assert.True(code == 2, $"Expected exit code 2.\n{silo.Describe()}");
            Assert.Contains("Orleans:Redis:ConnectionString is not a valid", silo.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2-secret", silo.Stderr + string.Join('\n', silo.StdoutLines), StringComparison.Ordinal);
        }
    }

    private static async Task<(int? Code, ChildProcess Silo)> RunToExitAsync(IReadOnlyDictionary<string, string> settings)
    {
        var (silo, _, _) = SiloProcess.Start(settings);
        return (await silo.WaitForExitAsync(ExitTimeout), silo);
    }
}
