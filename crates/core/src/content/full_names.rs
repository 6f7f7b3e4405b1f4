//! The full official names of the bodies a department is printed as (区住建局 →
//! 拱墅区住房和城乡建设局), so a reader who copies a name from a notice or a portal finds
//! the statement: the other direction of `short_names`. From a reviewed table of the
//! standard expansions of the short forms government bodies use; a body printed in full
//! (区司法局) is its own full name. Each is given with the district before it, so the search,
//! which matches a term anywhere in a name, finds it typed with 拱墅区, 区 or nothing before
//! it, and with 杭州市拱墅区 (the query drops the city before the district,
//! `search::query`). One full name a body, in the bodies' order (`bodies`).

use super::bodies::bodies;

/// The district, as the full names begin.
pub const DISTRICT: &str = "拱墅区";
/// How a printed body may begin, longest first.
const PREFIXES: [&str; 3] = ["杭州市拱墅区", "拱墅区", "区"];

/// (short form as printed, full name), the kind included. Reviewed against the bodies'
/// own names as Hangzhou's districts publish them; add a row when a page prints a new one.
const EXPANSIONS: &[(&str, &str)] = &[
    ("住建局", "住房和城乡建设局"),
    ("人力社保局", "人力资源和社会保障局"),
    ("人社局", "人力资源和社会保障局"),
    ("残联", "残疾人联合会"),
    ("经合办", "经济合作办公室"),
    ("人防办", "人民防空办公室"),
    ("发改局", "发展和改革局"),
    ("发改委", "发展和改革委员会"),
    ("经信局", "经济和信息化局"),
    ("市监局", "市场监督管理局"),
    ("文广旅局", "文化广电旅游局"),
    ("文广旅体局", "文化和广电旅游体育局"),
    ("卫健局", "卫生健康局"),
    ("医保局", "医疗保障局"),
    ("城管局", "城市管理局"),
    ("科技局", "科学技术局"),
    ("应急局", "应急管理局"),
    ("退役军人局", "退役军人事务局"),
    ("规资局", "规划和自然资源局"),
    ("政法委", "政法委员会"),
    ("妇联", "妇女联合会"),
    ("侨联", "归国华侨联合会"),
    ("科协", "科学技术协会"),
    ("工商联", "工商业联合会"),
];

/// The full name of one printed body (区住建局 → 拱墅区住房和城乡建设局).
pub fn full_name(body: &str) -> String {
    let rest = PREFIXES.iter().find_map(|p| body.strip_prefix(p)).unwrap_or(body);
    let full = EXPANSIONS.iter().find(|(short, _)| *short == rest).map_or(rest, |(_, full)| full);
    format!("{DISTRICT}{full}")
}

/// The full name of each body of a printed department, in the bodies' order.
pub fn full_names(department: &str) -> Vec<String> {
    bodies(department).into_iter().map(|(_, body)| full_name(body)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_expand_and_full_names_stay() {
        let cases: &[(&str, &[&str])] = &[
            ("区住建局、区人防办（区民防局）", &["拱墅区住房和城乡建设局", "拱墅区人民防空办公室", "拱墅区民防局"]),
            ("区人力社保局", &["拱墅区人力资源和社会保障局"]),
            ("区残联", &["拱墅区残疾人联合会"]),
            ("区招商局（区经合办）", &["拱墅区招商局", "拱墅区经济合作办公室"]),
            ("区司法局", &["拱墅区司法局"]),
            ("杭州市拱墅区卫健局", &["拱墅区卫生健康局"]),
            ("", &[]),
        ];
        for (printed, want) in cases {
            assert_eq!(full_names(printed), *want, "{printed}");
        }
    }
}
