namespace Gitbrief.Reports.Themes;

/// <summary>What a word of a commit title contributes to grouping and naming.</summary>
internal enum TokenKind
{
    /// <summary>A distinctive word ("scheduler", "pylock", "metadata-free"): links commits and names themes.</summary>
    Word,

    /// <summary>A verb or noun every project uses ("add", "fix", "update", "tests"): may open a theme title, links nothing alone.</summary>
    Generic,

    /// <summary>A function word ("the", "to", "of", "的"): never starts or ends a theme title.</summary>
    Function,

    /// <summary>A number or version ("0.12.0", "v3"): never links commits, never ends a theme title.</summary>
    Number,

    /// <summary>One Han or kana character: two adjacent ones form a distinctive word.</summary>
    Ideograph,
}
