using System.Collections.Immutable;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Diagnostics;
using ExNunc.Domain.Store;

namespace ExNunc.Vault.Cases;

public sealed partial class CaseVault
{
    /// <summary>
    /// Appends entries to the chain of custody of a case and changes nothing else: for what the caller did with the
    /// case outside the vault (a dossier listing its evidence handed to an authority). All entries are appended in
    /// one transaction, or none. Each evidence id must be an item of the current version of the case, and a SHA-256
    /// given for it must be the one the vault recorded for its file; a null evidence id is an entry about the whole
    /// case. <see cref="CustodyAction.Added"/> and <see cref="CustodyAction.Erased"/> are written only by the
    /// operations that add and erase.
    /// </summary>
    /// <returns>The entries appended, numbered after the previous head.</returns>
    public async Task<Result<IReadOnlyList<CustodyEntry>>> RecordAsync(string reference,
        IReadOnlyList<(CustodyAction Action, string? EvidenceId, string? Sha256, string Detail)> entries, Act act, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(act);
        if (entries.Count == 0) throw new ArgumentException("There is nothing to record.", nameof(entries));
        foreach (var (action, _, _, detail) in entries)
        {
            if (action is CustodyAction.Added or CustodyAction.Erased || !Enum.IsDefined(action))
                throw new ArgumentException($"'{action}' is recorded only by the operation that does it.", nameof(entries));
            if (string.IsNullOrWhiteSpace(detail)) throw new ArgumentException("Every entry needs a detail saying what was done.", nameof(entries));
        }

        return await Write(async () =>
        {
            var opened = await Open(reference, null, cancellationToken).ConfigureAwait(false);
            if (!opened.IsSuccess) return Result<IReadOnlyList<CustodyEntry>>.Failure(opened.Diagnostics);
            using var o = opened.Value;
            var items = (o.File.Evidence ?? ValueList<EvidenceItem>.Empty).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            var files = await FilesById(o, cancellationToken).ConfigureAwait(false);
            var problems = new List<Diagnostic>();
            foreach (var (_, evidence, sha, _) in entries)
            {
                if (evidence is null) continue;
                if (!items.Contains(evidence))
                {
                    problems.Add(new Diagnostic("evidence.not-found", $"The case '{reference}' has no evidence item '{evidence}'; nothing was recorded."));
                    continue;
                }
                var recorded = files.TryGetValue(evidence, out var f) ? f.File.Sha256 : null;
                if (sha is not null && sha != recorded)
                    problems.Add(new Diagnostic("custody.hash-mismatch",
                        $"Case '{reference}', evidence {evidence}: the SHA-256 {sha} is not {(recorded is null ? "recorded (the item has no file in the vault)" : "the one recorded, " + recorded)}; nothing was recorded."));
            }
            if (problems.Count > 0) return Result<IReadOnlyList<CustodyEntry>>.Failure(problems);

            ImmutableArray<byte> previous;
            try
            {
                previous = HeadHash(o.Keys, o.Stored);
            }
            catch (InvalidDataException)
            {
                return Result<IReadOnlyList<CustodyEntry>>.Failure([new Diagnostic("custody.broken",
                    $"Case '{reference}': the head of its chain of custody does not open under the case key (altered); nothing was recorded. Run 'exnunc evidence verify {reference}'.")]);
            }
            var (custody, head, length) = AppendCustody(o.Keys, o.Stored.CustodyLength, previous, act,
                entries.Select(e => (e.Action, e.EvidenceId, e.Sha256, (string?)e.Detail)));
            var commit = await _store.CommitAsync(new CaseChange(o.Stored with { CustodyLength = length, SealedCustodyHead = head },
                o.Stored.Version, o.Stored.CustodyLength, null, null, [], custody), cancellationToken).ConfigureAwait(false);
            if (!commit.IsSuccess) return Result<IReadOnlyList<CustodyEntry>>.Failure(commit.Diagnostics);
            return Result<IReadOnlyList<CustodyEntry>>.Success(
                [.. entries.Select((e, i) => new CustodyEntry(o.Stored.CustodyLength + 1 + i, act.At, act.Actor, e.Action, e.EvidenceId, e.Sha256, e.Detail))]);
        }, cancellationToken).ConfigureAwait(false);
    }
}
