using Cognito.IdentityProvider.Errors;

namespace Cognito.IdentityProvider.Tests.Tokens;

public sealed class TokenValidationExceptionTests
{
    [Fact]
    public void The_reason_and_code_live_in_Data_as_strings()
    {
        var error = new TokenValidationException(TokenValidationFailureReason.Expired, "The token has expired.");

        Assert.Equal("Expired", error.Data["Cognito.TokenValidationReason"]);
        Assert.Equal("TokenValidationFailed", error.Data["Cognito.ErrorCode"]);
        Assert.IsAssignableFrom<CognitoException>(error);
    }

    [Fact]
    public void The_reason_is_read_back_from_Data_as_a_serializer_rebuilds_it()
    {
        // A serializer that keeps only the message and Data rebuilds the exception and copies Data back.
        var original = new TokenValidationException(TokenValidationFailureReason.WrongClientId, "m");
        var rebuilt = new TokenValidationException(TokenValidationFailureReason.Unknown, original.Message);
        foreach (System.Collections.DictionaryEntry entry in original.Data)
        {
            rebuilt.Data[entry.Key] = entry.Value;
        }

        Assert.Equal(TokenValidationFailureReason.WrongClientId, rebuilt.Reason);
        Assert.Equal(TokenValidationException.Code, rebuilt.ErrorCode);
    }

    [Fact]
    public void A_lost_reason_reads_as_unknown()
    {
        var error = new TokenValidationException(TokenValidationFailureReason.Malformed, "m");
        error.Data.Remove("Cognito.TokenValidationReason");

        Assert.Equal(TokenValidationFailureReason.Unknown, error.Reason);
    }
}
