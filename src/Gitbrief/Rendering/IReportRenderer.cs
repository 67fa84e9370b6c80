using Gitbrief.Reports;

namespace Gitbrief.Rendering;

/// <summary>Turns a report into the text of one output format.</summary>
internal interface IReportRenderer
{
    /// <summary>The file extension of the format, without the dot.</summary>
    string FileExtension { get; }

    string Render(DailyReport report);
}
