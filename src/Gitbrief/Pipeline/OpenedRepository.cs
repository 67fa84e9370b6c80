using Gitbrief.Reports;
using Gitbrief.Sources;

namespace Gitbrief.Pipeline;

/// <summary>A repository of the run once opened: where its commits come from, the branch resolved, its web links, the
/// days of the window, and the key its repository-day units are stored under (its URL or path).</summary>
internal sealed record OpenedRepository(ICommitSource History, string Revision, string Branch, WebLinks Links, List<ReportDay> Days, string UnitKey);
