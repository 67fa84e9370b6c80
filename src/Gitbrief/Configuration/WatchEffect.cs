namespace Gitbrief.Configuration;

/// <summary>What a <c>watch:</c> rule does to the commits it matches.</summary>
internal enum WatchEffect
{
    /// <summary>At least <see cref="WatchRule.Level"/>; also lifts an earlier rule's mute.</summary>
    Raise,

    /// <summary>At most <see cref="WatchRule.Level"/>.</summary>
    Lower,

    /// <summary>Low, and left out of highlights, themes and the chat / e-mail / issue digests.</summary>
    Mute,
}
