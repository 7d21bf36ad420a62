using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.Scripted;

namespace Cognito.IdentityProvider.Tests.Wire;

/// <summary>
/// The model's patterns constrain the whole value, as Cognito applies them: a value that merely
/// contains a match is refused before sending, naming the member and never quoting the value.
/// </summary>
public sealed class WholeValuePatternTests : IAsyncLifetime
{
    private ScriptedCognitoServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedCognitoServer.StartAsync();
        // One body that every response shape used here can read (the required members of each).
        _server.Handler = (_, context) => ScriptedCognitoServer.RespondAsync(context, 200, """{"Username":"any","Users":[],"UserConfirmed":false,"UserSub":"sub"}""");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string> Values() => new()
    {
        { "ClientId", "3n4b5urk1ft4fl3mg5e62d9ado" },
        { "ClientId", "abc!def" },
        { "ClientId", " 3n4b5urk1ft4fl3mg5e62d9ado" },
        { "ClientId", "3n4b5urk1ft4fl3mg5e62d9ado\n" },
        { "AccessToken", "eyJraWQiOiJrZXktYSJ9.eyJzdWIiOiJ4In0.c2ln" },
        { "AccessToken", "!!!valid-chars!!!" },
        { "AccessToken", "eyJ.a.b c" },
        { "AccessToken", "eyJ.a.b\n" },
        { "Username", "bob" },
        { "Username", "bob smith" },
        { "Username", " bob" },
        { "Username", "bob\n" },
        { "ConfirmationCode", "123456" },
        { "ConfirmationCode", "123 456" },
        { "ConfirmationCode", "123456\n" },
        { "UserPoolId", "eu-west-1_AbC123" },
        { "UserPoolId", "eu-west-1_AbC123!" },
        { "UserPoolId", "x eu-west-1_AbC123" },
        { "UserPoolId", "eu-west-1_AbC123\n" },
        { "UserPoolId", "eu-west-1_AbC-123" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task A_value_is_checked_whole_against_its_pattern(string member, string value)
    {
        var valid = value is "3n4b5urk1ft4fl3mg5e62d9ado" or "eyJraWQiOiJrZXktYSJ9.eyJzdWIiOiJ4In0.c2ln" or "bob" or "123456" or "eu-west-1_AbC123";
        var send = Send(member, value);

        if (valid)
        {
            await send();
            Assert.Single(_server.Requests);
            return;
        }

        var error = await Assert.ThrowsAsync<InvalidParameterException>(send);
        Assert.Contains($": {member} does not match the pattern the API requires", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value.Trim(), error.Message, StringComparison.Ordinal);
        Assert.Equal("InvalidParameterException", error.ErrorCode);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("N3w\u00A0Passw0rd!")]
    [InlineData("N3w\u3000Passw0rd!")]
    [InlineData("N3w\u2028Passw0rd!")]
    public async Task A_password_with_a_unicode_space_is_sent_as_javas_whitespace_class_allows_it(string password)
    {
        // [\S]+ is Java's: only ASCII whitespace is excluded, where .NET's \S would exclude these too.
        await ScriptedClient.Create(_server).ChangePasswordAsync(new ChangePasswordRequest { AccessToken = "eyJ.a.b", PreviousPassword = "Passw0rd!", ProposedPassword = password });

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_password_with_inner_spaces_is_sent_as_the_service_allows_it()
    {
        // Cognito names ^[\S]+.*[\S]+$ for passwords, wider than the stored model's [\S]+.
        await ScriptedClient.Create(_server).ChangePasswordAsync(new ChangePasswordRequest { AccessToken = "eyJ.a.b", PreviousPassword = "Passw0rd!", ProposedPassword = "correct horse Battery 9!" });

        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData(" N3w-Passw0rd!")]
    [InlineData("N3w-Passw0rd! ")]
    [InlineData("N3w-Passw0rd!\n")]
    public async Task A_password_that_starts_or_ends_with_a_space_is_refused(string password)
    {
        var error = await Assert.ThrowsAsync<InvalidParameterException>(() => ScriptedClient.Create(_server).ChangePasswordAsync(new ChangePasswordRequest { AccessToken = "eyJ.a.b", PreviousPassword = "Passw0rd!", ProposedPassword = password }));

        Assert.Contains("ProposedPassword", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Text_outside_the_basic_plane_is_still_left_to_cognito()
    {
        // .NET's regex sees such a character as two surrogates where the model's patterns see one
        // code point, so the pattern is not applied to it at all, anchored or not.
        await ScriptedClient.Create(_server).AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = "eu-west-1_AbC123", Username = "😀 bob" });

        Assert.Single(_server.Requests);
    }

    private Func<Task> Send(string member, string value)
    {
        var client = ScriptedClient.Create(_server);
        return member switch
        {
            "ClientId" => () => client.SignUpAsync(new SignUpRequest { ClientId = value, Username = "bob", Password = "Passw0rd!" }),
            "AccessToken" => () => client.ChangePasswordAsync(new ChangePasswordRequest { AccessToken = value, PreviousPassword = "Passw0rd!", ProposedPassword = "N3w-Passw0rd!" }),
            "Username" => () => client.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = "eu-west-1_AbC123", Username = value }),
            "ConfirmationCode" => () => client.ConfirmSignUpAsync(new ConfirmSignUpRequest { ClientId = "3n4b5urk1ft4fl3mg5e62d9ado", Username = "bob", ConfirmationCode = value }),
            "UserPoolId" => () => client.ListUsersAsync(new ListUsersRequest { UserPoolId = value }),
            _ => throw new ArgumentOutOfRangeException(nameof(member)),
        };
    }
}
