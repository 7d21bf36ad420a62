using Cognito.IdentityProvider.Errors;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Cognito.Client;

/// <summary>
/// Lets this library's typed errors cross grain calls as themselves. Orleans serializes only
/// exceptions of the Microsoft, System and Azure namespaces by default: without this, every Cognito
/// error a grain throws reaches its caller as a CodecNotFoundException, its type and ErrorCode
/// lost. The inner exceptions the library wraps (Polly's timeout, AWSSDK.Core's credential errors)
/// must travel too, or the outer one cannot. Both the silo and every client register it; the error
/// code travels in <see cref="Exception.Data"/>, which Orleans keeps.
/// </summary>
public static class CognitoSerialization
{
    /// <summary>Lets Orleans carry this library's typed errors (Cognito's and the grains') with their codes between silo and client.</summary>
    public static IServiceCollection AddCognitoExceptions(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(options =>
        {
            var previous = options.SupportedExceptionTypeFilter;
            options.SupportedExceptionTypeFilter = type => typeof(CognitoException).IsAssignableFrom(type) || (previous?.Invoke(type) ?? false);
            options.SupportedNamespacePrefixes.Add("Polly");
            options.SupportedNamespacePrefixes.Add("Amazon.Runtime");
        });
}
