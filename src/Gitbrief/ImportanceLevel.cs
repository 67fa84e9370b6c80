namespace Gitbrief;

public enum ImportanceLevel
{
    High,
    Medium,
    Low,
}
