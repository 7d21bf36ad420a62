using Cognito.IdentityProvider.Errors;

namespace Cognito.Client.Errors;

/// <summary>
/// This user's stored session record exists but cannot be read (see <see cref="Fault"/>). Only this
/// user is affected; every session call fails with this error until the user signs in again, which
/// overwrites the record. The fault travels in <see cref="Exception.Data"/>, which Orleans keeps.
/// </summary>
public sealed class SessionStateUnreadableException : CognitoException
{
    /// <summary>The error code this exception carries.</summary>
    public const string Code = "SessionStateUnreadable";

    private const string FaultKey = "Cognito.StoredStateFault";

    /// <summary>An error saying why the stored session cannot be read.</summary>
    public SessionStateUnreadableException(string message)
        : base(Code, message, null)
    {
    }

    /// <summary>An error with the kind of fault that made the stored session unreadable.</summary>
    public SessionStateUnreadableException(string message, StoredStateFault fault)
        : this(message)
    {
        Data[FaultKey] = fault.ToString();
    }

    /// <summary>Why the record could not be read; <see cref="StoredStateFault.Corrupt"/> when unknown.</summary>
    public StoredStateFault Fault =>
        Data[FaultKey] is string text && Enum.TryParse<StoredStateFault>(text, out var fault) ? fault : StoredStateFault.Corrupt;
}
