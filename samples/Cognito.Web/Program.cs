using Cognito.AspNetCore;
using Cognito.AspNetCore.Bearer;
using Cognito.AspNetCore.Sessions;
using Cognito.Client;
using Cognito.Web;
using Cognito.Web.Api;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;

var builder = WebApplication.CreateBuilder(args);
var sample = builder.Configuration.GetSection(SampleOptions.SectionName).Get<SampleOptions>() ?? new SampleOptions();
if (sample.Issuer is null || sample.ClientId is null)
{
    Console.Error.WriteLine("Set Cognito:Issuer and Cognito:ClientId (the silo's --local mode prints them, or run it with --web to start this app beside it).");
    return 2;
}

builder.Services.AddSingleton(sample);

// Cookies and antiforgery tokens are Data Protection payloads: every instance behind one address needs
// the same application name and key ring, or a browser is signed out whenever it reaches another instance.
var dataProtection = builder.Services.AddDataProtection().SetApplicationName(SampleOptions.DataProtectionApplicationName);
if (builder.Configuration["DataProtection:KeysDirectory"] is { Length: > 0 } keys)
{
    dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));
}
builder.UseOrleansClient(client => client
    .UseLocalhostClustering(gatewayPort: sample.GatewayPort)
    .AddCognitoClient());

builder.Services.AddCognitoRevocation(o => o.Pool = sample.Pool);
builder.Services.AddAuthentication(CognitoCookieDefaults.AuthenticationScheme)
    .AddCognitoCookie(o =>
    {
        o.Pool = sample.Pool;
        o.Verifier.Issuer = sample.Issuer;
        o.Verifier.ClientIds.Add(sample.ClientId);
    }, cookie =>
    {
        cookie.LoginPath = "/Account/SignIn";
        cookie.AccessDeniedPath = "/Account/SignIn";
    })
    .AddCognitoBearer(o =>
    {
        o.Verifier.Issuer = sample.Issuer;
        o.Verifier.ClientIds.Add(sample.ClientId);
    });
builder.Services.AddAuthorization();
builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/Account");
    o.Conventions.AllowAnonymousToPage("/Account/SignIn");
    o.Conventions.AllowAnonymousToPage("/Account/Challenge");
    o.Conventions.AllowAnonymousToPage("/Account/SignUp");
    o.Conventions.AllowAnonymousToPage("/Account/Confirm");
    o.Conventions.AllowAnonymousToPage("/Account/ForgotPassword");
});

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}

app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapRazorPages();
app.MapSampleApi();
app.Run();
return 0;
