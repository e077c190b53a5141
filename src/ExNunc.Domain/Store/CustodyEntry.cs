using NodaTime;

namespace ExNunc.Domain.Store;

/// <summary>What happened to a piece of evidence, as recorded in the chain of custody.</summary>
public enum CustodyAction { Added, Viewed, Exported, Translated, Erased }

/// <summary>
/// One event in a case's chain of custody: who did what to which evidence item when. Entries are only ever
/// appended; each is chained to the one before by hash (see <see cref="CustodyRecord"/>).
/// </summary>
/// <remarks>
/// <para><c>Sequence</c>: From 1, without gaps.</para>
/// <para><c>Actor</c>: Who: the operating-system user or the name given with <c>--actor</c>.</para>
/// <para><c>Evidence</c>: The evidence id in the case (<c>e3</c>), or null for an event about the whole case.</para>
/// <para><c>Sha256</c>: Lower-case hex SHA-256 of the original file, when the event concerns one.</para>
/// <para><c>Detail</c>: Free text, e.g. "redacted: GPS removed".</para>
/// </remarks>
public sealed record CustodyEntry(long Sequence, Instant At, string Actor, CustodyAction Action, string? Evidence, string? Sha256, string? Detail);
