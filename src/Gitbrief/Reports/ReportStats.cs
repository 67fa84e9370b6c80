namespace Gitbrief.Reports;

public sealed record ReportStats(int Total, int High, int Medium, int Low);
