using System.Text;

namespace Cognito.Grains.Users;

/// <summary>
/// A session's tokens as the grain holds them. They are JWTs (ASCII), so they are kept as UTF-8
/// bytes, half the size of .NET strings, and turned into strings only when handed out. The bytes
/// are never changed after construction, which makes the type immutable: Orleans' copier shares
/// one instance between the grain, its state and in-silo calls instead of copying ~4 KB each time.
/// </summary>
/// <remarks>
/// Stored form: Ids 0–2 held the tokens as strings in records written before the UTF-8 form; they
/// are still read, never written again. Ids 5–7 hold the UTF-8 bytes. It stays a record: Orleans
/// lays a record's fields out differently from a class's, and a class would not read the old records.
/// </remarks>
[GenerateSerializer, Immutable, Alias("Cognito.StoredTokens")]
internal sealed record StoredTokens
{
    private const string Bearer = "Bearer";

    // The legacy fields are only ever set by the deserializer.
#pragma warning disable CS0649
    [Id(0)]
    private string? _legacyAccessToken;

    [Id(1)]
    private string? _legacyIdToken;

    [Id(2)]
    private string? _legacyRefreshToken;
#pragma warning restore CS0649

    [Id(3)]
    public DateTimeOffset ExpiresAt { get; private set; }

    [Id(4)]
    private string? _tokenType;

    [Id(5)]
    private byte[]? _accessToken;

    [Id(6)]
    private byte[]? _idToken;

    [Id(7)]
    private byte[]? _refreshToken;

    public StoredTokens(string accessToken, string? idToken, string? refreshToken, DateTimeOffset expiresAt, string tokenType)
    {
        ArgumentNullException.ThrowIfNull(accessToken);
        ArgumentNullException.ThrowIfNull(tokenType);
        _accessToken = Encoding.UTF8.GetBytes(accessToken);
        _idToken = idToken is null ? null : Encoding.UTF8.GetBytes(idToken);
        _refreshToken = refreshToken is null ? null : Encoding.UTF8.GetBytes(refreshToken);
        ExpiresAt = expiresAt;
        // Nearly every session says "Bearer": one shared string rather than one per session.
        _tokenType = tokenType == Bearer ? Bearer : tokenType;
    }

    // For the deserializer.
    private StoredTokens()
    {
    }

    public string AccessToken => Text(_accessToken) ?? _legacyAccessToken ?? string.Empty;

    public string? IdToken => Text(_idToken) ?? _legacyIdToken;

    public string? RefreshToken => Text(_refreshToken) ?? _legacyRefreshToken;

    public bool HasRefreshToken => _refreshToken is not null || _legacyRefreshToken is not null;

    public string TokenType => _tokenType is null or Bearer ? Bearer : _tokenType;

    public override string ToString() => $"StoredTokens {{ ExpiresAt = {ExpiresAt:O} }}";

    private static string? Text(byte[]? utf8) => utf8 is null ? null : Encoding.UTF8.GetString(utf8);
}
