namespace Cognito.IdentityProvider.Errors;

/// <summary>A Cognito ID or access token was refused; <see cref="Reason"/> says which check failed.</summary>
/// <remarks>
/// The message never contains the token or any part of it (nor claim values taken from it), and no
/// inner exception is attached, because parsers' messages may quote what they failed to parse.
/// The reason is kept in <see cref="Exception.Data"/> as a string, like the error code, so it
/// survives serializers that rebuild an exception from its message and data.
/// </remarks>
public sealed class TokenValidationException : CognitoException
{
    /// <summary>The error code this exception carries.</summary>
    public const string Code = "TokenValidationFailed";
    internal const string ReasonKey = "Cognito.TokenValidationReason";

    /// <summary>A refused token, with the check that refused it.</summary>
    public TokenValidationException(TokenValidationFailureReason reason, string message)
        : base(Code, message, null)
    {
        Data[ReasonKey] = reason.ToString();
    }

    /// <summary>Which check refused the token.</summary>
    public TokenValidationFailureReason Reason =>
        Data[ReasonKey] is string name && Enum.TryParse<TokenValidationFailureReason>(name, out var reason)
            ? reason
            : TokenValidationFailureReason.Unknown;
}
