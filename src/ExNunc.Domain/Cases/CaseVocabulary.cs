using System.Collections.Frozen;

namespace ExNunc.Domain.Cases;

/// <summary>The closed value sets of the interchange format, version 1. A value outside them is an error.</summary>
public static class CaseVocabulary
{
    public static readonly FrozenSet<string> Sex = Set("male", "female", "other");
    public static readonly FrozenSet<string> Fitness = Set("A", "B", "V", "G", "D", "unknown");
    public static readonly FrozenSet<string> ServiceKind = Set("conscript", "contract", "mobilised");
    public static readonly FrozenSet<string> MilitaryStatus = Set(
        "civilian", "conscript", "contract", "mobilised", "deserted", "awol", "surrendered", "pow", "discharged");
    public static readonly FrozenSet<string> SummonsKind = Set("paper", "electronic", "verbal");
    public static readonly FrozenSet<string> SummonsPurpose = Set("mobilisation", "conscription", "data-check", "unknown");
    public static readonly FrozenSet<string> SummonsServed = Set("personally", "relative", "deemed", "not-served", "unknown");
    public static readonly FrozenSet<string> ProceedingKind = Set("administrative", "criminal", "search", "blocking", "travel-ban");
    public static readonly FrozenSet<string> ProceedingStatus = Set(
        "opened", "charged", "wanted", "convicted", "fined", "acquitted", "blocked", "unknown");
    public static readonly FrozenSet<string> ActivityKind = Set(
        "blog", "telegram-channel", "social-media", "protest", "journalism", "ngo", "donation", "petition", "other");
    public static readonly FrozenSet<string> ObjectionBasis = Set("religious", "moral", "political", "none");
    public static readonly FrozenSet<string> Documents = Set("foreign-passport", "internal-passport", "none");
    public static readonly FrozenSet<string> ExitBan = Set("yes", "no", "unknown");
    public static readonly FrozenSet<string> WhereaboutsStatus = Set(
        "in-origin", "transit", "visa", "asylum-pending", "asylum-rejected", "appeal", "protected", "residence", "irregular");
    public static readonly FrozenSet<string> ApplicationKind = Set("asylum", "humanitarian-visa", "national-visa", "residence", "other");
    public static readonly FrozenSet<string> ApplicationDecision = Set(
        "pending", "granted", "refugee-status", "subsidiary-protection", "national-protection", "rejected", "inadmissible", "withdrawn", "unknown");
    public static readonly FrozenSet<string> EvidenceKind = Set(
        "summons", "court-document", "police-document", "article", "screenshot", "video", "livestream", "chat", "medical", "identity", "other");
    /// <summary>The sections an evidence item can support (<c>proves</c>).</summary>
    public static readonly FrozenSet<string> Sections = Set(
        "person", "military", "summonses", "desertion", "proceedings", "activity", "objection", "departure",
        "exit_ban", "whereabouts", "applications");

    /// <summary>The value that means "unknown" inside an enumerated field; the engine treats it as a missing fact.</summary>
    public const string Unknown = "unknown";

    private static FrozenSet<string> Set(params string[] values) => values.ToFrozenSet(StringComparer.Ordinal);
}
