using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.UseLocalhostClustering().AddMemoryGrainStorageAsDefault());
await builder.Build().RunAsync();
