using System.Collections.Immutable;
using System.Text;
using ExNunc.Search.Importing;
using Lucene.Net.Util;

namespace ExNunc.Search.Indexing;

/// <summary>
/// A passage as a hit shows it: its document's metadata, its position and its text, serialised
/// compactly (UTF-8 strings with length prefixes, a flag before each optional value) into one binary
/// doc value.
/// </summary>
internal sealed record StoredPassage(
    string DocumentId,
    PassageSource Source,
    string Title,
    string Format,
    string? Publisher,
    string? Url,
    string? Published,
    ImmutableArray<string> Countries,
    ResearchKind? Kind,
    string? FileName,
    string? KbId,
    int Ordinal,
    int PassageCount,
    int? Page,
    int? Line,
    string? Section,
    ResearchLanguage Language,
    string Text)
{
    private const byte Version = 1;

    public static byte[] Encode(IndexedDocument d, Passage p)
    {
        using var buffer = new MemoryStream(p.Text.Length * 2 + 256);
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Version);
            w.Write(d.Id);
            w.Write((byte)d.Source);
            w.Write(d.Title);
            w.Write(d.Format);
            Optional(w, d.Publisher);
            Optional(w, d.Url);
            Optional(w, d.Published);
            w.Write7BitEncodedInt(d.Countries.Count);
            foreach (var c in d.Countries) w.Write(c);
            w.Write(d.Kind is { } k ? (byte)(k + 1) : (byte)0);
            Optional(w, d.FileName);
            Optional(w, d.KbId);
            w.Write7BitEncodedInt(p.Ordinal);
            w.Write7BitEncodedInt(d.PassageCount);
            w.Write7BitEncodedInt(p.Page ?? 0);
            w.Write7BitEncodedInt(p.Line ?? 0);
            Optional(w, p.Section);
            w.Write((byte)p.Language);
            w.Write(p.Text);
        }
        return buffer.ToArray();
    }

    public static StoredPassage Decode(BytesRef bytes)
    {
        using var stream = new MemoryStream(bytes.Bytes, bytes.Offset, bytes.Length, writable: false);
        using var r = new BinaryReader(stream, Encoding.UTF8);
        if (r.ReadByte() != Version) throw new InvalidDataException("The research index was written by another version of ExNunc; run exnunc research reindex.");
        var id = r.ReadString();
        var source = (PassageSource)r.ReadByte();
        var title = r.ReadString();
        var format = r.ReadString();
        var publisher = Optional(r);
        var url = Optional(r);
        var published = Optional(r);
        var countries = ImmutableArray.CreateBuilder<string>();
        for (var n = r.Read7BitEncodedInt(); n > 0; n--) countries.Add(r.ReadString());
        var kind = r.ReadByte() is var k and > 0 ? (ResearchKind?)(k - 1) : null;
        var file = Optional(r);
        var kbId = Optional(r);
        var ordinal = r.Read7BitEncodedInt();
        var count = r.Read7BitEncodedInt();
        var page = r.Read7BitEncodedInt();
        var line = r.Read7BitEncodedInt();
        var section = Optional(r);
        var language = (ResearchLanguage)r.ReadByte();
        var text = r.ReadString();
        return new StoredPassage(id, source, title, format, publisher, url, published, countries.ToImmutable(), kind, file, kbId,
            ordinal, count, page == 0 ? null : page, line == 0 ? null : line, section, language, text);
    }

    private static void Optional(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null) w.Write(value);
    }

    private static string? Optional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;
}
