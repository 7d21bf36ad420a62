using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>A JSON 1.1 call as the front received it: the operation, the parsed body and the exact bytes and headers (for forwarding).</summary>
internal sealed record FrontRequest(string Operation, JsonObject Body, byte[] RawBody, IReadOnlyList<KeyValuePair<string, string[]>> Headers, string? SourceIp)
{
    public bool IsAdmin => Operation.StartsWith("Admin", StringComparison.Ordinal);

    // The body may carry passwords: never print it.
    public override string ToString() => $"FrontRequest {{ Operation = {Operation}, SourceIp = {SourceIp} }}";
}
