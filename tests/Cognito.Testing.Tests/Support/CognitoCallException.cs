namespace Cognito.Testing.Tests.Support;

/// <summary>An error answer of a raw call: Cognito's error type, message and HTTP status.</summary>
public sealed class CognitoCallException(string type, string message, int status) : Exception($"{type} ({status}): {message}")
{
    public string Type { get; } = type;

    public string ErrorMessage { get; } = message;

    public int Status { get; } = status;
}
