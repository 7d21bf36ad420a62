using Cognito.IdentityProvider.Errors;

namespace Cognito.Grains.Tests;

/// <summary>Passkey registration, listing, deletion and the sign-in factors through the grain, against AWS-shaped answers.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class RecordedPasskeyTests(GrainClusterFixture cluster)
{
    private const string CreationOptions = """{"challenge":"c2lnbi11cA","rp":{"id":"example.com","name":"Example"},"user":{"id":"dXNlcg","name":"pat","displayName":"pat"},"pubKeyCredParams":[{"type":"public-key","alg":-7},{"type":"public-key","alg":-257}]}""";

    [Fact]
    public async Task A_signed_in_user_registers_lists_and_deletes_passkeys_and_reads_the_sign_in_factors()
    {
        cluster.Script(new()
        {
            ["InitiateAuth"] = _ => RecordedPool.Tokens,
            ["StartWebAuthnRegistration"] = _ => $$"""{"CredentialCreationOptions":{{CreationOptions}}}""",
            ["CompleteWebAuthnRegistration"] = _ => "{}",
            ["ListWebAuthnCredentials"] = b => b.TryGetProperty("NextToken", out _)
                ? """{"Credentials":[{"CredentialId":"cred-2","FriendlyCredentialName":"Security key","RelyingPartyId":"example.com","AuthenticatorTransports":["usb"],"CreatedAt":1764720000}]}"""
                : """{"Credentials":[{"CredentialId":"cred-1","FriendlyCredentialName":"Laptop","RelyingPartyId":"example.com","AuthenticatorAttachment":"platform","AuthenticatorTransports":["internal","hybrid"],"CreatedAt":1764633600}],"NextToken":"page-2"}""",
            ["DeleteWebAuthnCredential"] = _ => "{}",
            ["GetUserAuthFactors"] = _ => """{"Username":"pat","ConfiguredUserAuthFactors":["PASSWORD","WEB_AUTHN"],"UserMFASettingList":["SOFTWARE_TOKEN_MFA"],"PreferredMfaSetting":"SOFTWARE_TOKEN_MFA"}""",
        });
        var user = cluster.User("recorded", "pat");
        await user.AuthenticateWithFlowAsync("USER_PASSWORD_AUTH", "Passw0rd!");

        Assert.Equal(CreationOptions, await user.StartPasskeyRegistrationAsync());
        Assert.Equal("eyJ.access.recorded", cluster.Last("StartWebAuthnRegistration").GetProperty("AccessToken").GetString());
        const string credential = """{"id":"cred-1","rawId":"cred-1","type":"public-key","response":{"clientDataJSON":"e30","attestationObject":"o2Nm"}}""";
        await user.CompletePasskeyRegistrationAsync(credential);
        Assert.Equal("cred-1", cluster.Last("CompleteWebAuthnRegistration").GetProperty("Credential").GetProperty("id").GetString());
        await Assert.ThrowsAsync<InvalidParameterException>(() => user.CompletePasskeyRegistrationAsync("not json"));
        await Assert.ThrowsAsync<InvalidParameterException>(() => user.CompletePasskeyRegistrationAsync("[1]"));

        var passkeys = await user.ListPasskeysAsync();
        Assert.Equal(["cred-1", "cred-2"], passkeys.Select(p => p.CredentialId));
        Assert.Equal(("Laptop", "platform", DateTimeOffset.FromUnixTimeSeconds(1764633600)), (passkeys[0].FriendlyName, passkeys[0].AuthenticatorAttachment, passkeys[0].CreatedAt));
        Assert.Equal(["usb"], passkeys[1].Transports);

        await user.DeletePasskeyAsync("cred-2");
        Assert.Equal("cred-2", cluster.Last("DeleteWebAuthnCredential").GetProperty("CredentialId").GetString());
        await Assert.ThrowsAsync<InvalidParameterException>(() => user.DeletePasskeyAsync(" "));

        var factors = await user.GetAuthFactorsAsync();
        Assert.Equal(["PASSWORD", "WEB_AUTHN"], factors.SignInFactors);
        Assert.Equal(["SOFTWARE_TOKEN_MFA"], factors.MfaMethods);
        Assert.Equal("SOFTWARE_TOKEN_MFA", factors.PreferredMfa);
    }

    [Fact]
    public async Task Passkey_operations_need_a_signed_in_session()
    {
        var ghost = cluster.User("recorded", "nobody-signed-in");
        await Assert.ThrowsAsync<Cognito.Client.Errors.NotSignedInException>(() => ghost.StartPasskeyRegistrationAsync());
        await Assert.ThrowsAsync<Cognito.Client.Errors.NotSignedInException>(() => ghost.ListPasskeysAsync());
    }
}
