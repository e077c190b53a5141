using ExNunc.Domain.Calendar;
using ExNunc.Domain.Rules;
using NodaTime;

namespace ExNunc.Domain.Tests.TestSupport;

/// <summary>
/// A hand-written knowledge base for conditions: one parameter whose value changes on 2024-01-01
/// (27, then 30), one entry that applies from 2023-02-24, one entry that always
/// applies, and the groups EU (DE, FI) and INT (everything).
/// </summary>
internal sealed class FakeKbFacts : IKbFacts
{
    public const string AgeLimit = "ru-conscription-age-limit";
    public const string NewLaw = "ru-fz-127-2023";
    public const string OldEntry = "rc51-art1a2";
    public const string Eu = "EU";

    public static readonly FakeKbFacts Instance = new();

    private static readonly ValidityPeriod NewLawPeriod = new(new PartialDate(2023, 2, 24), null);

    public static ConditionCompiler.KbRefKind Resolve(string id) => id switch
    {
        AgeLimit => ConditionCompiler.KbRefKind.Parameter,
        NewLaw or OldEntry => ConditionCompiler.KbRefKind.Entry,
        Eu or "INT" => ConditionCompiler.KbRefKind.Group,
        _ => ConditionCompiler.KbRefKind.None,
    };

    public decimal? Parameter(string id, LocalDate date) =>
        id == AgeLimit ? (date < new LocalDate(2024, 1, 1) ? 27 : 30) : null;

    public bool Applies(string id, LocalDate date) => id switch
    {
        NewLaw => NewLawPeriod.Contains(date),
        OldEntry => true,
        _ => false,
    };

    public bool InGroup(string code, string group) => group switch
    {
        Eu => code is "DE" or "FI",
        "INT" => true,
        _ => false,
    };
}
