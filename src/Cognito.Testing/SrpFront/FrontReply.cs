using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>What the front answers: its own JSON, or cognito-local's response handed on unchanged.</summary>
internal sealed record FrontReply(JsonObject? Json, UpstreamResponse? Forwarded)
{
    public static FrontReply Of(JsonObject json) => new(json, null);

    public static FrontReply Empty() => new([], null);

    public static FrontReply Of(UpstreamResponse response) => new(null, response);
}
