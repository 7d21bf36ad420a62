using Cognito.Testing.SrpFront;
using Microsoft.Extensions.Time.Testing;

namespace Cognito.IdentityProvider.Tests.Authentication;

/// <summary>
/// An SRP front whose clock is a <see cref="FakeTimeProvider"/> that tests move to single-digit
/// days of a month (where "07"-style TIMESTAMP bugs show), in the past so that cognito-local's
/// real tokens are still unexpired for it.
/// </summary>
public sealed class SingleDigitDayFrontFixture : SrpFrontFixture
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));

    protected override SrpFrontOptions FrontOptions => new() { TimeProvider = Clock };
}

/// <summary>Tests in this collection share one cognito-local and one front on a fake clock.</summary>
[CollectionDefinition(Name)]
public sealed class SingleDigitDayFrontCollection : ICollectionFixture<SingleDigitDayFrontFixture>
{
    public const string Name = "srp-front-single-digit-day";
}
