//! Reading-comfort settings a reader chooses and the browser remembers: text size and
//! colour theme. Pure: values, labels and their stored form; `app` does the storing.

/// localStorage key of the text size.
pub const TEXT_SIZE_KEY: &str = "gongshu-reader.text-size";
/// localStorage key of the theme.
pub const THEME_KEY: &str = "gongshu-reader.theme";

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

/// Colour theme: follow the system, or force light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Every choice, in the order the control shows them.
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The stored and CSS form (`data-theme`).
    pub fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The label on the control.
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "跟随系统",
            Theme::Light => "浅色",
            Theme::Dark => "深色",
        }
    }

    /// Reads a stored value; anything unknown is the default.
    pub fn from_key(key: &str) -> Theme {
        Theme::ALL.into_iter().find(|t| t.key() == key).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_forms_round_trip_and_unknown_is_default() {
        for s in TextSize::ALL {
            assert_eq!(TextSize::from_key(s.key()), s);
        }
        for t in Theme::ALL {
            assert_eq!(Theme::from_key(t.key()), t);
        }
        for junk in ["", "huge", "<script>", "LARGE"] {
            assert_eq!(TextSize::from_key(junk), TextSize::Standard);
            assert_eq!(Theme::from_key(junk), Theme::System);
        }
        assert!(TextSize::ALL.len() >= 4);
    }
}
