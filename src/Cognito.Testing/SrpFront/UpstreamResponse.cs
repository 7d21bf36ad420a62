using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>What cognito-local answered, byte for byte, so it can be handed on unchanged.</summary>
public sealed record UpstreamResponse(int Status, string? ContentType, byte[] Body, IReadOnlyList<KeyValuePair<string, string[]>> Headers)
{
    /// <summary>Whether cognito-local answered 2xx.</summary>
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The answer's body as JSON.</summary>
    public JsonObject JsonBody() => JsonFields.ParseObject(Body);

    /// <summary>The error as a fault, with the namespace (<c>CognitoLocal#</c>) of its type dropped as AWS clients do.</summary>
    public CognitoFault ToFault()
    {
        JsonObject error;
        try
        {
            error = JsonBody();
        }
        catch (CognitoFault)
        {
            error = [];
        }

        var type = error.Str("__type") ?? error.Str("code") ?? "InternalErrorException";
        var message = error.Str("message") ?? error.Str("Message") ?? $"cognito-local answered HTTP {Status}.";
        return new CognitoFault(type.Contains('#', StringComparison.Ordinal) && Status < 500 ? type[(type.IndexOf('#', StringComparison.Ordinal) + 1)..] : type, message, Status);
    }
}
