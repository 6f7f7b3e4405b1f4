//! The search cases over page 3, each list with what it covers: what a reader types and
//! the article they want. The full engine (`tests/search.rs`) and the sharded one
//! (`tests/search_sharded.rs`) are held to them.
#![allow(dead_code)]

/// (query, acceptable top articles). What each case covers is in the comment beside it.
pub const TOP: &[(&str, &[&str])] = &[
    // Departments, as printed and canonical.
    ("残联", &["3-01"]),
    ("商务局", &["3-02"]),
    ("旅游局", &["3-02"]),
    ("司法局", &["3-03"]),
    ("经合办", &["3-04"]),
    ("人防办", &["3-05"]),
    ("教育局", &["3-06", "3-07"]),
    ("人力社保局", &["3-08"]),
    ("财政局", &["3-09"]),
    // Authors.
    ("谢建青", &["3-01"]),
    ("葛彤", &["3-03"]),
    ("赵群筠", &["3-07"]),
    ("陈小蕾", &["3-10"]),
    // Words that span a printed line break.
    ("开创工作新局面", &["3-01"]),
    ("新零售项目落地", &["3-02"]),
    ("海绵区域化", &["3-05"]),
    // Words broken by justification spaces in the source.
    ("文渊小学", &["3-06"]),
    ("乐英专修", &["3-06"]),
    ("80后", &["3-06"]),
    ("党的知识", &["3-06"]),
    // Headings.
    ("迎接新挑战", &["3-02"]),
    ("紧箍咒", &["3-09"]),
    // Full pinyin, with and without spaces, any case.
    ("canlian", &["3-01"]),
    ("can lian", &["3-01"]),
    ("XieJianqing", &["3-01"]),
    ("zhaoshangju", &["3-04"]),
    ("huang ren", &["3-09"]),
    // Initials.
    ("czj", &["3-09"]),
    ("mzj", &["3-10"]),
    ("sfj", &["3-03"]),
    ("xjq", &["3-01"]),
    // Polyphones: 长 read zhang or chang.
    ("juzhang zhuyongh", &["3-04"]),
    // Traditional characters.
    ("殘聯", &["3-01"]),
    ("財政局", &["3-09"]),
    ("區教育局", &["3-06", "3-07"]),
    // Full-width digits and letters.
    ("１３００套", &["3-05"]),
    ("１２３４８", &["3-03"]),
    ("ＢＩＭ", &["3-05"]),
    // Mixed Chinese and English, and numbers.
    ("BIM技术", &["3-05"]),
    ("1+N", &["3-06"]),
    // Several words: all required.
    ("残疾人 服务", &["3-01"]),
    ("律师 法律援助", &["3-03"]),
    ("养老 民政", &["3-10"]),
    ("垂直绿化 海绵", &["3-05"]),
];

/// What readers type that the strict match misses (approximate: shown under "相近") or
/// that it now finds (exact), → the article they want first.
pub const FORGIVING: &[(&str, &[&str], Kind)] = &[
    // A homophone picked in a pinyin IME (the text's word in the comment).
    ("社区矫证", &["3-03"], Approximate), // 社区矫正
    ("法律援住", &["3-03"], Approximate), // 法律援助
    ("预酸", &["3-09"], Approximate),     // 预算; 酸 is not in the content
    ("垂直绿画", &["3-05"], Approximate), // 垂直绿化
    ("海棉区域化", &["3-05"], Approximate),
    ("基础设是建设", &["3-05"], Approximate),
    ("小学生延迟半小时上雪", &["3-07"], Approximate),
    ("紧箍周", &["3-09"], Approximate),
    ("牛鼻字", &["3-09"], Approximate),
    ("硬古头", &["3-09"], Approximate),
    ("残急人", &["3-01"], Approximate),
    ("区委政发委委员", &["3-03"], Approximate), // 区委政法委委员, in the posts
    // Names as they sound.
    ("谢建清", &["3-01"], Approximate),
    ("葛同", &["3-03"], Approximate),
    ("徐旭永", &["3-06"], Approximate),
    ("赵群军", &["3-07"], Approximate),
    ("陈小雷", &["3-10"], Approximate),
    ("郑国青", &["3-08"], Approximate),
    ("朱勇红", &["3-04"], Approximate),
    ("余志栋", &["3-02"], Approximate),
    ("黄人", &["3-09"], Approximate),
    ("陈劲送", &["3-05"], Approximate),
    // One wrong character (not a homophone: a slip of the hand) in four or more.
    ("社区矫治", &["3-03"], Approximate),
    ("法律援手", &["3-03"], Approximate),
    ("新零售项日落地", &["3-02"], Approximate),
    ("开创工作新局而", &["3-01"], Approximate),
    // Everyday short names, by rule from the printed name.
    ("人社局", &["3-08"], Exact),
    ("人社", &["3-08"], Exact),
    ("区人社局", &["3-08"], Exact),
    // Across fields: department, posts, name.
    ("教育局党委书记", &["3-06"], Approximate),
    ("教育局局长", &["3-07"], Approximate),
    ("残联理事长", &["3-01"], Approximate),
    ("司法局局长", &["3-03"], Approximate),
    ("财政局黄仁", &["3-09"], Approximate),
    ("民政局陈小蕾", &["3-10"], Approximate),
    ("商务局俞志栋", &["3-02"], Approximate),
    ("招商局局长朱永红", &["3-04"], Approximate),
    ("住建局党委书记", &["3-05"], Approximate),
    ("人社局郑国庆", &["3-08"], Approximate),
    ("人社局局长", &["3-08"], Approximate),
    // Most of a longer term.
    ("社区矫正工作站", &["3-03"], Approximate),
    // Several terms, one of them approximate.
    ("律师 法律援住", &["3-03"], Approximate),
    // Pinyin with characters.
    ("minzheng局", &["3-10"], Exact),
    ("残lian", &["3-01"], Exact),
    ("cai政局", &["3-09"], Exact),
    ("司fa局", &["3-03"], Exact),
    ("jiaoyu局", &["3-06", "3-07"], Exact),
    ("谢jianqing", &["3-01"], Exact),
    // ü typed as v, or with its marks from a pinyin table.
    ("lvyou", &["3-02"], Exact),
    ("lǚyóu", &["3-02"], Exact),
    ("LÜYOU", &["3-02"], Exact),
    ("lvshi", &["3-03"], Exact),
];

/// Whether a forgiving case's best hit is approximate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// Its best hit matches exactly.
    Exact,
    /// Its best hit matches approximately.
    Approximate,
}
pub use Kind::{Approximate, Exact};

/// Queries that must find nothing: nonsense that shares with the articles only single
/// characters, sound-alikes that are not together in one run of text, or too little of
/// itself (noise, not results), and what is no query at all.
pub const NONSENSE: &[&str] = &[
    "足球",
    "xyzzy",
    "残联 足球",
    "残联足球",
    "联残",
    "q",
    "，。",
    "",
    "   ",
    "鱼酸",     // sounds like 预算, but no character of it is there
    "设曲交正", // sounds like 社区矫正, one character of four the same
    "事世",     // shi shi, like 实施 and 事实
    "足球比赛",
    "火箭发射",
    "量子计算机",
    "天气预报",
    "猫狗大战",
    "冰淇淋",
    "北京奥运会",
    "社足", // 足 is read ju only in old texts: not 社局
    "教物局",
    "残人联",
    "司法足球", // half of it
    "人社足球队",
    "区长球",
    "服务区", // two of three
    // Words of different articles, together in one term, or as terms.
    "残疾人律师",
    "紧箍咒楼宇",
    "社区矫正残联",
    "律师财政", // and not 落实财政: a slip and a sound-alike together
    "预酸 律师",
    "qwerty",
];

/// A surname with a post, as speech and the press name an official (`content::addresses`):
/// (query, every article it finds, exactly; none approximately).
pub const OFFICIALS: &[(&str, &[&str])] = &[
    ("黄局长", &["3-09"]),
    ("黄局", &["3-09"]),
    ("谢理事长", &["3-01"]),
    ("谢书记", &["3-01"]),
    ("徐书记", &["3-06"]),
    ("赵局长", &["3-07"]),
    ("朱主任", &["3-04"]), // 局长（主任）: the post in brackets too
    ("郑部长", &["3-08"]), // 区委组织部副部长: a deputy by the title alone
    ("郑副部长", &["3-08"]),
    ("葛委员", &["3-03"]),          // 区委政法委委员
    ("陈局长", &["3-05", "3-10"]),  // two officials named 陈, both 局长
    ("陈局长 加装电梯", &["3-05"]), // with a topic, as any other term
    ("陈局长 养老", &["3-10"]),
    ("黄局长 预算", &["3-09"]),
    ("俞局 旅游", &["3-02"]),
];

/// A surname no official has with that post, or a post the official with that surname
/// does not hold: nothing at all, not even approximately.
pub const NO_SUCH_OFFICIAL: &[&str] =
    &["王局长", "李书记", "张主任", "刘理事长", "徐局长", "赵书记", "黄主任", "谢局长", "陈理事长", "葛部长", "孙局"];

/// A department by its full official name, as notices and portals give it, with or without
/// the district (`content::full_names`): (query, every article it finds exactly; the
/// forgiving pass may add near ones after them, as for any query).
pub const FULL_NAMES: &[(&str, &[&str])] = &[
    ("住房和城乡建设局", &["3-05"]),
    ("拱墅区住房和城乡建设局", &["3-05"]),
    ("杭州市拱墅区住房和城乡建设局", &["3-05"]),
    ("区住房和城乡建设局", &["3-05"]),
    ("人民防空办公室", &["3-05"]),
    ("拱墅区人力资源和社会保障局", &["3-08"]),
    ("人力资源和社会保障局", &["3-08"]),
    ("残疾人联合会", &["3-01"]),
    ("拱墅区残疾人联合会", &["3-01"]),
    ("经济合作办公室", &["3-04"]),
    ("拱墅区司法局", &["3-03"]), // printed in full: the district in front is enough
    ("杭州市拱墅区教育局", &["3-06", "3-07"]),
    ("拱墅区财政局 预算", &["3-09"]),
];

/// Full names of bodies no statement is from, whose words the statements do not use
/// either: nothing, not even approximately. (发展和改革局 finds 3-09 approximately: it
/// speaks of 发展 and 改革, as the forgiving pass allows.)
pub const NO_SUCH_BODY: &[&str] =
    &["卫生健康局", "拱墅区卫生健康局", "市场监督管理局", "退役军人事务局", "归国华侨联合会", "医疗保障局"];

/// The public's word for what the statements say in the office's (`approx::synonyms`):
/// (query, the first article found only so). Such hits are near ones, after every exact
/// hit (老百姓 is printed once, in 3-10; 群众 in others).
pub const SYNONYMS: &[(&str, &str)] = &[
    ("穷人", "3-09"),     // 困难群众
    ("找工作", "3-08"),   // 就业
    ("法律帮助", "3-03"), // 法律援助
    ("补贴", "3-09"),     // 补助
    ("残废", "3-01"),     // 残疾人
    ("公司", "3-04"),     // 企业, in the investment bureau's statement first
    ("老百姓", "3-03"),   // after 3-10, which prints 老百姓
    ("老师", "3-07"),     // after 3-03, which prints 老师
];

/// Public words whose office words the statements do not use: nothing.
pub const NO_SYNONYM: &[&str] = &["打官司", "看病", "低保"];

/// A count typed the other way from how it is printed (`search::numbers`): (query, every
/// article it finds exactly). Names and set phrases of numerals, typed as printed, find
/// what they did.
pub const NUMBERS: &[(&str, &[&str])] = &[
    ("十家", &["3-06"]),        // 10家
    ("六十九家", &["3-03"]),    // 69家
    ("3所", &["3-03"]),         // 三所
    ("两家", &["3-06"]),        // 2家
    ("2级", &["3-03"]),         // 两级
    ("4次", &["3-01"]),         // 四次
    ("5年", &["3-06", "3-07"]), // 五年
    ("十五万", &["3-05"]),      // 15万, not the 5万 of 1.5万 (3-02)
    ("一万个", &["3-05"]),      // 10000个
    ("一万平方米", &["3-05"]),  // 1万, not the 1万 of 14.1万人 (3-03)
    ("四十周年", &["3-02"]),    // 40周年
    ("二〇一九年", &["3-02", "3-04", "3-05"]),
    ("二〇二〇年", &["3-09"]),
    ("一千三百套", &["3-05"]), // 1300套
    ("一百零五条", &["3-03"]), // 105条
    ("七十名", &["3-06"]),     // 70名
    ("五百强", &["3-04"]),     // 500强
    ("完成1300套", &["3-05"]), // with words around it
    ("八八战略", &["3-01", "3-02", "3-10"]),
    ("百千万", &["3-06"]),
    ("六个不足", &["3-01"]),
    ("一案一评", &["3-03"]),
    ("七五", &["3-03"]),
];

/// Counts the statements do not give, either way: nothing, not even approximately.
/// (五万方 and 一万人 are in 1.5万方 and 14.1万人, as parts of other numbers.)
pub const NO_SUCH_NUMBER: &[&str] =
    &["十一家", "7所", "九十九名", "2021年", "六百强", "13所", "三万个", "88家", "五万方", "一万人"];

/// Pinyin with a slip as phone keyboards make them (`approx::slips`): (query, the first
/// article it finds, approximately).
pub const PINYIN_SLIPS: &[(&str, &str)] = &[
    ("minzehng", "3-10"),       // 民政: zheng, h and e swapped
    ("mnizheng", "3-10"),       // min, n and i swapped
    ("canlain", "3-01"),        // 残联: lian, a and i swapped
    ("canlan", "3-01"),         // lian without its i
    ("jaioyu", "3-06"),         // 教育 (the bureau of education first): jiao, i and a swapped
    ("zhaoshnag", "3-04"),      // 招商
    ("yusaun", "3-09"),         // 预算
    ("jiiuye", "3-08"),         // 就业: an extra i
    ("lvyuo", "3-02"),          // 旅游
    ("shequjiaozhegn", "3-03"), // 社区矫正
    ("dinati", "3-05"),         // 电梯: dian without its a
];

/// Pinyin nonsense, slips in short syllables or in every syllable, and slipped pinyin of
/// words the statements do not use: nothing. (hagntian, for 航天, finds 杭天 in a law
/// firm's name: a slip forgives the letters, and any character read so matches.)
pub const NO_SUCH_PINYIN: &[&str] =
    &["qwrtyp", "zzxxcc", "jiaoyuu", "mnizehng", "zuqiiu", "lianzgi", "dainnao", "yinyeu", "xkcdxkcd", "minzhengxx"];
