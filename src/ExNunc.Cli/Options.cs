using System.CommandLine;
using System.CommandLine.Parsing;
using ExNunc.Domain.Knowledge;
using ExNunc.Reports;
using NodaTime;
using NodaTime.Text;

namespace ExNunc.Cli;

/// <summary>Options shared by several commands, with their parsing and validation.</summary>
internal static class Options
{
    public static Option<string?> Kb() => new("--kb") { Description = "The knowledge base directory (default: the kb/ that ships with exnunc)." };

    public static Option<LocalDate?> Date(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = ParseDate,
    };

    public static Option<Language> Lang() => new("--lang")
    {
        Description = "Language of the report: en or ru.",
        DefaultValueFactory = _ => Language.En,
        CustomParser = r => r.Tokens.Single().Value switch
        {
            "en" => Language.En,
            "ru" => Language.Ru,
            var other => Fail<Language>(r, $"'{other}' is not a language; use en or ru."),
        },
    };

    /// <summary>Countries, comma-separated; null when the option is not given (meaning: every destination).</summary>
    public static Option<string[]?> Countries(string name) => new(name)
    {
        Description = "Destination countries, comma-separated ISO codes (default: every country the knowledge base covers).",
        DefaultValueFactory = _ => null,
        CustomParser = r =>
        {
            string[] codes = [.. r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(c => c.ToUpperInvariant())];
            return codes.Length > 0 ? codes : Fail<string[]?>(r, "Name at least one country code.");
        },
    };

    public static Option<OutputFormat> Format() => new("--format")
    {
        Description = "Output format: text, markdown or json.",
        DefaultValueFactory = _ => OutputFormat.Text,
        CustomParser = r => r.Tokens.Single().Value switch
        {
            "text" => OutputFormat.Text,
            "markdown" => OutputFormat.Markdown,
            "json" => OutputFormat.Json,
            var other => Fail<OutputFormat>(r, $"'{other}' is not a format; use text, markdown or json."),
        },
    };

    private static LocalDate? ParseDate(ArgumentResult r)
    {
        var text = r.Tokens.Single().Value;
        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? parsed.Value : Fail<LocalDate?>(r, $"'{text}' is not a date; write YYYY-MM-DD.");
    }

    private static T Fail<T>(ArgumentResult r, string message)
    {
        r.AddError(message);
        return default!;
    }
}

public enum OutputFormat { Text, Markdown, Json }

internal static class FormatExtensions
{
    public static ReportFormat ToReport(this OutputFormat f) => f == OutputFormat.Markdown ? ReportFormat.Markdown : ReportFormat.Text;
}
