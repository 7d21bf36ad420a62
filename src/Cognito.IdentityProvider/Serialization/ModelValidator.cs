using System.Text.RegularExpressions;
using Cognito.IdentityProvider.Errors;

namespace Cognito.IdentityProvider.Serialization;

/// <summary>
/// Checks a request against the model's constraints (required, length, range, pattern) before it
/// leaves, so bad input fails fast with the error Cognito itself would give:
/// <see cref="InvalidParameterException"/>. Messages name the member, never its value.
/// </summary>
internal sealed class ModelValidator
{
    private readonly string _operation;
    private readonly string _prefix;

    public ModelValidator(string operation)
        : this(operation, string.Empty)
    {
    }

    private ModelValidator(string operation, string prefix)
    {
        _operation = operation;
        _prefix = prefix;
    }

    public void Required(string member, object? value)
    {
        if (value is null)
        {
            throw Fail(member, "is required");
        }
    }

    public void String(string member, string? value, int min, int max, Regex? pattern)
    {
        if (value is null)
        {
            return;
        }

        // The model counts characters (code points), not UTF-16 units.
        var length = value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 ? value.Length : value.EnumerateRunes().Count();

        if (length < min)
        {
            throw Fail(member, min == 1 ? "must not be empty" : $"must have at least {min} characters");
        }

        if (length > max)
        {
            throw Fail(member, $"must have at most {max} characters");
        }

        // The generated patterns are anchored (\A...\z), so IsMatch judges the whole value as AWS does.
        // .NET's regex sees a character outside the BMP as two surrogate halves (category Cs) where
        // the model's Java-style patterns see one code point, so such text is left to Cognito.
        if (pattern is not null && length == value.Length && !pattern.IsMatch(value))
        {
            throw Fail(member, "does not match the pattern the API requires");
        }
    }

    public void Number(string member, long? value, long min, long max)
    {
        if (value is { } number && (number < min || number > max))
        {
            throw Fail(member, $"must be between {min} and {max}");
        }
    }

    public void Count(string member, int? count, int min, int max)
    {
        if (count is { } n && (n < min || n > max))
        {
            throw Fail(member, $"must have between {min} and {max} entries");
        }
    }

    public void Nested(string member, Action<ModelValidator> validate)
    {
        ArgumentNullException.ThrowIfNull(validate);
        validate(new ModelValidator(_operation, _prefix + member + "."));
    }

    private InvalidParameterException Fail(string member, string problem) =>
        new($"{_operation}: {_prefix}{member} {problem} (checked before sending).");
}
