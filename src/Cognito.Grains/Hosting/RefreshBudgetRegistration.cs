using Cognito.Grains.Refresh;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cognito.Grains.Hosting;

/// <summary>The refresh budget's services: the budgets themselves and the membership watcher that shares them among the silos.</summary>
internal static class RefreshBudgetRegistration
{
    public static IServiceCollection AddRefreshBudget(this IServiceCollection services)
    {
        services.TryAddSingleton<RefreshBudgets>();
        services.TryAddSingleton<RefreshBudgetMembership>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<RefreshBudgetMembership>());
        services.TryAddSingleton<ProvisionedLimitStartup>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ProvisionedLimitStartup>());
        return services;
    }
}
