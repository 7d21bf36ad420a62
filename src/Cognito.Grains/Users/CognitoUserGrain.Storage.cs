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

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Any client can name any key: only another user grain, which Cognito's answers led here,
        // may hand over a session, confirm an alias or borrow a device secret.
        var fromUserGrain = context.SourceId?.Type == context.TargetId.Type;
        if (InternalInterfaces.Contains(context.InterfaceMethod.DeclaringType) && !fromUserGrain)
        {
            throw new InternalCallRefusedException($"{context.InterfaceMethod.Name} on {_key} is for the silo's own user grains.");
        }

        var callerUsesSession = _sessionHandle is not null && !fromUserGrain && IsOwnCall(context.InterfaceMethod.DeclaringType);
        if (callerUsesSession)
        {
            RequireSessionProof();
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

        if (callerUsesSession)
        {
            await OnSessionCallAsync();
        }

        await context.Invoke();
    }

    private static readonly HashSet<Type?> InternalInterfaces = [typeof(ISessionOwner), typeof(ISessionRegistry), typeof(ISessionMember)];

    // Only the caller holding the session id may use a session key; the id goes no further than this check.
    private void RequireSessionProof()
    {
        var proof = RequestContext.Get(CognitoSessions.ContextKey) as string;
        RequestContext.Remove(CognitoSessions.ContextKey);
        if (!CognitoSessions.Proves(proof, _sessionHandle!))
        {
            throw new SessionProofException("This session key needs its session id with the call (CognitoSessions.Enter).");
        }
    }

    private static bool IsOwnCall(Type? declaring) => declaring is not null && declaring.Assembly == typeof(ICognitoUserGrain).Assembly;

    // Only this library's own calls: Orleans' extension calls (deactivation, migration) always go through.
    private static bool IsSessionCall(Type? declaring) =>
        declaring is not null
        && declaring != typeof(IUserRegistration) && declaring != typeof(IUserAdministration)
        && (declaring.Assembly == typeof(ICognitoUserGrain).Assembly || declaring == typeof(ISessionOwner));
}
