using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Cognito.IdentityProvider.Model;

namespace Cognito.IdentityProvider.Tests.Model;

/// <summary>
/// No generated record prints a secret: every member the model marks sensitive, and every string
/// member whose name says it is a code, password, secret, token, session or verifier, prints as
/// <c>***</c>. The rule is derived here from the model on its own, not taken from the generator.
/// </summary>
public sealed partial class SecretMembersTests
{
    private const int MaxDepth = 4;
    private static readonly Assembly Library = typeof(ICognitoIdentityProvider).Assembly;

    // The last word of a name says what the member is (a TokenType is a type, PreTokenGeneration a
    // Lambda ARN, CodeDeliveryDetails details); these make a string member secret whatever the model says.
    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal) { "Code", "Password", "Secret", "Token", "Session", "Verifier", "Hash" };

    public static TheoryData<string> Records() => ModelConformanceTests.Records();

    [Theory]
    [MemberData(nameof(Records))]
    public void No_secret_like_member_prints_and_every_other_string_member_does(string typeName)
    {
        var model = ApiModel.Load();
        var markers = new List<Marker>();
        var record = Fill(model, Library.GetType("Cognito.IdentityProvider.Model." + typeName)!, typeName, 0, visible: true, insideSecret: false, markers);

        var text = record.ToString()!;

        foreach (var marker in markers.Where(m => m.Secret))
        {
            Assert.False(text.Contains(marker.Value, StringComparison.Ordinal), $"{marker.Path} is secret but {typeName}.ToString() prints it: {text}");
        }

        // Lists and maps (ClientMetadata, ChallengeParameters, attributes) print as a count, and a
        // secret structure as ***, so nothing inside them shows, secret-named or not.
        foreach (var marker in markers.Where(m => !m.Visible))
        {
            Assert.False(text.Contains(marker.Value, StringComparison.Ordinal), $"{marker.Path} is inside a collection or a secret, but {typeName}.ToString() prints it: {text}");
        }

        foreach (var marker in markers.Where(m => !m.Secret && m.Visible))
        {
            Assert.True(text.Contains(marker.Value, StringComparison.Ordinal), $"{marker.Path} is not secret and should print, but {typeName}.ToString() hides it: {text}");
        }
    }

    [Fact]
    public void The_rule_covers_the_members_the_model_forgot()
    {
        var model = ApiModel.Load();

        Assert.True(IsSecret(model, "ConfirmSignUpRequest", "ConfirmationCode"));
        Assert.True(IsSecret(model, "ConfirmForgotPasswordRequest", "ConfirmationCode"));
        Assert.True(IsSecret(model, "VerifyUserAttributeRequest", "Code"));
        Assert.True(IsSecret(model, "DeviceSecretVerifierConfigType", "PasswordVerifier"));
        Assert.True(IsSecret(model, "ListUsersResponse", "PaginationToken"));
        Assert.True(IsSecret(model, "ListGroupsResponse", "NextToken"));
        Assert.False(IsSecret(model, "AuthenticationResultType", "TokenType"));
        Assert.False(IsSecret(model, "LambdaConfigType", "PreTokenGeneration"));
        Assert.False(IsSecret(model, "TokenValidityUnitsType", "AccessToken"));
        Assert.False(IsSecret(model, "CodeDeliveryDetailsType", "DeliveryMedium"));
        Assert.False(IsSecret(model, "DeviceSecretVerifierConfigType", "Salt"));
    }

    /// <summary>
    /// Secret when the model says so, or when a string member (not an enum: its values are the
    /// model's own, public words) is named like a credential: its last word is one of <see cref="SecretWords"/>.
    /// </summary>
    private static bool IsSecret(ApiModel model, string shapeName, string memberName)
    {
        var member = model.Shape(shapeName).GetProperty("members").GetProperty(memberName);
        var target = model.Shape(member.GetProperty("shape").GetString()!);
        if (Flag(member, "sensitive") || Flag(target, "sensitive"))
        {
            return true;
        }

        return ApiModel.Kind(target) == "string" && !target.TryGetProperty("enum", out _)
            && SecretWords.Contains(Words().Matches(memberName)[^1].Value);
    }

    private static bool Flag(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.GetBoolean();

    /// <summary>A record with every string member set to a marker of its own, nested records and collections filled too.</summary>
    private static object Fill(ApiModel model, Type type, string path, int depth, bool visible, bool insideSecret, List<Marker> markers)
    {
        var record = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name is not { } member)
            {
                continue;
            }

            var secret = insideSecret || IsSecret(model, type.Name, member);
            var where = $"{path}.{member}";
            var value = Value(model, property.PropertyType, where, depth, visible && !secret, secret, markers);
            if (value is not null)
            {
                property.SetValue(record, value);
            }
        }

        return record;
    }

    private static object? Value(ApiModel model, Type type, string path, int depth, bool visible, bool secret, List<Marker> markers)
    {
        if (type == typeof(string))
        {
            var marker = new Marker(path, $"marker-{markers.Count}-{path}", secret, visible);
            markers.Add(marker);
            return marker.Value;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            // Collections print as their count, so what is in them never shows.
            var item = Value(model, type.GetGenericArguments()[0], path + "[0]", depth, false, secret, markers);
            var array = Array.CreateInstance(type.GetGenericArguments()[0], item is null ? 0 : 1);
            if (item is not null)
            {
                array.SetValue(item, 0);
            }

            return array;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments()))!;
            var entry = Value(model, type.GetGenericArguments()[1], path + "{}", depth, false, secret, markers);
            if (entry is not null)
            {
                map[(string)Value(model, typeof(string), path + "{key}", depth, false, secret, markers)!] = entry;
            }

            return map;
        }

        if (type.Namespace == "Cognito.IdentityProvider.Model" && type.GetMethod("<Clone>$") is not null && depth < MaxDepth)
        {
            return Fill(model, type, path, depth + 1, visible, secret, markers);
        }

        return null;
    }

    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")]
    private static partial Regex Words();

    private sealed record Marker(string Path, string Value, bool Secret, bool Visible);
}
