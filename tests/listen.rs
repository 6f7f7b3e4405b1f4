//! Read-aloud over the real content: every article cut into chunks that give its text
//! back, and every article heard whole, in order, on a speech engine with the faults of
//! the field (tests/support/speech_engine.rs), in virtual time. Native only.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/speech_engine.rs"]
mod speech_engine;

use proptest::prelude::*;
use reader::content::embedded::library;
use reader::content::Article;
use reader::listen::chunk::{split, MAX_CHARS};
use reader::listen::player::{Input, Phase, Trouble, MAX_RETRIES};
use reader::listen::script::{BlockKind, Script};
use speech_engine::{Faults, Sim};

fn articles() -> Vec<Article> {
    library().articles().cloned().collect()
}

fn lengths(script: &Script) -> Vec<usize> {
    (0..script.len()).map(|i| script.text(i).chars().count()).collect()
}

/// Every chunk within `max`, none empty, and the chunks joined give the text back.
fn assert_chunks(text: &str, max: usize) {
    let chunks = split(text, max);
    let mut end = 0;
    for r in &chunks {
        assert_eq!(r.start, end, "chunks in order, nothing left out: {text:?}");
        let n = text[r.clone()].chars().count();
        assert!((1..=max).contains(&n), "{n} characters in {:?} of {text:?}", &text[r.clone()]);
        end = r.end;
    }
    assert_eq!(end, text.len(), "the whole text: {text:?}");
}

#[test]
fn every_article_is_cut_into_short_chunks_that_give_it_back() {
    let articles = articles();
    assert!(articles.len() >= 10);
    let mut sizes = Vec::new();
    for a in &articles {
        let script = Script::of(a);
        let kinds: Vec<BlockKind> = script.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds[..2], [BlockKind::Title, BlockKind::Byline]);
        assert_eq!(kinds.last(), Some(&BlockKind::Signature));
        let body: Vec<&str> = script
            .blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Lead | BlockKind::Heading | BlockKind::Paragraph))
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(body, a.blocks().collect::<Vec<_>>(), "{}: every block, in order", a.id);
        for b in &script.blocks {
            assert_chunks(&b.text, MAX_CHARS);
            let joined: String = b.chunks.clone().map(|i| script.text(i)).collect();
            assert_eq!(joined, b.text);
        }
        sizes.extend(lengths(&script));
    }
    // Most chunks are whole sentences or clauses, not slivers.
    sizes.sort_unstable();
    let median = sizes[sizes.len() / 2];
    assert!((10..=MAX_CHARS).contains(&median), "median chunk {median} characters");
}

#[test]
fn awkward_text_is_cut_within_the_limit() {
    let long_run = "拱墅区".repeat(70);
    let texts = [
        long_run.as_str(),
        "2023年全区建成10家“15分钟公共服务圈”示范点，覆盖率达到98.5%，比上年提高12.3个百分点，惠及群众12万余人次以上",
        "“解放思想、勇开拓！”他说：“争先创优，敢担当。”‘大城北’崛起……",
        "Gongshu District Hangzhou Zhejiang China government statements reader for older people",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "一、二、三、四、五、六、七、八、九、十、十一、十二、十三、十四、十五、十六",
        "。。。！！！？？？",
        " 前后有空格 ",
        "a",
    ];
    for text in texts {
        for max in [1, 2, 5, 12, MAX_CHARS] {
            assert_chunks(text, max);
        }
    }
    let numbers = split(texts[1], 12);
    let cut_inside = numbers
        .iter()
        .any(|r| r.end < texts[1].len() && texts[1][..r.end].ends_with("98") && texts[1][r.end..].starts_with('.'));
    assert!(!cut_inside, "a number is not cut");
}

/// Plays `script` at `rate` on an engine with `faults` with the listener's `actions`;
/// returns the simulation when it is done.
fn play(script: &Script, rate: f32, faults: Faults, actions: &[(f64, Input)]) -> Sim {
    let mut sim = Sim::new(lengths(script), rate, faults);
    sim.at(0.0, Input::Play(0));
    for &(t, input) in actions {
        sim.at(t, input);
    }
    sim.run(3_600_000.0);
    sim
}

fn whole(script: &Script) -> Vec<usize> {
    (0..script.len()).collect()
}

#[test]
fn chrome_network_voices_cut_off_at_15_s_and_every_article_is_still_heard_whole() {
    // 4.3 characters a second at rate 1, the slowest speed offered: every chunk ends in time.
    let faults = Faults { ms_per_char: 230.0, cutoff_ms: Some(15_000.0), ..Faults::default() };
    for a in articles() {
        let script = Script::of(&a);
        let sim = play(&script, 0.7, faults.clone(), &[]);
        assert_eq!(sim.heard, whole(&script), "{}", a.id);
        assert_eq!(sim.started, sim.heard, "{}: no chunk restarted", a.id);
        assert!(sim.idle() && sim.remembered.is_none(), "{}: finished, its place forgotten", a.id);
    }
}

#[test]
fn the_fault_is_real_a_paragraph_at_a_time_is_cut_and_the_player_says_so() {
    // What the reader did before: one utterance a paragraph. The engine cuts it, the
    // watchdog restarts it, and after its retries the player pauses with a reason.
    let a = &articles()[6];
    let script = Script::from_blocks(a.blocks().map(|b| (BlockKind::Paragraph, b.to_owned())).collect(), 1000);
    let faults = Faults { ms_per_char: 230.0, cutoff_ms: Some(15_000.0), ..Faults::default() };
    let sim = play(&script, 0.9, faults, &[]);
    assert_ne!(sim.heard, whole(&script));
    assert_eq!((sim.player.phase, sim.player.trouble), (Phase::Paused, Some(Trouble::NoResponse)));
    assert_eq!(sim.started.iter().filter(|&&c| c == sim.player.chunk).count(), usize::from(MAX_RETRIES) + 1);
}

#[test]
fn dropped_speaks_errors_on_cancel_and_stalls_lose_nothing() {
    let faults = Faults {
        drop_after_cancel_ms: 100.0,
        error_on_cancel: true,
        stall_every: Some(9),
        ms_per_char: 200.0,
        ..Faults::default()
    };
    for a in articles() {
        let script = Script::of(&a);
        let sim = play(&script, 0.9, faults.clone(), &[]);
        assert_eq!(sim.heard, whole(&script), "{}", a.id);
    }
}

#[test]
fn an_engine_without_start_events_is_not_restarted() {
    let faults = Faults { start_events: false, ms_per_char: 260.0, ..Faults::default() };
    let script = Script::of(&articles()[6]);
    let sim = play(&script, 1.3, faults, &[]);
    assert_eq!(sim.heard, whole(&script));
    assert_eq!(sim.started, sim.heard, "the watchdog waited for the end");
}

#[test]
fn a_slow_voice_is_never_cut_off() {
    // Slower than the pace assumed before any is measured (300 ms a character).
    let faults = Faults { ms_per_char: 520.0, ..Faults::default() };
    let script = Script::of(&articles()[0]);
    let sim = play(&script, 0.7, faults, &[]);
    assert_eq!(sim.heard, whole(&script));
    assert_eq!(sim.started, sim.heard);
}

#[test]
fn pause_resume_after_a_long_pause_and_a_new_rate_lose_nothing() {
    let faults = Faults { error_on_cancel: true, drop_after_cancel_ms: 100.0, ..Faults::default() };
    let script = Script::of(&articles()[6]);
    let actions =
        [(40_000.0, Input::Pause), (40_000.0 + 3_600_000.0 / 4.0, Input::Resume), (1_000_000.0, Input::SetRate(1.3))];
    let sim = play(&script, 0.9, faults, &actions);
    assert_eq!(sim.heard, whole(&script));
    let resumed = sim.started.len() - sim.heard.len();
    assert_eq!(resumed, 1, "only the chunk paused in is spoken again");
    assert_eq!(sim.rates.first(), Some(&0.9));
    assert_eq!(sim.rates.last(), Some(&1.3), "the new rate reaches the chunks after it");
}

#[test]
fn follow_on_opens_the_next_article_after_the_countdown() {
    let script = Script::of(&articles()[2]);
    let mut sim = Sim::new(lengths(&script), 1.0, Faults::default());
    sim.at(0.0, Input::SetFollowOn(true));
    sim.at(0.0, Input::Play(script.len() - 2));
    sim.run(3_600_000.0);
    assert_eq!(sim.heard, [script.len() - 2, script.len() - 1]);
    assert!(sim.opened_next && sim.idle());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Whatever the engine's faults and whenever the listener pauses and goes on, every
    /// chunk is heard to its end once, in order. Voices that cut off at 15 s speak 4–6
    /// characters a second; slower ones (down to 2) are local voices, which do not cut.
    #[test]
    fn heard_whole_under_any_faults_and_pauses(
        article in 0usize..10,
        (ms_per_char, cutoff_ms) in prop_oneof![
            (120.0f64..300.0).prop_map(|ms| (ms, Some(15_000.0))),
            (120.0f64..500.0).prop_map(|ms| (ms, None)),
        ],
        drop_after_cancel_ms in 0.0f64..600.0,
        error_on_cancel: bool,
        start_events: bool,
        stall_every in prop::option::of(4usize..30),
        rate in prop::sample::select(vec![0.7f32, 0.9, 1.1, 1.3]),
        pauses in prop::collection::vec((1_000.0f64..600_000.0, 1.0f64..900_000.0), 0..4),
    ) {
        let faults = Faults { ms_per_char, drop_after_cancel_ms, error_on_cancel, start_events, stall_every, cutoff_ms };
        let script = Script::of(&articles()[article]);
        let mut actions = Vec::new();
        for (at, gap) in pauses {
            actions.push((at, Input::Pause));
            actions.push((at + gap, Input::Resume));
        }
        let sim = play(&script, rate, faults, &actions);
        // A pause after the end, or a resume before its pause, changes nothing.
        prop_assert_eq!(&sim.heard, &whole(&script));
        prop_assert!(sim.idle());
    }
}
