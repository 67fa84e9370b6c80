namespace Gitbrief.Analysis;

public enum ImportanceLevel
{
    High,
    Medium,
    Low,
}
