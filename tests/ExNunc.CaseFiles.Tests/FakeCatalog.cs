using ExNunc.Domain.Cases;

namespace ExNunc.CaseFiles.Tests;

/// <summary>A knowledge base that knows exactly the article and objection ids it is given.</summary>
internal sealed class FakeCatalog(IEnumerable<string> articles, IEnumerable<string> objections) : ICaseCatalog
{
    private readonly HashSet<string> _articles = new(articles, StringComparer.Ordinal);
    private readonly HashSet<string> _objections = new(objections, StringComparer.Ordinal);

    /// <summary>The articles the scenarios cite and the objection ids fixed by the product brief.</summary>
    public static FakeCatalog Scenarios { get; } = new(
        ["ru-coap-20-3-3", "ru-cc-207-3", "ru-cc-338", "ru-cc-352-1"],
        ["not-prominent", "no-imminent-risk", "mobilisation-ended", "alternative-service-available", "no-summons",
         "prosecution-is-legitimate", "should-have-protested", "left-too-late", "security-threat", "safe-third-country",
         "credibility", "dublin-responsibility", "internal-protection"]);

    public bool IsArticle(string id) => _articles.Contains(id);
    public bool IsObjection(string id) => _objections.Contains(id);
}
