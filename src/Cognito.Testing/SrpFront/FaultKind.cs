namespace Cognito.Testing.SrpFront;

/// <summary>The failures <see cref="FrontFaults"/> can inject, as a set.</summary>
[Flags]
public enum FaultKind
{
    /// <summary>No fault.</summary>
    None = 0,

    /// <summary>HTTP 500 with Cognito's <c>InternalErrorException</c>.</summary>
    InternalError = 1,

    /// <summary>A bare HTTP 500 naming no error (a proxy's or a load balancer's).</summary>
    BareServerError = 2,

    /// <summary>A bare HTTP 503.</summary>
    ServiceUnavailable = 4,

    /// <summary><c>TooManyRequestsException</c>, as Cognito throttles: HTTP 400 and an AWS-shaped body.</summary>
    Throttle = 8,

    /// <summary>The connection is aborted before any answer.</summary>
    ConnectionReset = 16,

    /// <summary>The request is held for <see cref="FrontFaults.HoldFor"/> (past the caller's attempt timeout), then the connection is aborted.</summary>
    Timeout = 32,

    /// <summary>The request is served, but only after <see cref="FrontFaults.SlowBy"/>.</summary>
    Slow = 64,

    /// <summary>Every failure that ends the call (all but <see cref="Slow"/>).</summary>
    Failures = InternalError | BareServerError | ServiceUnavailable | Throttle | ConnectionReset | Timeout,

    /// <summary>Every kind of fault.</summary>
    All = Failures | Slow,
}
