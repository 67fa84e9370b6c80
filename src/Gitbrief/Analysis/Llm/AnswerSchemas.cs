using System.Text.Json;

namespace Gitbrief.Analysis.Llm;

/// <summary>The JSON schemas sent as structured-output formats (when the endpoint supports them). The
/// parser validates every answer itself either way: a schema is a request, not a guarantee.</summary>
internal static class AnswerSchemas
{
    private const string StringArray = """{ "type": "array", "items": { "type": "string" } }""";
    private const string Insights = """{ "type": "array", "items": { "type": "object", "properties": { "text": { "type": "string" }, "severity": { "type": "string", "enum": ["low", "medium", "high"] } }, "required": ["text", "severity"], "additionalProperties": false } }""";

    public static JsonElement Commit { get; } = Parse(
        $$"""
        {
          "type": "object",
          "properties": {
            "changeTypes": { "type": "array", "items": { "type": "string", "enum": ["feature", "fix", "performance", "refactor", "docs", "test", "ci", "build", "dependencies", "config", "style", "chore", "revert", "security", "breaking", "other"] } },
            "importance": { "type": "string", "enum": ["high", "medium", "low"] },
            "importanceReason": { "type": "string" },
            "summary": {{StringArray}},
            "impact": {{StringArray}},
            "insights": {
              "type": "object",
              "properties": { "architecture": {{Insights}}, "performance": {{Insights}}, "security": {{Insights}} },
              "required": ["architecture", "performance", "security"],
              "additionalProperties": false
            },
            "risks": {{StringArray}},
            "recommendations": {{StringArray}}
          },
          "required": ["changeTypes", "importance", "importanceReason", "summary", "impact", "insights", "risks", "recommendations"],
          "additionalProperties": false
        }
        """);

    public static JsonElement Highlights { get; } = Parse(
        $$"""
        { "type": "object", "properties": { "highlights": {{StringArray}} }, "required": ["highlights"], "additionalProperties": false }
        """);

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
