namespace Cognito.Client.Errors;

/// <summary>Why a user's stored session record could not be read.</summary>
public enum StoredStateFault
{
    /// <summary>The record is not in any form this library writes (garbage, truncated, or altered in the store).</summary>
    Corrupt,

    /// <summary>The record says it is of a stored-form version this silo does not know (written by a newer release).</summary>
    UnknownVersion,

    /// <summary>The record cannot be decrypted: it was written with another key ring, or its ciphertext was altered.</summary>
    NotDecryptable,
}
