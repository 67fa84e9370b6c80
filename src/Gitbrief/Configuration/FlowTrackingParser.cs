using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Gitbrief.Configuration;

/// <summary>A YAML parser that remembers where each collection still open was opened. YamlDotNet reports an
/// unclosed <c>{</c> or <c>[</c> at the end of the file, or fails with a bare InvalidOperationException when a
/// key follows on a later line; this tells the user which line opened it.</summary>
internal sealed class FlowTrackingParser(string text) : IParser
{
    private readonly Parser inner = new(new StringReader(text));
    private readonly Stack<(char? Bracket, int Line)> open = new();

    public ParsingEvent? Current => inner.Current;

    /// <summary>When parsing failed inside a flow collection (<c>{…}</c> or <c>[…]</c>): the innermost one, its
    /// bracket and the 1-based line that opened it.</summary>
    public (char Bracket, int Line)? Unclosed =>
        Failed && open.FirstOrDefault(o => o.Bracket is not null) is { Bracket: { } bracket } found ? (bracket, found.Line) : null;

    /// <summary>Whether the text itself could not be parsed (rather than, say, a duplicate key found afterwards).</summary>
    public bool Failed { get; private set; }

    public bool MoveNext()
    {
        bool moved;
        try
        {
            moved = inner.MoveNext();
        }
        catch
        {
            Failed = true;
            throw;
        }
        switch (inner.Current)
        {
            case MappingStart start:
                open.Push((start.Style == MappingStyle.Flow ? '{' : null, Line(start)));
                break;
            case SequenceStart start:
                open.Push((start.Style == SequenceStyle.Flow ? '[' : null, Line(start)));
                break;
            case MappingEnd or SequenceEnd when open.Count > 0:
                open.Pop();
                break;
        }
        return moved;
    }

    private static int Line(ParsingEvent e) => (int)Math.Max(1, e.Start.Line);
}
