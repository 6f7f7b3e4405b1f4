//! Reading-comfort settings a reader chooses and the browser remembers: text size, colour
//! theme and, for listening, the speaking rate and whether the next article follows.
//! Pure: values, labels and their stored form; the hooks do the storing.

/// localStorage key of the text size.
pub const TEXT_SIZE_KEY: &str = "gongshu-reader.text-size";
/// localStorage key of the theme.
pub const THEME_KEY: &str = "gongshu-reader.theme";
/// localStorage key of the speaking rate.
pub const RATE_KEY: &str = "gongshu-reader.rate";
/// localStorage key of 连续播放 (`on` or absent).
pub const FOLLOW_ON_KEY: &str = "gongshu-reader.follow-on";
/// localStorage key of the places where listening stopped (`listen::place`).
pub const PLACES_KEY: &str = "gongshu-reader.places";

/// Body text size steps. The CSS maps each to a root font size; the largest gives body
/// text of 26 px and headings above 30 px (MIIT age-friendly figures: ≥ 18 px, ≥ 30 px).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextSize {
    /// 18 px body text.
    #[default]
    Standard,
    /// 20 px.
    Large,
    /// 23 px.
    Larger,
    /// 26 px.
    Largest,
}

impl TextSize {
    /// Every step, smallest first.
    pub const ALL: [TextSize; 4] = [TextSize::Standard, TextSize::Large, TextSize::Larger, TextSize::Largest];

    /// The stored and CSS form (`data-text-size`).
    pub fn key(self) -> &'static str {
        match self {
            TextSize::Standard => "standard",
            TextSize::Large => "large",
            TextSize::Larger => "larger",
            TextSize::Largest => "largest",
        }
    }

    /// The label on the control.
    pub fn label(self) -> &'static str {
        match self {
            TextSize::Standard => "标准",
            TextSize::Large => "大",
            TextSize::Larger => "较大",
            TextSize::Largest => "特大",
        }
    }

    /// Reads a stored value; anything unknown is the default.
    pub fn from_key(key: &str) -> TextSize {
        TextSize::ALL.into_iter().find(|s| s.key() == key).unwrap_or_default()
    }
}

/// Colour theme: follow the system, or force light, dark or high contrast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
    /// Yellow on black (黑底黄字), body text far above 7:1, for readers whose system
    /// offers no high-contrast setting.
    Contrast,
}

impl Theme {
    /// Every choice, in the order the control shows them.
    pub const ALL: [Theme; 4] = [Theme::System, Theme::Light, Theme::Dark, Theme::Contrast];

    /// The stored and CSS form (`data-theme`).
    pub fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Contrast => "contrast",
        }
    }

    /// The label on the control.
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "跟随系统",
            Theme::Light => "浅色",
            Theme::Dark => "深色",
            Theme::Contrast => "黑底黄字",
        }
    }

    /// Reads a stored value; anything unknown is the default.
    pub fn from_key(key: &str) -> Theme {
        Theme::ALL.into_iter().find(|t| t.key() == key).unwrap_or_default()
    }
}

/// Speaking rate steps for read-aloud (语速). The default is a little slower than the
/// engines' own, for older listeners.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rate {
    /// 0.7×.
    Slow,
    /// 0.9×.
    #[default]
    Standard,
    /// 1.1×.
    Quick,
    /// 1.3×.
    Fast,
}

impl Rate {
    /// Every step, slowest first.
    pub const ALL: [Rate; 4] = [Rate::Slow, Rate::Standard, Rate::Quick, Rate::Fast];

    /// The stored form.
    pub fn key(self) -> &'static str {
        match self {
            Rate::Slow => "slow",
            Rate::Standard => "standard",
            Rate::Quick => "quick",
            Rate::Fast => "fast",
        }
    }

    /// The label on the control.
    pub fn label(self) -> &'static str {
        match self {
            Rate::Slow => "慢",
            Rate::Standard => "适中",
            Rate::Quick => "较快",
            Rate::Fast => "快",
        }
    }

    /// The `rate` of an utterance.
    pub fn value(self) -> f32 {
        match self {
            Rate::Slow => 0.7,
            Rate::Standard => 0.9,
            Rate::Quick => 1.1,
            Rate::Fast => 1.3,
        }
    }

    /// Reads a stored value; anything unknown is the default.
    pub fn from_key(key: &str) -> Rate {
        Rate::ALL.into_iter().find(|r| r.key() == key).unwrap_or_default()
    }
}

/// What to remember when the settings go from `before` to `after`: each setting the reader
/// changed, as its key and stored value, and nothing else, so that a value the reader did
/// not choose (a portal's theme for its visit) is never stored as theirs.
pub fn to_store(before: (TextSize, Theme), after: (TextSize, Theme)) -> Vec<(&'static str, &'static str)> {
    let size = (before.0 != after.0).then(|| (TEXT_SIZE_KEY, after.0.key()));
    let theme = (before.1 != after.1).then(|| (THEME_KEY, after.1.key()));
    size.into_iter().chain(theme).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_the_reader_changed_is_stored() {
        let portal = (TextSize::Standard, Theme::Dark);
        assert_eq!(to_store(portal, (TextSize::Largest, Theme::Dark)), [(TEXT_SIZE_KEY, "largest")]);
        assert_eq!(to_store(portal, (TextSize::Standard, Theme::Contrast)), [(THEME_KEY, "contrast")]);
        assert_eq!(to_store(portal, portal), []);
    }

    #[test]
    fn stored_forms_round_trip_and_unknown_is_default() {
        for s in TextSize::ALL {
            assert_eq!(TextSize::from_key(s.key()), s);
        }
        for t in Theme::ALL {
            assert_eq!(Theme::from_key(t.key()), t);
        }
        for r in Rate::ALL {
            assert_eq!(Rate::from_key(r.key()), r);
        }
        for junk in ["", "huge", "<script>", "LARGE"] {
            assert_eq!(TextSize::from_key(junk), TextSize::Standard);
            assert_eq!(Theme::from_key(junk), Theme::System);
            assert_eq!(Rate::from_key(junk), Rate::Standard);
        }
        assert!(Rate::ALL.windows(2).all(|w| w[0].value() < w[1].value()), "slowest first");
    }
}
