using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;

namespace Cognito.IdentityProvider.Tests.Model;

/// <summary>Every record, operation, error and enum we wrote, checked against the AWS API model.</summary>
public sealed class ModelConformanceTests
{
    private static readonly Assembly Library = typeof(ICognitoIdentityProvider).Assembly;
    private static readonly NullabilityInfoContext Nullability = new();

    public static TheoryData<string> Records()
    {
        var data = new TheoryData<string>();
        foreach (var type in Library.GetTypes().Where(t => t.Namespace == "Cognito.IdentityProvider.Model" && t.IsClass && !t.IsAbstract && t.GetMethod("<Clone>$") is not null))
        {
            data.Add(type.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void Record_matches_its_shape(string typeName)
    {
        var model = ApiModel.Load();
        var type = Library.GetType("Cognito.IdentityProvider.Model." + typeName)!;
        Assert.True(model.TryShape(typeName, out var shape), $"{typeName} is not a shape of the model.");
        Assert.Equal("structure", ApiModel.Kind(shape));

        var required = shape.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet() : [];
        var members = shape.GetProperty("members").EnumerateObject().ToDictionary(m => m.Name, m => m.Value.GetProperty("shape").GetString()!);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null)
            .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name);

        Assert.Equal(members.Keys.Order(), properties.Keys.Order());
        foreach (var (name, property) in properties)
        {
            var memberShape = model.Shape(members[name]);
            AssertJsonType(model, memberShape, property.PropertyType, $"{typeName}.{name}");
            var isRequired = property.GetCustomAttribute<RequiredMemberAttribute>() is not null;
            Assert.True(required.Contains(name) == isRequired, $"{typeName}.{name}: required in the model = {required.Contains(name)}, required in C# = {isRequired}.");
            if (!required.Contains(name))
            {
                Assert.True(Nullability.Create(property).ReadState == NullabilityState.Nullable, $"{typeName}.{name} is optional in the model and must be nullable.");
            }
        }
    }

    private static void AssertJsonType(ApiModel model, JsonElement shape, Type type, string where)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        switch (ApiModel.Kind(shape))
        {
            case "string":
                Assert.True(underlying == typeof(string), $"{where}: a model string must be a string, not {underlying.Name}.");
                break;
            case "integer":
                Assert.True(underlying == typeof(int), $"{where}: a model integer must be int.");
                break;
            case "long":
                Assert.True(underlying == typeof(long), $"{where}: a model long must be long.");
                break;
            case "boolean":
                Assert.True(underlying == typeof(bool), $"{where}: a model boolean must be bool.");
                break;
            case "timestamp":
                Assert.True(underlying == typeof(DateTimeOffset), $"{where}: a model timestamp must be DateTimeOffset.");
                break;
            case "blob":
                Assert.True(underlying == typeof(byte[]), $"{where}: a model blob must be byte[].");
                break;
            case "structure" when shape.TryGetProperty("document", out var document) && document.GetBoolean():
                Assert.True(underlying == typeof(JsonElement), $"{where}: a model document must be a JsonElement, carried as sent.");
                break;
            case "structure":
                Assert.True(model.TryShape(underlying.Name, out var nested) && ApiModel.Kind(nested) == "structure", $"{where}: {underlying.Name} is not a structure of the model.");
                break;
            case "list":
                Assert.True(underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>), $"{where}: a model list must be IReadOnlyList<T>.");
                AssertJsonType(model, model.Shape(shape.GetProperty("member").GetProperty("shape").GetString()!), underlying.GetGenericArguments()[0], where + "[]");
                break;
            case "map":
                Assert.True(underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>), $"{where}: a model map must be IReadOnlyDictionary<string, T>.");
                Assert.Equal(typeof(string), underlying.GetGenericArguments()[0]);
                AssertJsonType(model, model.Shape(shape.GetProperty("value").GetProperty("shape").GetString()!), underlying.GetGenericArguments()[1], where + "{}");
                break;
            default:
                Assert.Fail($"{where}: unexpected model type {ApiModel.Kind(shape)}.");
                break;
        }
    }

    [Fact]
    public void Every_operation_the_design_names_has_a_typed_method_shaped_by_the_model()
    {
        string[] named =
        [
            "SignUp", "ConfirmSignUp", "ResendConfirmationCode", "InitiateAuth", "RespondToAuthChallenge", "GetTokensFromRefreshToken",
            "GetUser", "UpdateUserAttributes", "DeleteUserAttributes", "GetUserAttributeVerificationCode", "VerifyUserAttribute",
            "ChangePassword", "ForgotPassword", "ConfirmForgotPassword", "GlobalSignOut", "RevokeToken", "DeleteUser",
            "AssociateSoftwareToken", "VerifySoftwareToken", "SetUserMFAPreference", "ConfirmDevice", "UpdateDeviceStatus",
            "ForgetDevice", "ListDevices", "AdminInitiateAuth", "AdminRespondToAuthChallenge", "AdminConfirmSignUp",
            "AdminCreateUser", "AdminGetUser", "AdminUpdateUserAttributes", "AdminDeleteUser", "AdminEnableUser", "AdminDisableUser",
            "AdminResetUserPassword", "AdminSetUserPassword", "AdminUserGlobalSignOut", "AdminAddUserToGroup",
            "AdminRemoveUserFromGroup", "AdminListGroupsForUser", "ListUsers", "ListUsersInGroup", "GetGroup", "ListGroups",
            "CreateGroup", "DeleteGroup", "DescribeUserPool", "DescribeUserPoolClient",
            "StartWebAuthnRegistration", "CompleteWebAuthnRegistration", "ListWebAuthnCredentials", "DeleteWebAuthnCredential",
            "GetUserAuthFactors", "AdminGetUserAuthFactors",
        ];
        var operations = CognitoOperations.All.Select(o => o.Name).ToHashSet();
        Assert.All(named, n => Assert.Contains(n, operations));

        var model = ApiModel.Load();
        foreach (var operation in CognitoOperations.All)
        {
            Assert.True(model.Operations.TryGetProperty(operation.Name, out var op), $"{operation.Name} is not an operation of the model.");
            Assert.True(operation.RequiresSigning == !model.IsUnsigned(operation.Name), $"{operation.Name}: signed must be {!model.IsUnsigned(operation.Name)}.");

            var input = op.GetProperty("input").GetProperty("shape").GetString()!;
            var method = typeof(ICognitoIdentityProvider).GetMethod(operation.Name + "Async");
            Assert.True(method is not null, $"ICognitoIdentityProvider has no {operation.Name}Async.");
            Assert.Equal(input, method!.GetParameters()[0].ParameterType.Name);
            Assert.Equal(typeof(CancellationToken), method.GetParameters()[1].ParameterType);
            if (op.TryGetProperty("output", out var output))
            {
                Assert.Equal(typeof(Task<>), method.ReturnType.GetGenericTypeDefinition());
                Assert.Equal(output.GetProperty("shape").GetString(), method.ReturnType.GetGenericArguments()[0].Name);
            }
            else
            {
                Assert.Equal(typeof(Task), method.ReturnType);
            }
        }
    }

    [Fact]
    public void The_operations_that_need_no_credentials_are_exactly_the_models_unsigned_ones()
    {
        string[] unsigned = ["InitiateAuth", "SignUp", "GetUser", "RespondToAuthChallenge", "GlobalSignOut", "ChangePassword", "RevokeToken"];
        Assert.All(unsigned, name => Assert.False(CognitoOperations.All.Single(o => o.Name == name).RequiresSigning));
        string[] signed = ["AdminInitiateAuth", "AdminGetUser", "ListUsers", "DescribeUserPool"];
        Assert.All(signed, name => Assert.True(CognitoOperations.All.Single(o => o.Name == name).RequiresSigning));
    }

    [Fact]
    public void Every_model_exception_is_a_typed_exception_with_its_cognito_name()
    {
        var model = ApiModel.Load();
        var exceptions = model.Shapes.EnumerateObject().Where(s => s.Value.TryGetProperty("exception", out var e) && e.GetBoolean()).Select(s => s.Name).ToList();
        Assert.NotEmpty(exceptions);
        Assert.Equal(exceptions.Order(), CognitoErrorCatalog.KnownCodes.Order());
        foreach (var name in exceptions)
        {
            var type = Library.GetType("Cognito.IdentityProvider.Errors." + name);
            Assert.True(type is not null, $"No exception type {name}.");
            Assert.True(type!.IsSubclassOf(typeof(CognitoServiceException)));

            var created = CognitoErrorCatalog.Create("com.amazonaws.cognito.identity.idp.model#" + name, "text");
            Assert.IsType(type, created);
            Assert.Equal(name, created.ErrorCode);
            Assert.Equal(name, CognitoErrorCatalog.Create(name + ":http://internal.amazon.com/coral/com.amazonaws/", null).ErrorCode);
        }
    }

    [Fact]
    public void Enum_constants_are_the_models_values()
    {
        var model = ApiModel.Load();
        var classes = Library.GetTypes().Where(t => t.Namespace == "Cognito.IdentityProvider.Model" && t.IsAbstract && t.IsSealed);
        var checkedAny = false;
        foreach (var type in classes)
        {
            Assert.True(model.TryShape(type.Name, out var shape) && shape.TryGetProperty("enum", out _), $"{type.Name} is not an enum of the model.");
            var values = shape.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).Order().ToList();
            var constants = type.GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order().ToList();
            Assert.Equal(values, constants);
            checkedAny = true;
        }

        Assert.True(checkedAny);
        Assert.Equal("PASSWORD_VERIFIER", ChallengeNameType.PasswordVerifier);
    }

    [Fact]
    public void Sensitive_members_never_appear_in_ToString()
    {
        var request = new InitiateAuthRequest
        {
            AuthFlow = AuthFlowType.UserPasswordAuth,
            ClientId = "client-id-value",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "bob", ["PASSWORD"] = "hunter2-secret" },
        };
        var result = new AuthenticationResultType { AccessToken = "access-token-value", RefreshToken = "refresh-token-value", IdToken = "id-token-value", ExpiresIn = 3600 };
        var text = request + " " + result + " " + new ChangePasswordRequest { AccessToken = "at-value", PreviousPassword = "old-pw-value", ProposedPassword = "new-pw-value" };
        foreach (var secret in new[] { "hunter2-secret", "access-token-value", "refresh-token-value", "id-token-value", "at-value", "old-pw-value", "new-pw-value", "client-id-value" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.Contains("ExpiresIn = 3600", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Wire_json_uses_the_models_member_names_and_epoch_timestamps()
    {
        var json = JsonSerializer.Serialize(new AdminGetUserRequest { UserPoolId = "eu-west-1_AbC", Username = "bob" }, CognitoJsonContext.Default.AdminGetUserRequest);
        Assert.Equal("""{"UserPoolId":"eu-west-1_AbC","Username":"bob"}""", json);

        var user = JsonSerializer.Deserialize("""{"Username":"bob","UserCreateDate":1.7e9,"UserLastModifiedDate":"2024-01-02T03:04:05Z","Enabled":true}""", CognitoJsonContext.Default.AdminGetUserResponse)!;
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), user.UserCreateDate);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), user.UserLastModifiedDate);
    }
}
