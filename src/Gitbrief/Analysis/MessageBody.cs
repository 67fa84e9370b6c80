using System.Net;
using System.Text.RegularExpressions;
using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>Reads what the body of a commit message says about the change, as a reader would: its paragraphs and
/// list items, each on one line with wrapped lines joined. Left out: headings (<c>## Summary</c>, underlined ones,
/// <c>**Test plan**</c>), the sections of a PR template that are not about the change (test plan, checklist,
/// release notes, configuration, screenshots…), HTML comments and <c>&lt;details&gt;</c> blocks, fenced and
/// indented code, tables, checklists, trailers (<c>Signed-off-by</c>, <c>Change-Id</c>, a closing
/// <c>Token-Name: value</c> block…), closing references (<c>Closes #12</c>, <c>Fixes https://…</c>), bare URLs,
/// bot boilerplate (Renovate, Dependabot) and squash-merge fix-up lines ("address review comments").</summary>
internal static partial class MessageBody
{
    /// <summary>A paragraph (its sentences are separate statements) or a list item (one statement), as plain text.</summary>
    internal sealed record Block(bool IsItem, string Text);

    private sealed class Pending(bool isItem, string first, char bullet = '\0')
    {
        public bool IsItem { get; } = isItem;
        public List<string> Lines { get; } = [first];

        /// <summary>The item's own bullet ('-', '*', '+', '•', or a digit for a numbered item); '\0' for a paragraph.</summary>
        public char Bullet { get; } = bullet;
    }

    private static readonly HashSet<string> SkippedSections = new(StringComparer.Ordinal)
    {
        "test plan", "test plans", "testing", "tests", "test", "test result", "test results", "testing done", "tested",
        "how was this tested", "how was this pr tested", "how was this patch tested", "how is this tested",
        "how has this been tested", "how to test", "how i tested this", "verification", "validation", "validated",
        "how was this validated", "steps to test", "testing steps", "testing instructions", "manual testing", "checklist", "pr checklist",
        "checklists", "before submitting", "submission checklist", "release notes", "release note", "configuration",
        "screenshots", "screenshot", "screen shots", "reviewers", "reviewer", "cc", "accuracy test", "accuracy tests",
        "benchmark", "benchmarks", "benchmarking", "benchmark result", "benchmark results", "related issue",
        "related issues", "issue", "issues", "references", "reference", "links", "link", "fixes", "closes",
        "type of change", "types of changes", "notes for reviewers", "note for reviewers", "reviewer notes", "commits",
        "updated-dependencies", "summary by coderabbit",
        "dependabot commands and options", "dependency lookup warnings", "artifact update problem",
        "测试", "测试计划", "测试方案", "测试结果", "自测", "验证", "检查清单", "相关问题", "关联问题",
    };

    /// <summary>A block's hard-wrapped lines as one line: joined by a space, but not between two Chinese or Japanese
    /// characters, which are written without one ("置为禁用", not "置为 禁用").</summary>
    private static string JoinWrapped(List<string> lines)
    {
        if (lines.Count == 1)
        {
            return lines[0];
        }
        var text = new System.Text.StringBuilder(lines[0]);
        for (var i = 1; i < lines.Count; i++)
        {
            if (!(IsWrittenWithoutSpaces(text[^1]) && IsWrittenWithoutSpaces(lines[i][0])))
            {
                text.Append(' ');
            }
            text.Append(lines[i]);
        }
        return text.ToString();
    }

    /// <summary>Han, kana and the full-width punctuation of CJK text.</summary>
    private static bool IsWrittenWithoutSpaces(char c) =>
        c is (>= '\u3000' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\uFF00' and <= '\uFF65');

    /// <summary>A section not about the change: a known one, or any checklist ("Checklist Before Starting", "Checklist
    /// Before Submitting", "Reviewer checklist").</summary>
    private static bool IsSkipped(string name) => SkippedSections.Contains(name) || name.Contains("checklist", StringComparison.Ordinal);

    private static readonly HashSet<string> ContentSections = new(StringComparer.Ordinal)
    {
        "summary", "description", "motivation", "context", "background", "changes", "change", "modifications",
        "what", "why", "how", "details", "problem", "solution", "purpose", "overview", "rationale",
        "what does this pr do", "what this pr does", "what changed", "changes made", "proposed changes",
        "概述", "描述", "说明", "背景", "动机", "修改内容", "改动", "变更内容", "主要改动",
    };

    /// <summary>The blocks of the body, in the order written.</summary>
    public static IReadOnlyList<Block> Read(string message)
    {
        var reader = new BlockReader();
        foreach (var raw in BodyLines(message))
        {
            reader.Take(raw);
        }
        var blocks = reader.Blocks
            .Select(b => new Block(b.IsItem, Plain(JoinWrapped(b.Lines))))
            .Where(b => !IsNoiseStatement(b.Text) && !(b.IsItem && FixupLine().IsMatch(b.Text)))
            .ToList();
        return JoinContinuedItems(blocks);
    }

    /// <summary>List items that are the parts of one sentence ("- the blob carried a copy of each source, and" / "- every
    /// start had to fix them up.") joined into it: an item ending with a comma, a semicolon or "and"/"or" runs on into
    /// the next item.</summary>
    private static List<Block> JoinContinuedItems(List<Block> blocks)
    {
        var joined = new List<Block>(blocks.Count);
        foreach (var block in blocks)
        {
            if (block.IsItem && joined.Count > 0 && joined[^1] is { IsItem: true } previous && RunsOn(previous.Text))
            {
                joined[^1] = previous with { Text = previous.Text + " " + block.Text };
            }
            else
            {
                joined.Add(block);
            }
        }
        return joined;
    }

    private static bool RunsOn(string text) =>
        text.EndsWith(',') || text.EndsWith(';') || text.EndsWith(" and", StringComparison.OrdinalIgnoreCase)
        || text.EndsWith(" or", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the body line by line: which section it is in (skipped or not), whether the lines being read
    /// are dropped (code, noise, a checklist), and the block that wrapped lines join.</summary>
    private sealed class BlockReader
    {
        private Pending? current;
        private int? skipLevel;
        private bool dropping;
        private bool blank = true;
        private bool lastWasItem;
        private bool inTable;

        public List<Pending> Blocks { get; } = [];

        public void Take(string raw)
        {
            var line = Unquote(raw.Trim());
            if (line.Length == 0)
            {
                EndParagraph();
                return;
            }
            var afterBlank = blank;
            blank = false;
            if (!TakeHeading(ref line, afterBlank) || skipLevel is not null)
            {
                return;
            }
            if (afterBlank && current is null && !lastWasItem && IsIndentedCode(raw))
            {
                dropping = true;
                return;
            }
            // A table row, or the wrapped rest of one.
            inTable = line[0] == '|' || (inTable && line.Contains('|', StringComparison.Ordinal));
            if (inTable || IsLayoutOnly(line))
            {
                current = null;
                dropping = false;
                lastWasItem = false;
                return;
            }
            if (!TakeListItem(line) && !dropping)
            {
                TakeText(line);
            }
        }

        private void EndParagraph()
        {
            current = null;
            dropping = false;
            blank = true;
            inTable = false;
        }

        /// <summary>Enters the section a heading opens (skipping it when it is not about the change); false when the
        /// line was only a heading, else <paramref name="line"/> is what follows a label on the same line.</summary>
        private bool TakeHeading(ref string line, bool afterBlank)
        {
            if (Heading(line, current, afterBlank, Blocks, out var rest) is not { } heading)
            {
                return true;
            }
            current = null;
            dropping = false;
            lastWasItem = false;
            if (skipLevel is { } skipped && heading.Level <= skipped)
            {
                skipLevel = null;
            }
            if (skipLevel is null && IsSkipped(heading.Name))
            {
                skipLevel = heading.Level;
            }
            line = rest;
            return rest.Length > 0;
        }

        /// <summary>Starts a block for a list item, or drops a checkbox or noise item; false when the line is no item.</summary>
        private bool TakeListItem(string line)
        {
            var item = line[0] is '-' or '*' or '+' or '•' || char.IsAsciiDigit(line[0]) ? ListItem().Match(line) : Match.Empty;
            if (!item.Success)
            {
                return false;
            }
            // "… heterogeneous meshes (ViT 1D" / "+ LM 2D)." inside a "-" list: a hard-wrapped line that happens to start
            // with another bullet, while the item it continues still has a bracket open. The next item of the same list
            // starts with the item's own bullet, and is one.
            if (current is { IsItem: true } open && line[0] is '+' or '*' && line[0] != open.Bullet && HasOpenBracket(open.Lines))
            {
                open.Lines.Add(line);
                return true;
            }
            var text = item.Groups["text"].Value;
            current = null;
            dropping = Checkbox().IsMatch(text) || IsNoise(text);
            if (!dropping)
            {
                current = new Pending(true, text, line[0]);
                Blocks.Add(current);
                lastWasItem = true;
            }
            return true;
        }

        private static bool HasOpenBracket(List<string> lines)
        {
            var depth = 0;
            foreach (var line in lines)
            {
                depth += line.Count(c => c == '(') - line.Count(c => c == ')');
            }
            return depth > 0;
        }

        /// <summary>A wrapped line joins its block, whatever it looks like on its own ("[#12](…)." ends a sentence);
        /// only a trailer ends the block. The statements are filtered once joined. Other text starts a paragraph.</summary>
        private void TakeText(string line)
        {
            if (current is not null)
            {
                if (IsTrailerLine(line))
                {
                    dropping = true;
                    return;
                }
                current.Lines.Add(line);
                return;
            }
            if (IsNoise(line))
            {
                dropping = true;
                return;
            }
            current = new Pending(false, line);
            Blocks.Add(current);
            lastWasItem = false;
        }
    }

    /// <summary>A thematic break, a line of HTML tags only, or a link definition: layout, not text.</summary>
    private static bool IsLayoutOnly(string line) =>
        (line[0] is '*' or '-' or '_' && ThematicBreak().IsMatch(line)) || (line[0] == '<' && HtmlOnly().IsMatch(line)) ||
        (line[0] == '[' && LinkDefinition().IsMatch(line));

    /// <summary>The lines after the title, without HTML comments, &lt;details&gt; blocks, fenced code and the closing
    /// trailer block.</summary>
    private static List<string> BodyLines(string message)
    {
        var text = HtmlComment().Replace(message.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), string.Empty);
        var all = text.Split('\n');
        var bodyStart = CommitMessage.BodyStart(all);
        if (bodyStart < 0)
        {
            return [];
        }
        var lines = new List<string>();
        var details = 0;
        var fence = false;
        foreach (var line in all.Skip(bodyStart))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = !fence;
                continue;
            }
            if (InDetails(line, ref details) || fence)
            {
                continue;
            }
            lines.Add(line.TrimEnd());
        }
        while (TrailerBlockStart(lines) is { } start)
        {
            lines.RemoveRange(start, lines.Count - start);
        }
        return lines;
    }

    /// <summary>What the author wrote in a body: without HTML comments, &lt;details&gt; blocks and quoted (<c>&gt;</c>)
    /// lines. A dependency bot quotes the release notes of what it bumps, whose breaking changes and vulnerabilities
    /// are another project's, not this commit's.</summary>
    public static string Authored(string body)
    {
        if (!body.Contains('<') && !body.Contains('>'))
        {
            return body;
        }
        var kept = new List<string>();
        var details = 0;
        foreach (var line in HtmlComment().Replace(body, string.Empty).Split('\n'))
        {
            if (!InDetails(line, ref details) && !line.TrimStart().StartsWith('>'))
            {
                kept.Add(line);
            }
        }
        return string.Join('\n', kept);
    }

    /// <summary>Whether <paramref name="line"/> opens, closes or lies inside a &lt;details&gt; block, <paramref name="depth"/>
    /// the blocks open before it (updated past it).</summary>
    private static bool InDetails(string line, ref int depth)
    {
        var opens = DetailsOpen().Count(line);
        if (depth == 0 && opens == 0)
        {
            return false;
        }
        depth = Math.Max(0, depth + opens - DetailsClose().Count(line));
        return true;
    }

    /// <summary>Where the closing trailer block starts: the last paragraph when every line of it is a
    /// <c>Token: value</c> trailer (or a folded continuation) and one token is a known trailer or hyphenated.</summary>
    private static int? TrailerBlockStart(List<string> lines)
    {
        var end = lines.FindLastIndex(l => l.Trim().Length > 0);
        if (end < 0)
        {
            return null;
        }
        var start = end;
        while (start > 0 && lines[start - 1].Trim().Length > 0)
        {
            start--;
        }
        var known = false;
        for (var i = start; i <= end; i++)
        {
            var line = lines[i];
            if (i > start && line.Length > 0 && char.IsWhiteSpace(line[0]))
            {
                continue;
            }
            var trimmed = line.Trim();
            if (CherryPick().IsMatch(trimmed))
            {
                known = true;
                continue;
            }
            var trailer = Trailer().Match(trimmed);
            if (!trailer.Success)
            {
                return null;
            }
            var token = trailer.Groups["token"].Value;
            known |= token.Contains('-', StringComparison.Ordinal) || HardTrailer().IsMatch(trimmed) || IsReference(trimmed);
        }
        return known ? start : null;
    }

    private readonly record struct HeadingInfo(int Level, string Name);

    /// <summary>A heading line (ATX, an underline of the paragraph line above, a bold-only line, or a known section
    /// label such as "Summary:" / "Test Plan:"), with its normalised name; <paramref name="rest"/> is the text after
    /// a label on the same line.</summary>
    private static HeadingInfo? Heading(string line, Pending? current, bool afterBlank, List<Pending> blocks, out string rest)
    {
        rest = string.Empty;
        var atx = line[0] == '#' ? AtxHeading().Match(line) : Match.Empty;
        if (atx.Success)
        {
            return new HeadingInfo(atx.Groups["marks"].Length, Name(atx.Groups["text"].Value));
        }
        if (!afterBlank && current is { IsItem: false } paragraph && line[0] is '=' or '-' && SetextUnderline().IsMatch(line))
        {
            var text = paragraph.Lines[^1];
            paragraph.Lines.RemoveAt(paragraph.Lines.Count - 1);
            if (paragraph.Lines.Count == 0)
            {
                blocks.Remove(paragraph);
            }
            return new HeadingInfo(line[0] == '=' ? 1 : 2, Name(text));
        }
        var bold = line[0] is '*' or '_' ? BoldLine().Match(line) : Match.Empty;
        if (bold.Success)
        {
            return new HeadingInfo(6, Name(bold.Groups["text"].Value));
        }
        // A template's heading written as a plain line of its own ("Motivation", "Changes", "Test Plan"): a known section's
        // name, capitalised, without a sentence's end.
        if (afterBlank && line.Length <= 40 && char.IsUpper(line[0]) && !line.EndsWith('.') && BareSectionName(Name(line)) is { } bare)
        {
            return new HeadingInfo(6, bare);
        }
        var colon = line.AsSpan(0, Math.Min(line.Length, 44)).IndexOfAny(':', '：');
        var label = colon > 0 ? SectionLabel().Match(line) : Match.Empty;
        if (label.Success)
        {
            var name = Name(label.Groups["label"].Value);
            if (IsSkipped(name) || ContentSections.Contains(name))
            {
                rest = label.Groups["rest"].Value.Trim();
                return new HeadingInfo(6, name);
            }
        }
        return null;
    }

    /// <summary>A section a plain line can open: every section about the change, and the sections to skip whose name no
    /// sentence of the change would be ("Test Plan", "Testing", "Checklist"; not "Tests" or "Fixes").</summary>
    private static string? BareSectionName(string name) =>
        ContentSections.Contains(name) || (IsSkipped(name) && (name.Contains(' ', StringComparison.Ordinal) || BareSkippedSections.Contains(name)))
            ? name
            : null;

    private static readonly HashSet<string> BareSkippedSections = new(StringComparer.Ordinal)
    {
        "testing", "checklist", "screenshots", "benchmarks", "benchmarking", "verification", "validation", "测试", "测试计划", "测试结果",
    };

    /// <summary>A heading's name for the section lists: lower case, without emoji, punctuation or emphasis around it.</summary>
    private static string Name(string heading)
    {
        var text = Plain(heading).ToLowerInvariant();
        var start = 0;
        while (start < text.Length && !char.IsLetterOrDigit(text[start]))
        {
            start++;
        }
        var end = text.Length;
        while (end > start && !char.IsLetterOrDigit(text[end - 1]))
        {
            end--;
        }
        return text[start..end];
    }

    private static string Unquote(string line)
    {
        while (line.StartsWith('>'))
        {
            line = line[1..].TrimStart();
        }
        return line;
    }

    private static bool IsIndentedCode(string raw) => raw.StartsWith('\t') || raw.StartsWith("    ", StringComparison.Ordinal);

    private static bool IsTrailerLine(string line) =>
        (line.Contains(':', StringComparison.Ordinal) && HardTrailer().IsMatch(line)) || (line[0] == '(' && CherryPick().IsMatch(line));

    /// <summary>A line or a statement that says nothing about the change: a trailer, a reference ("Closes #12", "See
    /// https://… for context"), a bare URL or link, bot boilerplate.</summary>
    private static bool IsNoise(string line) =>
        (line.Contains('[', StringComparison.Ordinal) && LinkOnly().IsMatch(line)) || IsNoiseStatement(Plain(line));

    /// <summary><see cref="IsNoise"/> for text already reduced to plain text (a statement of <see cref="Read"/>'s blocks).</summary>
    public static bool IsNoiseStatement(string text)
    {
        if (text.Length == 0 || IsTrailerLine(text) ||
            Boilerplate().IsMatch(text) || (text[0] == '[' && Admonition().IsMatch(text)) || BareAnswer().IsMatch(text)
            // A version stamp has its colon ("Version: 1.2"): a statement without one is spared the pattern's backtracking.
            || (text.Contains(':', StringComparison.Ordinal) && VersionStamp().IsMatch(text))
            || StackEntry().IsMatch(text) || TemplateInstruction().IsMatch(text) || CodeSpanOnly().IsMatch(text))
        {
            return true;
        }
        if (IsReference(text))
        {
            return true;
        }
        var label = LabelledLine().Match(text);
        return IsReferenceOnly(text) || (label.Success && IsReferenceOnly(label.Groups["rest"].Value)) || IsPointer(text);
    }

    /// <summary>"reported in https://…/issues/15319", "continued from https://…/pull/15477", "In preparation of https://…
    /// Follow up to https://…": a link with a few words around it, which points elsewhere rather than says what changed.</summary>
    private static bool IsPointer(string text)
    {
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            return false;
        }
        var words = 0;
        foreach (var range in text.AsSpan().Split(' '))
        {
            var token = text.AsSpan()[range];
            if (token.Length > 0 && !token.Contains("://", StringComparison.Ordinal) && ++words > MaxPointerWords)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A statement around a link with more words than this says something of its own.</summary>
    private const int MaxPointerWords = 6;

    /// <summary>"Closes #12", "Fixes: https://…", "Bug: 123456": a closing keyword followed by references only.</summary>
    private static bool IsReference(string text) =>
        ReferenceLine().Match(text) is { Success: true } reference && IsReferenceOnly(reference.Groups["rest"].Value);

    private static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "for", "the", "more", "context", "details", "info", "information", "discussion", "background", "here",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ConnectorSpans = Connectors.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether nothing but URLs, issue/PR numbers, ticket ids, shas (with a quoted title) and connectors
    /// remain. Token by token, so that the time stays linear in the text; the tokens are spans of the text, not strings
    /// (the check stops at the first word that is not a reference; the statement was split whole into strings first).</summary>
    private static bool IsReferenceOnly(string text)
    {
        var words = QuotedTitle().Replace(text, " ").AsSpan();
        foreach (var range in words.Split(' '))
        {
            var token = words[range].Trim(",;.:()[]&+");
            var reference = token.Length == 0 || ConnectorSpans.Contains(token) ||
                token.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
                token.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
                token.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ||
                (token.Length <= 200 && ReferenceToken().IsMatch(token));
            if (!reference)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Markdown and HTML markup reduced to the text a reader sees, on one line: images and badges dropped,
    /// links to their text, tags and bold markers removed, entities decoded, white space and control characters folded.</summary>
    public static string Plain(string text)
    {
        var plain = text;
        if (plain.Contains('[', StringComparison.Ordinal))
        {
            plain = Link().Replace(Image().Replace(plain, string.Empty), "${text}");
        }
        if (plain.Contains('<', StringComparison.Ordinal))
        {
            var linked = AutoLink().Replace(plain, "${url}");
            plain = HtmlTag().Replace(linked, tag => IsNamedElement(tag.Value, linked) ? tag.Value : string.Empty);
        }
        if (plain.Contains("~~", StringComparison.Ordinal))
        {
            plain = Struck().Replace(plain, string.Empty);
        }
        plain = plain.Replace("**", string.Empty, StringComparison.Ordinal);
        if (plain.Contains('&', StringComparison.Ordinal))
        {
            plain = WebUtility.HtmlDecode(plain);
        }
        plain = plain.Replace("\u200B", string.Empty, StringComparison.Ordinal).Replace("\uFEFF", string.Empty, StringComparison.Ordinal);
        return Common.PlainText.Fold(plain);
    }

    [GeneratedRegex(@"<!--[\s\S]*?(?:-->|$)", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"^\s*<details[\s>]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DetailsOpen();

    [GeneratedRegex(@"</details\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DetailsClose();

    [GeneratedRegex(@"^(?<marks>#{1,6})(?:\s+(?<text>.*?))?\s*#*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^(?:=+|-+)$", RegexOptions.CultureInvariant)]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^(?:\*\*|__)(?<text>[^*_]{1,80})(?:\*\*|__)\s*[:：]?$", RegexOptions.CultureInvariant)]
    private static partial Regex BoldLine();

    [GeneratedRegex(@"^(?<label>[\p{L}][\p{L} ?-]{0,40})[:：](?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SectionLabel();

    [GeneratedRegex(@"^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$", RegexOptions.CultureInvariant)]
    private static partial Regex ThematicBreak();

    [GeneratedRegex(@"^(?:<[^<>]*>\s*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlOnly();

    [GeneratedRegex(@"^\[[^\]]*\]:\s", RegexOptions.CultureInvariant)]
    private static partial Regex LinkDefinition();

    [GeneratedRegex(@"^(?:[-*+•]|\d{1,3}[.)])\s+(?<text>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\[[ xX]\]", RegexOptions.CultureInvariant)]
    private static partial Regex Checkbox();

    [GeneratedRegex(@"^\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Admonition();

    [GeneratedRegex(@"^(?<token>[A-Za-z0-9][A-Za-z0-9-]*(?: [A-Za-z0-9-]+){0,2})\s*:\s*\S", RegexOptions.CultureInvariant)]
    private static partial Regex Trailer();

    /// <summary>Trailers that never carry a statement about the change, whatever their value.</summary>
    [GeneratedRegex(@"^(?:signed-off-by|co-authored-by|reviewed-by|acked-by|tested-by|reported-by|suggested-by|requested-by|helped-by|reviewed-on|change-id|cc|cherry-picked-from|piperorigin-revid|ghstack-source-id|pull request resolved|differential revision|approved by|reviewed by|reviewers|subscribers|fbshipit-source-id|git-svn-id|original-commit-id)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HardTrailer();

    /// <summary>"Closes #12", "Fixes: https://…", "Refs GH-7, #8", "Bug: 123456", "See also owner/repo#3".</summary>
    [GeneratedRegex(@"^(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?|refs?|references|see(?: also)?|part of|related(?: to)?|relates to|addresses|towards|follow-?up(?: to| of| for)?|cf\.?|xref|bug|issues?|link|jira|ticket)\b\s*:?\s*(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceLine();

    [GeneratedRegex(@"^[\p{L}\p{N} ._-]{1,30}:\s*(?<rest>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelledLine();

    /// <summary>"#12", "acme/widgets#7", "GH-9", "JIRA-123", a sha, a number of three digits or more.</summary>
    [GeneratedRegex(@"^(?:(?:[\w.-]+/[\w.-]+)?#\d+|GH-\d+|[A-Z][A-Z0-9]+-\d+|[0-9a-f]{7,40}|\d{3,})$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceToken();

    /// <summary>The quoted title after a sha in a kernel-style <c>Fixes: 0123abc ("title")</c>.</summary>
    [GeneratedRegex(@"\(""[^""]*""\)", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedTitle();

    [GeneratedRegex(@"^\(cherry picked from commit [0-9a-f]+\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CherryPick();

    /// <summary>A template question's bare answer ("Does this PR introduce any user-facing change?" — "no"): nothing to read
    /// on its own.</summary>
    [GeneratedRegex(@"^(?:no|none|nope|n/?a|yes|nothing|not applicable|no changes?|as (?:the )?title(?: says)?|see (?:the )?title|same as (?:the )?title)[.!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareAnswer();

    /// <summary>A paragraph that is one code span ("`profile_freq - (profiler_warmup + profiler_active)`" after "computes its
    /// wait period as:"): the formula or command of a lead-in, which says nothing without it.</summary>
    [GeneratedRegex(@"^`[^`]+`[.:;,]?$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeSpanOnly();

    /// <summary>An entry of ghstack's list of the stack's pull requests ("* __->__ #4236", "* #4237"): which pull request of
    /// the stack this is, no statement.</summary>
    [GeneratedRegex(@"^(?:_*->_*\s*)?#\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex StackEntry();

    /// <summary>A pull-request template's instruction to its author, left unanswered ("please provide a brief summary",
    /// "Please describe the changes"): the template speaks, not the change.</summary>
    [GeneratedRegex(@"^[""'“]?please (?:provide|describe|outline|explain|list|include|add|fill|give|summari[sz]e|link|write|mention|state|specify|check|ensure|make sure|enter|insert|paste|briefly)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TemplateInstruction();

    /// <summary>A template's stamp of what the change was built against ("vLLM version: v0.23.0", "vLLM main:", "Python
    /// version: 3.12"): a name, version/main/commit/branch, and at most a version, a commit id or a URL.</summary>
    [GeneratedRegex(@"^[\w .+-]{1,40}?\b(?:version|main|commit|branch|tag)\s*:\s*(?:v?\d[\w.+-]*|[0-9a-f]{7,40}|https?://\S+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VersionStamp();

    /// <summary>Sentences bots write into every pull request (Renovate, Dependabot, generators), after any leading emoji.</summary>
    [GeneratedRegex(@"^[^\p{L}\p{N}]*(?:this (?:pr|mr|pull request) (?:contains the following updates|was (?:automatically )?(?:generated|created|opened) by|has been (?:automatically )?(?:generated|created) by)|dependabot will resolve|you can trigger dependabot actions|dependabot commands and options|if you want to rebase/retry this pr|(?:schedule|automerge|rebasing|ignore)\s*:|generated (?:by|with) (?:claude code|copilot|mend renovate|renovate)|automated changes by|ghstack-poisoned\]?$|stack from \[?ghstack\b|coderabbit(?:ai)?\b|docstring coverage\b|this reverts commit [0-9a-f]{7,40}\b[.,]?\s*$|squashed from \d+ (?:[\w-]+ )?commits\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Boilerplate();

    /// <summary>Squash-merge fix-up items that say nothing about the change, with or without a type ("feat: address review
    /// feedback"): GitHub's web-edit "Update src/Illuminate/Support/Str.php", "Make the linter happy", "fix lint"….</summary>
    [GeneratedRegex(@"^(?:[a-z]+(?:\([^)]*\))?!?:\s*)?(?:update [\w./-]+\.\w{1,5}|make (?:the )?(?:linters?|lint|ci|tests?|mypy|ruff|clippy|pre-commit|checks?) (?:happy|pass|green)|merge (?:branch|remote-tracking branch|pull request|commit)\b.*|merged? (?:main|master|upstream)\b.*|(?:address(?:ed|ing)?|resolve[sd]?|fix(?:ed)?) (?:the |all )?(?:review |pr |code review )?(?:comments?|feedback|suggestions?|conflicts?)|apply (?:the )?suggestions? from (?:code )?review|(?:fix(?:ed)?|run|ran) (?:the )?(?:lint|linter|linting|format(?:ting)?|pre-commit|ci|tests?|typos?|style|mypy|ruff|clippy)|lint|linting|format|formatting|typos?|wip|nits?|minor(?: (?:fix(?:es)?|changes?|cleanup|update))?|updates?|cleanup|clean up|pre-commit|fixup!.*|squash!.*|more fixes|fix|fixes|tmp|temp|done|ok|\.+)[.!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FixupLine();

    /// <summary>A line that is one link ("[Release notes](https://…)"), a pointer rather than a statement.</summary>
    [GeneratedRegex(@"^\s*!?\[[^\]]*\]\([^)]*\)[.,;]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LinkOnly();

    /// <summary>Struck-through text ("~~WIP~~"): withdrawn by its author.</summary>
    [GeneratedRegex(@"~~[^~]*~~", RegexOptions.CultureInvariant)]
    private static partial Regex Struck();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Image();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"<(?<url>https?://[^>\s]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex AutoLink();

    /// <summary>"the live &lt;audio&gt;/&lt;video&gt; nodes": an element named in prose, not markup — a bare opening tag of an
    /// element that needs a closing tag, which the text never closes.</summary>
    private static bool IsNamedElement(string tag, string text)
    {
        if (tag.Length < 3 || tag[1] == '/' || !char.IsAsciiLetter(tag[^2]) || tag.AsSpan(1, tag.Length - 2).ContainsAny(' ', '=', '/'))
        {
            return false;
        }
        var name = tag[1..^1];
        return !VoidElements.Contains(name) && !text.Contains("</" + name, StringComparison.OrdinalIgnoreCase);
    }

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase) { "br", "hr", "img", "source" };

    /// <summary>HTML tags by name, so that generic types such as <c>Option&lt;T&gt;</c> stay as written.</summary>
    [GeneratedRegex(@"</?(?:a|b|i|u|s|em|strong|code|kbd|br|p|div|span|sub|sup|img|ul|ol|li|dl|dt|dd|details|summary|table|thead|tbody|tr|td|th|hr|h[1-6]|pre|blockquote|picture|source|video|center|small|big|del|ins|mark)\b[^<>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();
}
