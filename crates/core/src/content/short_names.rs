//! The everyday short names of a department, derived from its printed name by rule, so a
//! reader who types 人社局 or 卫健局 finds 区人力社保局 or 区卫生健康局. Computed when a
//! page is read (the build bakes them in); the search indexes them beside the printed
//! department.
//!
//! A printed department may name several bodies (`区住建局、区人防办（区民防局）`); each is
//! taken alone. Its district prefix and its kind (局, 办, 委员会 → 委, 联合会 → 联, …) are
//! kept; the body between them is cut into two-character words, split first at 和/与, and
//! abbreviated by the first character of:
//!
//! | rule                              | 人力资源和社会保障局 | 住房和城乡建设局 | 卫生健康局 | 残疾人联合会 |
//! |-----------------------------------|----------------------|------------------|------------|--------------|
//! | every word                        | 人资社保局           | 住城建局         | 卫健局     | —            |
//! | the first word of each part       | 人社局               | 住城局           | —          | —            |
//! | the first and the last word       | 人保局               | 住建局           | 卫健局     | —            |
//! | a body of three characters        | —                    | —                | —          | 残联         |
//!
//! A trailing 管理 word is also tried without (市场监督管理局 → 市监局). Every rule's result is
//! kept: a form nobody uses costs nothing, since it matches only when typed. A form that is
//! already part of the printed name adds nothing and is dropped. Every short name is a
//! subsequence of the printed name (the search highlights through it).

use super::bodies::bodies;

/// District prefixes, longest first (not a bare 市: 市场监督管理局 begins with it).
const PREFIXES: [&str; 4] = ["杭州市拱墅区", "拱墅区", "杭州市", "区"];
/// The kinds of body, longest first, and how their short forms end.
const KINDS: [(&str, &str); 8] = [
    ("委员会", "委"),
    ("联合会", "联"),
    ("办公室", "办"),
    ("中心", "中心"),
    ("局", "局"),
    ("办", "办"),
    ("委", "委"),
    ("会", "会"),
];

/// The short names of a printed department, in rule order, distinct, none already part of
/// the printed name.
pub fn short_names(department: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, body) in bodies(department) {
        for name in body_short_names(body) {
            if !department.contains(&name) && !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

fn body_short_names(body: &str) -> Vec<String> {
    let prefix = PREFIXES.iter().find(|p| body.starts_with(*p)).map_or("", |p| p);
    let rest = &body[prefix.len()..];
    let Some((kind, short_kind)) = KINDS.iter().find(|(k, _)| rest.ends_with(k)) else { return Vec::new() };
    let core = &rest[..rest.len() - kind.len()];
    let parts: Vec<Vec<&str>> = core.split(['和', '与']).filter(|p| !p.is_empty()).map(words).collect();
    let mut cores = abbreviations(&parts);
    // 市场监督管理 → 市场监督: 管理 says little and is left out in speech.
    if let Some((last, head)) = parts.split_last() {
        if last.len() > 1 && last.last() == Some(&"管理") {
            let mut without = head.to_vec();
            without.push(last[..last.len() - 1].to_vec());
            cores.extend(abbreviations(&without));
        }
    }
    cores.into_iter().map(|core| format!("{prefix}{core}{short_kind}")).collect()
}

/// Two-character words from the start; an odd last character is a word of its own.
fn words(part: &str) -> Vec<&str> {
    let bounds: Vec<usize> = part.char_indices().map(|(i, _)| i).step_by(2).chain([part.len()]).collect();
    bounds.windows(2).map(|w| &part[w[0]..w[1]]).collect()
}

fn first_char(word: &str) -> &str {
    word.char_indices().nth(1).map_or(word, |(i, _)| &word[..i])
}

/// The abbreviations of the table's rules, for a body cut into parts of words.
fn abbreviations(parts: &[Vec<&str>]) -> Vec<String> {
    let all: Vec<&str> = parts.iter().flatten().copied().collect();
    match (parts, all.len()) {
        // 残疾人, a word and a character: its first character, as in 残联.
        ([_], 2) if all[1].chars().count() == 1 => vec![first_char(all[0]).to_owned()],
        (_, 2..) => {
            let mut out = vec![all.iter().map(|w| first_char(w)).collect()];
            if parts.len() >= 2 {
                out.push(parts.iter().filter_map(|p| p.first()).map(|w| first_char(w)).collect());
            }
            out.push(format!("{}{}", first_char(all[0]), first_char(all[all.len() - 1])));
            out
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::short_names;

    fn is_subsequence(short: &str, of: &str) -> bool {
        let mut rest = of.chars();
        short.chars().all(|c| rest.any(|d| d == c))
    }

    #[test]
    fn the_everyday_forms_follow_from_the_rules() {
        for (printed, everyday) in [
            ("区人力资源和社会保障局", "区人社局"),
            ("区住房和城乡建设局", "区住建局"),
            ("区卫生健康局", "区卫健局"),
            ("区人力社保局", "区人社局"),
            ("区残疾人联合会", "区残联"),
            ("区发展和改革局", "区发改局"),
            ("杭州市发展和改革委员会", "杭州市发改委"),
            ("区经济和信息化局", "区经信局"),
            ("区市场监督管理局", "区市监局"),
            ("市场监督管理局", "市监局"),
            ("区城市管理局", "区城管局"),
            ("区文化广电旅游局", "区文广旅局"),
            ("区科学技术局", "区科技局"),
            ("区商务局（区旅游局）、区卫生健康局", "区卫健局"),
        ] {
            let names = short_names(printed);
            assert!(names.iter().any(|n| n == everyday), "{printed}: {names:?}");
        }
    }

    #[test]
    fn nothing_that_is_already_printed_or_not_a_subsequence() {
        for printed in ["区司法局", "区残联", "区商务局（区旅游局）", "区住建局、区人防办（区民防局）", "区教育局", ""]
        {
            assert_eq!(short_names(printed), Vec::<String>::new(), "{printed}");
        }
        for printed in
            ["区人力资源和社会保障局", "区市场监督管理局", "区卫生健康局、区残疾人联合会", "办", "和局", "区和与局"]
        {
            for name in short_names(printed) {
                assert!(is_subsequence(&name, printed), "{name} / {printed}");
                assert!(!printed.contains(&name), "{name} / {printed}");
            }
        }
    }
}
