using Cognito.IdentityProvider.Authentication;

namespace Cognito.Testing.Tests.Kit;

/// <summary>A kept data directory: pools and users survive a restart, and so does their SRP login.</summary>
public sealed class LocalCognitoDataTests
{
    [Fact]
    public async Task A_restarted_local_cognito_over_the_same_data_directory_keeps_pools_and_users_and_serves_their_srp_login()
    {
        var data = Directory.CreateTempSubdirectory("kit-data-").FullName;
        try
        {
            TestPool pool;
            await using (var first = await LocalCognito.StartAsync(new LocalCognitoOptions { DataDirectory = data }))
            {
                Assert.False(first.IsTemporary);
                pool = await first.CreatePoolAsync(new LocalPoolOptions { Name = "kept", ClientName = "kept-client" });
                await first.CreateUserAsync(pool, new LocalUser("keeper"));
            }

            Assert.True(Directory.Exists(data), "The data directory must outlive the emulator.");
            await using var second = await LocalCognito.StartAsync(new LocalCognitoOptions { DataDirectory = data });
            var found = await second.Admin.FindPoolAsync("kept", "kept-client");
            Assert.NotNull(found);
            Assert.Equal(pool.UserPoolId, found.UserPoolId);
            Assert.Equal(pool.ClientId, found.ClientId);
            Assert.True(await second.Admin.UserExistsAsync(found, "keeper"));

            var authenticator = new CognitoAuthenticator(second.CreateClient(found.UserPoolId), new CognitoAppClient(found.UserPoolId, found.ClientId, found.ClientSecret));
            var signedIn = Assert.IsType<AuthSucceeded>(await authenticator.SignInWithSrpAsync("keeper", LocalUser.DefaultPassword));
            Assert.Equal("keeper", signedIn.Username);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_data_directory_the_data_is_temporary_and_deleted_on_dispose()
    {
        string directory;
        await using (var local = await LocalCognito.StartAsync())
        {
            Assert.True(local.IsTemporary);
            directory = local.DataDirectory;
            Assert.True(Directory.Exists(directory));
        }

        Assert.False(Directory.Exists(directory), "A temporary data directory must be deleted.");
    }
}
