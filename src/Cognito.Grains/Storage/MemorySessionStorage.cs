using Cognito.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;

namespace Cognito.Grains.Storage;

/// <summary>The Memory store for sessions: <see cref="SharingMemoryGrainStorage"/> under <see cref="CognitoStorage.Name"/>.</summary>
public static class MemorySessionStorage
{
    /// <summary>Keeps sessions in the silo's memory, one copy each; they are lost when the silo stops.</summary>
    public static ISiloBuilder AddMemorySessionStorage(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddGrainStorage(CognitoStorage.Name, (services, _) => new SharingMemoryGrainStorage(services.GetRequiredService<IGrainFactory>()));
        return builder;
    }
}
