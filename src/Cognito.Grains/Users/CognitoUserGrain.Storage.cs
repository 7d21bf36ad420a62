using Cognito.Client.Errors;
using Cognito.Client.Grains;
using Cognito.Grains.Logging;

namespace Cognito.Grains.Users;

/// <summary>
/// A stored record that could not be read (corrupt, of an unknown version, or from another key ring)
/// arrives as an empty state marked unreadable. This user's session calls then fail with
/// <see cref="SessionStateUnreadableException"/> until a new sign-in replaces the record; calls
/// that need no session (registration, administration) go on as for a user with no session.
/// The same filter keeps <see cref="ISessionOwner"/> for calls between user grains.
/// </summary>
internal sealed partial class CognitoUserGrain : IIncomingGrainCallFilter
{
    private static readonly HashSet<string> NewSessionCalls = new(StringComparer.Ordinal)
    {
        nameof(IUserSignIn.AuthenticateAsync),
        nameof(IUserSignIn.AdminAuthenticateAsync),
        nameof(IUserSignIn.AuthenticateWithFlowAsync),
        nameof(IUserSignIn.StartCustomAuthAsync),
        nameof(IUserSignIn.SignInWithTokensAsync),
        nameof(ISessionOwner.AdoptAsync),
    };

    public Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Any client can name any key: only another user grain, which Cognito's answers led here,
        // may hand over a session, confirm an alias or borrow a device secret.
        if (context.InterfaceMethod.DeclaringType == typeof(ISessionOwner) && context.SourceId?.Type != context.TargetId.Type)
        {
            throw new InternalCallRefusedException($"{context.InterfaceMethod.Name} on {_key} is for the silo's own user grains.");
        }

        if (State.Unreadable is { } fault)
        {
            var method = context.InterfaceMethod;
            var declaring = method.DeclaringType;
            if (NewSessionCalls.Contains(method.Name) && (declaring == typeof(IUserSignIn) || declaring == typeof(ISessionOwner)))
            {
                // The unreadable record is overwritten by the sign-in's first write (the ETag was read with it).
                state.State = new UserSessionState();
                StorageLog.UnreadableReplaced(logger, _key, fault);
            }
            else if (IsSessionCall(declaring))
            {
                throw new SessionStateUnreadableException($"User {_key}'s stored session cannot be read ({fault}): sign in again to replace it.", fault);
            }
        }

        return context.Invoke();
    }

    // Only this library's own calls: Orleans' extension calls (deactivation, migration) always go through.
    private static bool IsSessionCall(Type? declaring) =>
        declaring is not null
        && declaring != typeof(IUserRegistration) && declaring != typeof(IUserAdministration)
        && (declaring.Assembly == typeof(ICognitoUserGrain).Assembly || declaring == typeof(ISessionOwner));
}
