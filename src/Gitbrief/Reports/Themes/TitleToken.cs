namespace Gitbrief.Reports.Themes;

/// <summary>One word of a commit title: its matching key (lower case, singular), its kind and where it is in the title.</summary>
internal sealed record TitleToken(string Key, TokenKind Kind, int Start, int End);
