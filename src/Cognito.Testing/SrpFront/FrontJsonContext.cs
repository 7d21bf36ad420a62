using System.Text.Json.Serialization;

namespace Cognito.Testing.SrpFront;

[JsonSerializable(typeof(List<SavedCredential>))]
internal sealed partial class FrontJsonContext : JsonSerializerContext;
