using ExNunc.Search.Importing;

namespace ExNunc.Search.Tests;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("Повестка, оставленная у родителей, по закону не считается врученной.", ResearchLanguage.Ru)]
    [InlineData("Решение BAMF от 01.08.2023 по делу Andrei K. отменено судом.", ResearchLanguage.Ru)]
    [InlineData("Der Kläger ist russischer Staatsangehöriger und reiste über Kasachstan aus.", ResearchLanguage.De)]
    [InlineData("Die Kammer ist der Auffassung, dass die Klage begruendet ist und nicht abgewiesen wird.", ResearchLanguage.De)]
    [InlineData("The applicant was not prominent enough to attract the attention of the authorities.", ResearchLanguage.En)]
    [InlineData("Refusals frequently described applicants as ordinary citizens with small audiences.", ResearchLanguage.En)]
    public void Detect_TellsTheThreeLanguagesApart(string text, ResearchLanguage expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("3. Summary")]
    [InlineData("Art. 9(2)(e)")]
    [InlineData("")]
    public void Detect_TooFewLetters_IsUndecided(string text) =>
        Assert.Null(LanguageDetector.Detect(text));
}
