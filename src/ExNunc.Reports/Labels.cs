using ExNunc.Domain.Knowledge;

namespace ExNunc.Reports;

/// <summary>Headings and fixed words of the reports, in English and Russian.</summary>
public static class Labels
{
    public static readonly Bilingual Assessment = new("Assessment", "Оценка");
    public static readonly Bilingual Case = new("Case", "Дело");
    public static readonly Bilingual AsOf = new("as of", "на дату");
    public static readonly Bilingual KnowledgeBase = new("Knowledge base", "База знаний");
    public static readonly Bilingual Entries = new("entries", "записей");
    public static readonly Bilingual Pathways = new("Pathways", "Пути въезда и пребывания");
    public static readonly Bilingual Grounds = new("Protection grounds", "Основания для защиты");
    public static readonly Bilingual Practice = new("National practice", "Национальная практика");
    public static readonly Bilingual Objections = new("Likely objections and rebuttals", "Вероятные возражения и ответы на них");
    public static readonly Bilingual Rebuttal = new("Rebuttal", "Ответ");
    public static readonly Bilingual NoRebuttal = new("No rebuttal in the knowledge base for this date.", "В базе знаний нет ответа на эту дату.");
    public static readonly Bilingual Exposure = new("Exposure in Russia", "Уголовно-правовые риски в России");
    public static readonly Bilingual Penalty = new("Penalty", "Наказание");
    public static readonly Bilingual Gaps = new("Gaps: what is missing or unproven", "Пробелы: чего не хватает или что не доказано");
    public static readonly Bilingual Need = new("Need", "Нужно");
    public static readonly Bilingual Why = new("Why", "Почему");
    public static readonly Bilingual Sources = new("Sources", "Источники");
    public static readonly Bilingual Facts = new("Facts used", "Использованные факты");
    public static readonly Bilingual None = new("none", "нет");
    public static readonly Bilingual Rank = new("Ranking", "Место");
    public static readonly Bilingual Changes = new("Changes", "Изменения");
    public static readonly Bilingual NoChanges = new("Nothing changed.", "Ничего не изменилось.");
    public static readonly Bilingual Cause = new("because of", "из-за");
    public static readonly Bilingual CauseCircumstances = new("the person's circumstances on the date (age)", "обстоятельства лица на дату (возраст)");
    public static readonly Bilingual From = new("from", "с");
    public static readonly Bilingual To = new("to", "по");

    public static string Country(KnowledgeBase kb, string code, Language lang) =>
        kb.FindJurisdiction(code)?.Name.In(lang) is { } name ? $"{name} ({code})" : code;
}
