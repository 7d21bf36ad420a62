using System.Security.Cryptography;
using Cognito.Client.Errors;
using Cognito.Grains.Logging;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Storage;

namespace Cognito.Grains.Storage;

/// <summary>
/// Encrypts whole grain states at rest: Orleans' binary serialization of the state (version-tolerant
/// by field [Id], independent of CLR type names), protected by ASP.NET Core Data Protection, in a
/// versioned text envelope (<see cref="StoredEnvelope"/>). Whole-state protection leaks nothing, not
/// even which fields are set. A record that cannot be read becomes a marked empty state for
/// <see cref="IRecoverableState"/> types, so one bad record fails one user, never the silo.
/// </summary>
internal sealed class ProtectedGrainStorageSerializer : IGrainStorageSerializer
{
    /// <summary>The Data Protection purpose: names the library and the stored form, so no other protector can read these records.</summary>
    public const string Purpose = "CognitoOrleans.SessionState.v1";

    private readonly Serializer _serializer;
    private readonly IDataProtector _protector;
    private readonly ILogger _logger;

    public ProtectedGrainStorageSerializer(Serializer serializer, IDataProtectionProvider protection, ILogger<ProtectedGrainStorageSerializer> logger)
    {
        ArgumentNullException.ThrowIfNull(protection);
        _serializer = serializer ?? throw new ArgumentNullException(nameof(serializer));
        _protector = protection.CreateProtector(Purpose);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public BinaryData Serialize<T>(T? input)
    {
        var plaintext = _serializer.SerializeToArray(input);
        try
        {
            return BinaryData.FromString(StoredEnvelope.Write(StoredEnvelope.CurrentVersion, _protector.Protect(plaintext)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public T Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!StoredEnvelope.TryRead(input.ToMemory().Span, out _, out var ciphertext, out var fault))
        {
            return Unreadable<T>(fault);
        }

        byte[] plaintext;
        try
        {
            plaintext = _protector.Unprotect(ciphertext);
        }
        catch (CryptographicException)
        {
            return Unreadable<T>(StoredStateFault.NotDecryptable);
        }

        try
        {
            return _serializer.Deserialize<T>(plaintext) ?? Unreadable<T>(StoredStateFault.Corrupt);
        }
        // Authenticated ciphertext that does not parse was written in a shape this release cannot read.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Unreadable<T>(StoredStateFault.Corrupt);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private T Unreadable<T>(StoredStateFault fault)
    {
        StorageLog.UnreadableRecord(_logger, typeof(T).Name, fault);
        if (typeof(IRecoverableState).IsAssignableFrom(typeof(T)) && Activator.CreateInstance<T>() is IRecoverableState marked)
        {
            marked.MarkUnreadable(fault);
            return (T)marked;
        }

        throw new SessionStateUnreadableException($"A stored {typeof(T).Name} record cannot be read ({fault}).", fault);
    }
}
