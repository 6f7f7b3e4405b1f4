//! Recognises the signature line that closes each article: the department and the
//! author's posts, a space, the author's name.
//!
//! | signature line                                       | department               | posts                           | name   |
//! |------------------------------------------------------|--------------------------|---------------------------------|--------|
//! | `区残联党组书记、理事长 谢建青`                      | 区残联                   | 党组书记 / 理事长               | 谢建青 |
//! | `区招商局（区经合办）党委书记、局长（主任） 朱永红`  | 区招商局（区经合办）     | 党委书记 / 局长（主任）         | 朱永红 |
//! | `区住建局、区人防办（区民防局）党委书记、…… 陈劲松`  | 区住建局、区人防办（…）  | 党委书记 / 局长（主任）         | 陈劲松 |

use crate::content::addresses::POST_ENDS;
use crate::han::is_han;

/// Words a post begins with. The department is everything before the first of them that
/// is not inside brackets.
const POST_STARTS: &[&str] = &[
    "党委",
    "党组",
    "党工委",
    "党总支",
    "党支部",
    "书记",
    "副",
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
    "秘书长",
    "总",
];
/// Punctuation that never appears in a signature but always in prose.
const PROSE_PUNCTUATION: &[char] = &['，', '。', '；', '：', '！', '？', '“', '”', ',', ';', ':', '!', '?'];
/// Longest name accepted, in characters (names with a middle dot can be long).
const MAX_NAME_CHARS: usize = 8;

/// A parsed signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// The department as printed.
    pub department: String,
    /// The first body named, without bracketed alternatives.
    pub department_short: String,
    /// The posts in printed order.
    pub posts: Vec<String>,
    /// The author's name.
    pub name: String,
}

/// What a line is, as far as signatures go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// A complete signature.
    Signature(Signature),
    /// A complete signature typed without the space before the name
    /// (`区残联党组书记、理事长谢建青`): the caller decides whether the line stands alone
    /// like a signature or is a printed line of prose that happens to read so.
    RunOn(Signature),
    /// Department and posts with no name after them.
    MissingName,
    /// Not a signature.
    Prose,
}

/// Classifies one printed line.
pub fn parse(line: &str) -> Parsed {
    let line = line.trim();
    if line.contains(PROSE_PUNCTUATION) {
        return Parsed::Prose;
    }
    match line.rsplit_once(char::is_whitespace) {
        Some((left, name)) => {
            let left = left.trim_end();
            let name_ok =
                (2..=MAX_NAME_CHARS).contains(&name.chars().count()) && name.chars().all(|c| is_han(c) || c == '·');
            match split_department(left) {
                Some((department, posts)) if name_ok => Parsed::Signature(Signature {
                    department_short: short_department(department),
                    department: department.to_owned(),
                    posts,
                    name: name.to_owned(),
                }),
                _ => Parsed::Prose,
            }
        }
        None if split_department(line).is_some() => Parsed::MissingName,
        None => run_on(line).map_or(Parsed::Prose, Parsed::RunOn),
    }
}

/// How the department of a signature typed without its space must begin: the body is a
/// district's (or a city's, a county's…) office. Prose that ends in a post and a verb
/// (`听取了区委书记强调`) does not begin so.
const RUN_ON_DEPARTMENT_STARTS: &[&str] = &["区", "市", "县", "省", "街道", "镇", "乡", "拱墅", "杭州"];

/// The signature in a line whose name follows the posts without a space, when exactly one
/// cut of a two- or three-character name leaves a department and posts, and the department
/// begins like an office's ([`RUN_ON_DEPARTMENT_STARTS`]).
fn run_on(line: &str) -> Option<Signature> {
    if !RUN_ON_DEPARTMENT_STARTS.iter().any(|start| line.starts_with(start)) {
        return None;
    }
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut found = (2..=3).filter(|&n| n < chars.len()).filter_map(|n| {
        let (cut, _) = chars[chars.len() - n];
        let (left, name) = line.split_at(cut);
        let (department, posts) = split_department(left).filter(|_| name.chars().all(is_han))?;
        Some(Signature {
            department_short: short_department(department),
            department: department.to_owned(),
            posts,
            name: name.to_owned(),
        })
    });
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// Splits "区商务局（区旅游局）党委书记、局长" into the department and its posts.
fn split_department(left: &str) -> Option<(&str, Vec<String>)> {
    if left.is_empty() || left.contains(char::is_whitespace) || !left.starts_with(is_han) {
        return None;
    }
    let mut depth = 0i32;
    let mut cut = None;
    for (i, c) in left.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            _ if depth == 0 && i > 0 && POST_STARTS.iter().any(|p| left[i..].starts_with(p)) => {
                cut = Some(i);
                break;
            }
            _ => {}
        }
    }
    let (department, posts) = left.split_at(cut?);
    let posts = split_outside_brackets(posts, '、');
    posts.iter().all(|p| is_post(p)).then_some((department, posts))
}

fn split_outside_brackets(text: &str, sep: char) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            _ => {}
        }
        if c == sep && depth == 0 {
            out.push(String::new());
        } else {
            out.last_mut().expect("never empty").push(c);
        }
    }
    out
}

/// Whether `post` ends with a title word, ignoring a trailing bracketed note.
fn is_post(post: &str) -> bool {
    let core = match post.strip_suffix(['）', ')']) {
        Some(inner) => inner.rfind(['（', '(']).map_or(post, |open| &post[..open]),
        None => post,
    };
    POST_ENDS.iter().any(|end| core.ends_with(end))
}

/// "区住建局、区人防办（区民防局）" → "区住建局".
fn short_department(department: &str) -> String {
    department.split(['、', '（', '(']).next().unwrap_or(department).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(line: &str) -> Signature {
        match parse(line) {
            Parsed::Signature(s) => s,
            other => panic!("{line}: {other:?}"),
        }
    }

    #[test]
    fn a_name_run_onto_the_posts_is_found_once() {
        let run_on = |line: &str| match parse(line) {
            Parsed::RunOn(s) => (s.department, s.posts, s.name),
            other => panic!("{line}: {other:?}"),
        };
        assert_eq!(
            run_on("区残联党组书记、理事长谢建青"),
            ("区残联".into(), vec!["党组书记".into(), "理事长".into()], "谢建青".into())
        );
        assert_eq!(
            run_on("区财政局党委书记、局长黄仁"),
            ("区财政局".into(), vec!["党委书记".into(), "局长".into()], "黄仁".into())
        );
        // Prose stays prose: punctuation, no posts, a name that is not all Han, or a line
        // that does not begin like an office (the last three once read as signatures).
        for line in [
            "区残联党组书记、理事长谢建青同志",
            "区财政局党委书记，局长黄仁",
            "今年以来全区上下",
            "区财政局局长Li",
            "我们的支部书记带头",
            "听取了区委书记强调",
            "今天上午区财政局局长出席",
        ] {
            assert_eq!(parse(line), Parsed::Prose, "{line}");
        }
    }

    #[test]
    fn signatures_of_the_page() {
        for (line, dept, short, posts, name) in [
            ("区残联党组书记、理事长 谢建青", "区残联", "区残联", &["党组书记", "理事长"][..], "谢建青"),
            (
                "区商务局（区旅游局）党委书记、局长 俞志栋",
                "区商务局（区旅游局）",
                "区商务局",
                &["党委书记", "局长"],
                "俞志栋",
            ),
            (
                "区司法局党委书记、局长、区委政法委委员 葛彤",
                "区司法局",
                "区司法局",
                &["党委书记", "局长", "区委政法委委员"],
                "葛彤",
            ),
            (
                "区招商局（区经合办）党委书记、局长（主任） 朱永红",
                "区招商局（区经合办）",
                "区招商局",
                &["党委书记", "局长（主任）"],
                "朱永红",
            ),
            (
                "区住建局、区人防办（区民防局）党委书记、局长（主任） 陈劲松",
                "区住建局、区人防办（区民防局）",
                "区住建局",
                &["党委书记", "局长（主任）"],
                "陈劲松",
            ),
            ("区教育局局长 赵群筠", "区教育局", "区教育局", &["局长"], "赵群筠"),
            (
                "区人力社保局党委书记、局长、区委组织部副部长（兼） 郑国庆",
                "区人力社保局",
                "区人力社保局",
                &["党委书记", "局长", "区委组织部副部长（兼）"],
                "郑国庆",
            ),
            ("区财政局党委书记、局长 黄仁", "区财政局", "区财政局", &["党委书记", "局长"], "黄仁"),
        ] {
            let s = sig(line);
            assert_eq!((s.department.as_str(), s.department_short.as_str(), s.name.as_str()), (dept, short, name));
            assert_eq!(s.posts, posts);
        }
    }

    #[test]
    fn prose_and_nameless_lines() {
        for (line, want) in [
            ("区里广泛开展“解放思想大讨论 争先创优敢担", Parsed::Prose),
            ("传达全区“解放思想勇开拓 争先创优敢担当”大讨", Parsed::Prose),
            ("区教育系统掀起解放思想大讨论活动。", Parsed::Prose),
            ("世上无 难事", Parsed::Prose),
            ("记车俊在全省第四次县（市、区）委书记工作交流", Parsed::Prose),
            ("区财政局党委书记工作 黄仁", Parsed::Prose),
            ("区财政局党委书记、局长", Parsed::MissingName),
            ("区财政局党委书记、局长 ", Parsed::MissingName),
            ("", Parsed::Prose),
        ] {
            assert_eq!(parse(line), want, "{line:?}");
        }
    }
}
