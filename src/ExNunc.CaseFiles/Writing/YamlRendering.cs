using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ExNunc.CaseFiles.Writing;

/// <summary>
/// Writes a laid-out case as block YAML through YamlDotNet's emitter, which escapes and quotes what
/// YAML syntax demands; <see cref="PlainText"/> adds the quoting that YAML's typing demands.
/// </summary>
internal static class YamlRendering
{
    // One value per line however long: line folding would make diffs of case files noisy.
    private static readonly EmitterSettings Settings = EmitterSettings.Default
        .WithBestIndent(2)
        .WithBestWidth(int.MaxValue)
        .WithIndentedSequences()
        .WithNewLine("\n");

    public static string Render(DocMap document)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(text, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, document);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Emit(IEmitter emitter, DocNode node)
    {
        switch (node)
        {
            case DocScalar scalar:
                emitter.Emit(Scalar(scalar));
                break;
            case DocList list:
                var listStyle = list.Flow || list.Items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block;
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, listStyle));
                foreach (var item in list.Items) Emit(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case DocMap map:
                var mapStyle = map.Fields.Count == 0 ? MappingStyle.Flow : MappingStyle.Block;
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, mapStyle));
                foreach (var (key, value) in map.Fields)
                {
                    emitter.Emit(new Scalar(key));
                    Emit(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown document node.");
        }
    }

    private static Scalar Scalar(DocScalar scalar)
    {
        var plain = scalar.Kind != ScalarKind.Text || PlainText.IsSafe(scalar.Value);
        return new Scalar(AnchorName.Empty, TagName.Empty, scalar.Value,
            plain ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted, isPlainImplicit: plain, isQuotedImplicit: true);
    }
}
