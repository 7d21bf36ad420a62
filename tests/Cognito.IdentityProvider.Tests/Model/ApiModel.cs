using System.Text.Json;
using Cognito.Testing.Tools;

namespace Cognito.IdentityProvider.Tests.Model;

/// <summary>The AWS API model of Cognito (botocore's service-2.json), read from ../shared/data.</summary>
internal sealed class ApiModel
{
    private static readonly Lazy<ApiModel> Instance = new(() => new ApiModel(SharedData.PathOf("cognito-idp", "service-2.json")));

    private ApiModel(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        Root = document.RootElement.Clone();
    }

    public static ApiModel Load() => Instance.Value;

    public JsonElement Root { get; }

    public JsonElement Shapes => Root.GetProperty("shapes");

    public JsonElement Operations => Root.GetProperty("operations");

    public JsonElement Shape(string name) => Shapes.GetProperty(name);

    public bool TryShape(string name, out JsonElement shape) => Shapes.TryGetProperty(name, out shape);

    public static string Kind(JsonElement shape) => shape.GetProperty("type").GetString()!;

    public bool IsUnsigned(string operation)
    {
        var op = Operations.GetProperty(operation);
        var noAuth = op.TryGetProperty("auth", out var auth) && auth.EnumerateArray().Any(a => a.GetString() == "smithy.api#noAuth");
        var none = op.TryGetProperty("authtype", out var authType) && authType.GetString() == "none";
        return noAuth || none;
    }
}
