using System.Collections.Frozen;
using ExNunc.Domain.Knowledge;

namespace ExNunc.Dossier.Phrasing;

/// <summary>
/// The closed vocabularies of the case format, the fixed ids of grounds, elements and objections
/// (PRODUCT.md), and country names, in the dossier's languages. A value without a translation is
/// shown as written in the case, which is never wrong, only less fluent.
/// </summary>
internal static class Vocab
{
    private static readonly FrozenDictionary<string, Phrase> Values = new Dictionary<string, Phrase>(StringComparer.Ordinal)
    {
        // sex
        ["sex:male"] = new("male", "männlich", "мужской"),
        ["sex:female"] = new("female", "weiblich", "женский"),
        ["sex:other"] = new("other", "divers", "иной"),
        // service kind
        ["service:conscript"] = new("conscript", "Grundwehrdienst", "срочная служба"),
        ["service:contract"] = new("contract", "Vertragsdienst", "служба по контракту"),
        ["service:mobilised"] = new("mobilised", "mobilisiert", "по мобилизации"),
        // military status
        ["status:civilian"] = new("civilian", "Zivilist", "гражданское лицо"),
        ["status:conscript"] = new("conscript", "Wehrpflichtiger im Dienst", "военнослужащий срочной службы"),
        ["status:contract"] = new("contract soldier", "Zeitsoldat", "военнослужащий по контракту"),
        ["status:mobilised"] = new("mobilised", "mobilisiert", "мобилизованный"),
        ["status:deserted"] = new("deserted", "desertiert", "оставил часть"),
        ["status:awol"] = new("absent without leave", "eigenmächtig abwesend", "самовольно оставил часть"),
        ["status:surrendered"] = new("surrendered", "ergeben", "сдался в плен"),
        ["status:pow"] = new("prisoner of war", "Kriegsgefangener", "военнопленный"),
        ["status:discharged"] = new("discharged", "entlassen", "уволен с военной службы"),
        // summons
        ["summons-kind:paper"] = new("paper summons", "schriftliche Ladung", "бумажная повестка"),
        ["summons-kind:electronic"] = new("electronic summons", "elektronische Ladung", "электронная повестка"),
        ["summons-kind:verbal"] = new("verbal summons", "mündliche Ladung", "устный вызов"),
        ["purpose:mobilisation"] = new("mobilisation", "Mobilmachung", "мобилизация"),
        ["purpose:conscription"] = new("conscription", "Einberufung zum Wehrdienst", "призыв на срочную службу"),
        ["purpose:data-check"] = new("check of records", "Datenabgleich", "уточнение данных"),
        ["purpose:unknown"] = new("unknown", "unbekannt", "неизвестна"),
        ["served:personally"] = new("personally", "persönlich", "лично"),
        ["served:relative"] = new("to a relative", "an einen Angehörigen", "родственнику"),
        ["served:deemed"] = new("deemed served", "als zugestellt geltend", "считается врученной"),
        ["served:not-served"] = new("not served", "nicht zugestellt", "не вручена"),
        ["served:unknown"] = new("unknown", "unbekannt", "неизвестно"),
        // proceedings
        ["proceeding:administrative"] = new("administrative", "Ordnungswidrigkeitenverfahren", "административное"),
        ["proceeding:criminal"] = new("criminal", "Strafverfahren", "уголовное"),
        ["proceeding:search"] = new("search", "Fahndung", "розыск"),
        ["proceeding:blocking"] = new("blocking", "Sperrung", "блокировка"),
        ["proceeding:travel-ban"] = new("travel ban", "Ausreiseverbot", "запрет на выезд"),
        ["pstatus:opened"] = new("opened", "eingeleitet", "возбуждено"),
        ["pstatus:charged"] = new("charged", "angeklagt", "предъявлено обвинение"),
        ["pstatus:wanted"] = new("wanted", "zur Fahndung ausgeschrieben", "объявлен в розыск"),
        ["pstatus:convicted"] = new("convicted", "verurteilt", "осуждён"),
        ["pstatus:fined"] = new("fined", "Geldbuße verhängt", "назначен штраф"),
        ["pstatus:acquitted"] = new("acquitted", "freigesprochen", "оправдан"),
        ["pstatus:blocked"] = new("blocked", "gesperrt", "заблокировано"),
        ["pstatus:unknown"] = new("status unknown", "Stand unbekannt", "статус неизвестен"),
        // activity
        ["activity:blog"] = new("blog", "Blog", "блог"),
        ["activity:telegram-channel"] = new("Telegram channel", "Telegram-Kanal", "Telegram-канал"),
        ["activity:social-media"] = new("social media", "soziale Medien", "социальные сети"),
        ["activity:protest"] = new("protest", "Protest", "протест"),
        ["activity:journalism"] = new("journalism", "Journalismus", "журналистика"),
        ["activity:ngo"] = new("NGO work", "NGO-Tätigkeit", "работа в НКО"),
        ["activity:donation"] = new("donation", "Spende", "пожертвование"),
        ["activity:petition"] = new("petition", "Petition", "петиция"),
        ["activity:other"] = new("other activity", "sonstige Tätigkeit", "иная деятельность"),
        // objection basis
        ["basis:religious"] = new("religious", "religiös", "религиозные"),
        ["basis:moral"] = new("moral", "moralisch", "нравственные"),
        ["basis:political"] = new("political", "politisch", "политические"),
        ["basis:none"] = new("none", "keine", "нет"),
        // documents
        ["documents:foreign-passport"] = new("passport for travel abroad", "Reisepass", "заграничный паспорт"),
        ["documents:internal-passport"] = new("internal passport", "Inlandspass", "внутренний паспорт"),
        ["documents:none"] = new("none", "keines", "нет"),
        // exit ban
        ["exit:yes"] = new("yes", "ja", "да"),
        ["exit:no"] = new("no", "nein", "нет"),
        ["exit:unknown"] = new("unknown", "unbekannt", "неизвестно"),
        // whereabouts status
        ["where:in-origin"] = new("in the country of origin", "im Herkunftsland", "в стране происхождения"),
        ["where:transit"] = new("in transit", "auf der Durchreise", "транзит"),
        ["where:visa"] = new("on a visa", "mit Visum", "по визе"),
        ["where:asylum-pending"] = new("asylum claim pending", "Asylverfahren anhängig", "ходатайство об убежище рассматривается"),
        ["where:asylum-rejected"] = new("asylum claim rejected", "Asylantrag abgelehnt", "в убежище отказано"),
        ["where:appeal"] = new("on appeal", "im Klageverfahren", "обжалование"),
        ["where:protected"] = new("protected", "Schutz zuerkannt", "предоставлена защита"),
        ["where:residence"] = new("residence permit", "Aufenthaltstitel", "вид на жительство"),
        ["where:irregular"] = new("without status", "ohne Aufenthaltsstatus", "без статуса"),
        // applications
        ["app:asylum"] = new("asylum", "Asyl", "убежище"),
        ["app:humanitarian-visa"] = new("humanitarian visa", "humanitäres Visum", "гуманитарная виза"),
        ["app:national-visa"] = new("national visa", "nationales Visum", "национальная виза"),
        ["app:residence"] = new("residence permit", "Aufenthaltstitel", "вид на жительство"),
        ["app:other"] = new("other", "sonstiger Antrag", "иное"),
        ["decision:pending"] = new("pending", "anhängig", "не рассмотрено"),
        ["decision:granted"] = new("granted", "stattgegeben", "удовлетворено"),
        ["decision:refugee-status"] = new("refugee status granted", "Flüchtlingseigenschaft zuerkannt", "признан беженцем"),
        ["decision:subsidiary-protection"] = new("subsidiary protection granted", "subsidiärer Schutz zuerkannt", "предоставлена дополнительная защита"),
        ["decision:national-protection"] = new("national protection granted", "nationales Abschiebungsverbot festgestellt", "предоставлена национальная защита"),
        ["decision:rejected"] = new("rejected", "abgelehnt", "отказано"),
        ["decision:inadmissible"] = new("inadmissible", "unzulässig", "признано недопустимым"),
        ["decision:withdrawn"] = new("withdrawn", "zurückgenommen", "отозвано"),
        ["decision:unknown"] = new("unknown", "unbekannt", "неизвестно"),
        // evidence kinds
        ["evidence:summons"] = new("summons", "Ladung", "повестка"),
        ["evidence:court-document"] = new("court document", "Gerichtsdokument", "судебный документ"),
        ["evidence:police-document"] = new("police document", "Polizeidokument", "документ полиции"),
        ["evidence:article"] = new("article", "Artikel", "статья"),
        ["evidence:screenshot"] = new("screenshot", "Bildschirmfoto", "скриншот"),
        ["evidence:video"] = new("video", "Video", "видео"),
        ["evidence:livestream"] = new("live stream", "Livestream", "прямая трансляция"),
        ["evidence:chat"] = new("chat", "Chatverlauf", "переписка"),
        ["evidence:medical"] = new("medical document", "ärztliches Dokument", "медицинский документ"),
        ["evidence:identity"] = new("identity document", "Identitätsdokument", "документ, удостоверяющий личность"),
        ["evidence:other"] = new("other", "sonstiges", "иное"),
        // languages of evidence
        ["lang:ru"] = new("Russian", "Russisch", "русский"),
        ["lang:en"] = new("English", "Englisch", "английский"),
        ["lang:de"] = new("German", "Deutsch", "немецкий"),
        ["lang:uk"] = new("Ukrainian", "Ukrainisch", "украинский"),
        ["lang:fr"] = new("French", "Französisch", "французский"),
        ["lang:nl"] = new("Dutch", "Niederländisch", "нидерландский"),
        ["lang:fi"] = new("Finnish", "Finnisch", "финский"),
        ["lang:et"] = new("Estonian", "Estnisch", "эстонский"),
        ["lang:lv"] = new("Latvian", "Lettisch", "латышский"),
        ["lang:lt"] = new("Lithuanian", "Litauisch", "литовский"),
        ["lang:pl"] = new("Polish", "Polnisch", "польский"),
        ["lang:kk"] = new("Kazakh", "Kasachisch", "казахский"),
        ["lang:be"] = new("Belarusian", "Belarussisch", "белорусский"),
        ["lang:ka"] = new("Georgian", "Georgisch", "грузинский"),
        ["lang:hy"] = new("Armenian", "Armenisch", "армянский"),
        ["lang:tr"] = new("Turkish", "Türkisch", "турецкий"),
        ["lang:sr"] = new("Serbian", "Serbisch", "сербский"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>German titles of the fixed grounds, elements and objections (PRODUCT.md); the knowledge base has English and Russian.</summary>
    private static readonly FrozenDictionary<string, string> GermanTitles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["refugee-status"] = "Zuerkennung der Flüchtlingseigenschaft (Genfer Flüchtlingskonvention)",
        ["subsidiary-protection"] = "Subsidiärer Schutz (EU)",
        ["echr-non-refoulement"] = "Schutz vor Abschiebung nach Art. 3 EMRK",
        ["national-protection"] = "Nationaler Abschiebungsschutz",
        ["outside-country"] = "Aufenthalt außerhalb des Staates der Staatsangehörigkeit",
        ["military-service-refusal"] = "Verweigerung des Militärdienstes in einem Krieg, der Völkerrechtsverbrechen umfasst",
        ["prosecution-for-speech"] = "Verfolgung wegen Äußerungen gegen den Krieg",
        ["conscientious-objection"] = "Kriegsdienstverweigerung aus Gewissensgründen",
        ["imputed-political-opinion"] = "Politische Überzeugung, tatsächlich oder zugeschrieben",
        ["religion"] = "Religion",
        ["serious-harm"] = "Tatsächliche Gefahr eines ernsthaften Schadens bei Rückkehr",
        ["art3-risk"] = "Tatsächliche Gefahr einer Behandlung entgegen Art. 3 EMRK",
        ["not-prominent"] = "„Nicht exponiert genug“",
        ["no-imminent-risk"] = "„Keine unmittelbare Gefahr“",
        ["mobilisation-ended"] = "„Die Mobilmachung ist beendet“",
        ["alternative-service-available"] = "„Russland bietet einen zivilen Ersatzdienst“",
        ["no-summons"] = "„Keine Einberufung erhalten“",
        ["prosecution-is-legitimate"] = "„Die Strafverfolgung ist legitim“",
        ["should-have-protested"] = "„Hätte zuvor protestieren müssen“",
        ["left-too-late"] = "„Zu spät ausgereist“",
        ["security-threat"] = "„Sicherheitsrisiko“",
        ["safe-third-country"] = "„Sicherer Drittstaat“",
        ["credibility"] = "„Fehlende Glaubhaftigkeit“",
        ["dublin-responsibility"] = "„Zuständigkeit eines anderen Dublin-Staates“",
        ["internal-protection"] = "„Interner Schutz in Russland“",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>German country names for the jurisdictions of kb/jurisdictions.yaml.</summary>
    private static readonly FrozenDictionary<string, string> GermanCountries = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["RU"] = "Russland",
        ["AT"] = "Österreich",
        ["BE"] = "Belgien",
        ["BG"] = "Bulgarien",
        ["HR"] = "Kroatien",
        ["CY"] = "Zypern",
        ["CZ"] = "Tschechien",
        ["DK"] = "Dänemark",
        ["EE"] = "Estland",
        ["FI"] = "Finnland",
        ["FR"] = "Frankreich",
        ["DE"] = "Deutschland",
        ["GR"] = "Griechenland",
        ["HU"] = "Ungarn",
        ["IE"] = "Irland",
        ["IT"] = "Italien",
        ["LV"] = "Lettland",
        ["LT"] = "Litauen",
        ["LU"] = "Luxemburg",
        ["MT"] = "Malta",
        ["NL"] = "Niederlande",
        ["PL"] = "Polen",
        ["PT"] = "Portugal",
        ["RO"] = "Rumänien",
        ["SK"] = "Slowakei",
        ["SI"] = "Slowenien",
        ["ES"] = "Spanien",
        ["SE"] = "Schweden",
        ["NO"] = "Norwegen",
        ["CH"] = "Schweiz",
        ["IS"] = "Island",
        ["GB"] = "Vereinigtes Königreich",
        ["GE"] = "Georgien",
        ["AM"] = "Armenien",
        ["KZ"] = "Kasachstan",
        ["KG"] = "Kirgisistan",
        ["TR"] = "Türkei",
        ["RS"] = "Serbien",
        ["ME"] = "Montenegro",
        ["IL"] = "Israel",
        ["MN"] = "Mongolei",
        ["AE"] = "Vereinigte Arabische Emirate",
        ["AR"] = "Argentinien",
        ["UA"] = "Ukraine",
        ["BY"] = "Belarus",
        ["UZ"] = "Usbekistan",
        ["TJ"] = "Tadschikistan",
        ["AZ"] = "Aserbaidschan",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Value(string group, string? value, DossierLanguage language) =>
        value is null ? Templates.Unknown.In(language)
        : Values.TryGetValue(group + ":" + value, out var phrase) ? phrase.In(language) : value;

    /// <summary>The title of a ground, element or objection: German from the fixed table, else the knowledge base's.</summary>
    public static string Title(string id, Bilingual kbTitle, DossierLanguage language) =>
        language == DossierLanguage.De && GermanTitles.TryGetValue(id, out var de) ? de : kbTitle.In(language.KbLanguage());

    public static string Country(KnowledgeBase kb, string code, DossierLanguage language)
    {
        if (language == DossierLanguage.De && GermanCountries.TryGetValue(code, out var de)) return de;
        return kb.FindJurisdiction(code)?.Name.In(language.KbLanguage()) ?? code;
    }

    public static string YesNo(bool? value, DossierLanguage language) =>
        value switch { true => Templates.Yes.In(language), false => Templates.NoWord.In(language), _ => Templates.Unknown.In(language) };
}
