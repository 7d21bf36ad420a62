namespace Cognito.Density;

/// <summary>The naive alternative: a grain that just holds the three tokens as strings.</summary>
[Alias("Cognito.Density.IPlainTokenGrain")]
public interface IPlainTokenGrain : IGrainWithStringKey
{
    [Alias("Set")]
    Task SetAsync(string accessToken, string? idToken, string? refreshToken, DateTimeOffset expiresAt);
}

public sealed class PlainTokenGrain : Grain, IPlainTokenGrain
{
    private string? _access;
    private string? _id;
    private string? _refresh;
    private DateTimeOffset _expiresAt;

    public Task SetAsync(string accessToken, string? idToken, string? refreshToken, DateTimeOffset expiresAt)
    {
        (_access, _id, _refresh, _expiresAt) = (accessToken, idToken, refreshToken, expiresAt);
        return Task.CompletedTask;
    }

    public override string ToString() => $"PlainTokenGrain {{ Set = {_access is not null && _id is not null && _refresh is not null}, ExpiresAt = {_expiresAt:O} }}";
}
