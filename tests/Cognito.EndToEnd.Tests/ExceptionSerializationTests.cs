using System.Net;
using Amazon.Runtime;
using Cognito.Client.Errors;
using Cognito.Grains.Configuration;
using Cognito.Grains.Hosting;
using Cognito.IdentityProvider.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Serialization;
using Polly.Timeout;

namespace Cognito.EndToEnd.Tests;

/// <summary>
/// Cognito errors cross the wire between silo and client with their type and ErrorCode: the
/// serializer a silo configured with AddCognito uses, in process. (Orleans' default accepts only
/// Microsoft/System/Azure exceptions; the scenario test found every grain error arriving as
/// CodecNotFoundException before AddCognito widened it.)
/// </summary>
public sealed class ExceptionSerializationTests
{
    [Fact]
    public void A_silo_without_AddCognito_cannot_send_a_Cognito_error_which_is_why_AddCognito_allows_them()
    {
        using var provider = SiloServices(addCognito: false);
        var serializer = provider.GetRequiredService<Serializer>();
        Assert.Throws<CodecNotFoundException>(() => serializer.SerializeToArray<Exception>(new NotSignedInException("User main/bob is not signed in.")));
    }

    [Fact]
    public void The_library_own_errors_keep_type_message_and_ErrorCode()
    {
        var copy = RoundTrip(new NotSignedInException("User main/bob is not signed in."));
        var typed = Assert.IsType<NotSignedInException>(copy);
        Assert.Equal(NotSignedInException.Code, typed.ErrorCode);
        Assert.Equal("User main/bob is not signed in.", typed.Message);
    }

    [Fact]
    public void Cognito_service_errors_keep_ErrorCode_status_and_request_id()
    {
        var copy = RoundTrip(new NotAuthorizedException("Incorrect username or password.") { StatusCode = HttpStatusCode.BadRequest, RequestId = "req-1" });
        var typed = Assert.IsType<NotAuthorizedException>(copy);
        Assert.Equal(NotAuthorizedException.Code, typed.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        Assert.Equal("req-1", typed.RequestId);
    }

    [Fact]
    public void Errors_that_wrap_Polly_or_AWSSDK_exceptions_travel_with_their_inner_exception()
    {
        var timeout = Assert.IsType<CognitoTimeoutException>(RoundTrip(new CognitoTimeoutException("Cognito GetUser did not answer within the configured timeout.", new TimeoutRejectedException("timed out"))));
        Assert.IsType<TimeoutRejectedException>(timeout.InnerException);

        var signing = Assert.IsType<CognitoConfigurationException>(RoundTrip(new CognitoConfigurationException("Signing the request failed.", new AmazonClientException("no credentials"))));
        Assert.IsType<AmazonClientException>(signing.InnerException);
        Assert.Equal("no credentials", signing.InnerException!.Message);
    }

    private static Exception RoundTrip(Exception error)
    {
        using var provider = SiloServices(addCognito: true);
        var serializer = provider.GetRequiredService<Serializer>();
        return serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(error))!;
    }

    private static ServiceProvider SiloServices(bool addCognito)
    {
        var services = new ServiceCollection();
        services.AddOrleans(silo =>
        {
            silo.UseLocalhostClustering();
            if (addCognito)
            {
                silo.AddCognito(configure: o => o.Pools["main"] = new CognitoPoolOptions { UserPoolId = "eu-west-1_AbC123", ClientId = "client" });
            }
        });
        return services.BuildServiceProvider();
    }
}
