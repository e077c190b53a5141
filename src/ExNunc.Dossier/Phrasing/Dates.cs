using ExNunc.Domain.Calendar;
using NodaTime;

namespace ExNunc.Dossier.Phrasing;

/// <summary>Dates as each language writes them: "1 August 2023", "01.08.2023", "01.08.2023".</summary>
internal static class Dates
{
    private static readonly string[] EnMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] DeMonths =
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
    private static readonly string[] RuMonths =
        ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"];

    public static string Format(LocalDate date, DossierLanguage language) => language switch
    {
        DossierLanguage.En => $"{date.Day} {EnMonths[date.Month - 1]} {date.Year:D4}",
        _ => $"{date.Day:D2}.{date.Month:D2}.{date.Year:D4}",
    };

    public static string Format(PartialDate date, DossierLanguage language)
    {
        if (date.IsFullDate) return Format(date.Earliest, language);
        if (date.Month is not { } m) return date.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        return language switch
        {
            DossierLanguage.En => $"{EnMonths[m - 1]} {date.Year:D4}",
            DossierLanguage.De => $"{DeMonths[m - 1]} {date.Year:D4}",
            _ => $"{RuMonths[m - 1]} {date.Year:D4}",
        };
    }
}
