using System.CommandLine;
using Gitbrief.Site;

namespace Gitbrief.Cli;

/// <summary><c>gitbrief site</c>: builds the static site from the JSON reports.</summary>
internal static class SiteCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = "Directory to write the site to.", Required = true };
        var reports = new Option<string>("--reports") { Description = "Directory holding the JSON reports (YYYY/<repo>/YYYY-MM-DD.json). Default: reports." };
        var baseUrl = new Option<string>("--base-url") { Description = "Public URL of the site, e.g. https://example.com/briefs/ (makes feed links absolute)." };
        var language = new Option<string>("--lang") { Description = "Label language: zh or en. Default: the reports' own language." };
        language.AcceptOnlyFromAmong("zh", "en");
        var full = new Option<bool>("--full") { Description = "Render every page again, not only what changed since the last build." };
        var command = new Command("site", "Build a static HTML site (index, day pages, search, Atom feeds) from the JSON reports.");
        command.Options.Add(output);
        command.Options.Add(reports);
        command.Options.Add(baseUrl);
        command.Options.Add(language);
        command.Options.Add(full);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var working = Directory.GetCurrentDirectory();
            var options = new SiteOptions(
                Path.GetFullPath(parse.GetValue(reports) ?? "reports", working),
                Path.GetFullPath(parse.GetValue(output)!, working))
            {
                BaseUrl = parse.GetValue(baseUrl) is { } url ? SiteOptions.NormalizeBaseUrl(url) : null,
                Language = parse.GetValue(language) switch
                {
                    "en" => ReportLanguage.En,
                    "zh" => ReportLanguage.Zh,
                    _ => null,
                },
                Full = parse.GetValue(full),
            };
            var result = await SiteBuilder.BuildAsync(options, cancellationToken);
            if (!parse.GetValue(GlobalOptions.Quiet))
            {
                await Console.Error.WriteLineAsync(
                    $"site: {result.Reports} reports → {result.Files} files in {result.OutputDirectory} ({result.Changed} written, {result.Reused} pages up to date)");
            }
            return 0;
        });
        return command;
    }
}
