using ExNunc.Domain.Knowledge;

namespace ExNunc.Domain.Assessment;

/// <summary>The fixed sentences the engine composes explanations from, in English and Russian.</summary>
internal static class Phrases
{
    public static Bilingual StatusWord(GroundStatus s) => s switch
    {
        GroundStatus.Strong => new("strong", "сильное"),
        GroundStatus.Arguable => new("arguable", "обоснованное"),
        GroundStatus.Weak => new("weak", "слабое"),
        _ => new("not met", "не выполнено"),
    };

    public static Bilingual StateWord(PathwayState s) => s switch
    {
        PathwayState.Open => new("open", "открыт"),
        PathwayState.Restricted => new("restricted", "ограничен"),
        PathwayState.Closed => new("closed", "закрыт"),
        _ => new("not applicable", "неприменим"),
    };

    public static Bilingual Join(IEnumerable<Bilingual> parts, string separator = " ")
    {
        var list = parts as IReadOnlyList<Bilingual> ?? [.. parts];
        var en = new string[list.Count];
        var ru = new string[list.Count];
        for (var i = 0; i < en.Length; i++) (en[i], ru[i]) = (list[i].En, list[i].Ru);
        return new(string.Join(separator, en), string.Join(separator, ru));
    }

    public static Bilingual ElementMet(Bilingual title, IEnumerable<Bilingual> rules) =>
        Join([new($"Met ({title.En}):", $"Выполнено ({title.Ru}):"), Join(rules, " ")]);

    public static Bilingual ElementUnknown(Bilingual title, IEnumerable<string> facts) =>
        new($"Not established ({title.En}): the case does not say {string.Join(", ", facts)}.",
            $"Не установлено ({title.Ru}): в деле нет сведений: {string.Join(", ", facts)}.");

    public static Bilingual ElementUnmet(Bilingual title) =>
        new($"Not met on the facts ({title.En}).", $"Не выполнено по фактам дела ({title.Ru}).");

    public static Bilingual GroundSummary(Bilingual groundTitle, GroundStatus status, IEnumerable<Bilingual> metElements)
    {
        var met = metElements.ToList();
        var word = StatusWord(status);
        return met.Count == 0
            ? new($"{groundTitle.En}: {word.En}; no route to it is established on the facts.",
                  $"{groundTitle.Ru}: {word.Ru}; ни одно основание не установлено фактами дела.")
            : new($"{groundTitle.En}: {word.En}, through: {string.Join("; ", met.Select(m => m.En))}.",
                  $"{groundTitle.Ru}: {word.Ru}, через: {string.Join("; ", met.Select(m => m.Ru))}.");
    }

    public static Bilingual RequirementUnmet(Bilingual title) =>
        new($"A requirement is not met: {title.En}.", $"Не выполнено обязательное условие: {title.Ru}.");

    public static Bilingual NotApplicable(Bilingual title) =>
        new($"{title.En}: does not fit the person's situation.", $"{title.Ru}: не соответствует положению лица.");

    public static Bilingual Raised(Bilingual objection, IEnumerable<Bilingual> because) =>
        Join([new($"{objection.En}. Likely because:", $"{objection.Ru}. Вероятно, потому что:"), Join(because, " ")]);

    public static Bilingual Exposure(Bilingual article, IEnumerable<Bilingual> because) =>
        Join([new($"{article.En}.", $"{article.Ru}."), Join(because, " ")]);

    public static readonly Bilingual PenaltyNotRecorded =
        new("The penalty in force on this date is not recorded in the knowledge base.",
            "Наказание, действующее на эту дату, в базе знаний не указано.");

    public static Bilingual UnknownFactNeed(string path) =>
        new($"Establish '{path}' and attach evidence of it.", $"Установите «{path}» и приложите доказательства.");

    public static Bilingual UnknownFactWhy(IEnumerable<string> elements) =>
        new($"Unknown in the case, and needed to decide: {string.Join(", ", elements)}.",
            $"Неизвестно по делу и необходимо для оценки: {string.Join(", ", elements)}.");

    public static Bilingual Ranking(GroundStatus best, string bestGround, int national, int practice, int open, int restricted, int objections, int unanswered) =>
        new($"best ground {bestGround} {StatusWord(best).En}; national practice supports {national} element(s), {practice} practice entr{(practice == 1 ? "y" : "ies")} known; {open} pathway(s) open, {restricted} restricted; {objections} likely objection(s), {unanswered} without a rebuttal",
            $"лучшее основание {bestGround}: {StatusWord(best).Ru}; национальная практика подтверждает элементов: {national}, известно записей о практике: {practice}; путей открыто: {open}, ограничено: {restricted}; вероятных возражений: {objections}, без опровержения: {unanswered}");
}
