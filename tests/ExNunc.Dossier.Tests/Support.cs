using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ExNunc.Domain.Cases;
using ExNunc.Dossier.Building;
using ExNunc.Dossier.Evidence;
using ExNunc.Dossier.Model;
using ExNunc.Dossier.Pdf;
using ExNunc.Testing;
using NodaTime;

namespace ExNunc.Dossier.Tests;

/// <summary>Hashes derived from the item id, as if every item had a file: the index then shows real-looking hashes.</summary>
public sealed class FakeDigests : IEvidenceDigests
{
    public static readonly FakeDigests Instance = new();

    public static string HashOf(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("evidence:" + id)));

    public EvidenceDigest Of(EvidenceItem item) => new(DigestState.Computed, HashOf(item.Id), item.Id + ".pdf");
}

/// <summary>Dossiers of the scenarios, built once per scenario, language and version.</summary>
public static class Dossiers
{
    public static readonly LocalDate Today = new(2026, 11, 27);

    public static readonly LocalDate AsOf = new(2023, 8, 1);

    public static readonly DossierLanguage[] Languages = [DossierLanguage.En, DossierLanguage.De, DossierLanguage.Ru];

    private static readonly ConcurrentDictionary<(string, DossierLanguage, bool), DossierDocument> Cache = new();

    /// <summary>Every scenario with every language, for theories.</summary>
    public static TheoryData<string, DossierLanguage> ScenarioLanguages()
    {
        var data = new TheoryData<string, DossierLanguage>();
        foreach (var s in TestKnowledge.ScenarioNames)
            foreach (var l in Languages) data.Add(s, l);
        return data;
    }

    /// <summary>The destination a scenario is argued for: where the person is, if the KB covers it, else Germany.</summary>
    public static string DestinationOf(CaseFile c) =>
        c.Whereabouts?.Country is { } w && TestKnowledge.Kb.FindJurisdiction(w)?.Role == Domain.Knowledge.JurisdictionRole.Destination ? w : "DE";

    public static DossierDocument Of(string scenario, DossierLanguage language, bool lawyerNotes = false) =>
        Cache.GetOrAdd((scenario, language, lawyerNotes), k => Build(TestKnowledge.Scenario(k.Item1), k.Item2, k.Item3));

    public static DossierDocument Build(CaseFile @case, DossierLanguage language, bool lawyerNotes = false, string? destination = null, IEvidenceDigests? digests = null)
    {
        var country = destination ?? DestinationOf(@case);
        var result = TestKnowledge.Engine.Assess(@case, AsOf, [country]);
        return DossierBuilder.Build(new DossierRequest(@case, result, country, TestKnowledge.Kb, language, Today, lawyerNotes, digests ?? FakeDigests.Instance));
    }
}

/// <summary>One warm Chromium for all PDF tests, as in production.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private ChromiumPdfRenderer? _renderer;
    private readonly ConcurrentDictionary<(string, DossierLanguage, bool), Task<byte[]>> _pdfs = new();

    public ChromiumPdfRenderer Renderer => _renderer ?? throw new InvalidOperationException("Chromium did not start.");

    public async Task InitializeAsync()
    {
        if (ChromiumPdfRenderer.FindExecutable() is null)
            throw new InvalidOperationException("The PDF tests need Chromium: install the Debian package 'chromium' (test.sh does).");
        _renderer = await ChromiumPdfRenderer.StartAsync();
    }

    public Task<byte[]> Pdf(string scenario, DossierLanguage language, bool lawyerNotes = false) =>
        _pdfs.GetOrAdd((scenario, language, lawyerNotes), k => Renderer.RenderAsync(Dossiers.Of(k.Item1, k.Item2, k.Item3)));

    public async Task DisposeAsync()
    {
        if (_renderer is not null) await _renderer.DisposeAsync();
    }
}

/// <summary>Tests that print PDFs or change the process environment run one after another, sharing one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class PdfGroup : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "pdf";
}
