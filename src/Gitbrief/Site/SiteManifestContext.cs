using System.Text.Json.Serialization;

namespace Gitbrief.Site;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(SiteManifest))]
internal sealed partial class SiteManifestContext : JsonSerializerContext;
