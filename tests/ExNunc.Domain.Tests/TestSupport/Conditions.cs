using ExNunc.Domain.Cases;
using ExNunc.Domain.Rules;
using NodaTime;

namespace ExNunc.Domain.Tests.TestSupport;

/// <summary>Compiles and evaluates conditions against <see cref="FakeKbFacts"/>, failing the test on compile errors.</summary>
internal static class Conditions
{
    public static readonly LocalDate DefaultAsOf = new(2025, 6, 1);

    public static CompiledCondition Compile(string text, string? forEach = null)
    {
        var (condition, errors) = ConditionCompiler.Compile(text, FakeKbFacts.Resolve, forEach);
        Assert.True(condition is not null, $"'{text}' does not compile: {string.Join("; ", errors)}");
        return condition;
    }

    public static IReadOnlyList<ConditionError> Errors(string text, string? forEach = null)
    {
        var (condition, errors) = ConditionCompiler.Compile(text, FakeKbFacts.Resolve, forEach);
        Assert.True(condition is null == errors.Count > 0, "A compile must give either a condition or errors.");
        return errors;
    }

    public static ConditionError SingleError(string text, string? forEach = null)
    {
        var errors = Errors(text, forEach);
        Assert.True(errors.Count == 1, $"Expected one error for '{text}', got: {string.Join("; ", errors)}");
        return errors[0];
    }

    public static EvalContext Context(CaseFile c, LocalDate? asOf = null, string destination = "DE") =>
        new(c, asOf ?? DefaultAsOf, destination, FakeKbFacts.Instance);

    public static Tri Eval(string text, CaseFile c, LocalDate? asOf = null, string destination = "DE") =>
        Compile(text).Evaluate(Context(c, asOf, destination));
}
