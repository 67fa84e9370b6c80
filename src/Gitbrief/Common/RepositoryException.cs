namespace Gitbrief.Common;

/// <summary>A repository could not be fetched or read: that repository fails, the others go on.</summary>
internal class RepositoryException(string message) : GitbriefException(message);
