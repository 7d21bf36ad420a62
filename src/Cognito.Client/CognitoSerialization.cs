using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Cognito.Client;

/// <summary>
/// Lets this library's typed errors cross grain calls as themselves: Orleans serializes exceptions
/// only from namespaces it is told about, so both the silo and every client must register them.
/// The error code travels in <see cref="Exception.Data"/>, which Orleans keeps.
/// </summary>
public static class CognitoSerialization
{
    public const string ExceptionNamespacePrefix = "Cognito.";

    public static IServiceCollection AddCognitoExceptions(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add(ExceptionNamespacePrefix));
}
