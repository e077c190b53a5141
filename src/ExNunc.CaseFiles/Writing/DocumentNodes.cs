namespace ExNunc.CaseFiles.Writing;

/// <summary>
/// A case laid out for writing: fields in the contract's order, nulls already left out, each scalar
/// tagged with what it is so that YAML and JSON can each write it in their own way.
/// </summary>
internal abstract record DocNode;

internal enum ScalarKind
{
    /// <summary>Free text or a symbol; quoted wherever YAML would read it as anything but that text.</summary>
    Text,
    Number,
    Boolean,
    /// <summary>An ISO date, a plain scalar in YAML and a string in JSON.</summary>
    Date,
}

internal sealed record DocScalar(string Value, ScalarKind Kind) : DocNode;

/// <summary>A list; <see cref="Flow"/> writes it on one line, <c>[RU, KZ]</c>, in YAML.</summary>
internal sealed record DocList(IReadOnlyList<DocNode> Items, bool Flow) : DocNode;

internal sealed record DocMap(IReadOnlyList<KeyValuePair<string, DocNode>> Fields) : DocNode;
