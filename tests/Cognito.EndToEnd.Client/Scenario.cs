using Cognito.Client;
using Cognito.Client.Errors;
using Cognito.Client.Grains;
using Cognito.Client.Model;
using Cognito.IdentityProvider.Errors;

namespace Cognito.EndToEnd.Client;

/// <summary>
/// warrant's life of a user, through the grains: register, confirm, sign in with SRP, read and
/// update the profile, change the password, sign out, and sign in again with the new password.
/// One line per step on stdout (<c>step: ok</c>); never a password or a token.
/// </summary>
internal sealed class Scenario(IGrainFactory grains, ScenarioOptions options, TextWriter output)
{
    /// <summary>The steps in the order they run, as they are printed.</summary>
    public static readonly IReadOnlyList<string> Steps =
    [
        "register",
        "confirm",
        "login",
        "tokens",
        "verify-token",
        "get-user",
        "update-profile",
        "get-user-updated",
        "change-password",
        "logout",
        "tokens-after-logout",
        "login-old-password-refused",
        "login-new-password",
        "logout-final",
    ];

    // warrant's attr_map: Cognito's given_name is shown as first_name.
    private static readonly Dictionary<string, string> AttributeMap = new(StringComparer.Ordinal) { ["given_name"] = "first_name" };

    private const string FirstName = "Ada";

    private ICognitoUserGrain User => grains.GetCognitoUser(options.Pool, options.Username);

    /// <summary>Runs every step; returns the name of the step that failed, or null.</summary>
    public async Task<string?> RunAsync()
    {
        foreach (var step in Steps)
        {
            using var timeout = new CancellationTokenSource(options.StepTimeout);
            try
            {
                await RunStepAsync(step, timeout.Token).WaitAsync(options.StepTimeout + TimeSpan.FromSeconds(5));
            }
            catch (Exception e)
            {
                Report(step, e);
                return step;
            }

            output.WriteLine($"{step}: ok");
        }

        return null;
    }

    private void Report(string step, Exception e)
    {
        var code = e is CognitoException cognito ? cognito.ErrorCode : "-";
        output.WriteLine($"{step}: FAILED {e.GetType().FullName} ErrorCode={code}: {e.Message}");
        // The stack goes to stderr for diagnosis; exceptions here carry no passwords or tokens.
        Console.Error.WriteLine(e.ToString());
    }

    private Task RunStepAsync(string step, CancellationToken cancellationToken) => step switch
    {
        "register" => RegisterAsync(cancellationToken),
        "confirm" => User.ConfirmSignUpAsync(options.Code, cancellationToken),
        "login" => LoginAsync(options.Password, cancellationToken),
        "tokens" => TokensAsync(cancellationToken),
        "verify-token" => VerifyTokenAsync(cancellationToken),
        "get-user" => GetUserAsync(expectFirstName: false, cancellationToken),
        "update-profile" => User.UpdateProfileAsync(new Dictionary<string, string>(StringComparer.Ordinal) { ["first_name"] = FirstName }, AttributeMap, cancellationToken),
        "get-user-updated" => GetUserAsync(expectFirstName: true, cancellationToken),
        "change-password" => User.ChangePasswordAsync(options.Password, options.NewPassword, cancellationToken),
        "logout" => LogoutAsync(cancellationToken),
        "tokens-after-logout" => TokensAfterLogoutAsync(cancellationToken),
        "login-old-password-refused" => OldPasswordRefusedAsync(cancellationToken),
        "login-new-password" => LoginAsync(options.NewPassword, cancellationToken),
        "logout-final" => LogoutAsync(cancellationToken),
        _ => throw new InvalidOperationException($"Unknown step {step}."),
    };

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var result = await User.RegisterAsync(
            new Registration(
                options.Password,
                BaseAttributes: new Dictionary<string, string>(StringComparer.Ordinal) { ["email"] = options.Email },
                CustomAttributes: new Dictionary<string, string>(StringComparer.Ordinal) { ["tier"] = options.Tier }),
            cancellationToken);
        Check(!string.IsNullOrEmpty(result.UserSub), "RegisterAsync returned no user sub");
        Check(!result.UserConfirmed, "the new user is already confirmed, so ConfirmSignUp would not be exercised");
    }

    private async Task LoginAsync(string password, CancellationToken cancellationToken)
    {
        var result = await User.AuthenticateAsync(password, cancellationToken);
        Check(result.IsSignedIn, $"AuthenticateAsync did not sign in (status {result.Status}, challenge {result.Challenge?.Name ?? "none"})");
        Check(result.Username == options.Username, $"signed in as '{result.Username}', not '{options.Username}'");
        var session = await User.GetSessionAsync();
        Check(session.IsSignedIn && session.HasRefreshToken, "the grain's session is not signed in with a refresh token after the login");
    }

    private async Task TokensAsync(CancellationToken cancellationToken)
    {
        var tokens = await User.GetTokensAsync(cancellationToken);
        Check(!string.IsNullOrEmpty(tokens.AccessToken) && !string.IsNullOrEmpty(tokens.IdToken) && !string.IsNullOrEmpty(tokens.RefreshToken), "GetTokensAsync is missing a token");
        Check(tokens.ExpiresAt > DateTimeOffset.UtcNow, $"the tokens expire in the past ({tokens.ExpiresAt:O})");
    }

    private async Task VerifyTokenAsync(CancellationToken cancellationToken)
    {
        // Signature (the pool's JWKS), issuer, client and lifetime are checked on the silo.
        var claims = await User.VerifyTokenAsync("access", cancellationToken);
        Check(claims.TokenUse == "access", $"the verified token's use is '{claims.TokenUse}'");
        Check(claims.Username == options.Username, $"the access token names '{claims.Username}', not '{options.Username}'");
        Check(claims.ExpiresAt > DateTimeOffset.UtcNow, $"the verified token expired at {claims.ExpiresAt:O}");
    }

    private async Task GetUserAsync(bool expectFirstName, CancellationToken cancellationToken)
    {
        var user = await User.GetUserAsync(AttributeMap, cancellationToken);
        Check(user.Username == options.Username, $"GetUserAsync returned user '{user.Username}'");
        Check(user["email"] == options.Email, $"email is '{user["email"]}', expected '{options.Email}'");
        Check(user["custom:tier"] == options.Tier, $"custom:tier is '{user["custom:tier"]}', expected '{options.Tier}'");
        Check(!string.IsNullOrEmpty(user.Sub), "the user has no sub");
        Check(user["given_name"] is null, "given_name is shown under its Cognito name despite the attribute map");
        if (expectFirstName)
        {
            Check(user["first_name"] == FirstName, $"first_name is '{user["first_name"]}', expected '{FirstName}'");
        }
        else
        {
            Check(user["first_name"] is null, "first_name is set before the profile update");
        }
    }

    private async Task LogoutAsync(CancellationToken cancellationToken)
    {
        await User.LogoutAsync(cancellationToken);
        var session = await User.GetSessionAsync();
        Check(!session.IsSignedIn, "the grain still reports a session after LogoutAsync");
    }

    private async Task TokensAfterLogoutAsync(CancellationToken cancellationToken)
    {
        try
        {
            _ = await User.GetTokensAsync(cancellationToken);
        }
        catch (NotSignedInException e)
        {
            Check(e.ErrorCode == NotSignedInException.Code, $"NotSignedInException carries ErrorCode '{e.ErrorCode}', expected '{NotSignedInException.Code}'");
            return;
        }

        throw new ScenarioCheckException("GetTokensAsync returned tokens after LogoutAsync");
    }

    private async Task OldPasswordRefusedAsync(CancellationToken cancellationToken)
    {
        try
        {
            _ = await User.AuthenticateAsync(options.Password, cancellationToken);
        }
        catch (NotAuthorizedException)
        {
            return;
        }

        throw new ScenarioCheckException("AuthenticateAsync accepted the password that was changed");
    }

    private static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new ScenarioCheckException(failure);
        }
    }
}

/// <summary>The grains answered, but not as the scenario expects.</summary>
internal sealed class ScenarioCheckException(string message) : Exception(message);
