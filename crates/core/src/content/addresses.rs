//! How people name an official: by surname and post, as speech and the press do (黄局长,
//! 黄局, 谢理事长), derived from the parsed signature, never from a list of names. The
//! search indexes them beside the name and posts, so a reader who heard "黄局长" finds
//! the statement of 黄仁, 局长, and a surname no official has finds nothing.
//!
//! | posts                         | name   | addresses                              |
//! |-------------------------------|--------|----------------------------------------|
//! | 党组书记、理事长              | 谢建青 | 谢书记, 谢理事长                       |
//! | 党委书记、局长（主任）        | 朱永红 | 朱书记, 朱局长, 朱局, 朱主任           |
//! | 区委组织部副部长（兼）        | 郑国庆 | 郑副部长, 郑部长, 郑部                 |
//! | 区委政法委委员                | 葛彤   | 葛委员                                 |
//!
//! A post is named by the title it ends with (党组书记 → 书记), also without 副 (a deputy is
//! addressed by the title alone), a bracketed second post as a post of its own (局长（主任）),
//! and a two-character title in 长 also by its first character, as 局长 is 局.

/// Words a post ends with (before an optional bracketed note such as "（兼）"): every post
/// must end so, which tells a signature from a line of prose that mentions a post.
pub const POST_ENDS: &[&str] = &[
    "书记",
    "局长",
    "主任",
    "理事长",
    "部长",
    "主席",
    "院长",
    "馆长",
    "会长",
    "社长",
    "所长",
    "站长",
    "校长",
    "队长",
    "组长",
    "政委",
    "委员",
    "秘书长",
    "经理",
    "董事长",
    "总监",
    "处长",
    "科长",
    "主委",
    "常委",
];

/// Surnames of two characters (the rest are one).
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "上官", "司马", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "长孙", "宇文", "司徒",
    "端木", "独孤", "南宫", "闻人", "澹台", "轩辕", "西门", "呼延",
];

/// The surname of a name: its first character, or its first two for a compound surname.
pub fn surname(name: &str) -> &str {
    let compound = COMPOUND_SURNAMES.iter().find(|s| name.starts_with(*s) && name.len() > s.len());
    let first = name.chars().next().map_or(0, char::len_utf8);
    compound.map_or(&name[..first], |s| &name[..s.len()])
}

/// How a post is named after a surname, in order, distinct.
fn titles(post: &str) -> Vec<String> {
    // "局长（主任）": the post, and the one in brackets; "（兼）" and the like are no post.
    let (main, note) = match post.split_once(['（', '(']) {
        Some((main, rest)) => (main, rest.trim_end_matches(['）', ')'])),
        None => (post, ""),
    };
    let mut out: Vec<String> = Vec::new();
    for part in [main, note] {
        let Some(title) = POST_ENDS.iter().filter(|t| part.ends_with(*t)).max_by_key(|t| t.len()) else { continue };
        let deputy = part.strip_suffix(title).is_some_and(|head| head.ends_with('副'));
        let mut chars = title.chars();
        let organ = match (chars.next(), chars.next(), chars.next()) {
            (Some(first), Some('长'), None) => Some(first.to_string()),
            _ => None,
        };
        let forms = [deputy.then(|| format!("副{title}")), Some(title.to_string()), organ];
        for form in forms.into_iter().flatten() {
            if !out.contains(&form) {
                out.push(form);
            }
        }
    }
    out
}

/// The ways an official of these posts is named: the surname with each title.
pub fn addresses<P: AsRef<str>>(name: &str, posts: &[P]) -> Vec<String> {
    let surname = surname(name);
    let mut out: Vec<String> = Vec::new();
    if surname.is_empty() {
        return out;
    }
    for title in posts.iter().flat_map(|p| titles(p.as_ref())) {
        let address = format!("{surname}{title}");
        if !out.contains(&address) {
            out.push(address);
        }
    }
    out
}

/// Whether `text` reads as an address: a surname (one character, or a compound surname)
/// and a title (王局长, 欧阳书记; not 党委书记 or 残联理事长). The search matches such a
/// term exactly or not at all: a wrong surname is another person, not a slip.
pub fn is_address(text: &str) -> bool {
    POST_ENDS.iter().filter_map(|t| text.strip_suffix(t)).any(|head| {
        let head = head.strip_suffix('副').unwrap_or(head);
        head.chars().count() == 1 || COMPOUND_SURNAMES.contains(&head)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_surname_with_each_title_as_people_say_it() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            ("谢建青", &["党组书记", "理事长"], &["谢书记", "谢理事长"]),
            ("黄仁", &["党委书记", "局长"], &["黄书记", "黄局长", "黄局"]),
            ("朱永红", &["党委书记", "局长（主任）"], &["朱书记", "朱局长", "朱局", "朱主任"]),
            ("郑国庆", &["区委组织部副部长（兼）"], &["郑副部长", "郑部长", "郑部"]),
            ("葛彤", &["区委政法委委员"], &["葛委员"]),
            ("欧阳明", &["秘书长"], &["欧阳秘书长"]),
            ("张三", &["科员"], &[]),
            ("", &["局长"], &[]),
        ];
        for (name, posts, want) in cases {
            assert_eq!(addresses(name, posts), *want, "{name} {posts:?}");
        }
    }

    #[test]
    fn an_address_is_a_surname_and_a_title() {
        for yes in ["王局长", "刘理事长", "欧阳书记", "郑副部长"] {
            assert!(is_address(yes), "{yes}");
        }
        for no in ["局长", "党委书记", "残联理事长", "教育局党委书记", "社区矫正", "谢建青"] {
            assert!(!is_address(no), "{no}");
        }
    }

    #[test]
    fn surnames_of_one_character_or_a_compound_of_two() {
        assert_eq!(surname("陈小蕾"), "陈");
        assert_eq!(surname("司马光"), "司马");
        assert_eq!(surname("司马"), "司", "a two-character name is surname and given name");
    }
}
