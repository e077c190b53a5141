using ExNunc.Domain.Knowledge;

namespace ExNunc.KnowledgeBase.Loading;

/// <summary>The names kb/ files use for entry kinds.</summary>
public static class KbNames
{
    public static string Of(EntryKind kind) => KbFileReader.KindNames[kind];
}
