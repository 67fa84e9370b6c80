namespace Gitbrief.Reports;

internal sealed record ReportStats(int Total, int High, int Medium, int Low);
