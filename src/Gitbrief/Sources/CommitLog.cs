namespace Gitbrief.Sources;

/// <summary>The commits read from one <c>git log</c> (<see cref="CommitLogReader"/>), in its order.</summary>
/// <param name="StoppedEarly">The read stopped before the patch of its last commit (a wide one, whose patch would only be
/// dropped): git has more to write, the commits named after that one are still to be read.</param>
internal sealed record CommitLog(List<CommitRecord> Commits, bool StoppedEarly);
