using Cognito.IdentityProvider.Authentication;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Security;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.SrpFront;
using Cognito.Testing.Tools;

namespace Cognito.IdentityProvider.Tests.Authentication;

/// <summary>
/// The challenges cognito-local (behind the SRP front) really issues after an SRP start — new
/// password, authenticator-app MFA, MFA type selection — and the device rounds the front serves.
/// </summary>
[Collection(SrpFrontCollection.Name)]
public sealed class FrontChallengeTests(SrpFrontFixture fixture)
{
    private const string Password = CognitoLocalFixture.DefaultPassword;
    private const string TemporaryPassword = "Temp0rary!Pass";
    private const string NewPassword = "Brand!N3wPassword";

    private SrpFront Front => fixture.Front;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_temporary_password_leads_to_NEW_PASSWORD_REQUIRED_answered_with_a_new_password_and_attributes(bool answerAsAdmin)
    {
        var pool = await fixture.CreatePoolAsync(withSecret: true);
        var username = fixture.UniqueName("tmp");
        await fixture.CreateClient().AdminCreateUserAsync(new AdminCreateUserRequest
        {
            UserPoolId = pool.UserPoolId,
            Username = username,
            TemporaryPassword = TemporaryPassword,
            MessageAction = "SUPPRESS",
            UserAttributes = [new AttributeType { Name = "email", Value = $"{username}@example.com" }],
        });
        using var signIn = new FrontSignIn(fixture, pool);
        var adminAnswers = Front.Count("AdminRespondToAuthChallenge:NEW_PASSWORD_REQUIRED");

        var challenge = Assert.IsType<AuthChallenge>(await signIn.Authenticator.SignInWithSrpAsync(username, TemporaryPassword));
        Assert.Equal(ChallengeNameType.NewPasswordRequired, challenge.ChallengeName);
        Assert.Equal(username, challenge.Username);
        Assert.False(challenge.Admin);
        Assert.False(string.IsNullOrEmpty(challenge.Session));
        Assert.True(challenge.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(2));
        Assert.Empty(challenge.RequiredAttributes); // cognito-local always sends "[]"; AWS's list is parsed in ScriptedChallengeTests.
        Assert.DoesNotContain(challenge.Session, challenge.ToString(), StringComparison.Ordinal);
        if (answerAsAdmin)
        {
            // cognito-local's ADMIN_USER_PASSWORD_AUTH never asks for a new password, so the admin
            // answer is tried on this challenge: signed, with the pool id, forwarded by the front.
            challenge = challenge with { Admin = true };
        }

        var answer = new NewPasswordAnswer(NewPassword, new Dictionary<string, string> { ["given_name"] = "Ada" });
        var succeeded = Assert.IsType<AuthSucceeded>(await signIn.Authenticator.RespondAsync(challenge, answer));

        Assert.Equal(username, succeeded.Username);
        var call = signIn.Tap.LastCall(answerAsAdmin ? "AdminRespondToAuthChallenge" : "RespondToAuthChallenge", ChallengeNameType.NewPasswordRequired);
        Assert.Equal(answerAsAdmin, call.Signed);
        Assert.Equal(answerAsAdmin ? pool.UserPoolId : null, call.Body["UserPoolId"]?.GetValue<string>());
        Assert.Equal(challenge.Session, call.Body["Session"]!.GetValue<string>());
        var responses = call.Body["ChallengeResponses"]!.AsObject();
        Assert.Equal(username, responses["USERNAME"]!.GetValue<string>());
        Assert.Equal(NewPassword, responses["NEW_PASSWORD"]!.GetValue<string>());
        Assert.Equal("Ada", responses["userAttributes.given_name"]!.GetValue<string>());
        Assert.Equal(SecretHash.Compute(username, pool.ClientId, pool.ClientSecret!), responses["SECRET_HASH"]!.GetValue<string>());
        Assert.Equal(adminAnswers + (answerAsAdmin ? 1 : 0), Front.Count("AdminRespondToAuthChallenge:NEW_PASSWORD_REQUIRED"));
        Assert.Equal(username, (await signIn.Client.GetUserAsync(new GetUserRequest { AccessToken = succeeded.Tokens.AccessToken })).Username);

        // The new password is the password now, for SRP too; the temporary one is gone.
        Assert.IsType<AuthSucceeded>(await signIn.Authenticator.SignInWithSrpAsync(username, NewPassword));
        await Assert.ThrowsAsync<NotAuthorizedException>(() => signIn.Authenticator.SignInWithSrpAsync(username, TemporaryPassword));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SOFTWARE_TOKEN_MFA_after_an_srp_start_by_alias_is_answered_with_the_authenticator_code(bool withSecret)
    {
        var pool = await fixture.CreatePoolAsync(withSecret, aliasAttributes: ["email"], mfaConfiguration: "OPTIONAL");
        var username = fixture.UniqueName("totp");
        var email = $"{username}@example.com";
        await fixture.CreateUserAsync(pool, username, email: email);
        using var signIn = new FrontSignIn(fixture, pool);
        var secret = await EnableTotpAsync(signIn, username);

        var challenge = Assert.IsType<AuthChallenge>(await signIn.Authenticator.SignInWithSrpAsync(email, Password));
        Assert.Equal(ChallengeNameType.SoftwareTokenMfa, challenge.ChallengeName);
        Assert.Equal(username, challenge.Username);

        // An answer of the wrong kind is refused here, before any call.
        var calls = signIn.Tap.Calls.Count;
        var wrongKind = await Assert.ThrowsAsync<UnsupportedChallengeException>(() => signIn.Authenticator.RespondAsync(challenge, new NewPasswordAnswer(NewPassword)));
        Assert.Contains(ChallengeNameType.SoftwareTokenMfa, wrongKind.Message, StringComparison.Ordinal);
        Assert.Equal(calls, signIn.Tap.Calls.Count);

        // A wrong code: CodeMismatchException, which does not repeat the code; the challenge can be answered again.
        var wrongCode = WrongCode(secret);
        var mismatch = await Assert.ThrowsAsync<CodeMismatchException>(() => signIn.Authenticator.RespondAsync(challenge, new MfaCodeAnswer(wrongCode)));
        Assert.DoesNotContain(wrongCode, mismatch.ToString(), StringComparison.Ordinal);

        var succeeded = Assert.IsType<AuthSucceeded>(await signIn.Authenticator.RespondAsync(challenge, new MfaCodeAnswer(Totp.Code(secret))));
        Assert.Equal(username, succeeded.Username);
        Assert.Equal(username, (await signIn.Client.GetUserAsync(new GetUserRequest { AccessToken = succeeded.Tokens.AccessToken })).Username);
        var responses = signIn.Tap.Last("RespondToAuthChallenge", ChallengeNameType.SoftwareTokenMfa)["ChallengeResponses"]!.AsObject();
        Assert.Equal(username, responses["USERNAME"]!.GetValue<string>());
        Assert.Equal(Totp.Code(secret), responses["SOFTWARE_TOKEN_MFA_CODE"]!.GetValue<string>());
        Assert.Equal(withSecret ? SecretHash.Compute(username, pool.ClientId, pool.ClientSecret!) : null, responses["SECRET_HASH"]?.GetValue<string>());
    }

    [Fact]
    public async Task SELECT_MFA_TYPE_for_a_user_with_two_methods_lists_them_and_leads_to_the_chosen_one()
    {
        var pool = await fixture.CreatePoolAsync(mfaConfiguration: "OPTIONAL");
        var username = await fixture.CreateUserAsync(pool);
        using var signIn = new FrontSignIn(fixture, pool);
        var secret = await EnableTotpAsync(signIn, username, alsoSms: true);

        var select = Assert.IsType<AuthChallenge>(await signIn.Authenticator.SignInWithSrpAsync(username, Password));
        Assert.Equal(ChallengeNameType.SelectMfaType, select.ChallengeName);
        Assert.Equal(new[] { "SMS_MFA", "SOFTWARE_TOKEN_MFA" }, select.MfaChoices);

        var totp = Assert.IsType<AuthChallenge>(await signIn.Authenticator.RespondAsync(select, new SelectMfaTypeAnswer(ChallengeNameType.SoftwareTokenMfa)));
        Assert.Equal(ChallengeNameType.SoftwareTokenMfa, totp.ChallengeName);
        Assert.Equal(username, totp.Username);
        Assert.NotEqual(select.Session, totp.Session);
        Assert.Equal("SOFTWARE_TOKEN_MFA", signIn.Tap.Last("RespondToAuthChallenge", ChallengeNameType.SelectMfaType)["ChallengeResponses"]!["ANSWER"]!.GetValue<string>());

        var succeeded = Assert.IsType<AuthSucceeded>(await signIn.Authenticator.RespondAsync(totp, new MfaCodeAnswer(Totp.Code(secret))));
        Assert.Equal(username, (await signIn.Client.GetUserAsync(new GetUserRequest { AccessToken = succeeded.Tokens.AccessToken })).Username);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_confirmed_device_signs_in_through_the_device_rounds(bool withSecret)
    {
        var pool = await fixture.CreatePoolAsync(withSecret, aliasAttributes: ["email"]);
        Front.TrackDevices(pool.UserPoolId);
        var username = fixture.UniqueName("dev");
        var email = $"{username}@example.com";
        await fixture.CreateUserAsync(pool, username, email: email);
        using var signIn = new FrontSignIn(fixture, pool);

        // First login: Cognito starts tracking this device.
        var first = Assert.IsType<AuthSucceeded>(await signIn.Authenticator.SignInWithSrpAsync(email, Password));
        var metadata = first.Tokens.NewDevice;
        Assert.NotNull(metadata);
        var (device, confirmationNeeded) = await signIn.Authenticator.ConfirmDeviceAsync(first.Tokens.AccessToken, metadata, "test laptop");
        Assert.False(confirmationNeeded);
        Assert.False(signIn.Tap.LastCall("ConfirmDevice").Signed, "ConfirmDevice takes an access token, not AWS credentials.");
        Assert.Equal((metadata.DeviceKey, metadata.DeviceGroupKey), (device.DeviceKey, device.DeviceGroupKey));
        Assert.DoesNotContain(device.DevicePassword, device.ToString(), StringComparison.Ordinal);
        var tracked = Assert.Single(Front.DevicesOf(pool.UserPoolId, username));
        Assert.True(tracked.Confirmed);
        Assert.Equal("test laptop", tracked.Name);

        // Second login with the device: PASSWORD_VERIFIER, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER, all automatic.
        var deviceSrp = Front.Count("RespondToAuthChallenge:DEVICE_SRP_AUTH");
        var deviceVerifier = Front.Count("RespondToAuthChallenge:DEVICE_PASSWORD_VERIFIER");
        var second = Assert.IsType<AuthSucceeded>(await signIn.Authenticator.SignInWithSrpAsync(email, Password, device));
        Assert.Equal(username, second.Username);
        Assert.Null(second.Tokens.NewDevice);
        Assert.Equal(deviceSrp + 1, Front.Count("RespondToAuthChallenge:DEVICE_SRP_AUTH"));
        Assert.Equal(deviceVerifier + 1, Front.Count("RespondToAuthChallenge:DEVICE_PASSWORD_VERIFIER"));
        Assert.Equal(username, (await signIn.Client.GetUserAsync(new GetUserRequest { AccessToken = second.Tokens.AccessToken })).Username);
        Assert.NotNull(Front.DevicesOf(pool.UserPoolId, username).Single().LastAuthenticated);

        Assert.Equal(device.DeviceKey, signIn.Tap.Last("InitiateAuth")["AuthParameters"]!["DEVICE_KEY"]!.GetValue<string>());
        string? Hash(string name) => SecretHash.ComputeIfSecret(name, pool.ClientId, pool.ClientSecret);
        var start = signIn.Tap.Last("RespondToAuthChallenge", "DEVICE_SRP_AUTH")["ChallengeResponses"]!.AsObject();
        Assert.Equal((username, device.DeviceKey, Hash(username)), (start["USERNAME"]!.GetValue<string>(), start["DEVICE_KEY"]!.GetValue<string>(), start["SECRET_HASH"]?.GetValue<string>()));
        Assert.Matches("^[0-9a-f]+$", start["SRP_A"]!.GetValue<string>());
        var proof = signIn.Tap.Last("RespondToAuthChallenge", "DEVICE_PASSWORD_VERIFIER")["ChallengeResponses"]!.AsObject();
        Assert.Equal((username, device.DeviceKey, Hash(username)), (proof["USERNAME"]!.GetValue<string>(), proof["DEVICE_KEY"]!.GetValue<string>(), proof["SECRET_HASH"]?.GetValue<string>()));

        // The refresh of a tracked device names it.
        var refreshed = await signIn.Authenticator.RefreshAsync(second.Tokens.RefreshToken!, second.Username, device.DeviceKey);
        Assert.Equal(second.Tokens.RefreshToken, refreshed.Tokens.RefreshToken);
        Assert.Equal(device.DeviceKey, signIn.Tap.Last("InitiateAuth")["AuthParameters"]!["DEVICE_KEY"]!.GetValue<string>());

        // A wrong device password fails the device proof.
        var forged = device with { DevicePassword = "not-the-device-password" };
        await Assert.ThrowsAsync<NotAuthorizedException>(() => signIn.Authenticator.SignInWithSrpAsync(email, Password, forged));

        // A device forgotten on the server: typed, so the caller can drop it and sign in without it.
        await signIn.Client.ForgetDeviceAsync(new ForgetDeviceRequest { AccessToken = second.Tokens.AccessToken, DeviceKey = device.DeviceKey });
        var gone = await Assert.ThrowsAsync<ResourceNotFoundException>(() => signIn.Authenticator.SignInWithSrpAsync(email, Password, device));
        Assert.Equal("Device does not exist.", gone.Message);
        var withoutDevice = Assert.IsType<AuthSucceeded>(await signIn.Authenticator.SignInWithSrpAsync(email, Password));
        Assert.NotNull(withoutDevice.Tokens.NewDevice);
    }

    [Fact]
    public async Task A_remembered_device_skips_mfa_while_a_new_login_must_answer_it()
    {
        var pool = await fixture.CreatePoolAsync(mfaConfiguration: "OPTIONAL");
        Front.TrackDevices(pool.UserPoolId);
        var username = await fixture.CreateUserAsync(pool);
        using var signIn = new FrontSignIn(fixture, pool);
        var first = Assert.IsType<AuthSucceeded>(await signIn.Authenticator.SignInWithSrpAsync(username, Password));
        var (device, _) = await signIn.Authenticator.ConfirmDeviceAsync(first.Tokens.AccessToken, first.Tokens.NewDevice!);
        var secret = await EnableTotpAsync(signIn, username, accessToken: first.Tokens.AccessToken);

        var mfa = Assert.IsType<AuthChallenge>(await signIn.Authenticator.SignInWithSrpAsync(username, Password));
        Assert.Equal(ChallengeNameType.SoftwareTokenMfa, mfa.ChallengeName);
        var answered = Assert.IsType<AuthSucceeded>(await signIn.Authenticator.RespondAsync(mfa, new MfaCodeAnswer(Totp.Code(secret))));
        Assert.NotNull(answered.Tokens.NewDevice); // Kept through the challenge answer: a device is offered after MFA too.

        Assert.IsType<AuthSucceeded>(await signIn.Authenticator.SignInWithSrpAsync(username, Password, device));
    }

    /// <summary>Associates, verifies and enables an authenticator app for the user (and SMS MFA too when asked); returns its secret.</summary>
    private async Task<string> EnableTotpAsync(FrontSignIn signIn, string username, bool alsoSms = false, string? accessToken = null)
    {
        accessToken ??= Assert.IsType<AuthSucceeded>(await signIn.Authenticator.SignInWithPasswordAsync(username, Password)).Tokens.AccessToken;
        var client = fixture.CreateClient();
        var association = await client.AssociateSoftwareTokenAsync(new AssociateSoftwareTokenRequest { AccessToken = accessToken });
        var secret = association.SecretCode!;
        await client.VerifySoftwareTokenAsync(new VerifySoftwareTokenRequest { AccessToken = accessToken, UserCode = Totp.Code(secret), FriendlyDeviceName = "phone" });
        await client.SetUserMFAPreferenceAsync(new SetUserMFAPreferenceRequest
        {
            AccessToken = accessToken,
            SoftwareTokenMfaSettings = new SoftwareTokenMfaSettingsType { Enabled = true, PreferredMfa = true },
            SMSMfaSettings = alsoSms ? new SMSMfaSettingsType { Enabled = true } : null,
        });
        return secret;
    }

    /// <summary>A six-digit code that is not the authenticator's for this, the previous or the next 30-second step.</summary>
    private static string WrongCode(string secret)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = new[] { -60, -30, 0, 30, 60 }.Select(s => Totp.Code(secret, now.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !valid.Contains(c));
    }
}
