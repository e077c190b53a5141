using ExNunc.CaseFiles.Writing;
using ExNunc.Domain.Cases;

namespace ExNunc.CaseFiles;

/// <summary>
/// Writes a case in the interchange format, version 1: fields in the contract's order, unknown
/// (null) fields left out, dates in ISO form. The output is deterministic and reads back through
/// <see cref="CaseFileReader"/> to an equal <see cref="CaseFile"/>.
/// </summary>
public static class CaseFileWriter
{
    public static string WriteYaml(CaseFile c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return YamlRendering.Render(CaseLayout.Of(c));
    }

    public static string WriteJson(CaseFile c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return JsonRendering.Render(CaseLayout.Of(c));
    }
}
