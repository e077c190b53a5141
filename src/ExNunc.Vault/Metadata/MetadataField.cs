namespace ExNunc.Vault.Metadata;

/// <summary>What a metadata field tells about a file's origin.</summary>
public enum MetadataCategory { Date, Device, Software, Location, Serial, Person }

/// <summary>
/// One metadata field found in an evidence file, e.g. Exif "GPS Latitude". <see cref="Dangerous"/> marks
/// what could identify or locate the person or their device: positions, device serial numbers, names of
/// authors and owners. Stored sealed with the evidence record.
/// </summary>
public sealed record MetadataField(string Group, string Name, string Value, MetadataCategory Category, bool Dangerous)
{
    public override string ToString() => $"{Group}: {Name} = {Value}";
}
