namespace Gitbrief;

public enum ReportLanguage
{
    Zh,
    En,
}
