using System.Collections.Immutable;
using System.Globalization;
using ExNunc.Domain.Assessment;
using ExNunc.Domain.Cases;
using ExNunc.Domain.Knowledge;
using ExNunc.Domain.Rules;
using NodaTime;
using Kb = ExNunc.Domain.Knowledge.KnowledgeBase;

namespace ExNunc.Benchmarks.Rules;

/// <summary>
/// The baseline of <see cref="BatchBenchmark"/>: what kb/common/*.yaml, kb/de/rules.yaml and the German
/// pathways and practice conclude for Germany, written by hand in plain C#. The logic — every
/// condition in three-valued form, every rule's and rebuttal's dates, every conclusion — is code here;
/// only text (titles, summaries, needs, penalties) and the lists of cited entries are taken from the
/// loaded knowledge base, as a hand-coded data access layer takes its rows from the database.
/// Cited entries are still filtered by date on every call, and every explanation string is built the
/// way the engine builds it, so the two do the same work apart from the engine's derivation trees.
/// <para>
/// The constructor checks that each rule it re-implements still has the condition and start date
/// written here, and that the knowledge base has no other rule or rebuttal for Germany: when kb/
/// changes, this class fails loudly instead of drifting.
/// </para>
/// </summary>
public sealed class HandWrittenGermany
{
    private const string De = "DE";

    private static readonly LocalDate D20170420 = new(2017, 4, 20);
    private static readonly LocalDate D20200310 = new(2020, 3, 10);
    private static readonly LocalDate D20220224 = new(2022, 2, 24);
    private static readonly LocalDate D20220302 = new(2022, 3, 2);
    private static readonly LocalDate D20220304 = new(2022, 3, 4);
    private static readonly LocalDate D20220517 = new(2022, 5, 17);
    private static readonly LocalDate D20220701 = new(2022, 7, 1);
    private static readonly LocalDate D20220916 = new(2022, 9, 16);
    private static readonly LocalDate D20220921 = new(2022, 9, 21);
    private static readonly LocalDate D20220924 = new(2022, 9, 24);
    private static readonly LocalDate D20221028 = new(2022, 10, 28);
    private static readonly LocalDate D20221230 = new(2022, 12, 30);
    private static readonly LocalDate D20230101 = new(2023, 1, 1);
    private static readonly LocalDate D20230320 = new(2023, 3, 20);
    private static readonly LocalDate D20230414 = new(2023, 4, 14);
    private static readonly LocalDate D20230421 = new(2023, 4, 21);
    private static readonly LocalDate D20231231 = new(2023, 12, 31);
    private static readonly LocalDate D20240101 = new(2024, 1, 1);
    private static readonly LocalDate D20240304 = new(2024, 3, 4);
    private static readonly LocalDate D20240822 = new(2024, 8, 22);
    private static readonly LocalDate D20250120 = new(2025, 1, 20);
    private static readonly LocalDate D20260101 = new(2026, 1, 1);

    private const string ConscriptionAgeWhen = "person.sex = male and age <= param(ru-conscription-age-limit) and military.status = civilian";
    private const string DesertedOrAwolWhen = "military.status in [deserted, awol]";
    private const string DesertedAwolSurrenderedWhen = "military.status in [deserted, awol, surrendered]";

    private readonly Kb _kb;
    private readonly Dictionary<string, KbEntry> _used = new(StringComparer.Ordinal);
    private readonly HashSet<string> _euMembers;
    private readonly Dictionary<string, KbEntry> _factsByPath = new(StringComparer.Ordinal);

    // Grounds, in the knowledge base's (id) order.
    private readonly GroundText[] _grounds;

    // Element rules.
    private readonly Rule _outsideCountry, _outsideCountrySubsidiary, _outsideCountryEchr;
    private readonly Rule _refusalDeserter, _refusalMobilisation, _refusalConscription, _refusalReservist, _deDesertersProtected;
    private readonly Rule _speechProceedings, _speechCriminal, _imputedActivity, _imputedRefusal;
    private readonly Rule _conscientiousObjection, _religion, _religionBannedFaith;
    private readonly Rule _seriousHarmRefuser, _seriousHarmMobilisation, _deBerlinConscripts, _art3Deserter;

    // Objection rules.
    private readonly Rule _raiseNotProminent, _raiseNoImminentRisk, _raiseMobilisationEnded, _raiseNoSummons, _raiseAlternativeService;
    private readonly Rule _raiseProsecutionLegitimate, _raiseShouldHaveProtested, _raiseSafeThirdCountry, _raiseCredibility, _raiseDublin;
    private readonly Rule _deEvaderNoImminentRisk, _deOvgConscripts, _dePotsdamAlternative, _deDesertersMobilisationEnded, _deDesertersProsecution;

    // Exposure rules.
    private readonly Rule _xProceedings, _xDiscrediting, _xRepeatDiscrediting, _xFailureToAppear, _xConscriptionEvasion;
    private readonly Rule _xDesertion, _xAwol, _xSurrender, _xExtremist, _xTreason;

    // Gap rules.
    private readonly GapRule _gUntranslated, _gLanguageUnknown, _gSummons, _gProceeding, _gAuthorship, _gDesertion, _gObjection;

    // Rebuttals by the objection they answer, in id order.
    private readonly Dictionary<string, Rebuttal[]> _rebuttals = new(StringComparer.Ordinal);

    private readonly PathwayText[] _pathways;
    private readonly PracticeText[] _practice;

    public HandWrittenGermany(Kb kb)
    {
        _kb = kb;
        _euMembers = [.. kb.Jurisdictions.Where(j => kb.InGroup(j.Code, "EU")).Select(j => j.Code)];
        foreach (var e in kb.Entries)
            if (e.Details is FactDetails f) _factsByPath.TryAdd(f.Path, e);

        _grounds = [GroundOf("echr-non-refoulement"), GroundOf("refugee-status"), GroundOf("subsidiary-protection")];

        const string outside = "whereabouts.country != RU and whereabouts.status != in-origin";
        _outsideCountry = RuleOf("rule-outside-country", outside, null);
        _outsideCountrySubsidiary = RuleOf("rule-outside-country-subsidiary", outside, null);
        _outsideCountryEchr = RuleOf("rule-outside-country-echr", outside, null);
        _refusalDeserter = RuleOf("rule-refusal-deserter", DesertedAwolSurrenderedWhen, D20220224);
        _refusalMobilisation = RuleOf("rule-refusal-mobilisation-summons", "military.status = civilian and (military.registered is unknown or military.registered = true) and any(summonses, purpose = mobilisation and served in [personally, relative, deemed])", D20220921);
        _refusalConscription = RuleOf("rule-refusal-conscription-summons", "military.status = civilian and (military.registered is unknown or military.registered = true) and any(summonses, purpose = conscription and served in [personally, relative, deemed])", D20220224);
        _refusalReservist = RuleOf("rule-refusal-reservist-without-summons", "military.status = civilian and (military.registered is unknown or military.registered = true) and military.reserve = true and none(summonses, served in [personally, relative, deemed])", D20220921);
        _deDesertersProtected = RuleOf("de-rule-deserters-protected", DesertedAwolSurrenderedWhen, D20220517);
        _speechProceedings = RuleOf("rule-speech-proceedings", "any(proceedings, country = RU and (kind = blocking or article in [ru-coap-20-3-3, ru-cc-280-3, ru-cc-207-3]))", D20220304);
        _speechCriminal = RuleOf("rule-speech-criminal-case", "any(proceedings, country = RU and kind = criminal and article in [ru-cc-207-3, ru-cc-280-3, ru-cc-275] and status in [opened, charged, wanted, convicted])", D20220304);
        _imputedActivity = RuleOf("rule-imputed-opinion-anti-war-activity", "any(activity, anti_war = true)", D20220224);
        _imputedRefusal = RuleOf("rule-imputed-opinion-refusal", "military.status in [deserted, awol, surrendered] or (military.status = civilian and (military.registered is unknown or military.registered = true) and any(summonses, served in [personally, relative, deemed]))", D20220224);
        _conscientiousObjection = RuleOf("rule-conscientious-objection", "objection.basis in [religious, moral]", null);
        _religion = RuleOf("rule-religion", "objection.basis = religious and objection.religion is known", null);
        _religionBannedFaith = RuleOf("rule-religion-banned-faith", "objection.basis = religious and objection.religion = \"Jehovah's Witnesses\"", D20170420);
        _seriousHarmRefuser = RuleOf("rule-serious-harm-refuser", "military.status in [deserted, awol, surrendered] or any(proceedings, country = RU and kind = criminal and status in [opened, charged, wanted, convicted])", D20220924);
        _seriousHarmMobilisation = RuleOf("rule-serious-harm-mobilisation", "military.status = civilian and (military.registered is unknown or military.registered = true) and any(summonses, purpose = mobilisation and served in [personally, relative, deemed])", D20220921);
        _deBerlinConscripts = RuleOf("de-rule-vg-berlin-conscripts-subsidiary", "person.sex = male and age <= param(ru-conscription-age-limit)", D20250120);
        _art3Deserter = RuleOf("rule-art3-deserter-or-prisoner", DesertedAwolSurrenderedWhen, D20220924);

        _raiseNotProminent = RuleOf("rule-raise-not-prominent", "any(activity, anti_war = true) or any(proceedings, article in [ru-coap-20-3-3, ru-cc-280-3, ru-cc-207-3]) or any(applications, reasons contains not-prominent)", D20220224);
        _raiseNoImminentRisk = RuleOf("rule-raise-no-imminent-risk", "military.status = civilian and none(summonses, served in [personally, relative, deemed]) and none(proceedings, kind = criminal)", D20220224);
        _raiseMobilisationEnded = RuleOf("rule-raise-mobilisation-ended", "military.status = civilian and (military.reserve = true or any(summonses, purpose = mobilisation))", D20221028);
        _raiseNoSummons = RuleOf("rule-raise-no-summons", "person.sex = male and military.status = civilian and (military.reserve = true or age <= param(ru-conscription-age-limit)) and none(summonses, served in [personally, relative, deemed])", D20220224);
        _raiseAlternativeService = RuleOf("rule-raise-alternative-service", "person.sex = male and objection.basis in [religious, moral] and military.status = civilian and age <= param(ru-conscription-age-limit)", D20200310);
        _raiseProsecutionLegitimate = RuleOf("rule-raise-prosecution-is-legitimate", "military.status in [deserted, awol, surrendered] or any(proceedings, kind = criminal and article in [ru-cc-328, ru-cc-332, ru-cc-337, ru-cc-338, ru-cc-339, ru-cc-352-1])", D20220224);
        _raiseShouldHaveProtested = RuleOf("rule-raise-should-have-protested", "objection.basis = political and none(activity, kind = protest)", D20220224);
        _raiseSafeThirdCountry = RuleOf("rule-raise-safe-third-country", "any(departure.route, it != RU and it != destination and not in_group(it, EU))", null);
        _raiseCredibility = RuleOf("rule-raise-credibility-undocumented", "any(summonses, served in [personally, relative, deemed] and (evidence is unknown or evidence is empty)) or any(proceedings, evidence is unknown or evidence is empty)", null);
        _raiseDublin = RuleOf("rule-raise-dublin", "any(departure.route, it != destination and in_group(it, EU))", null);
        _deEvaderNoImminentRisk = RuleOf("de-rule-evader-no-imminent-risk", "military.status in [civilian, discharged] and none(summonses, purpose in [mobilisation, conscription] and served in [personally, relative, deemed])", D20230101);
        _deOvgConscripts = RuleOf("de-rule-ovg-conscripts-not-deployed", ConscriptionAgeWhen, D20240822);
        _dePotsdamAlternative = RuleOf("de-rule-potsdam-alternative-service", ConscriptionAgeWhen, D20230421);
        _deDesertersMobilisationEnded = RuleOf("de-rule-deserters-mobilisation-ended-2026", DesertedOrAwolWhen, D20260101);
        _deDesertersProsecution = RuleOf("de-rule-deserters-prosecution-legitimate-2026", DesertedOrAwolWhen, D20260101);

        _xProceedings = RuleOf("rule-exposure-proceedings", "country = RU and article is known", null);
        _xDiscrediting = RuleOf("rule-exposure-discrediting", "any(activity, anti_war = true and kind in [blog, telegram-channel, social-media, protest, journalism] and (to is unknown or to >= 2022-03-04))", D20220304);
        _xRepeatDiscrediting = RuleOf("rule-exposure-repeat-discrediting", "any(proceedings, article = ru-coap-20-3-3 and status in [opened, charged, fined, convicted]) and any(activity, anti_war = true and to is unknown)", D20220304);
        _xFailureToAppear = RuleOf("rule-exposure-failure-to-appear", "military.status = civilian and any(summonses, served in [personally, relative, deemed] and purpose in [mobilisation, conscription, data-check])", null);
        _xConscriptionEvasion = RuleOf("rule-exposure-conscription-evasion", "military.status = civilian and any(summonses, purpose = conscription and served in [personally, relative, deemed])", null);
        _xDesertion = RuleOf("rule-exposure-desertion", "military.status = deserted", null);
        _xAwol = RuleOf("rule-exposure-awol", "military.status = awol", null);
        _xSurrender = RuleOf("rule-exposure-surrender", "military.status = surrendered", D20220924);
        _xExtremist = RuleOf("rule-exposure-extremist-organisation", "objection.religion = \"Jehovah's Witnesses\"", D20170420);
        _xTreason = RuleOf("rule-exposure-treason-donation", "any(activity, kind = donation and anti_war = true)", D20220701);

        _gUntranslated = GapOf("gap-untranslated-evidence", "translated = false and language != en");
        _gLanguageUnknown = GapOf("gap-evidence-language-unknown", "language is unknown");
        _gSummons = GapOf("gap-summons-not-attached", "served in [personally, relative, deemed] and (evidence is unknown or evidence is empty)");
        _gProceeding = GapOf("gap-proceeding-not-documented", "evidence is unknown or evidence is empty");
        _gAuthorship = GapOf("gap-online-authorship", "kind in [blog, telegram-channel, social-media] and anti_war = true");
        _gDesertion = GapOf("gap-desertion-not-documented", "military.status in [deserted, awol, surrendered] and none(evidence, proves contains \"desertion\")");
        _gObjection = GapOf("gap-objection-not-documented", "objection.basis in [religious, moral] and none(evidence, proves contains \"objection\")");

        Rebuttal[] rebuttals =
        [
            RebuttalOf("rebut-not-prominent-ordinary-people-prosecuted", D20220304, null, null),
            RebuttalOf("rebut-not-prominent-no-prominence-test", null, null, null),
            RebuttalOf("rebut-not-prominent-small-acts-punished", D20220224, null, null),
            RebuttalOf("rebut-mobilisation-ended-decree-not-revoked", D20220921, null, null),
            RebuttalOf("rebut-mobilisation-ended-electronic-summons", D20230414, null, null),
            RebuttalOf("rebut-mobilisation-ended-new-call-up-routes", D20240101, null, null),
            RebuttalOf("rebut-mobilisation-ended-ex-nunc", null, null, null),
            RebuttalOf("rebut-mobilisation-ended-wartime-sanctions", D20220924, "military.status in [deserted, awol, surrendered, mobilised]",
                c => Known(c.Military?.Status) is { } s ? Of(s is "deserted" or "awol" or "surrendered" or "mobilised") : Tri.Unknown),
            RebuttalOf("rebut-no-summons-anticipatory-refusal", null, null, null),
            RebuttalOf("rebut-no-summons-deemed-served", D20230414, null, null),
            RebuttalOf("rebut-no-summons-reservists-callable", D20220921, "military.reserve = true", c => BoolIs(c.Military?.Reserve)),
            RebuttalOf("rebut-alternative-service-dyagilev-limited", D20220916, null, null),
            RebuttalOf("rebut-alternative-service-in-practice", D20220921, null, null),
            RebuttalOf("rebut-alternative-service-only-means", null, null, null),
            RebuttalOf("rebut-alternative-service-discloses-faith", D20170420, "objection.religion = \"Jehovah's Witnesses\"", c => TextIs(c.Objection?.Religion, "Jehovah's Witnesses")),
            RebuttalOf("rebut-prosecution-legitimate-international-crimes", D20220302, null, null),
            RebuttalOf("rebut-prosecution-legitimate-disproportionate", D20220924, DesertedAwolSurrenderedWhen, c => DesertedAwolSurrendered(c)),
            RebuttalOf("rebut-security-threat-individual-assessment", null, null, null),
            RebuttalOf("rebut-should-have-protested-protest-is-an-offence", D20220304, null, null),
            RebuttalOf("rebut-credibility-benefit-of-doubt", null, null, null),
            // Transit countries that are not safe: usable for every destination other than the country itself.
            RebuttalOf("rebut-safe-third-country-kz-handovers", D20221230, "departure.route contains KZ and destination != KZ", c => RouteContains(c, "KZ")),
            RebuttalOf("rebut-safe-third-country-am-wanted-list-detentions", new(2023, 4, 11), "departure.route contains AM and destination != AM", c => RouteContains(c, "AM")),
            RebuttalOf("rebut-safe-third-country-am-renditions", new(2023, 12, 10), "departure.route contains AM and destination != AM", c => RouteContains(c, "AM")),
            RebuttalOf("rebut-safe-third-country-kg-handovers", new(2023, 10, 16), "departure.route contains KG and destination != KG", c => RouteContains(c, "KG")),
            RebuttalOf("rebut-safe-third-country-ge-entry-refusals", new(2022, 6, 25), "departure.route contains GE and destination != GE", c => RouteContains(c, "GE")),
            RebuttalOf("rebut-safe-third-country-ae-extradition-risk", null, "departure.route contains AE and destination != AE and any(proceedings, kind = criminal)",
                c => And(RouteContains(c, "AE"), c.Proceedings is { } ps ? ps.Aggregate(Tri.False, static (any, p) => Or(any, Is(Known(p.Kind), "criminal"))) : Tri.Unknown)),
            RebuttalOf("rebut-safe-third-country-il-no-stay-outside-law-of-return", new(2022, 10, 1), "departure.route contains IL and destination != IL", c => RouteContains(c, "IL")),
            RebuttalOf("rebut-safe-third-country-tr-no-lasting-stay", new(2022, 12, 26), "departure.route contains TR and destination != TR", c => RouteContains(c, "TR")),
            RebuttalOf("rebut-safe-third-country-rs-security-risk", new(2023, 7, 1), "departure.route contains RS and destination != RS", c => RouteContains(c, "RS")),
            RebuttalOf("de-rebut-mobilisation-ended-conscription-risk", D20250120, ConscriptionAgeWhen, null),
            RebuttalOf("de-rebut-no-imminent-risk-conscription-age", D20230320, ConscriptionAgeWhen, null),
            RebuttalOf("de-rebut-no-summons-conscription-age", D20230320, ConscriptionAgeWhen, null),
            RebuttalOf("de-rebut-alternative-service-not-realistic", D20240304, ConscriptionAgeWhen, null),
            RebuttalOf("de-rebut-internal-protection-conscription", D20240304, ConscriptionAgeWhen, null),
            RebuttalOf("de-rebut-mobilisation-ended-deserters", D20260101, DesertedOrAwolWhen, c => DesertedOrAwol(c)),
            RebuttalOf("de-rebut-prosecution-legitimate-deserters", D20260101, DesertedOrAwolWhen, c => DesertedOrAwol(c)),
        ];
        foreach (var group in rebuttals.GroupBy(r => r.Answers))
            _rebuttals[group.Key] = [.. group.OrderBy(r => r.Entry.Id, StringComparer.Ordinal)];

        _pathways = [.. kb.Entries.Where(e => e.Details is PathwayDetails && e.Jurisdictions.Contains(De)).Select(PathwayOf)];
        _practice = [.. kb.Entries.Where(e => e.Details is PracticeDetails && e.Jurisdictions.Contains(De)).Select(PracticeOf)];

        CheckNothingElseAppliesToGermany();
    }

    // ==== the assessment ========================================================================

    public GermanyAssessment Assess(CaseFile c, LocalDate asOf)
    {
        var grounds = Grounds(c, asOf);
        var pathways = Pathways(c, asOf);
        var practice = Practice(c, asOf);
        var objections = Objections(c, asOf);
        var exposures = Exposures(c, asOf);
        var gaps = Gaps(c, asOf, grounds);

        // The ranking: best ground, then German rules behind met elements, grounds at least arguable,
        // pathways open, practice known, and objections (unanswered ones weigh more).
        var best = grounds[0];
        int arguable = 0, national = 0;
        foreach (var g in grounds)
        {
            if (g.Status > best.Status || (g.Status == best.Status && string.CompareOrdinal(g.Id, best.Id) < 0)) best = g;
            if (g.Status >= GroundStatus.Arguable) arguable++;
            foreach (var e in g.Elements) national += e.National;
        }
        int open = 0, restricted = 0, unanswered = 0;
        foreach (var p in pathways)
        {
            if (p.State == PathwayState.Open) open++;
            else if (p.State == PathwayState.Restricted) restricted++;
        }
        foreach (var o in objections)
            if (o.Rebuttals.IsEmpty) unanswered++;
        var score = (int)best.Status * 100 + Math.Min(national, 3) * 15 + arguable * 10 + Math.Min(open, 3) * 4
            + Math.Min(restricted, 3) + (practice.IsEmpty ? -5 : 0) - objections.Length * 2 - unanswered * 5;
        var word = StatusWord(best.Status);
        var ranking = new Bilingual(
            $"best ground {best.Id} {word.En}; national practice supports {national} element(s), {practice.Length} practice entr{(practice.Length == 1 ? "y" : "ies")} known; {open} pathway(s) open, {restricted} restricted; {objections.Length} likely objection(s), {unanswered} without a rebuttal",
            $"лучшее основание {best.Id}: {word.Ru}; национальная практика подтверждает элементов: {national}, известно записей о практике: {practice.Length}; путей открыто: {open}, ограничено: {restricted}; вероятных возражений: {objections.Length}, без опровержения: {unanswered}");
        return new GermanyAssessment(score, ranking, pathways, grounds, practice, objections, gaps, exposures);
    }

    // ---- grounds ------------------------------------------------------------------------------

    private ImmutableArray<GroundResult> Grounds(CaseFile c, LocalDate asOf)
    {
        // Each element's rules, added in rule-id order (the order the engine explains them in).
        var echrOutside = new ElementRules(c, asOf);
        echrOutside.Add(_outsideCountryEchr, OutsideCountry, Support.Strong);
        var art3 = new ElementRules(c, asOf);
        art3.Add(_art3Deserter, DesertedAwolSurrendered, Support.Arguable);

        var rsOutside = new ElementRules(c, asOf);
        rsOutside.Add(_outsideCountry, OutsideCountry, Support.Strong);
        var refusal = new ElementRules(c, asOf);
        refusal.Add(_deDesertersProtected, DesertedAwolSurrendered, Support.Strong);
        refusal.Add(_refusalConscription, CivilianWithConscriptionSummons, Support.Arguable);
        refusal.Add(_refusalDeserter, DesertedAwolSurrendered, Support.Arguable);
        refusal.Add(_refusalMobilisation, CivilianWithMobilisationSummons, Support.Arguable);
        refusal.Add(_refusalReservist, ReservistWithoutSummons, Support.Weak);
        var speech = new ElementRules(c, asOf);
        speech.Add(_speechCriminal, SpeechCriminalCase, Support.Strong);
        speech.Add(_speechProceedings, SpeechProceedings, Support.Arguable);
        var objector = new ElementRules(c, asOf);
        objector.Add(_conscientiousObjection, ReligiousOrMoralObjector, Support.Arguable);
        var imputed = new ElementRules(c, asOf);
        imputed.Add(_imputedActivity, AntiWarActivity, Support.Arguable);
        imputed.Add(_imputedRefusal, RefusedService, Support.Arguable);
        var religion = new ElementRules(c, asOf);
        religion.Add(_religion, NamedFaith, Support.Arguable);
        religion.Add(_religionBannedFaith, BannedFaith, Support.Strong);

        var spOutside = new ElementRules(c, asOf);
        spOutside.Add(_outsideCountrySubsidiary, OutsideCountry, Support.Strong);
        var harm = new ElementRules(c, asOf);
        harm.Add(_deBerlinConscripts, MaleOfConscriptionAge, Support.Arguable);
        harm.Add(_seriousHarmMobilisation, CivilianWithMobilisationSummons, Support.Arguable);
        harm.Add(_seriousHarmRefuser, DeserterOrCriminalCase, Support.Arguable);

        return
        [
            Ground(asOf, _grounds[0], [echrOutside, art3]),
            Ground(asOf, _grounds[1], [rsOutside, refusal, speech, objector, imputed, religion]),
            Ground(asOf, _grounds[2], [spOutside, harm]),
        ];
    }

    private GroundResult Ground(LocalDate asOf, GroundText ground, ElementRules[] rules)
    {
        var elements = ImmutableArray.CreateBuilder<ElementResult>(rules.Length);
        for (var i = 0; i < rules.Length; i++) elements.Add(Element(asOf, ground.Elements[i], rules[i]));

        GroundStatus status;
        GroundElement? unmetRequirement = null;
        var anyRequirementUnknown = false;
        var bestRoute = (Support?)null;
        var anyRouteUnknown = false;
        for (var i = 0; i < elements.Count; i++)
        {
            var e = elements[i];
            if (ground.Elements[i].Role == ElementRole.Requirement)
            {
                if (e.Met == Tri.False) unmetRequirement ??= ground.Elements[i];
                else if (e.Met == Tri.Unknown) anyRequirementUnknown = true;
            }
            else if (e.Met == Tri.True) bestRoute = bestRoute is null || e.Support > bestRoute ? e.Support : bestRoute;
            else if (e.Met == Tri.Unknown) anyRouteUnknown = true;
        }
        if (unmetRequirement is not null) status = GroundStatus.NotMet;
        else
        {
            status = bestRoute switch
            {
                Support.Strong => GroundStatus.Strong,
                Support.Arguable => GroundStatus.Arguable,
                Support.Weak => GroundStatus.Weak,
                _ => anyRouteUnknown ? GroundStatus.Weak : GroundStatus.NotMet,
            };
            if (anyRequirementUnknown && status == GroundStatus.Strong) status = GroundStatus.Arguable;
        }

        var sources = new List<string>();
        CiteOrSelf(ground.Id, ground.Because, asOf, sources);
        var metTitles = new List<Bilingual>();
        for (var i = 0; i < elements.Count; i++)
        {
            var e = elements[i];
            if (e.Met != Tri.True) continue;
            foreach (var s in e.Sources) AddOnce(sources, s);
            if (ground.Elements[i].Role == ElementRole.Route) metTitles.Add(ground.Elements[i].Title);
        }
        sources.Sort(StringComparer.Ordinal);

        var word = StatusWord(status);
        var summary = metTitles.Count == 0
            ? new Bilingual($"{ground.Title.En}: {word.En}; no route to it is established on the facts.",
                            $"{ground.Title.Ru}: {word.Ru}; ни одно основание не установлено фактами дела.")
            : new Bilingual($"{ground.Title.En}: {word.En}, through: {string.Join("; ", metTitles.Select(m => m.En))}.",
                            $"{ground.Title.Ru}: {word.Ru}, через: {string.Join("; ", metTitles.Select(m => m.Ru))}.");
        var explanation = unmetRequirement is null ? summary
            : new Bilingual($"{summary.En} A requirement is not met: {unmetRequirement.Title.En}.",
                            $"{summary.Ru} Не выполнено обязательное условие: {unmetRequirement.Title.Ru}.");
        return new GroundResult(ground.Id, status, elements.MoveToImmutable(), explanation, [.. sources]);
    }

    private ElementResult Element(LocalDate asOf, GroundElement element, ElementRules rules)
    {
        var met = Tri.False;
        foreach (var r in rules.Items) if (r.Outcome > met) met = r.Outcome;
        if (met == Tri.False)
            return new ElementResult(element.Id, Tri.False, null,
                new Bilingual($"Not met on the facts ({element.Title.En}).", $"Не выполнено по фактам дела ({element.Title.Ru})."), [], [], []);

        var sources = new List<string>();
        var ruleIds = ImmutableArray.CreateBuilder<string>();
        var unknown = met == Tri.Unknown ? new List<string>() : null;
        Support? support = null;
        var national = 0;
        var summariesEn = new List<string>();
        var summariesRu = new List<string>();
        foreach (var r in rules.Items)
        {
            if (r.Outcome != met) continue;
            ruleIds.Add(r.Rule.Id);
            CiteOrSelf(r.Rule.Id, r.Rule.Because, asOf, sources);
            if (met == Tri.True)
            {
                if (support is null || r.Support > support) support = r.Support;
                if (r.Rule.National) national++;
                summariesEn.Add(r.Rule.Summary.En);
                summariesRu.Add(r.Rule.Summary.Ru);
            }
            else r.Test(rules.Case, asOf, unknown);   // again, collecting the facts it could not decide on
        }
        sources.Sort(StringComparer.Ordinal);
        Bilingual explanation;
        ImmutableArray<string> unknownFacts = [];
        if (met == Tri.True)
            explanation = new Bilingual($"Met ({element.Title.En}): {string.Join(' ', summariesEn)}", $"Выполнено ({element.Title.Ru}): {string.Join(' ', summariesRu)}");
        else
        {
            unknownFacts = [.. unknown!.Distinct(StringComparer.Ordinal)];
            var facts = string.Join(", ", unknownFacts);
            explanation = new Bilingual($"Not established ({element.Title.En}): the case does not say {facts}.",
                                        $"Не установлено ({element.Title.Ru}): в деле нет сведений: {facts}.");
        }
        return new ElementResult(element.Id, met, support, explanation, [.. sources], unknownFacts, ruleIds.ToImmutable()) { National = national };
    }

    // ---- pathways and practice ---------------------------------------------------------------

    private ImmutableArray<PathwayResult> Pathways(CaseFile c, LocalDate asOf)
    {
        var result = ImmutableArray.CreateBuilder<PathwayResult>();
        foreach (var p in _pathways)
        {
            if (!p.Entry.AppliesOn(asOf)) continue;
            PathwayStatePeriod? period = null;
            foreach (var s in p.States)
                if (s.Period.Contains(asOf)) { period = s; break; }
            if (period is null) continue;
            var state = p.AppliesWhen is { } when && when(c, asOf) == Tri.False ? PathwayState.NotApplicable : period.State;
            var title = p.Entry.Title;
            Bilingual explanation;
            if (state == PathwayState.NotApplicable)
                explanation = new Bilingual($"{title.En}: does not fit the person's situation.", $"{title.Ru}: не соответствует положению лица.");
            else
            {
                var word = StateWord(state);
                var from = period.Period.From?.ToString() ?? "…";
                var note = period.Note ?? p.Entry.Summary;
                explanation = new Bilingual($"{title.En}: {word.En} (from {from}). {note.En}", $"{title.Ru}: {word.Ru} (с {from}). {note.Ru}");
            }
            var sources = new List<string> { p.Entry.Id };
            foreach (var b in period.Because) AddOnce(sources, b);
            Cite(p.Because, asOf, sources);
            result.Add(new PathwayResult(p.Entry.Id, state, explanation, [.. sources]));
        }
        return result.ToImmutable();
    }

    private ImmutableArray<PracticeResult> Practice(CaseFile c, LocalDate asOf)
    {
        var result = ImmutableArray.CreateBuilder<PracticeResult>();
        foreach (var p in _practice)
        {
            if (!p.Entry.AppliesOn(asOf)) continue;
            if (p.RelevantWhen is { } when && when(c, asOf) == Tri.False) continue;
            var sources = new List<string> { p.Entry.Id };
            Cite(p.Because, asOf, sources);
            result.Add(new PracticeResult(p.Entry.Id, p.Entry.Summary, [.. sources]));
        }
        return result.ToImmutable();
    }

    // ---- objections --------------------------------------------------------------------------

    private ImmutableArray<ObjectionResult> Objections(CaseFile c, LocalDate asOf)
    {
        var raised = new List<(string Objection, Rule Rule)>();
        void Raise(Rule rule, string objection, Func<CaseFile, LocalDate, bool> test)
        {
            if (rule.On(asOf) && test(c, asOf)) raised.Add((objection, rule));
        }

        Raise(_raiseNotProminent, "not-prominent", static (c, _) =>
            AnyActivity(c, static a => a.AntiWar == true)
            || AnyProceeding(c, static p => p.Article is "ru-coap-20-3-3" or "ru-cc-280-3" or "ru-cc-207-3")
            || (c.Applications is { } apps && apps.Any(static a => a.Reasons is { } r && r.Contains("not-prominent"))));
        Raise(_raiseNoImminentRisk, "no-imminent-risk", static (c, _) =>
            IsCivilian(c) && NoSummonsServed(c) == Tri.True
            && c.Proceedings is { } ps && ps.All(static p => Known(p.Kind) is { } k && k != "criminal"));
        Raise(_raiseMobilisationEnded, "mobilisation-ended", static (c, _) =>
            IsCivilian(c) && (c.Military?.Reserve == true || AnySummons(c, static s => Known(s.Purpose) == "mobilisation")));
        Raise(_raiseNoSummons, "no-summons", static (c, asOf) =>
            Known(c.Person?.Sex) == "male" && IsCivilian(c) && (c.Military?.Reserve == true || AgeAtMostLimit(c, asOf, null) == Tri.True) && NoSummonsServed(c) == Tri.True);
        Raise(_raiseAlternativeService, "alternative-service-available", static (c, asOf) =>
            Known(c.Person?.Sex) == "male" && Known(c.Objection?.Basis) is "religious" or "moral" && IsCivilian(c) && AgeAtMostLimit(c, asOf, null) == Tri.True);
        Raise(_raiseProsecutionLegitimate, "prosecution-is-legitimate", static (c, _) =>
            DesertedAwolSurrendered(c) == Tri.True
            || AnyProceeding(c, static p => Known(p.Kind) == "criminal" && p.Article is "ru-cc-328" or "ru-cc-332" or "ru-cc-337" or "ru-cc-338" or "ru-cc-339" or "ru-cc-352-1"));
        Raise(_raiseShouldHaveProtested, "should-have-protested", static (c, _) =>
            Known(c.Objection?.Basis) == "political" && c.Activity is { } acts && acts.All(static a => Known(a.Kind) is { } k && k != "protest"));
        Raise(_raiseSafeThirdCountry, "safe-third-country", (c, _) =>
            c.Departure?.Route is { } route && route.Any(x => x != "RU" && x != De && !_euMembers.Contains(x)));
        Raise(_raiseCredibility, "credibility", static (c, _) =>
            AnySummons(c, static s => ServedIn(s.Served) == Tri.True && (s.Evidence is null || s.Evidence.Count == 0))
            || AnyProceeding(c, static p => p.Evidence is null || p.Evidence.Count == 0));
        Raise(_raiseDublin, "dublin-responsibility", (c, _) =>
            c.Departure?.Route is { } route && route.Any(x => x != De && _euMembers.Contains(x)));
        Raise(_deEvaderNoImminentRisk, "no-imminent-risk", static (c, _) =>
            Known(c.Military?.Status) is "civilian" or "discharged" && c.Summonses is { } ss
            && ss.All(static s => (Known(s.Purpose) is { } p && p is not ("mobilisation" or "conscription")) || ServedIn(s.Served) == Tri.False));
        Raise(_deOvgConscripts, "no-imminent-risk", static (c, asOf) => YoungCivilianMan(c, asOf) == Tri.True);
        Raise(_dePotsdamAlternative, "alternative-service-available", static (c, asOf) => YoungCivilianMan(c, asOf) == Tri.True);
        Raise(_deDesertersMobilisationEnded, "mobilisation-ended", static (c, _) => DesertedOrAwol(c) == Tri.True);
        Raise(_deDesertersProsecution, "prosecution-is-legitimate", static (c, _) => DesertedOrAwol(c) == Tri.True);

        raised.Sort(static (a, b) =>
        {
            var byObjection = string.CompareOrdinal(a.Objection, b.Objection);
            return byObjection != 0 ? byObjection : string.CompareOrdinal(a.Rule.Id, b.Rule.Id);
        });
        var result = ImmutableArray.CreateBuilder<ObjectionResult>();
        for (var i = 0; i < raised.Count;)
        {
            var id = raised[i].Objection;
            var objection = _used[id];
            var rebuttals = ImmutableArray.CreateBuilder<RebuttalResult>();
            if (_rebuttals.TryGetValue(id, out var candidates))
                foreach (var r in candidates)
                {
                    if (!r.On(asOf) || (r.When is { } when && when(c, asOf) != Tri.True)) continue;
                    var cites = new List<string>();
                    Cite(r.Cites, asOf, cites);
                    if (cites.Count == 0) continue;
                    rebuttals.Add(new RebuttalResult(r.Entry.Id, r.Entry.Summary, [.. cites]));
                }
            var sources = new List<string> { id };
            var rules = ImmutableArray.CreateBuilder<string>();
            var en = new List<string> { $"{objection.Title.En}. Likely because:" };
            var ru = new List<string> { $"{objection.Title.Ru}. Вероятно, потому что:" };
            for (; i < raised.Count && raised[i].Objection == id; i++)
            {
                var rule = raised[i].Rule;
                rules.Add(rule.Id);
                CiteOrSelf(rule.Id, rule.Because, asOf, sources);
                en.Add(rule.Summary.En);
                ru.Add(rule.Summary.Ru);
            }
            sources.Sort(StringComparer.Ordinal);
            result.Add(new ObjectionResult(id, rebuttals.ToImmutable(), new Bilingual(string.Join(' ', en), string.Join(' ', ru)), [.. sources], rules.ToImmutable()));
        }
        return result.ToImmutable();
    }

    // ---- exposure ----------------------------------------------------------------------------

    private ImmutableArray<ExposureResult> Exposures(CaseFile c, LocalDate asOf)
    {
        var exposed = new List<(string Article, Rule Rule)>();
        if (c.Proceedings is { } proceedings)
            foreach (var p in proceedings)
                if (p.Country == "RU" && p.Article is { } article) exposed.Add((article, _xProceedings));
        if (_xDiscrediting.On(asOf) && AnyActivity(c, static a => a.AntiWar == true
                && Known(a.Kind) is "blog" or "telegram-channel" or "social-media" or "protest" or "journalism"
                && (a.To is null || a.To >= D20220304)))
            exposed.Add(("ru-coap-20-3-3", _xDiscrediting));
        if (_xRepeatDiscrediting.On(asOf)
            && AnyProceeding(c, static p => p.Article == "ru-coap-20-3-3" && Known(p.Status) is "opened" or "charged" or "fined" or "convicted")
            && AnyActivity(c, static a => a.AntiWar == true && a.To is null))
            exposed.Add(("ru-cc-280-3", _xRepeatDiscrediting));
        if (IsCivilian(c) && AnySummons(c, static s => ServedIn(s.Served) == Tri.True && Known(s.Purpose) is "mobilisation" or "conscription" or "data-check"))
            exposed.Add(("ru-coap-21-5", _xFailureToAppear));
        if (IsCivilian(c) && AnySummons(c, static s => Known(s.Purpose) == "conscription" && ServedIn(s.Served) == Tri.True))
            exposed.Add(("ru-cc-328", _xConscriptionEvasion));
        var status = Known(c.Military?.Status);
        if (status == "deserted") exposed.Add(("ru-cc-338", _xDesertion));
        if (status == "awol") exposed.Add(("ru-cc-337", _xAwol));
        if (status == "surrendered" && _xSurrender.On(asOf)) exposed.Add(("ru-cc-352-1", _xSurrender));
        if (_xExtremist.On(asOf) && c.Objection?.Religion == "Jehovah's Witnesses") exposed.Add(("ru-cc-282-2", _xExtremist));
        if (_xTreason.On(asOf) && AnyActivity(c, static a => Known(a.Kind) == "donation" && a.AntiWar == true)) exposed.Add(("ru-cc-275", _xTreason));

        exposed.Sort(static (a, b) =>
        {
            var byArticle = string.CompareOrdinal(a.Article, b.Article);
            return byArticle != 0 ? byArticle : string.CompareOrdinal(a.Rule.Id, b.Rule.Id);
        });
        var result = ImmutableArray.CreateBuilder<ExposureResult>();
        for (var i = 0; i < exposed.Count;)
        {
            var id = exposed[i].Article;
            var article = _kb.Find(id);
            if (article?.Details is not RussianLawDetails law || !article.AppliesOn(asOf))
            {
                while (i < exposed.Count && exposed[i].Article == id) i++;
                continue;
            }
            var penaltiesEn = new List<string>();
            var penaltiesRu = new List<string>();
            foreach (var p in law.Penalties)
            {
                if (!p.Period.Contains(asOf)) continue;
                penaltiesEn.Add(p.Part is { } part ? $"part {part}: {p.Text.En}" : p.Text.En);
                penaltiesRu.Add(p.Part is { } partRu ? $"часть {partRu}: {p.Text.Ru}" : p.Text.Ru);
            }
            var penalty = penaltiesEn.Count > 0 ? new Bilingual(string.Join("; ", penaltiesEn), string.Join("; ", penaltiesRu)) : PenaltyNotRecorded;
            var sources = new List<string> { id };
            var rules = ImmutableArray.CreateBuilder<string>();
            var en = new List<string> { article.Title.En + "." };
            var ru = new List<string> { article.Title.Ru + "." };
            string? previous = null;
            for (; i < exposed.Count && exposed[i].Article == id; i++)
            {
                var rule = exposed[i].Rule;
                if (rule.Id == previous) continue;
                previous = rule.Id;
                rules.Add(rule.Id);
                Cite(rule.Because, asOf, sources);
                en.Add(rule.Summary.En);
                ru.Add(rule.Summary.Ru);
            }
            result.Add(new ExposureResult(id, penalty, new Bilingual(string.Join(' ', en), string.Join(' ', ru)), [.. sources], rules.ToImmutable()));
        }
        return result.ToImmutable();
    }

    // ---- gaps ----------------------------------------------------------------------------------

    private ImmutableArray<GapResult> Gaps(CaseFile c, LocalDate asOf, ImmutableArray<GroundResult> grounds)
    {
        var gaps = new List<GapResult>();
        if (c.Evidence is { } evidence)
            foreach (var e in evidence)
            {
                if (e.Translated == false && e.Language is { } language && language != "en")
                    gaps.Add(Gap(_gUntranslated, asOf, $"{_gUntranslated.Entry.Id}:{e.Id}", $"evidence.{e.Id}", FillEvidence(_gUntranslated.Need, e)));
                if (e.Language is null)
                    gaps.Add(Gap(_gLanguageUnknown, asOf, $"{_gLanguageUnknown.Entry.Id}:{e.Id}", $"evidence.{e.Id}.language", FillEvidence(_gLanguageUnknown.Need, e)));
            }
        if (c.Summonses is { } summonses)
            for (var i = 0; i < summonses.Count; i++)
            {
                var s = summonses[i];
                if (ServedIn(s.Served) != Tri.True || (s.Evidence is not null && s.Evidence.Count > 0)) continue;
                var date = s.Date is { } d ? d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "?";
                gaps.Add(Gap(_gSummons, asOf, $"{_gSummons.Entry.Id}:{i}", $"summonses.{date}", Fill(_gSummons.Need, "{date}", date)));
            }
        if (c.Proceedings is { } proceedings)
            for (var i = 0; i < proceedings.Count; i++)
            {
                var p = proceedings[i];
                if (p.Evidence is not null && p.Evidence.Count > 0) continue;
                var article = p.Article ?? "?";
                var need = Fill(Fill(_gProceeding.Need, "{kind}", Known(p.Kind) ?? "?"), "{article}", article);
                gaps.Add(Gap(_gProceeding, asOf, $"{_gProceeding.Entry.Id}:{i}", $"proceedings.{article}", need));
            }
        if (c.Activity is { } activity)
            for (var i = 0; i < activity.Count; i++)
            {
                var a = activity[i];
                if (Known(a.Kind) is not ("blog" or "telegram-channel" or "social-media") || a.AntiWar != true) continue;
                gaps.Add(Gap(_gAuthorship, asOf, $"{_gAuthorship.Entry.Id}:{i}", $"activity.{a.Kind}", Fill(_gAuthorship.Need, "{kind}", a.Kind!)));
            }
        if (DesertedAwolSurrendered(c) == Tri.True && NoEvidenceProves(c, "desertion"))
            gaps.Add(Gap(_gDesertion, asOf, _gDesertion.Entry.Id, "desertion", _gDesertion.Need));
        if (Known(c.Objection?.Basis) is "religious" or "moral" && NoEvidenceProves(c, "objection"))
            gaps.Add(Gap(_gObjection, asOf, _gObjection.Entry.Id, "objection", _gObjection.Need));

        // Facts the grounds could not be decided on, each with the elements that needed it.
        var needs = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var g in grounds)
            foreach (var e in g.Elements)
            {
                if (e.Met != Tri.Unknown) continue;
                foreach (var path in e.UnknownFacts)
                {
                    if (!needs.TryGetValue(path, out var list)) needs[path] = list = [];
                    var element = $"{g.Id}/{e.Id}";
                    if (!list.Contains(element)) list.Add(element);
                }
            }
        foreach (var (path, elements) in needs)
        {
            var described = _factsByPath.GetValueOrDefault(WithoutIndexes(path));
            var need = (described?.Details as FactDetails)?.Need
                ?? new Bilingual($"Establish '{path}' and attach evidence of it.", $"Установите «{path}» и приложите доказательства.");
            var list = string.Join(", ", elements);
            gaps.Add(new GapResult($"unknown:{path}", path, need,
                new Bilingual($"Unknown in the case, and needed to decide: {list}.", $"Неизвестно по делу и необходимо для оценки: {list}."),
                described is null ? [] : [described.Id]));
        }

        gaps.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        var unique = ImmutableArray.CreateBuilder<GapResult>(gaps.Count);
        foreach (var g in gaps)
            if (unique.Count == 0 || unique[^1].Id != g.Id) unique.Add(g);
        return unique.ToImmutable();
    }

    private GapResult Gap(GapRule rule, LocalDate asOf, string id, string fact, Bilingual need)
    {
        var sources = new List<string>();
        CiteOrSelf(rule.Entry.Id, rule.Because, asOf, sources);
        return new GapResult(id, fact, need, rule.Entry.Summary, [.. sources]);
    }

    private static Bilingual FillEvidence(Bilingual need, EvidenceItem e) => Fill(Fill(need, "{id}", e.Id), "{title}", e.Title ?? "?");

    private static Bilingual Fill(Bilingual text, string placeholder, string value) =>
        new(text.En.Replace(placeholder, value, StringComparison.Ordinal), text.Ru.Replace(placeholder, value, StringComparison.Ordinal));

    /// <summary><c>summonses[0].served</c> is described by the entry for <c>summonses.served</c>.</summary>
    private static string WithoutIndexes(string path)
    {
        if (!path.Contains('[', StringComparison.Ordinal)) return path;
        var sb = new System.Text.StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '[')
            {
                var j = i + 1;
                while (j < path.Length && char.IsAsciiDigit(path[j])) j++;
                if (j > i + 1 && j < path.Length && path[j] == ']') { i = j; continue; }
            }
            sb.Append(path[i]);
        }
        return sb.ToString();
    }

    // ==== conditions ============================================================================
    // Three-valued, as the rule language defines them: a fact the case leaves out is unknown, and an
    // enumerated field whose value is "unknown" counts as left out. An element test, given a list,
    // adds the paths of the facts it could not decide on, in the order the engine reads them, keeping
    // a part's facts only when that part itself is unknown.

    private delegate Tri ElementTest(CaseFile c, LocalDate asOf, List<string>? unknown);

    private static string? Known(string? value) => value is null || value == CaseVocabulary.Unknown ? null : value;
    private static Tri Of(bool b) => b ? Tri.True : Tri.False;
    private static Tri And(Tri a, Tri b) => a < b ? a : b;
    private static Tri Or(Tri a, Tri b) => a > b ? a : b;
    private static Tri Is(string? value, string want) => value is null ? Tri.Unknown : Of(value == want);
    private static Tri IsNot(string? value, string want) => value is null ? Tri.Unknown : Of(value != want);
    private static Tri BoolIs(bool? value) => value is { } b ? Of(b) : Tri.Unknown;
    private static Tri TextIs(string? value, string want) => value is null ? Tri.Unknown : Of(value == want);
    private static Tri ServedIn(string? served) => Known(served) is { } s ? Of(s is "personally" or "relative" or "deemed") : Tri.Unknown;

    private static Tri Read(Tri outcome, List<string>? unknown, string path)
    {
        if (outcome == Tri.Unknown) unknown?.Add(path);
        return outcome;
    }

    /// <summary>Drops what a part added when the part turned out true or false.</summary>
    private static Tri Keep(Tri outcome, List<string>? unknown, int mark)
    {
        if (outcome != Tri.Unknown && unknown is not null && unknown.Count > mark) unknown.RemoveRange(mark, unknown.Count - mark);
        return outcome;
    }

    private static Tri RouteContains(CaseFile c, string country) => c.Departure?.Route is { } r ? Of(r.Contains(country)) : Tri.Unknown;

    private static bool IsCivilian(CaseFile c) => Known(c.Military?.Status) == "civilian";
    private static bool AnySummons(CaseFile c, Func<Summons, bool> test) => c.Summonses is { } list && list.Any(test);
    private static bool AnyProceeding(CaseFile c, Func<Proceeding, bool> test) => c.Proceedings is { } list && list.Any(test);
    private static bool AnyActivity(CaseFile c, Func<Activity, bool> test) => c.Activity is { } list && list.Any(test);

    private static Tri DesertedAwolSurrendered(CaseFile c) =>
        Known(c.Military?.Status) is { } s ? Of(s is "deserted" or "awol" or "surrendered") : Tri.Unknown;

    private static Tri DesertedOrAwol(CaseFile c) => Known(c.Military?.Status) is { } s ? Of(s is "deserted" or "awol") : Tri.Unknown;

    /// <summary><c>none(summonses, served in [personally, relative, deemed])</c>.</summary>
    private static Tri NoSummonsServed(CaseFile c, List<string>? unknown = null)
    {
        if (c.Summonses is not { } list) { unknown?.Add("summonses"); return Tri.Unknown; }
        var mark = unknown?.Count ?? 0;
        var any = Tri.False;
        for (var i = 0; i < list.Count && any != Tri.True; i++)
        {
            var served = ServedIn(list[i].Served);
            if (served == Tri.Unknown) unknown?.Add($"summonses[{i}].served");
            any = Or(any, served);
        }
        return Keep((Tri)(2 - (byte)any), unknown, mark);
    }

    /// <summary><c>none(evidence, proves contains "…")</c> is true.</summary>
    private static bool NoEvidenceProves(CaseFile c, string section)
    {
        if (c.Evidence is not { } list) return false;
        foreach (var e in list)
            if (e.Proves is null || e.Proves.Contains(section)) return false;
        return true;
    }

    private static int Years(LocalDate born, LocalDate on)
    {
        var years = on.Year - born.Year;
        var day = Math.Min(born.Day, CalendarSystem.Iso.GetDaysInMonth(on.Year, born.Month));
        if (on.Month < born.Month || (on.Month == born.Month && on.Day < day)) years--;
        return years;
    }

    /// <summary><c>age &lt;= param(ru-conscription-age-limit)</c>: 27 until the end of 2023, 30 since.</summary>
    private static Tri AgeAtMostLimit(CaseFile c, LocalDate asOf, List<string>? unknown)
    {
        if (c.Person?.Born is not { } born) { unknown?.Add("age"); return Tri.Unknown; }
        var limit = asOf <= D20231231 ? 27 : 30;
        var youngest = Math.Max(0, Years(born.Latest, asOf));
        var oldest = Math.Max(0, Years(born.Earliest, asOf));
        return oldest <= limit ? Tri.True : youngest > limit ? Tri.False : Tri.Unknown;
    }

    /// <summary><c>person.sex = male and age &lt;= param(…) and military.status = civilian</c>.</summary>
    private static Tri YoungCivilianMan(CaseFile c, LocalDate asOf)
    {
        var male = Is(Known(c.Person?.Sex), "male");
        if (male == Tri.False) return Tri.False;
        var young = And(male, AgeAtMostLimit(c, asOf, null));
        if (young == Tri.False) return Tri.False;
        return And(young, Is(Known(c.Military?.Status), "civilian"));
    }

    // whereabouts.country != RU and whereabouts.status != in-origin
    private static Tri OutsideCountry(CaseFile c, LocalDate asOf, List<string>? unknown)
    {
        var country = Read(IsNot(c.Whereabouts?.Country, "RU"), unknown, "whereabouts.country");
        if (country == Tri.False) return Tri.False;
        return And(country, Read(IsNot(Known(c.Whereabouts?.Status), "in-origin"), unknown, "whereabouts.status"));
    }

    // military.status in [deserted, awol, surrendered]
    private static Tri DesertedAwolSurrendered(CaseFile c, LocalDate asOf, List<string>? unknown) =>
        Read(DesertedAwolSurrendered(c), unknown, "military.status");

    // military.status = civilian and (military.registered is unknown or military.registered = true)
    //   and any(summonses, purpose = mobilisation and served in [personally, relative, deemed])
    private static Tri CivilianWithMobilisationSummons(CaseFile c, LocalDate asOf, List<string>? unknown) => CivilianWithSummons(c, "mobilisation", unknown);

    // military.status = civilian and (military.registered is unknown or military.registered = true)
    //   and any(summonses, purpose = conscription and served in [personally, relative, deemed])
    private static Tri CivilianWithConscriptionSummons(CaseFile c, LocalDate asOf, List<string>? unknown) => CivilianWithSummons(c, "conscription", unknown);

    private static Tri CivilianWithSummons(CaseFile c, string purpose, List<string>? unknown)
    {
        var civilian = RegisteredCivilian(c, unknown);
        if (civilian == Tri.False) return Tri.False;
        return And(civilian, AnySummonsServedFor(c, purpose, unknown));
    }

    // military.status = civilian and (military.registered is unknown or military.registered = true)
    // The second part is never unknown: it is false only for a man known not to be registered.
    private static Tri RegisteredCivilian(CaseFile c, List<string>? unknown)
    {
        var mark = unknown?.Count ?? 0;
        var civilian = Read(Is(Known(c.Military?.Status), "civilian"), unknown, "military.status");
        if (civilian == Tri.False) return Tri.False;
        return Keep(And(civilian, Of(c.Military?.Registered != false)), unknown, mark);
    }

    // any(summonses, purpose = <purpose> and served in [personally, relative, deemed])
    private static Tri AnySummonsServedFor(CaseFile c, string purpose, List<string>? unknown)
    {
        if (c.Summonses is not { } list) { unknown?.Add("summonses"); return Tri.Unknown; }
        var mark = unknown?.Count ?? 0;
        var any = Tri.False;
        for (var i = 0; i < list.Count && any != Tri.True; i++)
        {
            var itemMark = unknown?.Count ?? 0;
            var p = Is(Known(list[i].Purpose), purpose);
            if (p == Tri.Unknown) unknown?.Add($"summonses[{i}].purpose");
            var body = Tri.False;
            if (p != Tri.False)
            {
                var served = ServedIn(list[i].Served);
                if (served == Tri.Unknown) unknown?.Add($"summonses[{i}].served");
                body = And(p, served);
            }
            any = Or(any, Keep(body, unknown, itemMark));
        }
        return Keep(any, unknown, mark);
    }

    // military.status = civilian and (military.registered is unknown or military.registered = true) and military.reserve = true
    //   and none(summonses, served in [personally, relative, deemed])
    private static Tri ReservistWithoutSummons(CaseFile c, LocalDate asOf, List<string>? unknown)
    {
        var civilian = RegisteredCivilian(c, unknown);
        if (civilian == Tri.False) return Tri.False;
        var reserve = Read(BoolIs(c.Military?.Reserve), unknown, "military.reserve");
        var both = And(civilian, reserve);
        if (both == Tri.False) return Tri.False;
        return And(both, NoSummonsServed(c, unknown));
    }

    // any(proceedings, country = RU and (kind = blocking or article in [ru-coap-20-3-3, ru-cc-280-3, ru-cc-207-3]))
    private static Tri SpeechProceedings(CaseFile c, LocalDate asOf, List<string>? unknown)
    {
        if (c.Proceedings is not { } list) { unknown?.Add("proceedings"); return Tri.Unknown; }
        var mark = unknown?.Count ?? 0;
        var any = Tri.False;
        for (var i = 0; i < list.Count && any != Tri.True; i++)
        {
            var p = list[i];
            var itemMark = unknown?.Count ?? 0;
            var body = Read(Is(p.Country, "RU"), unknown, $"proceedings[{i}].country");
            if (body != Tri.False)
            {
                var orMark = unknown?.Count ?? 0;
                var either = Read(Is(Known(p.Kind), "blocking"), unknown, $"proceedings[{i}].kind");
                if (either != Tri.True)
                    either = Or(either, Read(p.Article is { } a ? Of(a is "ru-coap-20-3-3" or "ru-cc-280-3" or "ru-cc-207-3") : Tri.Unknown, unknown, $"proceedings[{i}].article"));
                body = And(body, Keep(either, unknown, orMark));
            }
            any = Or(any, Keep(body, unknown, itemMark));
        }
        return Keep(any, unknown, mark);
    }

    // any(proceedings, country = RU and kind = criminal and article in [ru-cc-207-3, ru-cc-280-3, ru-cc-275] and status in [opened, charged, wanted, convicted])
    private static Tri SpeechCriminalCase(CaseFile c, LocalDate asOf, List<string>? unknown) => AnyCriminalCase(c, speechArticle: true, unknown);

    // military.status in [deserted, awol, surrendered] or any(proceedings, country = RU and kind = criminal and status in [opened, charged, wanted, convicted])
    private static Tri DeserterOrCriminalCase(CaseFile c, LocalDate asOf, List<string>? unknown)
    {
        var deserter = Read(DesertedAwolSurrendered(c), unknown, "military.status");
        if (deserter == Tri.True) return Tri.True;
        return Or(deserter, AnyCriminalCase(c, speechArticle: false, unknown));
    }

    private static Tri AnyCriminalCase(CaseFile c, bool speechArticle, List<string>? unknown)
    {
        if (c.Proceedings is not { } list) { unknown?.Add("proceedings"); return Tri.Unknown; }
        var mark = unknown?.Count ?? 0;
        var any = Tri.False;
        for (var i = 0; i < list.Count && any != Tri.True; i++)
        {
            var p = list[i];
            var itemMark = unknown?.Count ?? 0;
            var body = Read(Is(p.Country, "RU"), unknown, $"proceedings[{i}].country");
            if (body != Tri.False) body = And(body, Read(Is(Known(p.Kind), "criminal"), unknown, $"proceedings[{i}].kind"));
            if (body != Tri.False && speechArticle)
                body = And(body, Read(p.Article is { } a ? Of(a is "ru-cc-207-3" or "ru-cc-280-3" or "ru-cc-275") : Tri.Unknown, unknown, $"proceedings[{i}].article"));
            if (body != Tri.False)
                body = And(body, Read(Known(p.Status) is { } s ? Of(s is "opened" or "charged" or "wanted" or "convicted") : Tri.Unknown, unknown, $"proceedings[{i}].status"));
            any = Or(any, Keep(body, unknown, itemMark));
        }
        return Keep(any, unknown, mark);
    }

    // any(activity, anti_war = true)
    private static Tri AntiWarActivity(CaseFile c, LocalDate asOf, List<string>? unknown)
    {
        if (c.Activity is not { } list) { unknown?.Add("activity"); return Tri.Unknown; }
        var mark = unknown?.Count ?? 0;
        var any = Tri.False;
        for (var i = 0; i < list.Count && any != Tri.True; i++)
            any = Or(any, Read(BoolIs(list[i].AntiWar), unknown, $"activity[{i}].anti_war"));
        return Keep(any, unknown, mark);
    }

    // military.status in [deserted, awol, surrendered]
    //   or (military.status = civilian and (military.registered is unknown or military.registered = true) and any(summonses, served in [personally, relative, deemed]))
    private static Tri RefusedService(CaseFile c, LocalDate asOf, List<string>? unknown)
    {
        var deserter = Read(DesertedAwolSurrendered(c), unknown, "military.status");
        if (deserter == Tri.True) return Tri.True;
        var andMark = unknown?.Count ?? 0;
        var civilian = RegisteredCivilian(c, unknown);
        var summoned = Tri.False;
        if (civilian != Tri.False)
        {
            if (c.Summonses is not { } list) { unknown?.Add("summonses"); summoned = Tri.Unknown; }
            else
            {
                var mark = unknown?.Count ?? 0;
                for (var i = 0; i < list.Count && summoned != Tri.True; i++)
                    summoned = Or(summoned, Read(ServedIn(list[i].Served), unknown, $"summonses[{i}].served"));
                Keep(summoned, unknown, mark);
            }
        }
        var both = civilian == Tri.False ? Tri.False : And(civilian, summoned);
        return Or(deserter, Keep(both, unknown, andMark));
    }

    // objection.basis in [religious, moral]
    private static Tri ReligiousOrMoralObjector(CaseFile c, LocalDate asOf, List<string>? unknown) =>
        Read(Known(c.Objection?.Basis) is { } b ? Of(b is "religious" or "moral") : Tri.Unknown, unknown, "objection.basis");

    // objection.basis = religious and objection.religion is known
    private static Tri NamedFaith(CaseFile c, LocalDate asOf, List<string>? unknown)
    {
        var religious = Read(Is(Known(c.Objection?.Basis), "religious"), unknown, "objection.basis");
        if (religious == Tri.False) return Tri.False;
        return And(religious, Of(c.Objection?.Religion is not null));
    }

    // objection.basis = religious and objection.religion = "Jehovah's Witnesses"
    private static Tri BannedFaith(CaseFile c, LocalDate asOf, List<string>? unknown)
    {
        var religious = Read(Is(Known(c.Objection?.Basis), "religious"), unknown, "objection.basis");
        if (religious == Tri.False) return Tri.False;
        return And(religious, Read(TextIs(c.Objection?.Religion, "Jehovah's Witnesses"), unknown, "objection.religion"));
    }

    // person.sex = male and age <= param(ru-conscription-age-limit)
    private static Tri MaleOfConscriptionAge(CaseFile c, LocalDate asOf, List<string>? unknown)
    {
        var male = Read(Is(Known(c.Person?.Sex), "male"), unknown, "person.sex");
        if (male == Tri.False) return Tri.False;
        return And(male, AgeAtMostLimit(c, asOf, unknown));
    }

    // any(activity, anti_war = true) or any(proceedings, kind in [criminal, administrative, blocking])
    private static Tri AntiWarOrProceedings(CaseFile c, LocalDate asOf)
    {
        var activity = AntiWarActivity(c, asOf, null);
        if (activity == Tri.True) return Tri.True;
        if (c.Proceedings is not { } list) return Or(activity, Tri.Unknown);
        var any = Tri.False;
        for (var i = 0; i < list.Count && any != Tri.True; i++)
            any = Or(any, Known(list[i].Kind) is { } k ? Of(k is "criminal" or "administrative" or "blocking") : Tri.Unknown);
        return Or(activity, any);
    }

    // military.reserve = true or any(summonses, purpose = mobilisation)
    private static Tri ReservistOrMobilisationSummons(CaseFile c)
    {
        var reserve = BoolIs(c.Military?.Reserve);
        if (reserve == Tri.True) return Tri.True;
        if (c.Summonses is not { } list) return Or(reserve, Tri.Unknown);
        var any = Tri.False;
        for (var i = 0; i < list.Count && any != Tri.True; i++)
            any = Or(any, Is(Known(list[i].Purpose), "mobilisation"));
        return Or(reserve, any);
    }

    // ==== knowledge-base text and the drift check ===============================================

    private Rule RuleOf(string id, string when, LocalDate? from)
    {
        var e = Entry(id, EntryKind.Rule);
        var details = (RuleDetails)e.Details!;
        Expect(id, details.When.Text == when, $"its condition is now \"{details.When.Text}\"");
        ExpectFrom(e, from);
        return new Rule(id, from, e.Summary, Resolve(e.Because), e.Jurisdictions.Contains(De));
    }

    private GapRule GapOf(string id, string when)
    {
        var e = Entry(id, EntryKind.Rule);
        var details = (RuleDetails)e.Details!;
        Expect(id, details.When.Text == when, $"its condition is now \"{details.When.Text}\"");
        ExpectFrom(e, null);
        return new GapRule(e, ((GapConclusion)details.Then).Need, Resolve(e.Because));
    }

    private Rebuttal RebuttalOf(string id, LocalDate? from, string? when, Func<CaseFile, Tri>? test)
    {
        var e = Entry(id, EntryKind.Rebuttal);
        var details = (RebuttalDetails)e.Details!;
        Expect(id, details.When?.Text == when, $"its condition is now \"{details.When?.Text}\"");
        ExpectFrom(e, from);
        Func<CaseFile, LocalDate, Tri>? check = when == ConscriptionAgeWhen ? YoungCivilianMan
            : test is null ? null : (c, _) => test(c);
        return new Rebuttal(e, details.Answers, from, check, Resolve(details.Cites));
    }

    private GroundText GroundOf(string id)
    {
        var e = Entry(id, EntryKind.Ground);
        ExpectFrom(e, null);
        return new GroundText(id, e.Title, ((GroundDetails)e.Details!).Elements, Resolve(e.Because));
    }

    private PathwayText PathwayOf(KbEntry e)
    {
        var p = (PathwayDetails)e.Details!;
        return new PathwayText(e, p.States, Resolve(e.Because), p.AppliesWhen is null ? null : Condition(e.Id, p.AppliesWhen.Text));
    }

    private PracticeText PracticeOf(KbEntry e)
    {
        var p = (PracticeDetails)e.Details!;
        return new PracticeText(e, Resolve(e.Because), p.RelevantWhen is null ? null : Condition(e.Id, p.RelevantWhen.Text));
    }

    /// <summary>The conditions German pathways and practice are shown under, written out.</summary>
    private static Func<CaseFile, LocalDate, Tri> Condition(string id, string text) => text switch
    {
        "any(activity, anti_war = true) or any(proceedings, kind in [criminal, administrative, blocking])" => AntiWarOrProceedings,
        "military.status in [civilian, discharged]" => static (c, _) => Known(c.Military?.Status) is { } s ? Of(s is "civilian" or "discharged") : Tri.Unknown,
        DesertedAwolSurrenderedWhen => static (c, _) => DesertedAwolSurrendered(c),
        "person.sex = male and age <= param(ru-conscription-age-limit)" => static (c, asOf) => MaleOfConscriptionAge(c, asOf, null),
        "military.reserve = true or any(summonses, purpose = mobilisation)" => static (c, _) => ReservistOrMobilisationSummons(c),
        _ => throw new InvalidOperationException($"HandWrittenGermany: {id} has the condition \"{text}\", which is not written out here."),
    };

    private KbEntry Entry(string id, EntryKind kind)
    {
        var e = _kb.Find(id) ?? throw new InvalidOperationException($"HandWrittenGermany: kb/ has no entry '{id}'.");
        Expect(id, e.Kind == kind, $"it is now a {e.Kind}");
        _used[id] = e;
        if (e.Details is RuleDetails { Then: ObjectionConclusion o }) _used.TryAdd(o.Objection, _kb.Find(o.Objection)!);
        if (e.Details is RebuttalDetails r && _kb.Find(r.Answers) is { } answered) _used.TryAdd(r.Answers, answered);
        return e;
    }

    private static void ExpectFrom(KbEntry e, LocalDate? from)
    {
        Expect(e.Id, e.Periods.Length == 1 && e.Periods[0].FirstDay == from && e.Periods[0].LastDay is null,
            $"its dates are now {string.Join(", ", e.Periods)}");
    }

    private static void Expect(string id, bool ok, string what)
    {
        if (!ok) throw new InvalidOperationException($"HandWrittenGermany is out of date: {id} changed ({what}). Update it with kb/.");
    }

    /// <summary>The cited entries that can ever be relied on for Germany (a group's law only for its members).</summary>
    private KbEntry[] Resolve(IEnumerable<string> ids)
    {
        var result = new List<KbEntry>();
        foreach (var id in ids)
        {
            if (_kb.Find(id) is not { } e || result.Contains(e)) continue;
            if (e.Jurisdictions.Any(j => _kb.FindJurisdiction(j)?.Role != JurisdictionRole.Group || _kb.Covers(j, De))) result.Add(e);
        }
        return [.. result];
    }

    /// <summary>Adds the cited entries that apply on the date, each once.</summary>
    private static void Cite(KbEntry[] cited, LocalDate asOf, List<string> into)
    {
        foreach (var e in cited)
            if (e.AppliesOn(asOf)) AddOnce(into, e.Id);
    }

    /// <summary>What a rule relied on that applies on the date; the rule itself when none of it does yet.</summary>
    private static void CiteOrSelf(string rule, KbEntry[] cited, LocalDate asOf, List<string> into)
    {
        var any = false;
        foreach (var e in cited)
            if (e.AppliesOn(asOf)) { AddOnce(into, e.Id); any = true; }
        if (!any) AddOnce(into, rule);
    }

    private static void AddOnce(List<string> list, string id)
    {
        if (!list.Contains(id)) list.Add(id);
    }

    private void CheckNothingElseAppliesToGermany()
    {
        foreach (var e in _kb.Entries)
        {
            if (e.Kind is not (EntryKind.Rule or EntryKind.Rebuttal or EntryKind.Ground)) continue;
            var forGermany = e.Jurisdictions.Any(j => _kb.Covers(j, De) || _kb.FindJurisdiction(j)?.Role == JurisdictionRole.Origin);
            if (forGermany && !_used.ContainsKey(e.Id))
                throw new InvalidOperationException($"HandWrittenGermany is out of date: kb/ has {e.Kind} '{e.Id}' for Germany, which is not written out here.");
        }
    }

    private static Bilingual StatusWord(GroundStatus s) => s switch
    {
        GroundStatus.Strong => new("strong", "сильное"),
        GroundStatus.Arguable => new("arguable", "обоснованное"),
        GroundStatus.Weak => new("weak", "слабое"),
        _ => new("not met", "не выполнено"),
    };

    private static Bilingual StateWord(PathwayState s) => s switch
    {
        PathwayState.Open => new("open", "открыт"),
        PathwayState.Restricted => new("restricted", "ограничен"),
        PathwayState.Closed => new("closed", "закрыт"),
        _ => new("not applicable", "неприменим"),
    };

    private static readonly Bilingual PenaltyNotRecorded =
        new("The penalty in force on this date is not recorded in the knowledge base.",
            "Наказание, действующее на эту дату, в базе знаний не указано.");

    // ==== plumbing ===============================================================================

    /// <summary>A re-implemented rule: id, first day, text and citations from kb/; <c>National</c> for a German rule.</summary>
    private sealed record Rule(string Id, LocalDate? From, Bilingual Summary, KbEntry[] Because, bool National)
    {
        public bool On(LocalDate asOf) => From is not { } f || asOf >= f;
    }

    private sealed record GapRule(KbEntry Entry, Bilingual Need, KbEntry[] Because);

    private sealed record Rebuttal(KbEntry Entry, string Answers, LocalDate? From, Func<CaseFile, LocalDate, Tri>? When, KbEntry[] Cites)
    {
        public bool On(LocalDate asOf) => From is not { } f || asOf >= f;
    }

    private sealed record GroundText(string Id, Bilingual Title, ImmutableArray<GroundElement> Elements, KbEntry[] Because);

    private sealed record PathwayText(KbEntry Entry, ImmutableArray<PathwayStatePeriod> States, KbEntry[] Because, Func<CaseFile, LocalDate, Tri>? AppliesWhen);

    private sealed record PracticeText(KbEntry Entry, KbEntry[] Because, Func<CaseFile, LocalDate, Tri>? RelevantWhen);

    /// <summary>The rules of one element, evaluated as they are added (only those in force on the date).</summary>
    private sealed class ElementRules(CaseFile c, LocalDate asOf)
    {
        public CaseFile Case { get; } = c;
        public List<(Rule Rule, ElementTest Test, Tri Outcome, Support Support)> Items { get; } = new(5);

        public void Add(Rule rule, ElementTest test, Support support)
        {
            if (rule.On(asOf)) Items.Add((rule, test, test(Case, asOf, null), support));
        }
    }
}

/// <summary>The hand-written assessment for Germany: the engine's <see cref="DestinationAssessment"/> without derivation trees.</summary>
public sealed record GermanyAssessment(
    int Score,
    Bilingual Ranking,
    ImmutableArray<PathwayResult> Pathways,
    ImmutableArray<GroundResult> Grounds,
    ImmutableArray<PracticeResult> Practice,
    ImmutableArray<ObjectionResult> Objections,
    ImmutableArray<GapResult> Gaps,
    ImmutableArray<ExposureResult> Exposure);

public sealed record PathwayResult(string Id, PathwayState State, Bilingual Explanation, ImmutableArray<string> Sources);

public sealed record ElementResult(string Id, Tri Met, Support? Support, Bilingual Explanation, ImmutableArray<string> Sources, ImmutableArray<string> UnknownFacts, ImmutableArray<string> Rules)
{
    /// <summary>How many German rules made the element met.</summary>
    public int National { get; init; }
}

public sealed record GroundResult(string Id, GroundStatus Status, ImmutableArray<ElementResult> Elements, Bilingual Explanation, ImmutableArray<string> Sources);

public sealed record PracticeResult(string Id, Bilingual Summary, ImmutableArray<string> Sources);

public sealed record RebuttalResult(string Id, Bilingual Text, ImmutableArray<string> Cites);

public sealed record ObjectionResult(string Id, ImmutableArray<RebuttalResult> Rebuttals, Bilingual Explanation, ImmutableArray<string> Sources, ImmutableArray<string> Rules);

public sealed record GapResult(string Id, string Fact, Bilingual Need, Bilingual Explanation, ImmutableArray<string> Sources);

public sealed record ExposureResult(string Article, Bilingual Penalty, Bilingual Explanation, ImmutableArray<string> Sources, ImmutableArray<string> Rules);
