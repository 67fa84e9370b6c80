using System.Globalization;
using System.Text;
using Gitbrief.Reports;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Rendering;

/// <summary>The same inputs give the same bytes: whatever the run, whatever the culture of the machine,
/// with "\n" line ends and no byte-order mark.</summary>
public sealed class DeterminismTests
{
    public static TheoryData<string> Cultures => new() { "tr-TR", "ar-SA", "th-TH", "fa-IR", "de-DE", "zh-CN" };

    [Fact]
    public void Rendering_twice_gives_identical_bytes()
    {
        foreach (var (name, render) in Outputs())
        {
            Assert.True(Bytes(render()).AsSpan().SequenceEqual(Bytes(render())), $"{name} differs between two renderings");
        }
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void The_culture_of_the_machine_changes_nothing(string culture)
    {
        var before = CultureInfo.CurrentCulture;
        var expected = WithCulture(CultureInfo.InvariantCulture, () => Outputs().Select(o => (o.Name, Text: o.Render())).ToList());

        var actual = WithCulture(CultureInfo.GetCultureInfo(culture), () => Outputs().Select(o => (o.Name, Text: o.Render())).ToList());

        Assert.Equal(before, CultureInfo.CurrentCulture);
        foreach (var ((name, want), (_, got)) in expected.Zip(actual))
        {
            Assert.True(want == got, $"{name} differs under {culture}:\n{GoldenFile.Diff(want, got)}");
        }
    }

    [Fact]
    public void No_carriage_return_no_BOM_and_one_final_newline()
    {
        foreach (var (name, render) in Outputs())
        {
            var text = render();
            ReportAssert.NoBomNoCarriageReturn(Bytes(text), name);
            Assert.False(text.StartsWith('\uFEFF'), $"{name} starts with U+FEFF");
            Assert.EndsWith("\n", text, StringComparison.Ordinal);
            Assert.False(text.EndsWith("\n\n", StringComparison.Ordinal), $"{name} ends with a blank line");
            Assert.DoesNotContain(MarkdownProbe.Lines(text), l => l.EndsWith(' ') || l.EndsWith('\t'));
        }
    }

    /// <summary>Every output, built from scratch (analysis included) each time it is asked for.</summary>
    private static IEnumerable<(string Name, Func<string> Render)> Outputs()
    {
        foreach (var language in new[] { ReportLanguage.Zh, ReportLanguage.En })
        {
            yield return ($"{language} Markdown", () => RenderingSamples.Markdown(RenderingSamples.Report(language), language));
            yield return ($"{language} JSON", () => RenderingSamples.Json(RenderingSamples.Report(language)));
            yield return ($"{language} empty Markdown", () => RenderingSamples.Markdown(RenderingSamples.Empty(language), language));
            yield return ($"{language} empty JSON", () => RenderingSamples.Json(RenderingSamples.Empty(language)));
            yield return ($"{language} Markdown of an Istanbul day", () => RenderingSamples.Markdown(IstanbulDay(language), language));
        }
    }

    /// <summary>Titles and paths with the letters whose case mapping differs in Turkish, and Arabic-Indic digits.</summary>
    private static DailyReport IstanbulDay(ReportLanguage language) => RenderingSamples.Build(language,
    [
        RenderingSamples.Simple(1, "FIX: Invalid INDEX in TITLE İçin (#1234)\n\n- Increase LIMIT to ١٢٣\n"),
        RenderingSamples.Simple(2, "Revert \"FEAT: Add I18N\"\n"),
        RenderingSamples.Simple(3, "[CI] BUILD: Bump IMAGE\n"),
        RenderingSamples.Simple(4, "SECURITY: Fix INJECTION in SQL layer\n"),
    ]);

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (culture0, ui0) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture0;
            CultureInfo.CurrentUICulture = ui0;
        }
    }

    private static byte[] Bytes(string text) => new UTF8Encoding(false).GetBytes(text);
}
