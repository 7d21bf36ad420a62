using System.Security.Claims;
using Cognito.AspNetCore.Bearer;
using Cognito.AspNetCore.Sessions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;

namespace Cognito.Web.Api;

/// <summary>
/// The API the home page calls with <c>fetch</c>: <c>/api/me</c> accepts only the pool's access tokens
/// (bearer), and <c>/api/token</c> hands the signed-in browser its session's current access token, on a
/// POST that carries the antiforgery token, so another site cannot obtain it.
/// </summary>
public static class SampleApi
{
    public static void MapSampleApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/me", (ClaimsPrincipal user) => Results.Json(new
        {
            username = user.Identity!.Name,
            scope = user.FindFirstValue("scope"),
            clientId = user.FindFirstValue("client_id"),
        })).RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = CognitoBearerDefaults.AuthenticationScheme });

        endpoints.MapPost("/api/token", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest(new { error = "The antiforgery token is missing or wrong." });
            }

            return Results.Json(new { accessToken = await http.GetCognitoAccessTokenAsync() });
        }).RequireAuthorization().DisableAntiforgery();
    }
}
