using ExNunc.Domain.Cases;
using ExNunc.Dossier;
using ExNunc.Dossier.Building;
using ExNunc.Dossier.Evidence;
using ExNunc.Dossier.Model;
using ExNunc.Testing;
using NodaTime;

namespace ExNunc.Benchmarks.Dossier;

/// <summary>
/// The dossier benchmarks' input: the andrei-k scenario with <c>n</c> more evidence items (titles in
/// Russian and English, some long and unbreakable), every item hashed as if it had a file. With
/// 1,000 items the PDF has over 200 pages: chronology, evidence index and annex list each run long.
/// </summary>
public static class BigCase
{
    public static readonly LocalDate AsOf = new(2023, 8, 1);

    private sealed class Digests : IEvidenceDigests
    {
        public EvidenceDigest Of(EvidenceItem item) =>
            new(DigestState.Computed, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(item.Id))), item.Id + ".pdf");
    }

    public static CaseFile Case(int items)
    {
        var baseCase = TestKnowledge.Scenario("andrei-k");
        var evidence = Enumerable.Range(1, items).Select(i => new EvidenceItem
        {
            Id = $"b{i}",
            Title = (i % 3) switch
            {
                0 => $"Скриншот переписки с военкоматом о повестке № {i}, полученной по месту регистрации, с отметкой о вручении матери",
                1 => $"Transcript of hearing {i} with the court's reasoning on 'discrediting' the army and the list of posts the prosecution relied on",
                _ => $"Публикация в Telegram-канале от {1 + i % 28} числа, архивная копия_{new string('ж', 30)} с комментариями читателей",
            },
            Kind = (i % 4) switch { 0 => "screenshot", 1 => "court-document", 2 => "article", _ => "chat" },
            Date = new LocalDate(2022, 1 + i % 12, 1 + i % 28),
            Language = i % 2 == 0 ? "ru" : "en",
            Translated = i % 5 == 0,
            Proves = ValueList.Of(i % 2 == 0 ? "activity" : "proceedings"),
        });
        return baseCase with { Evidence = new ValueList<EvidenceItem>(baseCase.Evidence!.Concat(evidence)) };
    }

    public static DossierDocument Document(CaseFile @case, DossierLanguage language = DossierLanguage.En)
    {
        var result = TestKnowledge.Engine.Assess(@case, AsOf, ["DE"]);
        return DossierBuilder.Build(new DossierRequest(@case, result, "DE", TestKnowledge.Kb, language, AsOf, false, new Digests()));
    }
}
