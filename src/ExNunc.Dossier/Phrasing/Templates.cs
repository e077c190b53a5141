namespace ExNunc.Dossier.Phrasing;

/// <summary>
/// The headings and fixed phrases of the dossier in English, German and Russian. Everything the
/// dossier says that does not come from the knowledge base or the case is here, so a reviewer can
/// check one language against the others in one place.
/// </summary>
internal static class Templates
{
    // ---- document and section titles ----------------------------------------------------------
    public static readonly Phrase Title = new(
        "Dossier in support of the application for international protection",
        "Dossier zur Begründung des Antrags auf internationalen Schutz",
        "Досье в обоснование ходатайства о международной защите");
    public static readonly Phrase Contents = new("Contents", "Inhaltsverzeichnis", "Содержание");
    public static readonly Phrase Summary = new("Summary of the claim", "Zusammenfassung des Vorbringens", "Краткое изложение ходатайства");
    public static readonly Phrase Chronology = new("Chronology", "Chronologie", "Хронология");
    public static readonly Phrase Grounds = new("Grounds for protection", "Schutzgründe", "Основания для защиты");
    public static readonly Phrase Objections = new("Anticipated objections and rebuttals", "Zu erwartende Einwände und Erwiderungen", "Ожидаемые возражения и ответы на них");
    public static readonly Phrase Exposure = new("Exposure to prosecution in Russia", "Drohende Strafverfolgung in Russland", "Угроза уголовного и административного преследования в России");
    public static readonly Phrase Coi = new("Country-of-origin information", "Herkunftslandinformationen", "Информация о стране происхождения");
    public static readonly Phrase EvidenceIndex = new("Evidence index", "Beweismittelverzeichnis", "Перечень доказательств");
    public static readonly Phrase Annexes = new("Annexes", "Anlagenverzeichnis", "Перечень приложений");
    public static readonly Phrase LawyerNotes = new("Notes for the lawyer — not for filing", "Hinweise für die Rechtsvertretung — nicht einreichen", "Заметки для юриста — не подавать");

    // ---- cover --------------------------------------------------------------------------------
    public static readonly Phrase CaseReference = new("Case reference", "Fallkennung", "Номер дела");
    public static readonly Phrase Destination = new("Country of protection", "Schutzstaat", "Страна убежища");
    public static readonly Phrase DocumentDate = new("Date of this dossier", "Datum des Dossiers", "Дата составления");
    public static readonly Phrase AsOf = new("Facts and law as of", "Sach- und Rechtslage zum", "Фактическое и правовое положение на");
    public static readonly Phrase KnowledgeBase = new("Knowledge base", "Wissensbasis", "База знаний");
    public static readonly Phrase KbEntries = new("{0} ({1} entries)", "{0} ({1} Einträge)", "{0} (записей: {1})");
    public static readonly Phrase AuthorityReference = new("Reference at the authority", "Aktenzeichen der Behörde", "Номер дела в ведомстве");
    public static readonly string Blank = "……………………………………";
    public static readonly Phrase ExNunc = new(
        "Assessed ex nunc: on the facts and the law in force on {0}. Sources published or law enacted after that date are not relied on.",
        "Ex-nunc-Beurteilung: nach der Sach- und Rechtslage am {0}. Später veröffentlichte Quellen und später in Kraft getretenes Recht sind nicht herangezogen.",
        "Оценка ex nunc: по фактам и праву, действующим на {0}. Источники, опубликованные позднее, и нормы, вступившие в силу позднее, не используются.");
    public static readonly Phrase LanguageNote = new(
        "Headings, fixed phrases and the summaries of law and facts are in English. Summaries are taken from the ExNunc knowledge base; titles of sources are given in their original language.",
        "Überschriften und feste Wendungen sind deutsch. Die Zusammenfassungen von Recht und Tatsachen stammen aus der ExNunc-Wissensbasis, die sie nur auf Englisch und Russisch führt, und sind daher englisch. Titel von Quellen stehen in der Originalsprache.",
        "Заголовки, постоянные формулировки и изложение норм права и фактов приведены на русском языке. Изложение взято из базы знаний ExNunc; названия источников приводятся на языке оригинала.");
    public static readonly Phrase PrivacyNote = new(
        "The applicant's name and personal details are deliberately left out of this dossier; they are on the authority's file. Evidence is identified by number and SHA-256 hash.",
        "Name und persönliche Daten der antragstellenden Person sind in diesem Dossier bewusst weggelassen; sie liegen der Behörde vor. Beweismittel sind mit Nummer und SHA-256-Prüfsumme bezeichnet.",
        "Имя и личные данные заявителя в досье намеренно не приводятся: они имеются в деле ведомства. Доказательства обозначены номером и хешем SHA-256.");
    public static readonly Phrase LawyerWarning = new(
        "LAWYER'S VERSION — contains internal notes (Part {0}). Do not file this version.",
        "FASSUNG FÜR DIE RECHTSVERTRETUNG — enthält interne Hinweise (Teil {0}). Diese Fassung nicht einreichen.",
        "ВЕРСИЯ ДЛЯ ЮРИСТА — содержит внутренние заметки (часть {0}). Эту версию не подавать.");
    public static readonly Phrase TocHint = new(
        "Update this field (F9 in Word) to show page numbers.",
        "Feld aktualisieren (F9 in Word), um Seitenzahlen anzuzeigen.",
        "Обновите это поле (F9 в Word), чтобы показать номера страниц.");
    public static readonly Phrase Footer = new("{0} · {1} · as of {2}", "{0} · {1} · Stand {2}", "{0} · {1} · на {2}");
    public static readonly Phrase Page = new("Page", "Seite", "Стр.");
    public static readonly Phrase Of = new("of", "von", "из");
    public static readonly Phrase Part = new("Part", "Teil", "Часть");

    // ---- summary ------------------------------------------------------------------------------
    public static readonly Phrase Citizenship = new("Citizenship", "Staatsangehörigkeit", "Гражданство");
    public static readonly Phrase Born = new("Born", "Geboren", "Год (дата) рождения");
    public static readonly Phrase Sex = new("Sex", "Geschlecht", "Пол");
    public static readonly Phrase MilitaryStatus = new("Military status at departure", "Militärischer Status bei der Ausreise", "Военный статус на момент выезда");
    public static readonly Phrase Registered = new("On the military register", "Wehrerfasst", "Состоит на воинском учёте");
    public static readonly Phrase Reserve = new("In the reserve", "Reservist", "В запасе");
    public static readonly Phrase Fitness = new("Fitness category", "Tauglichkeitskategorie", "Категория годности");
    public static readonly Phrase Specialty = new("Military specialty", "Militärische Verwendung", "Военно-учётная специальность");
    public static readonly Phrase PastService = new("Past service", "Frühere Dienstzeiten", "Прежняя служба");
    public static readonly Phrase LeftRussia = new("Left Russia on {0}", "Ausreise aus Russland am {0}", "Выезд из России: {0}");
    public static readonly Phrase Route = new("route", "Reiseweg", "маршрут");
    public static readonly Phrase TravelDocument = new("travel document", "Reisedokument", "документ");
    public static readonly Phrase LegalExit = new("legal exit", "legale Ausreise", "законный выезд");
    public static readonly Phrase ExitBan = new("Exit ban", "Ausreisesperre", "Запрет на выезд");
    public static readonly Phrase InCountrySince = new("In {0} since {1} (status: {2})", "In {0} seit {1} (Status: {2})", "В стране {0} с {1} (статус: {2})");
    public static readonly Phrase ClaimGrounds = new(
        "Protection is sought in {0} on the following grounds, on the facts and the law as of {1}:",
        "Schutz wird in {0} aus folgenden Gründen begehrt, nach der Sach- und Rechtslage am {1}:",
        "Защита испрашивается в стране {0} по следующим основаниям, исходя из фактов и права на {1}:");
    public static readonly Phrase ThroughRoutes = new("{0}, because of: {1}", "{0}, wegen: {1}", "{0} — в связи с: {1}");
    public static readonly Phrase NoGroundArgued = new(
        "On the facts recorded, no ground for protection can yet be argued; see the evidence needed.",
        "Nach den erfassten Tatsachen lässt sich noch kein Schutzgrund darlegen.",
        "По имеющимся фактам ни одно основание для защиты пока не может быть обосновано.");
    public static readonly Phrase RiskSummary = new(
        "On return the applicant is exposed to prosecution under: {0} (Part {1}).",
        "Bei Rückkehr droht Strafverfolgung nach: {0} (Teil {1}).",
        "При возвращении заявителю грозит преследование по: {0} (часть {1}).");
    public static readonly Phrase PreviousApplications = new("Previous applications", "Frühere Anträge", "Прежние ходатайства");
    public static readonly Phrase ApplicationLine = new("{0} in {1}, {2}", "{0} in {1}, {2}", "{0}, {1}, {2}");
    public static readonly Phrase Decision = new("decision", "Entscheidung", "решение");
    public static readonly Phrase ReasonsGiven = new("reasons given", "angeführte Gründe", "приведённые основания");
    public static readonly Phrase ReasonsAnswered = new("Part {0} answers the objections raised.", "Teil {0} erwidert auf die erhobenen Einwände.", "В части {0} даны ответы на выдвинутые возражения.");
    public static readonly Phrase EvidenceSummary = new(
        "The evidence ({0} items) is listed in Part {1} and referred to by annex number.",
        "Die Beweismittel ({0}) sind in Teil {1} aufgeführt und werden mit ihrer Anlagennummer zitiert.",
        "Доказательства ({0}) перечислены в части {1}; ссылки на них даются по номеру приложения.");
    public static readonly Phrase NoEvidence = new(
        "No evidence is listed in the case yet.",
        "Im Fall sind noch keine Beweismittel erfasst.",
        "В деле пока нет доказательств.");

    // ---- grounds, objections, exposure ----------------------------------------------------------
    public static readonly Phrase FactsLead = new("Facts", "Tatsachen", "Факты");
    public static readonly Phrase NoGrounds = new(
        "No ground for protection is established on the facts recorded as of this date.",
        "Nach den erfassten Tatsachen ist zu diesem Datum kein Schutzgrund festgestellt.",
        "По имеющимся на эту дату фактам ни одно основание для защиты не установлено.");
    public static readonly Phrase ObjectionIntro = new("It may be objected: {0}", "Es ist mit dem Einwand zu rechnen: {0}", "Возможное возражение: {0}");
    public static readonly Phrase Answer = new("In answer:", "Dem ist entgegenzuhalten:", "Ответ:");
    public static readonly Phrase NoObjections = new(
        "No objection is anticipated on the facts recorded.",
        "Nach den erfassten Tatsachen sind keine Einwände zu erwarten.",
        "По имеющимся фактам возражений не ожидается.");
    public static readonly Phrase PenaltyInForce = new("Penalty in force on {0}: {1}", "Am {0} geltende Strafandrohung: {1}", "Наказание, действующее на {0}: {1}");
    public static readonly Phrase NoExposure = new(
        "The knowledge base records no Russian article that the facts expose the applicant to on this date.",
        "Die Wissensbasis verzeichnet zu diesem Datum keine russische Strafnorm, nach der nach den Tatsachen Verfolgung droht.",
        "В базе знаний на эту дату нет статьи российского закона, по которой по фактам дела грозит преследование.");

    // ---- country information -------------------------------------------------------------------
    public static readonly Phrase CoiIntro = new(
        "Excerpts of country-of-origin information relied on above, each with its source and date of publication, all published on or before {0}.",
        "Auszüge der oben herangezogenen Herkunftslandinformationen mit Quelle und Veröffentlichungsdatum, sämtlich veröffentlicht am oder vor dem {0}.",
        "Выдержки из использованной выше информации о стране происхождения с источником и датой публикации; все опубликованы не позднее {0}.");
    public static readonly Phrase NoCoi = new(
        "No country-of-origin information is cited in this dossier.",
        "In diesem Dossier werden keine Herkunftslandinformationen zitiert.",
        "В досье не цитируется информация о стране происхождения.");
    public static readonly Phrase Source = new("Source", "Quelle", "Источник");

    // ---- evidence ----------------------------------------------------------------------------------
    public static readonly Phrase No = new("No.", "Nr.", "№");
    public static readonly Phrase TitleColumn = new("Title", "Bezeichnung", "Наименование");
    public static readonly Phrase Kind = new("Kind", "Art", "Вид");
    public static readonly Phrase Date = new("Date", "Datum", "Дата");
    public static readonly Phrase Language = new("Language", "Sprache", "Язык");
    public static readonly Phrase Translated = new("Translated", "Übersetzt", "Перевод");
    public static readonly Phrase Hash = new("SHA-256 (prefix)", "SHA-256 (Anfang)", "SHA-256 (начало)");
    public static readonly Phrase FullHash = new("SHA-256", "SHA-256", "SHA-256");
    public static readonly Phrase Annex = new("Annex", "Anlage", "Приложение");
    public static readonly Phrase File = new("File", "Datei", "Файл");
    public static readonly Phrase Event = new("Event", "Ereignis", "Событие");
    public static readonly Phrase Evidence = new("Annexes", "Anlagen", "Приложения");
    public static readonly Phrase AnnexRef = new("Annex {0}", "Anlage {0}", "приложение {0}");
    public static readonly Phrase AnnexesRef = new("Annexes {0}", "Anlagen {0}", "приложения {0}");
    public static readonly Phrase NoFile = new("no file", "keine Datei", "нет файла");
    public static readonly Phrase FileMissing = new("file not found", "Datei nicht gefunden", "файл не найден");
    public static readonly Phrase EvidenceIntro = new(
        "Every item of evidence, numbered as its annex. The hash identifies the exact file; the full value is in the list of annexes.",
        "Alle Beweismittel, nummeriert wie die Anlagen. Die Prüfsumme bezeichnet die genaue Datei; der vollständige Wert steht im Anlagenverzeichnis.",
        "Все доказательства под номерами приложений. Хеш однозначно определяет файл; полное значение приведено в перечне приложений.");
    public static readonly Phrase AnnexesIntro = new(
        "Annexes in the order they are attached, with the file and its full SHA-256 hash, so that the authority can check that each file is the one described.",
        "Anlagen in der Reihenfolge der Beifügung, mit Datei und vollständiger SHA-256-Prüfsumme, damit die Behörde prüfen kann, dass jede Datei die beschriebene ist.",
        "Приложения в порядке их приложения, с файлом и полным хешем SHA-256, чтобы ведомство могло проверить, что каждый файл соответствует описанию.");
    public static readonly Phrase NoAnnexes = new("No annexes.", "Keine Anlagen.", "Приложений нет.");
    public static readonly Phrase Yes = new("yes", "ja", "да");
    public static readonly Phrase NoWord = new("no", "nein", "нет");
    public static readonly Phrase Unknown = new("unknown", "unbekannt", "неизвестно");
    public static readonly Phrase Undated = new("undated", "ohne Datum", "без даты");

    // ---- chronology events ----------------------------------------------------------------------
    public static readonly Phrase EvBorn = new("Born", "Geburt", "Рождение");
    public static readonly Phrase EvService = new("Military service ({0}) until {1}", "Wehrdienst ({0}) bis {1}", "Военная служба ({0}) до {1}");
    public static readonly Phrase EvServiceOpen = new("Military service ({0})", "Wehrdienst ({0})", "Военная служба ({0})");
    public static readonly Phrase EvSummons = new("Summons: {0}", "Ladung: {0}", "Повестка: {0}");
    public static readonly Phrase Purpose = new("purpose", "Zweck", "цель");
    public static readonly Phrase Served = new("served", "Zustellung", "вручение");
    public static readonly Phrase EvDesertion = new("Desertion", "Desertion", "Оставление части");
    public static readonly Phrase EvProceeding = new("Proceedings in {0} ({1}){2}: {3}", "Verfahren in {0} ({1}){2}: {3}", "Производство, {0} ({1}){2}: {3}");
    public static readonly Phrase Under = new(" under {0}", " nach {0}", " по {0}");
    public static readonly Phrase EvActivityStart = new("Begins: {0}", "Beginn: {0}", "Начало: {0}");
    public static readonly Phrase EvActivityEnd = new("Ends: {0}", "Ende: {0}", "Окончание: {0}");
    public static readonly Phrase EvActivityBlocked = new("Blocked: {0}", "Gesperrt: {0}", "Блокировка: {0}");
    public static readonly Phrase Audience = new("audience {0}", "Reichweite {0}", "аудитория {0}");
    public static readonly Phrase AntiWar = new("against the war", "gegen den Krieg", "против войны");
    public static readonly Phrase EvObjection = new("Objection to military service ({0})", "Verweigerung des Kriegsdienstes ({0})", "Отказ от военной службы по убеждениям ({0})");
    public static readonly Phrase AlternativeRequested = new("alternative service requested", "Ersatzdienst beantragt", "заявлено о замене альтернативной службой");
    public static readonly Phrase EvDeparture = new("Leaves Russia", "Ausreise aus Russland", "Выезд из России");
    public static readonly Phrase EvArrival = new("In {0} (status: {1})", "In {0} (Status: {1})", "В стране {0} (статус: {1})");
    public static readonly Phrase EvApplication = new("Application ({0}) in {1}", "Antrag ({0}) in {1}", "Ходатайство ({0}), {1}");
    public static readonly Phrase EvDecision = new("Decision on the application ({0}) in {1}: {2}", "Entscheidung über den Antrag ({0}) in {1}: {2}", "Решение по ходатайству ({0}), {1}: {2}");
    public static readonly Phrase EvEvidence = new("Date of annex {0}: {1}", "Datum der Anlage {0}: {1}", "Дата приложения {0}: {1}");

    // ---- lawyer notes -------------------------------------------------------------------------------
    public static readonly Phrase GapsHeading = new("Checklist: evidence still needed", "Checkliste: noch fehlende Nachweise", "Чек-лист: каких доказательств не хватает");
    public static readonly Phrase NoGaps = new("No gap found.", "Keine Lücke gefunden.", "Пробелов не найдено.");
    public static readonly Phrase Why = new("Why", "Warum", "Почему");
    public static readonly Phrase AssessmentHeading = new("Assessment (internal)", "Einschätzung (intern)", "Оценка (для внутреннего пользования)");
    public static readonly Phrase NotArguedHeading = new("Elements not argued (not established on the facts)", "Nicht dargelegte Elemente (nach den Tatsachen nicht festgestellt)", "Неаргументированные элементы (не установлены фактами)");
    public static readonly Phrase UnansweredHeading = new("Objections without a rebuttal for this date", "Einwände ohne Erwiderung zu diesem Datum", "Возражения без ответа на эту дату");
    public static readonly Phrase WhyRaisedHeading = new("Why these objections are expected", "Warum diese Einwände zu erwarten sind", "Почему ожидаются эти возражения");
    public static readonly Phrase PracticeHeading = new("National practice to be aware of", "Zu beachtende nationale Praxis", "Национальная практика, которую следует учитывать");
}
