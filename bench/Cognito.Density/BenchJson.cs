using System.Text.Json.Serialization;
using Cognito.Client.Model;

namespace Cognito.Density;

/// <summary>The payload users would keep in Redis instead: the same TokenSet, as JSON.</summary>
[JsonSerializable(typeof(TokenSet))]
internal sealed partial class BenchJson : JsonSerializerContext;
