using System.Text.RegularExpressions;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Diagnostics;
using ExNunc.KnowledgeBase.Yaml;

namespace ExNunc.CaseFiles.Reading;

/// <summary>Reads the top level of a case document: the format version, the id and every section.</summary>
internal static partial class CaseDocument
{
    public const string VersionField = "exnunc";

    [GeneratedRegex("^[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CaseId();

    /// <summary>
    /// The diagnostic that stops reading when the document is of a later format version: its fields
    /// are not ours to judge. Null when reading may go on (a bad or missing version is reported in the sink).
    /// </summary>
    public static Diagnostic? UnsupportedVersion(YamlMap root)
    {
        var version = root.Int(VersionField, required: true);
        if (version > CaseFile.CurrentFormat)
            return new Diagnostic("format.unsupported-version",
                $"This is an unsupported version: case format version {version}; this program reads version {CaseFile.CurrentFormat}.",
                root.LocationOf(VersionField), VersionField);
        if (version < CaseFile.CurrentFormat)
            root.Error(VersionField, "format.version", $"'{VersionField}' must be the format version, {CaseFile.CurrentFormat}.");
        return null;
    }

    public static CaseFile Read(YamlMap root)
    {
        var id = root.String("id", required: true);
        if (id is not null && !CaseId().IsMatch(id))
            root.Error("id", "value.id", $"The case id '{id}' may contain only lower-case letters a-z, digits and '-'.");
        var c = new CaseFile
        {
            Id = id ?? "",
            Person = root.Section("person", CaseSections.Person),
            Military = root.Section("military", CaseSections.Military),
            Summonses = root.Items("summonses", CaseListItems.Summons, new Summons()),
            Desertion = root.Section("desertion", CaseSections.Desertion),
            Proceedings = root.Items("proceedings", CaseListItems.Proceeding, new Proceeding()),
            Activity = root.Items("activity", CaseListItems.Activity, new Activity()),
            Objection = root.Section("objection", CaseSections.Objection),
            Departure = root.Section("departure", CaseSections.Departure),
            ExitBan = root.Symbol("exit_ban", CaseVocabulary.ExitBan),
            Whereabouts = root.Section("whereabouts", CaseSections.Whereabouts),
            Applications = root.Items("applications", CaseListItems.Application, new Application()),
            Evidence = root.Items("evidence", CaseListItems.EvidenceItem, new EvidenceItem { Id = "" }),
        };
        root.Finish();
        return c;
    }
}
