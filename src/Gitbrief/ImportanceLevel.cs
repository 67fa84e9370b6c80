namespace Gitbrief;

internal enum ImportanceLevel
{
    High,
    Medium,
    Low,
}
