using System.Collections.Immutable;
using ExNunc.CaseFiles;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Diagnostics;
using ExNunc.Domain.Store;
using ExNunc.Vault.Crypto;
using ExNunc.Vault.Files;
using ExNunc.Vault.Keys;

namespace ExNunc.Vault.Cases;

public sealed partial class CaseVault
{
    /// <summary>The largest case document accepted (the evidence files beside it have no limit).</summary>
    public const int MaxCaseFileBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Imports a case file in the interchange format with the evidence files it names (relative to it, inside its
    /// folder). Everything is checked first — the document, every evidence path — and all problems are reported
    /// together; then the files are encrypted into the vault and the case committed in one transaction.
    /// </summary>
    public async Task<Result<ImportedCase>> ImportAsync(string path, ICaseCatalog? catalog, Act act, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(act);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            return Result<ImportedCase>.Failure([new Diagnostic("case.file-not-found", $"The case file '{path}' does not exist.")]);
        if (new FileInfo(full).Length > MaxCaseFileBytes)
            return Result<ImportedCase>.Failure([new Diagnostic("case.too-large", $"The case file '{path}' is larger than {MaxCaseFileBytes / (1024 * 1024)} MiB; evidence belongs in files beside it.")]);
        var text = await File.ReadAllTextAsync(full, cancellationToken).ConfigureAwait(false);
        var read = CaseFileReader.Read(path, text, catalog);
        if (!read.IsSuccess) return Result<ImportedCase>.Failure(read.Diagnostics);
        var c = read.Value;
        var format = text.TrimStart().StartsWith('{') ? "json" : "yaml";

        var folder = Path.GetDirectoryName(full)!;
        var files = (c.Evidence ?? ValueList<EvidenceItem>.Empty)
            .Select((item, i) => (item, i))
            .Where(x => x.item.File is not null)
            .Select(x => (x.item.Id, File: x.item.File!, Path: Path.Combine(folder, x.item.File!), What: $"evidence[{x.i}].file '{x.item.File}'", Field: $"evidence[{x.i}].file"))
            .ToList();
        var problems = new List<Diagnostic>();
        foreach (var f in files)
        {
            var opened = SafePaths.OpenEvidence(f.Path, folder, f.What, f.Field);
            if (opened.IsSuccess) await opened.Value.DisposeAsync().ConfigureAwait(false);
            else problems.AddRange(opened.Diagnostics.Select(d => d with { Location = new SourceLocation(path, 1, 1) }));
        }
        if (problems.Count > 0) return Result<ImportedCase>.Failure(problems);

        return await Write(async () =>
        {
            var referenceIndex = _keys.ReferenceIndex(c.Id);
            if (await _store.FindCaseAsync(referenceIndex, cancellationToken).ConfigureAwait(false) is not null)
                return Result<ImportedCase>.Failure([new Diagnostic("case.exists", $"A case '{c.Id}' is already in the store; change it with 'exnunc case edit {c.Id}'. Nothing was imported.")]);
            var caseId = Ids.New('c');
            using var keys = new CaseKeys(caseId, _keys.StoreId, Secret.Random(32));
            var ingest = new Ingest(this, keys, act.At, shareDuplicates: true, cancellationToken);
            try
            {
                foreach (var f in files)
                {
                    var added = ingest.Add(f.Path, folder, f.What, f.Field, f.Id, f.File);
                    if (!added.IsSuccess) return Result<ImportedCase>.Failure(added.Diagnostics);
                }
                var document = CaseFileWriter.WriteYaml(c);
                var version = SealVersion(keys, 1, act.At, new VersionPayload(document, act.Actor, "import", [], StatusName(CaseStatus.Open)));
                var (custody, head, length) = AppendCustody(keys, 0, Custody.CustodyChain.Genesis, act,
                    ingest.Items.Select(i => (CustodyAction.Added, (string?)i.EvidenceId, (string?)i.Sha256, (string?)$"imported from {Path.GetFileName(i.File)}")));
                var label = new LabelPayload(c.Id, format);
                var stored = new StoredCase(caseId, referenceIndex, CaseStatus.Open, CaseIndexing.Destinations(c), act.At, act.At, 1, length, SealLabel(keys, label), head);
                var commit = await _store.CommitAsync(new CaseChange(stored, 0, 0, _keys.Wrap(caseId, keys.DataKey), version, ingest.Records(), custody), cancellationToken).ConfigureAwait(false);
                if (!commit.IsSuccess)
                {
                    ingest.Discard();
                    return Result<ImportedCase>.Failure(commit.Diagnostics);
                }
                return Result<ImportedCase>.Success(new ImportedCase(Summary(stored, label), ingest.Items, ingest.Warnings));
            }
            catch
            {
                ingest.Discard();
                throw;
            }
        }, writesBlobs: files.Count > 0, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The cases that match the query, newest change first, with their references opened.</summary>
    public async Task<Result<IReadOnlyList<CaseSummary>>> ListAsync(CaseQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await _store.ListCasesAsync(query, cancellationToken).ConfigureAwait(false);
        var keys = (await _store.ListCaseKeysAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(k => k.CaseId, StringComparer.Ordinal);
        // Each case has its own key to unwrap and label to open: spread over the cores.
        var labels = new LabelPayload?[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            using var dataKey = keys.TryGetValue(rows[i].Id, out var k) ? _keys.Unwrap(k) : null;
            if (dataKey is null) return;
            using var caseKeys = new CaseKeys(rows[i].Id, _keys.StoreId, Secret.Copy(dataKey.Span));
            labels[i] = OpenLabel(caseKeys, rows[i]);
        });
        var list = new List<CaseSummary>(rows.Count);
        var problems = new List<Diagnostic>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (labels[i] is { } label) list.Add(Summary(rows[i], label));
            else problems.Add(new Diagnostic("case.damaged", $"The case stored as {rows[i].Id} does not open under its key; run 'exnunc evidence verify'.", Severity: Severity.Warning));
        }
        return Result<IReadOnlyList<CaseSummary>>.Success(list, problems);
    }

    /// <summary>A case as of its current version, or of <paramref name="version"/>.</summary>
    public async Task<Result<OpenedCase>> ShowAsync(string reference, int? version = null, CancellationToken cancellationToken = default)
    {
        var opened = await Open(reference, version, cancellationToken).ConfigureAwait(false);
        if (!opened.IsSuccess) return Result<OpenedCase>.Failure(opened.Diagnostics);
        using var o = opened.Value;
        return Result<OpenedCase>.Success(new OpenedCase(Summary(o.Stored, o.Label), version ?? o.Stored.Version, o.File, o.Version.Document));
    }

    /// <summary>Every version of a case: when, by whom, why and which fields changed.</summary>
    public async Task<Result<IReadOnlyList<VersionInfo>>> HistoryAsync(string reference, CancellationToken cancellationToken = default)
    {
        var opened = await Open(reference, null, cancellationToken).ConfigureAwait(false);
        if (!opened.IsSuccess) return Result<IReadOnlyList<VersionInfo>>.Failure(opened.Diagnostics);
        using var o = opened.Value;
        var list = new List<VersionInfo>();
        foreach (var row in await _store.ListVersionsAsync(o.Stored.Id, cancellationToken).ConfigureAwait(false))
        {
            var p = OpenVersion(o.Keys, row);
            if (p is null)
                return Result<IReadOnlyList<VersionInfo>>.Failure([new Diagnostic("case.damaged", $"Version {row.Version} of case '{reference}' does not open under its key: it was altered.")]);
            list.Add(new VersionInfo(row.Version, row.At, p.Actor, p.Reason, p.Changed, p.Status == "closed" ? CaseStatus.Closed : CaseStatus.Open));
        }
        return Result<IReadOnlyList<VersionInfo>>.Success(list);
    }

    /// <summary>
    /// Changes a case: <paramref name="edit"/> turns the current document (canonical YAML) into the new one, and
    /// <paramref name="status"/> sets the workflow status. The result is validated like an import before it is
    /// saved as a new version; evidence items that have a stored file keep their id and file.
    /// </summary>
    public async Task<Result<EditResult>> EditAsync(string reference, Func<string, Result<string>>? edit, CaseStatus? status, ICaseCatalog? catalog, Act act, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(act);
        return await Write(async () =>
        {
            var opened = await Open(reference, null, cancellationToken).ConfigureAwait(false);
            if (!opened.IsSuccess) return Result<EditResult>.Failure(opened.Diagnostics);
            using var o = opened.Value;
            var next = o.File;
            var document = o.Version.Document;
            if (edit is not null)
            {
                var edited = edit(document);
                if (!edited.IsSuccess) return Result<EditResult>.Failure(edited.Diagnostics);
                var read = CaseFileReader.Read($"case {reference} (edited)", edited.Value, catalog);
                if (!read.IsSuccess) return Result<EditResult>.Failure(read.Diagnostics);
                next = read.Value;
                var problems = CheckStoredEvidenceKept(o.File, next, await StoredEvidenceIds(o, cancellationToken).ConfigureAwait(false)).ToList();
                if (next.Id != reference)
                    problems.Add(new Diagnostic("case.id-changed", $"The case id cannot be changed by an edit ('{reference}' became '{next.Id}').", Field: "id"));
                if (problems.Count > 0) return Result<EditResult>.Failure(problems);
                document = CaseFileWriter.WriteYaml(next);
            }
            var changed = YamlPatch.ChangedFields(o.Version.Document, document).ToList();
            var newStatus = status ?? o.Stored.Status;
            if (newStatus != o.Stored.Status) changed.Add("status");
            var summary = Summary(o.Stored, o.Label);
            if (changed.Count == 0) return Result<EditResult>.Success(new EditResult(summary, [], Unchanged: true));

            var translated = (next.Evidence ?? ValueList<EvidenceItem>.Empty)
                .Where(e => e.Translated == true && o.File.Evidence?.FirstOrDefault(x => x.Id == e.Id)?.Translated != true)
                .Select(e => (CustodyAction.Translated, (string?)e.Id, (string?)null, (string?)"marked as translated"));
            var (custody, head, length) = AppendCustody(o.Keys, o.Stored.CustodyLength, HeadHash(o.Keys, o.Stored), act, translated);
            var number = o.Stored.Version + 1;
            var version = SealVersion(o.Keys, number, act.At, new VersionPayload(document, act.Actor, edit is null ? "status" : "edit", changed, StatusName(newStatus)));
            var stored = o.Stored with
            {
                Status = newStatus,
                Destinations = CaseIndexing.Destinations(next),
                Updated = act.At,
                Version = number,
                CustodyLength = length,
                SealedCustodyHead = head,
            };
            var commit = await _store.CommitAsync(new CaseChange(stored, o.Stored.Version, o.Stored.CustodyLength, null, version, [], custody), cancellationToken).ConfigureAwait(false);
            return commit.IsSuccess
                ? Result<EditResult>.Success(new EditResult(Summary(stored, o.Label), changed, Unchanged: false))
                : Result<EditResult>.Failure(commit.Diagnostics);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HashSet<string>> StoredEvidenceIds(OpenCase o, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in await _store.ListEvidenceAsync(o.Stored.Id, cancellationToken).ConfigureAwait(false))
            if (OpenEvidence(o.Keys, row) is { } p) ids.UnionWith(p.EvidenceIds);
        return ids;
    }

    private static IEnumerable<Diagnostic> CheckStoredEvidenceKept(CaseFile before, CaseFile after, HashSet<string> stored)
    {
        foreach (var old in before.Evidence ?? ValueList<EvidenceItem>.Empty)
        {
            if (!stored.Contains(old.Id)) continue;
            var now = after.Evidence?.FirstOrDefault(e => e.Id == old.Id);
            if (now is null)
                yield return new Diagnostic("case.evidence-stored", $"The evidence item '{old.Id}' has a file in the vault and cannot be removed by an edit.", Field: "evidence");
            else if (now.File != old.File)
                yield return new Diagnostic("case.evidence-stored", $"The evidence item '{old.Id}' has a file in the vault; its 'file' cannot change ('{old.File}' became '{now.File}').", Field: "evidence");
        }
    }

    /// <summary>
    /// Erases a case by crypto-shredding: first its key is destroyed (with the case row, in one transaction, and
    /// the database's write-ahead log cut so no copy of the wrapped key stays on disk); from then on nothing of
    /// the case can be opened, even with the master key. Then its blobs and remaining rows are removed; if that
    /// is interrupted, the next writer finishes it. Only an audit record (opaque id, when, who — sealed) remains.
    /// </summary>
    public async Task<Result<EraseResult>> EraseAsync(string reference, Act act, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(act);
        return await Write(async () =>
        {
            var stored = await _store.FindCaseAsync(_keys.ReferenceIndex(reference), cancellationToken).ConfigureAwait(false);
            if (stored is null) return NotFound<EraseResult>(reference);
            var files = (await _store.ListEvidenceAsync(stored.Id, cancellationToken).ConfigureAwait(false)).Count;
            var audit = _keys.SealAudit(PayloadJson.Encode(new ErasurePayload(act.Actor, NodaTime.Text.InstantPattern.ExtendedIso.Format(act.At), stored.Version, files)), stored.Id);
            var destroyed = await _store.DestroyCaseKeyAsync(new Erasure(stored.Id, act.At, [.. audit], false), cancellationToken).ConfigureAwait(false);
            if (!destroyed.IsSuccess) return Result<EraseResult>.Failure(destroyed.Diagnostics);
            _blobs.DeleteCase(stored.Id);
            await _store.CompleteErasureAsync(stored.Id, cancellationToken).ConfigureAwait(false);
            return Result<EraseResult>.Success(new EraseResult(reference, stored.Id, stored.Version, files));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the case back in the interchange format (<c>REFERENCE.yaml</c> or <c>.json</c>) with its evidence
    /// files decrypted at the paths the case names, into a new or empty directory. Importing the result gives
    /// the same case and the same files. Each file exported is recorded in the chain of custody.
    /// </summary>
    public async Task<Result<ExportResult>> ExportAsync(string reference, string directory, CaseFormat? format, Act act, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(act);
        return await Write(async () =>
        {
            var opened = await Open(reference, null, cancellationToken).ConfigureAwait(false);
            if (!opened.IsSuccess) return Result<ExportResult>.Failure(opened.Diagnostics);
            using var o = opened.Value;
            if (PrepareExportDirectory(directory) is { } bad) return Result<ExportResult>.Failure([bad]);
            var asJson = (format ?? Summary(o.Stored, o.Label).Format) == CaseFormat.Json;
            var caseFile = Path.Combine(Path.GetFullPath(directory), reference + (asJson ? ".json" : ".yaml"));
            var exported = await ExportFiles(o, directory, redact: false, act, beforeCommit: () =>
                WriteNew(caseFile, asJson ? CaseFileWriter.WriteJson(o.File) : o.Version.Document), cancellationToken).ConfigureAwait(false);
            if (exported.IsSuccess) return Result<ExportResult>.Success(exported.Value with { CaseFile = caseFile });
            File.Delete(caseFile);
            return exported;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static Diagnostic? PrepareExportDirectory(string directory)
    {
        if (File.Exists(directory)) return new Diagnostic("export.not-a-directory", $"'{directory}' is a file; give a new or empty directory.");
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            return new Diagnostic("export.not-empty", $"The directory '{directory}' is not empty; give a new or empty directory (nothing is overwritten).");
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
        else Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return null;
    }

    private static void WriteNew(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var f = new FileStream(path, options);
        using var w = new StreamWriter(f, new System.Text.UTF8Encoding(false));
        w.Write(text);
    }
}
