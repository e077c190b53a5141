using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ExNunc.CaseFiles;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Diagnostics;
using ExNunc.Domain.Store;
using ExNunc.Vault.Crypto;
using ExNunc.Vault.Custody;
using ExNunc.Vault.Files;
using ExNunc.Vault.Keys;
using ExNunc.Vault.Metadata;
using NodaTime.Text;

namespace ExNunc.Vault.Cases;

public sealed partial class CaseVault
{
    /// <summary>
    /// Adds files to a case as new evidence items (<c>e1</c>, <c>e2</c>… after the last) with the given kind, title,
    /// date and sections they prove. Each file is streamed once: hashed, scanned for metadata and encrypted; a file
    /// identical to one already in the case is not added again (a warning names the item it duplicates).
    /// All files are added in one new version, or none.
    /// </summary>
    public async Task<Result<AddedEvidence>> AddEvidenceAsync(string reference, IReadOnlyList<NewEvidence> files, Act act, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(act);
        var problems = new List<Diagnostic>();
        foreach (var f in files)
        {
            if (f.Kind is { } kind && !CaseVocabulary.EvidenceKind.Contains(kind))
                problems.Add(new Diagnostic("value.enum", $"'{kind}' is not an evidence kind; expected one of: {string.Join(", ", CaseVocabulary.EvidenceKind.Order(StringComparer.Ordinal))}.", Field: "--kind"));
            foreach (var p in f.Proves ?? [])
                if (!CaseVocabulary.Sections.Contains(p))
                    problems.Add(new Diagnostic("value.enum", $"'{p}' is not a section of the case; expected one of: {string.Join(", ", CaseVocabulary.Sections.Order(StringComparer.Ordinal))}.", Field: "--proves"));
            var opened = SafePaths.OpenEvidence(f.Path, null, $"The file '{f.Path}'");
            if (opened.IsSuccess) await opened.Value.DisposeAsync().ConfigureAwait(false);
            else problems.AddRange(opened.Diagnostics);
        }
        if (problems.Count > 0) return Result<AddedEvidence>.Failure(problems.DistinctBy(d => d.Message));

        return await Write(async () =>
        {
            var opened = await Open(reference, null, cancellationToken).ConfigureAwait(false);
            if (!opened.IsSuccess) return Result<AddedEvidence>.Failure(opened.Diagnostics);
            using var o = opened.Value;
            var existing = await _store.ListEvidenceAsync(o.Stored.Id, cancellationToken).ConfigureAwait(false);
            var ingest = new Ingest(this, o.Keys, act.At, shareDuplicates: false, cancellationToken);
            foreach (var row in existing)
                ingest.Known(row, OpenEvidence(o.Keys, row)?.EvidenceIds ?? []);
            try
            {
                var items = (o.File.Evidence ?? ValueList<EvidenceItem>.Empty).ToList();
                var next = NextEvidenceNumber(items);
                var newItems = new List<EvidenceItem>();
                foreach (var f in files)
                {
                    var id = $"e{next}";
                    var file = UniqueFileName(items.Concat(newItems), Path.GetFileName(f.Path));
                    var added = ingest.Add(f.Path, null, $"The file '{f.Path}'", null, id, file);
                    if (!added.IsSuccess)
                    {
                        ingest.Discard();
                        return Result<AddedEvidence>.Failure(added.Diagnostics);
                    }
                    if (added.Value is null) continue;
                    next++;
                    newItems.Add(new EvidenceItem
                    {
                        Id = id,
                        Title = f.Title ?? Path.GetFileName(f.Path),
                        Kind = f.Kind,
                        Date = f.Date,
                        File = file,
                        Proves = f.Proves is { Count: > 0 } proves ? proves.ToValueList() : null,
                    });
                }
                if (newItems.Count == 0)
                    return Result<AddedEvidence>.Success(new AddedEvidence(reference, o.Stored.Version, [], ingest.Warnings));
                var updated = o.File with { Evidence = items.Concat(newItems).ToValueList() };
                var errors = CaseChecks.Check(updated, null).Where(d => d.Severity == Severity.Error).ToList();
                if (errors.Count > 0)
                {
                    ingest.Discard();
                    return Result<AddedEvidence>.Failure(errors);
                }
                var document = CaseFileWriter.WriteYaml(updated);
                var number = o.Stored.Version + 1;
                var version = SealVersion(o.Keys, number, act.At,
                    new VersionPayload(document, act.Actor, "evidence add", YamlPatch.ChangedFields(o.Version.Document, document), StatusName(o.Stored.Status)));
                var (custody, head, length) = AppendCustody(o.Keys, o.Stored.CustodyLength, HeadHash(o.Keys, o.Stored), act,
                    ingest.Items.Select(i => (CustodyAction.Added, (string?)i.EvidenceId, (string?)i.Sha256, (string?)$"added as {i.File}")));
                var stored = o.Stored with { Updated = act.At, Version = number, CustodyLength = length, SealedCustodyHead = head };
                var commit = await _store.CommitAsync(new CaseChange(stored, o.Stored.Version, o.Stored.CustodyLength, null, version, ingest.Records(), custody), cancellationToken).ConfigureAwait(false);
                if (!commit.IsSuccess)
                {
                    ingest.Discard();
                    return Result<AddedEvidence>.Failure(commit.Diagnostics);
                }
                return Result<AddedEvidence>.Success(new AddedEvidence(reference, number, ingest.Items, ingest.Warnings));
            }
            catch
            {
                ingest.Discard();
                throw;
            }
        }, writesBlobs: true, cancellationToken).ConfigureAwait(false);
    }

    private static int NextEvidenceNumber(IEnumerable<EvidenceItem> items) =>
        items.Select(i => Regex.Match(i.Id, "^e([0-9]{1,9})$")).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max() + 1;

    /// <summary>A path <c>evidence/NAME</c> that no item uses yet, from the file's own name made safe.</summary>
    internal static string UniqueFileName(IEnumerable<EvidenceItem> items, string original)
    {
        var sb = new StringBuilder();
        foreach (var ch in original.Normalize())
            sb.Append(char.IsLetterOrDigit(ch) || ch is '.' or '-' or '_' ? ch : '-');
        var name = sb.ToString().Trim('.', '-');
        if (name.Length == 0) name = "file";
        if (name.Length > 100) name = name[^100..];
        var taken = items.Select(i => i.File).Where(f => f is not null).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var stem = Path.GetFileNameWithoutExtension(name);
        var ext = Path.GetExtension(name);
        var candidate = "evidence/" + name;
        for (var n = 2; taken.Contains(candidate); n++) candidate = $"evidence/{stem}-{n}{ext}";
        return candidate;
    }

    /// <summary>The evidence items of a case, each with its stored file (if it has one) and metadata.</summary>
    public async Task<Result<IReadOnlyList<EvidenceView>>> ListEvidenceAsync(string reference, CancellationToken cancellationToken = default)
    {
        var opened = await Open(reference, null, cancellationToken).ConfigureAwait(false);
        if (!opened.IsSuccess) return Result<IReadOnlyList<EvidenceView>>.Failure(opened.Diagnostics);
        using var o = opened.Value;
        var byId = await FilesById(o, cancellationToken).ConfigureAwait(false);
        return Result<IReadOnlyList<EvidenceView>>.Success(
            [.. (o.File.Evidence ?? ValueList<EvidenceItem>.Empty).Select(i => new EvidenceView(i, byId.GetValueOrDefault(i.Id).File))]);
    }

    /// <summary>One evidence item with all its metadata; recorded as viewed in the chain of custody.</summary>
    public async Task<Result<EvidenceView>> ShowEvidenceAsync(string reference, string evidenceId, Act act, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(act);
        return await Write(async () =>
        {
            var opened = await Open(reference, null, cancellationToken).ConfigureAwait(false);
            if (!opened.IsSuccess) return Result<EvidenceView>.Failure(opened.Diagnostics);
            using var o = opened.Value;
            var item = o.File.Evidence?.FirstOrDefault(e => e.Id == evidenceId);
            if (item is null) return Result<EvidenceView>.Failure([new Diagnostic("evidence.not-found", $"The case '{reference}' has no evidence item '{evidenceId}'.")]);
            var file = (await FilesById(o, cancellationToken).ConfigureAwait(false)).GetValueOrDefault(evidenceId).File;
            var (custody, head, length) = AppendCustody(o.Keys, o.Stored.CustodyLength, HeadHash(o.Keys, o.Stored), act,
                [(CustodyAction.Viewed, evidenceId, file?.Sha256, "metadata shown")]);
            var commit = await _store.CommitAsync(new CaseChange(o.Stored with { CustodyLength = length, SealedCustodyHead = head },
                o.Stored.Version, o.Stored.CustodyLength, null, null, [], custody), cancellationToken).ConfigureAwait(false);
            return commit.IsSuccess ? Result<EvidenceView>.Success(new EvidenceView(item, file)) : Result<EvidenceView>.Failure(commit.Diagnostics);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The chain of custody of a case, opened.</summary>
    public async Task<Result<IReadOnlyList<CustodyEntry>>> CustodyAsync(string reference, CancellationToken cancellationToken = default)
    {
        var opened = await Open(reference, null, cancellationToken).ConfigureAwait(false);
        if (!opened.IsSuccess) return Result<IReadOnlyList<CustodyEntry>>.Failure(opened.Diagnostics);
        using var o = opened.Value;
        var entries = new List<CustodyEntry>();
        var problems = CustodyChain.Verify(o.Keys, o.Stored, await _store.ListCustodyAsync(o.Stored.Id, cancellationToken).ConfigureAwait(false), entries).ToList();
        return problems.Count == 0
            ? Result<IReadOnlyList<CustodyEntry>>.Success(entries)
            : Result<IReadOnlyList<CustodyEntry>>.Failure(problems.Select(p => new Diagnostic("custody.broken", $"Case '{reference}': {p}.")));
    }

    private async Task<Dictionary<string, (StoredEvidence Row, StoredFile File)>> FilesById(OpenCase o, CancellationToken cancellationToken)
    {
        var map = new Dictionary<string, (StoredEvidence, StoredFile)>(StringComparer.Ordinal);
        foreach (var row in await _store.ListEvidenceAsync(o.Stored.Id, cancellationToken).ConfigureAwait(false))
        {
            if (OpenEvidence(o.Keys, row) is not { } p) continue;
            var file = ToFile(row, p);
            foreach (var id in p.EvidenceIds) map[id] = (row, file);
        }
        return map;
    }

    private static StoredFile ToFile(StoredEvidence row, EvidencePayload p) =>
        new(row.BlobId, p.EvidenceIds, p.Sha256, p.Length, p.OriginalName, p.MediaType,
            [.. p.Metadata.Select(m => new MetadataField(m.Group, m.Name, m.Value, Enum.Parse<MetadataCategory>(m.Category, ignoreCase: true), m.Dangerous))],
            p.Notes, row.Added);

    /// <summary>
    /// Writes the evidence files of a case, decrypted, into a new or empty directory at the paths the case names.
    /// With <paramref name="redact"/>, JPEG and PNG files lose their metadata (the picture is copied exactly) and
    /// the result lists what was removed; a file of another type that carries dangerous metadata is not exported
    /// (a warning says why). Each file exported is recorded in the chain of custody.
    /// </summary>
    public async Task<Result<ExportResult>> ExportEvidenceAsync(string reference, string directory, bool redact, Act act, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(act);
        return await Write(async () =>
        {
            var opened = await Open(reference, null, cancellationToken).ConfigureAwait(false);
            if (!opened.IsSuccess) return Result<ExportResult>.Failure(opened.Diagnostics);
            using var o = opened.Value;
            if (PrepareExportDirectory(directory) is { } bad) return Result<ExportResult>.Failure([bad]);
            return await ExportFiles(o, directory, redact, act, beforeCommit: null, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Result<ExportResult>> ExportFiles(OpenCase o, string directory, bool redact, Act act, Action? beforeCommit, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(directory);
        var byId = await FilesById(o, cancellationToken).ConfigureAwait(false);
        var done = new List<(ExportedFile File, string Part)>();
        var problems = new List<Diagnostic>();
        var warnings = new List<Diagnostic>();
        var name = o.Label.Reference;
        void Cleanup()
        {
            foreach (var (_, part) in done) File.Delete(part);
        }
        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in o.File.Evidence ?? ValueList<EvidenceItem>.Empty)
        {
            // Two items may name the same file (the same content, stored once): it is written once.
            if (item.File is null || !targets.Add(item.File)) continue;
            var what = $"case '{name}', evidence {item.Id} ('{item.File}')";
            if (!byId.TryGetValue(item.Id, out var stored))
            {
                problems.Add(new Diagnostic("evidence.missing", $"{what}: the vault holds no file for it."));
                continue;
            }
            var target = Path.GetFullPath(Path.Combine(root, item.File));
            if (!SafePaths.IsInside(root, target))
            {
                problems.Add(new Diagnostic("evidence.path", $"{what}: the path leaves the export directory."));
                continue;
            }
            if (redact && !Redactor.Supports(stored.File.MediaType) && stored.File.Metadata.Any(m => m.Dangerous))
            {
                warnings.Add(new Diagnostic("redact.unsupported",
                    $"{what} was not exported: it carries {Describe(stored.File.Metadata.Where(m => m.Dangerous))} and {stored.File.MediaType ?? "its format"} cannot be redacted.",
                    Severity: Severity.Warning));
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var part = target + ".exnunc-part";
            var removed = (IReadOnlyList<string>)[];
            IReadOnlyList<MetadataField> left = [];
            try
            {
                using (var blob = _blobs.OpenRead(o.Stored.Id, stored.Row.BlobId, o.Keys))
                using (var output = NewPrivateFile(part))
                {
                    if (redact && Redactor.Supports(stored.File.MediaType)) removed = Redactor.Strip(blob, output, stored.File.MediaType!);
                    else blob.CopyTo(output, 1 << 20);
                    // Authenticate to the last chunk even when the image ended earlier.
                    blob.CopyTo(Stream.Null, 1 << 20);
                    if (blob.Digest is not { } digest || digest.Sha256 != stored.File.Sha256)
                        throw new BlobIntegrityException("the decrypted file does not have the SHA-256 recorded when it was added");
                    output.Flush(flushToDisk: true);
                }
                if (redact && Redactor.Supports(stored.File.MediaType))
                {
                    using var check = File.OpenRead(part);
                    left = [.. MetadataScanner.Scan(check).Dangerous];
                    if (left.Count > 0) throw new RedactionException($"metadata is left after redaction: {Describe(left)}");
                }
                done.Add((new ExportedFile(item.Id, target, stored.File.Sha256, removed, left), part));
            }
            catch (Exception ex) when (ex is BlobIntegrityException or RedactionException or IOException)
            {
                File.Delete(part);
                var code = ex switch { BlobIntegrityException => "evidence.tampered", RedactionException => "redact.failed", _ => "export.io" };
                problems.Add(new Diagnostic(code, $"{what}, blob {stored.Row.BlobId}: {ex.Message}. Nothing was exported."));
            }
        }
        if (problems.Count > 0)
        {
            Cleanup();
            return Result<ExportResult>.Failure(problems);
        }
        try
        {
            beforeCommit?.Invoke();
        }
        catch
        {
            Cleanup();
            throw;
        }
        // The chain of custody records the export before the files get their names: no record, no export.
        var (custody, head, length) = AppendCustody(o.Keys, o.Stored.CustodyLength, HeadHash(o.Keys, o.Stored), act,
            done.Select(d => (CustodyAction.Exported, (string?)d.File.EvidenceId, (string?)d.File.Sha256,
                (string?)(redact ? (d.File.Removed.Count == 0 ? "exported redacted: nothing to remove" : "exported redacted: removed " + string.Join("; ", d.File.Removed)) : "exported"))));
        if (done.Count > 0)
        {
            var commit = await _store.CommitAsync(new CaseChange(o.Stored with { CustodyLength = length, SealedCustodyHead = head },
                o.Stored.Version, o.Stored.CustodyLength, null, null, [], custody), cancellationToken).ConfigureAwait(false);
            if (!commit.IsSuccess)
            {
                Cleanup();
                return Result<ExportResult>.Failure(commit.Diagnostics);
            }
        }
        foreach (var (file, part) in done) File.Move(part, file.Path);
        return Result<ExportResult>.Success(new ExportResult(root, null, [.. done.Select(d => d.File)], warnings));
    }

    /// <summary>The dangerous metadata in words: "a GPS position, a device serial number".</summary>
    public static string Describe(IEnumerable<MetadataField> fields) =>
        string.Join(", ", fields.Select(f => f.Category switch
        {
            MetadataCategory.Location => "a GPS position",
            MetadataCategory.Serial => "a device serial number",
            MetadataCategory.Person => "a person's name",
            _ => f.Name,
        }).Distinct(StringComparer.Ordinal));

    private static FileStream NewPrivateFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 1 << 16 };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, options);
    }

    /// <summary>
    /// Re-checks everything of one case or of all: each case key, each version, each stored file (every chunk
    /// authenticated, the SHA-256 recomputed and compared), each custody entry (hash chain, seal, head), and that
    /// the case and its files agree. Every problem names the case and exactly which item, chunk or entry is wrong.
    /// Changes nothing.
    /// </summary>
    public async Task<Result<VerifyReport>> VerifyAsync(string? reference, CancellationToken cancellationToken = default)
    {
        return await Write(async () =>
        {
            IReadOnlyList<StoredCase> cases;
            if (reference is null) cases = await _store.ListCasesAsync(new CaseQuery(), cancellationToken).ConfigureAwait(false);
            else
            {
                var one = await _store.FindCaseAsync(_keys.ReferenceIndex(reference), cancellationToken).ConfigureAwait(false);
                if (one is null) return NotFound<VerifyReport>(reference);
                cases = [one];
            }
            var problems = new List<Diagnostic>();
            var heads = new List<(string, long, string)>();
            int files = 0;
            long bytes = 0, entries = 0;
            foreach (var stored in cases.OrderBy(c => c.Id, StringComparer.Ordinal))
            {
                var keys = await KeysOf(stored, reference ?? stored.Id, cancellationToken).ConfigureAwait(false);
                if (!keys.IsSuccess)
                {
                    problems.AddRange(keys.Diagnostics);
                    continue;
                }
                using var k = keys.Value;
                var name = OpenLabel(k, stored)?.Reference;
                if (name is null) problems.Add(new Diagnostic("case.damaged", $"Case {stored.Id}: its reference does not open under its key (altered)."));
                var what = $"Case '{name ?? stored.Id}'";

                VersionPayload? current = null;
                foreach (var row in await _store.ListVersionsAsync(stored.Id, cancellationToken).ConfigureAwait(false))
                {
                    var p = OpenVersion(k, row);
                    if (p is null || !CaseFileReader.Read("v", p.Document, null).IsSuccess)
                        problems.Add(new Diagnostic("case.version-damaged", $"{what}, version {row.Version}: it does not open under the case key or does not read as a case (altered)."));
                    if (row.Version == stored.Version) current = p;
                }
                var items = current is null ? null : CaseFileReader.Read("v", current.Document, null) is { IsSuccess: true } r ? r.Value.Evidence : null;

                var listed = new HashSet<string>(StringComparer.Ordinal);
                foreach (var row in await _store.ListEvidenceAsync(stored.Id, cancellationToken).ConfigureAwait(false))
                {
                    files++;
                    var p = OpenEvidence(k, row);
                    if (p is null)
                    {
                        problems.Add(new Diagnostic("evidence.record-damaged", $"{what}, blob {row.BlobId}: its evidence record does not open under the case key (altered)."));
                        continue;
                    }
                    listed.UnionWith(p.EvidenceIds);
                    var item = $"{what}, evidence {string.Join("/", p.EvidenceIds)} ('{p.OriginalName}', blob {row.BlobId})";
                    if (!_blobs.Exists(stored.Id, row.BlobId))
                    {
                        problems.Add(new Diagnostic("evidence.missing", $"{item}: the encrypted file is missing from the blob store."));
                        continue;
                    }
                    try
                    {
                        using var blob = _blobs.OpenRead(stored.Id, row.BlobId, k);
                        blob.CopyTo(Stream.Null, 1 << 20);
                        var digest = blob.Digest!.Value;
                        bytes += digest.Length;
                        if (digest.Sha256 != p.Sha256 || digest.Length != p.Length)
                            problems.Add(new Diagnostic("evidence.hash-mismatch", $"{item}: its SHA-256 is now {digest.Sha256}, not {p.Sha256} as recorded when it was added."));
                        else if (!k.ContentIndex(Convert.FromHexString(p.Sha256)).AsSpan().SequenceEqual(row.ContentIndex.AsSpan()))
                            problems.Add(new Diagnostic("evidence.record-damaged", $"{item}: its duplicate index does not match its content (altered)."));
                    }
                    catch (BlobIntegrityException ex)
                    {
                        problems.Add(new Diagnostic("evidence.tampered", $"{item}: {ex.Message}."));
                    }
                }
                foreach (var e in items ?? ValueList<EvidenceItem>.Empty)
                    if (e.File is not null && !listed.Contains(e.Id))
                        problems.Add(new Diagnostic("evidence.missing", $"{what}, evidence {e.Id} ('{e.File}'): the case names a file but the vault has no record of it."));

                var custody = await _store.ListCustodyAsync(stored.Id, cancellationToken).ConfigureAwait(false);
                entries += custody.Count;
                var opened = new List<CustodyEntry>();
                foreach (var p in CustodyChain.Verify(k, stored, custody, opened))
                    problems.Add(new Diagnostic("custody.broken", $"{what}: {p}."));
                heads.Add((name ?? stored.Id, custody.Count, custody.Count == 0 ? "" : Convert.ToHexStringLower(custody[^1].Hash.AsSpan())));
            }
            return Result<VerifyReport>.Success(new VerifyReport(cases.Count, files, bytes, entries, problems, heads));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Streams files into blobs of one case, remembering what it wrote so a failure can take it back.</summary>
    private sealed class Ingest(CaseVault vault, CaseKeys keys, NodaTime.Instant at, bool shareDuplicates, CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, (string BlobId, List<string> Ids, EvidencePayload Payload, ImmutableArray<byte> Index)> _bySha = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyList<string>> _known = new(StringComparer.Ordinal);
        private readonly List<string> _written = [];

        public List<AddedItem> Items { get; } = [];
        public List<Diagnostic> Warnings { get; } = [];

        public void Known(StoredEvidence row, IReadOnlyList<string> ids) => _known[Convert.ToHexString(row.ContentIndex.AsSpan())] = ids;

        /// <summary>The item added; null (with a warning) for a duplicate that is not added; a failure for a file that cannot be read.</summary>
        public Result<AddedItem?> Add(string path, string? folder, string what, string? field, string evidenceId, string file)
        {
            var opened = SafePaths.OpenEvidence(path, folder, what, field);
            if (!opened.IsSuccess) return Result<AddedItem?>.Failure(opened.Diagnostics);
            using var stream = opened.Value;
            var scan = MetadataScanner.Scan(stream);
            var blobId = Ids.New('b');
            _written.Add(blobId);
            var digest = vault._blobs.Write(keys.CaseId, blobId, stream, keys, cancellationToken);
            var sha = digest.Sha256Hex;
            var index = keys.ContentIndex(digest.Sha256);
            if (_known.TryGetValue(Convert.ToHexString(index.AsSpan()), out var ids) || (!shareDuplicates && _bySha.TryGetValue(sha, out var batch) && (ids = batch.Ids) is not null))
            {
                vault._blobs.Delete(keys.CaseId, blobId);
                Warnings.Add(new Diagnostic("evidence.duplicate", $"{what} is identical to evidence {string.Join("/", ids)} already in the case (SHA-256 {sha}); it was not added again.", Severity: Severity.Warning));
                return Result<AddedItem?>.Success(null);
            }
            var fields = scan.Fields.Select(m => new MetadataFieldPayload(m.Group, m.Name, m.Value, m.Category.ToString().ToLowerInvariant(), m.Dangerous)).ToList();
            if (_bySha.TryGetValue(sha, out var same))
            {
                vault._blobs.Delete(keys.CaseId, blobId);
                same.Ids.Add(evidenceId);
                Warnings.Add(new Diagnostic("evidence.duplicate", $"{what} is identical to evidence {same.Ids[0]}; the file is stored once.", Severity: Severity.Warning));
            }
            else
            {
                _bySha[sha] = (blobId, [evidenceId], new EvidencePayload([], sha, digest.PlaintextLength, Path.GetFileName(path), scan.MediaType, fields, scan.Notes), index);
            }
            var item = new AddedItem(evidenceId, file, sha, digest.PlaintextLength, scan.Fields, scan.Notes);
            Items.Add(item);
            return Result<AddedItem?>.Success(item);
        }

        public ImmutableArray<StoredEvidence> Records() =>
            [.. _bySha.Values.Select(v => new StoredEvidence(keys.CaseId, v.BlobId, v.Index, at, SealEvidence(keys, v.BlobId, v.Payload with { EvidenceIds = v.Ids })))];

        public void Discard()
        {
            foreach (var b in _written) vault._blobs.Delete(keys.CaseId, b);
        }
    }
}
