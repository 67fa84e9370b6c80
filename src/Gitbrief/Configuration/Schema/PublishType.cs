namespace Gitbrief.Configuration.Schema;

/// <summary>A publish target type: its name in <c>type:</c>, what it does, and its keys. The target itself (in
/// Publishing) reads the checked values through <see cref="TargetSettings"/> when it is set up.</summary>
internal sealed record PublishType(string Name, string Doc, ConfigSection<TargetSettings> Section);
