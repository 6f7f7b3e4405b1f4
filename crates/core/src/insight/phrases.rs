//! Candidate phrases and their counts. Each run of Han characters the search's tokenizer
//! keeps together (never across punctuation) is cut into words by jieba's dictionary; a
//! phrase is a word of two or more characters, or two or three words in a row (楼宇招商,
//! 最多跑一次), at most six characters. Counted per article (tf) and across articles (df),
//! less what never says what an article is about.

use std::collections::{BTreeMap, BTreeSet};

use jieba_rs::Jieba;

use super::Source;
use crate::search::tokenize::{tokenize, Key};

/// Longest phrase, in characters.
pub const MAX_LEN: usize = 6;
/// Longest term in quotation marks taken as a phrase, in characters: longer ones are
/// slogans and lines of verse (“登高望远天地阔”), not what an article is about.
const MAX_QUOTED: usize = MAX_LEN;
/// Most words in a phrase.
const MAX_WORDS: usize = 3;

/// Words of every statement, and words that say nothing of a topic: never a keyword, never
/// a reason, never the first or last word of one.
pub(crate) const STOP: &[&str] = &[
    "工作",
    "我们",
    "进一步",
    "一是",
    "二是",
    "三是",
    "四是",
    "五是",
    "推进",
    "加强",
    "全区",
    "发展",
    "建设",
    "开展",
    "落实",
    "坚持",
    "提升",
    "推动",
    "积极",
    "深入",
    "全面",
    "重要",
    "讨论",
    "活动",
    "同时",
    "通过",
    "实现",
    "问题",
    "方面",
    "以来",
    "目前",
    "今年",
    "进行",
    "不断",
    "努力",
    "切实",
    "充分",
    "有效",
    "更加",
    "作为",
    "围绕",
    "按照",
    "根据",
    "结合",
    "要求",
    "精神",
    "思想",
    "单位",
    "部门",
    "我区",
    "区委",
    "区政府",
    "领导",
    "干部",
    "党员",
    "机制",
    "体系",
    "能力",
    "水平",
    "服务",
    "管理",
    "质量",
    "任务",
    "目标",
    "措施",
    "举措",
    "全局",
    "责任",
    "意识",
    "作风",
    "成效",
    "突出",
    "重点",
    "着力",
    "根本",
    "真正",
    "面前",
    "完成",
    "确保",
    "只有",
    "扩大",
    "先进",
    "创造",
    "引进",
    "信息",
    "群体",
    "底线",
    "创新",
    "提高",
    "增强",
    "强化",
    "完善",
    "全力",
    "主动",
    "始终",
    "必须",
    "需要",
    "形成",
    "实施",
    "大力",
    "打造",
    "聚焦",
    "注重",
    "具体",
    "相关",
    "明显",
    "各项",
    "一批",
    "决策",
    "部署",
    "站位",
    "一个",
    "一些",
    "这些",
    "各级",
    "新的",
    "继续",
    "进一步",
    "已经",
    "正在",
    "可以",
    "能够",
    "就是",
    "还是",
    "以及",
    "对于",
    "关于",
    "其中",
    "不是",
    "没有",
    "工作者",
    "方式",
    "情况",
    "过程",
    "基础",
    "关键",
    "核心",
    "中心",
    "全体",
    "广大",
    "解放",
    "高度",
    "改变",
    "方法",
    "不足",
    "理念",
    "大胆",
    "业务",
    "在实践中",
    "办法",
    "牵头",
    "社会",
    "万平方米",
    "特别",
    "近期",
    "实践",
    "人民",
    "扎实",
    "建立",
    "今年以来",
    "展现",
    "覆盖",
    "助推",
    "精准",
    "指导",
    "联动",
    "最好",
    "转化",
    "形势",
    "美丽",
    "事业",
    "视野",
];
/// What the campaign says in every statement: no phrase containing one of these is telling.
pub(crate) const CAMPAIGN: &[&str] = &[
    "习近平",
    "十九大",
    "解放思想",
    "争先创优",
    "敢担当",
    "勇开拓",
    "大讨论",
    "社会主义",
    "总书记",
    "贯彻",
    "大城北",
    "新时代",
    "八八战略",
    "拱墅",
    "中国特色",
    "省委书记",
    "车俊",
];
/// Words no phrase contains: particles, pronouns, conjunctions, prepositions.
const NEVER: &[&str] = &[
    "的", "了", "是", "着", "把", "被", "们", "这", "那", "就", "都", "也", "我", "其", "和", "与", "及", "在", "对",
    "为", "将", "要", "而", "并", "等", "之", "以", "从", "向", "于", "个", "各", "又", "再", "更", "还", "所", "让",
    "使", "由", "给", "但", "或", "如", "既", "则", "地", "得", "中", "上", "下", "里", "后", "前", "时",
];

/// Phrase counts over a set of articles.
#[derive(Debug)]
pub struct Counted {
    /// Per article: its id.
    pub ids: Vec<String>,
    /// Per article: each candidate phrase and how often it occurs there.
    pub tf: Vec<BTreeMap<String, u32>>,
    /// Each candidate phrase and in how many articles it occurs.
    pub df: BTreeMap<String, u32>,
    /// Per article: phrases that occur there only inside one longer phrase (as often as
    /// it): 跑一次 of 最多跑一次 stands for nothing on its own.
    inside: Vec<BTreeSet<String>>,
    /// Per article: the words of its own department's names.
    own: Vec<BTreeSet<String>>,
    /// Terms printed in quotation marks somewhere: named on purpose, a keyword even when
    /// named once.
    pub quoted: BTreeSet<String>,
}

impl Counted {
    /// Counts the phrases of `sources`.
    pub fn new(sources: &[Source]) -> Counted {
        let jieba = Jieba::new();
        let mut tf = Vec::new();
        let mut inside = Vec::new();
        let mut quoted = BTreeSet::new();
        for source in sources {
            let mut counts: BTreeMap<String, u32> = BTreeMap::new();
            let mut parts: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
            for block in &source.blocks {
                quoted.extend(quoted_terms(block));
                for (phrase, its_parts) in phrases(&jieba, block) {
                    *counts.entry(phrase.clone()).or_insert(0) += 1;
                    parts.entry(phrase).or_default().extend(its_parts);
                }
            }
            let mut covered = BTreeSet::new();
            for (phrase, its_parts) in &parts {
                for part in its_parts {
                    if counts.get(part) == counts.get(phrase) {
                        covered.insert(part.clone());
                    }
                }
            }
            tf.push(counts);
            inside.push(covered);
        }
        let mut df = BTreeMap::new();
        for counts in &tf {
            for phrase in counts.keys() {
                *df.entry(phrase.clone()).or_insert(0) += 1;
            }
        }
        let own = sources
            .iter()
            .map(|s| s.departments.iter().flat_map(|d| jieba.cut(d, false)).map(|t| t.word.to_owned()).collect())
            .collect();
        Counted { ids: sources.iter().map(|s| s.id.clone()).collect(), tf, df, inside, own, quoted }
    }

    /// How many articles were counted.
    pub fn articles(&self) -> usize {
        self.tf.len()
    }

    /// How rare `phrase` is across the articles: ln(N / df), 0 for one in every article.
    pub fn idf(&self, phrase: &str) -> f64 {
        let df = self.df.get(phrase).copied().unwrap_or(1).max(1);
        (self.articles() as f64 / f64::from(df)).ln()
    }

    /// Whether `phrase` may say what article `a` is about: not a stop word, not the
    /// campaign's, not a word of its own department's name.
    pub fn telling(&self, a: usize, phrase: &str) -> bool {
        !STOP.contains(&phrase) && !CAMPAIGN.iter().any(|c| phrase.contains(c)) && !self.own[a].contains(phrase)
    }

    /// Whether `phrase` stands on its own in article `a`, not only inside a longer phrase.
    pub fn whole(&self, a: usize, phrase: &str) -> bool {
        !self.inside[a].contains(phrase)
    }
}

/// The candidate phrases of `text`, once per occurrence, each with its shorter phrases
/// (the runs of fewer of its words). A term in quotation marks (“最多跑一次”, up to six
/// characters) is a phrase as it stands, whatever the dictionary makes of it.
fn phrases(jieba: &Jieba, text: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let quoted_terms = quoted_terms(text);
    for quoted in &quoted_terms {
        let parts = phrases(jieba, &format!("。{quoted}。")).into_iter().map(|(p, _)| p).filter(|p| p != quoted);
        out.push((quoted.clone(), parts.collect()));
    }
    for run in runs(text) {
        // A quoted term is a run of its own, counted above already.
        let whole_run_quoted = quoted_terms.contains(&run);
        let words: Vec<&str> = jieba.cut(&run, false).into_iter().map(|t| t.word).collect();
        for start in 0..words.len() {
            for n in 1..=MAX_WORDS.min(words.len() - start) {
                let span = &words[start..start + n];
                if !is_phrase(span) {
                    continue;
                }
                let phrase = span.concat();
                if whole_run_quoted && phrase == run {
                    continue;
                }
                let parts = (1..n)
                    .flat_map(|m| (0..=n - m).map(move |i| &span[i..i + m]))
                    .filter(|p| is_phrase(p))
                    .map(|p| p.concat())
                    .collect();
                out.push((phrase, parts));
            }
        }
    }
    out
}

/// The terms in quotation marks in `text`, each occurrence: Han characters only, two to
/// six of them (a longer quotation is a slogan or a sentence, not a term).
fn quoted_terms(text: &str) -> Vec<String> {
    text.split('“')
        .skip(1)
        .filter_map(|s| s.split_once('”').map(|(q, _)| q))
        .filter(|q| (2..=MAX_QUOTED).contains(&q.chars().count()) && q.chars().all(crate::han::is_han))
        .map(str::to_owned)
        .collect()
}

/// Whether words in a row make a candidate phrase: two to six characters, no function
/// word inside, no stop word or single character at either end.
fn is_phrase(words: &[&str]) -> bool {
    let chars: usize = words.iter().map(|w| w.chars().count()).sum();
    let edge = |w: &&str| w.chars().count() >= 2 && !STOP.contains(w);
    (2..=MAX_LEN).contains(&chars)
        && !words.iter().any(|w| NEVER.contains(w))
        && words.first().is_some_and(edge)
        && words.last().is_some_and(edge)
}

/// The runs of Han characters at consecutive token positions.
fn runs(text: &str) -> Vec<String> {
    let mut runs: Vec<String> = Vec::new();
    let mut last: Option<u32> = None;
    for t in tokenize(text) {
        match t.key {
            Key::Han(c) => {
                match runs.last_mut() {
                    Some(run) if last.is_some_and(|p| p + 1 == t.pos) => run.push(c),
                    _ => runs.push(c.to_string()),
                }
                last = Some(t.pos);
            }
            Key::Word(_) => last = None,
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        phrases(&Jieba::new(), text).into_iter().map(|(p, _)| p).collect()
    }

    #[test]
    fn a_quoted_term_is_one_phrase_counted_once() {
        let p = all("深化“最多跑一次”改革");
        assert_eq!(p.iter().filter(|x| *x == "最多跑一次").count(), 1, "{p:?}");
    }

    #[test]
    fn phrases_are_words_and_words_in_a_row_within_runs() {
        let p = all("深化“最多跑一次”改革，推进楼宇招商。");
        assert!(p.contains(&"楼宇招商".to_owned()), "{p:?}");
        assert!(p.contains(&"最多跑一次".to_owned()), "{p:?}");
        assert!(!p.iter().any(|x| x.contains("改革楼") || x.contains('，')), "never across punctuation: {p:?}");
        assert!(!all("学校的发展").iter().any(|x| x.contains('的')), "no particle inside");
        assert!(all("一").is_empty());
    }
}
