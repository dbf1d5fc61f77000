//! Diff benchmarks against the bar: a word-level diff of two 5,000-line drafts
//! (~80 characters per line, a few dozen scattered edits: changed numbers and words,
//! an inserted sentence, a deleted line, a re-wrapped paragraph) in ≤ 20 ms, and the
//! unified rendering of it. The shape of the diff is printed once so a regression in
//! quality (an "approximate" result, a wrong block count) shows beside the times.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use udkast::diff::{Block, Tag, diff, lines, unified};

const WORDS: &[&str] = &[
    "kommunen",
    "vil",
    "styrke",
    "den",
    "grønne",
    "omstilling",
    "og",
    "i",
    "samarbejde",
    "med",
    "borgere",
    "virksomheder",
    "foreninger",
    "bl.a.",
    "gennem",
    "partnerskaber",
    "energi",
    "klima",
    "mål",
    "2030",
    "50",
    "pct.",
    "af",
    "udledningen",
    "CO2-reduktion",
    "ca.",
    "1.000",
    "boliger",
    "fjernvarme",
    "cykelstier",
    "natur",
    "vand",
    "skoler",
    "«grøn",
    "by»",
    "§",
    "3",
    "f.eks.",
    "Åby",
    "løsninger",
    "hverdagen",
    "økonomi",
    "budget",
    "2025–2030",
    "indsats",
    "plan",
    "lokale",
];

/// A deterministic pseudo-random draft: headings every ~40 lines, paragraphs of
/// sentences wrapped at 80 characters, blank lines between.
fn draft(n_lines: usize) -> Vec<String> {
    draft_from(n_lines, 42)
}

/// [`draft`] from another seed: the same vocabulary and shape, other text.
fn draft_from(n_lines: usize, seed: u64) -> Vec<String> {
    let mut x: u64 = seed;
    let mut next = move |m: usize| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (x >> 33) as usize % m
    };
    let mut out = Vec::with_capacity(n_lines);
    let mut line = String::new();
    while out.len() < n_lines {
        if out.len().is_multiple_of(40) {
            out.push(format!("## Afsnit {}", out.len() / 40 + 1));
            out.push(String::new());
        }
        for _ in 0..(8 + next(10)) {
            let word = WORDS[next(WORDS.len())];
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > 80 {
                out.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        line.push('.');
        if next(4) == 0 {
            out.push(std::mem::take(&mut line));
            out.push(String::new());
        }
    }
    out.truncate(n_lines);
    out
}

fn join(lines: &[String]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// Old and new drafts with 36 scattered edits of four kinds, each on a prose line
/// (not a heading or blank line) so every edit is a real change.
fn drafts() -> (String, String) {
    let old = draft(5_000);
    let mut new = old.clone();
    let prose = |l: &String| !l.is_empty() && !l.starts_with('#');
    for k in 0..36 {
        let mut at = 60 + k * 137;
        while !(prose(&new[at]) && prose(&new[at + 1])) {
            at += 1;
        }
        match k % 4 {
            0 => {
                let (_, rest) = new[at].split_once(' ').unwrap_or_default();
                new[at] = format!("desuden {}", rest.replacen("50", "70", 1));
            }
            1 => new[at].push_str(" Vi vil desuden plante flere træer i byen."),
            2 => new[at] = String::from("Denne linje er skrevet om fra bunden af udvalget."),
            _ => {
                // Re-wrap: move the last word of this line to the start of the next.
                if let Some((head, tail)) = new[at].clone().rsplit_once(' ') {
                    new[at] = head.to_string();
                    new[at + 1] = format!("{tail} {}", new[at + 1]);
                }
            }
        }
    }
    new.remove(2_500);
    (join(&old), join(&new))
}

/// The edited drafts with three sections moved besides: one to near the
/// end, one to near the start, one a little down and edited on the way.
fn moved_drafts() -> (String, String) {
    let (old, new) = drafts();
    let mut lines: Vec<String> = new.lines().map(str::to_string).collect();
    let section = |lines: &[String], n: usize| {
        // The n-th heading.
        let start = (0..lines.len())
            .filter(|&i| lines[i].starts_with("## "))
            .nth(n)
            .unwrap();
        let end = lines[start + 1..]
            .iter()
            .position(|l| l.starts_with("## "))
            .map_or(lines.len(), |k| start + 1 + k);
        start..end
    };
    for (from, before, edit) in [(10, 80, false), (70, 3, false), (40, 44, true)] {
        let taken: Vec<String> = lines.drain(section(&lines, from)).collect();
        let mut taken = taken;
        if edit {
            taken[3] = taken[3].replacen(' ', " og ikke mindst ", 1);
        }
        let at = section(&lines, before).start;
        lines.splice(at..at, taken);
    }
    (old, join(&lines))
}

fn bench(c: &mut Criterion) {
    let (old, new) = drafts();
    let (moved_old, moved_new) = moved_drafts();
    let moved = diff(&moved_old, &moved_new, Duration::from_secs(1));
    println!(
        "with three sections moved: {} moves, approximate: {}",
        moved
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::MovedHere { .. }))
            .count(),
        moved.approximate
    );
    let budget = Duration::from_secs(1);
    let d = diff(&old, &new, budget);
    let changed = d
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Changed { .. }))
        .count();
    let marked: usize = d
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Changed { words, .. } | Block::MovedHere { words, .. } => Some(words),
            _ => None,
        })
        .flatten()
        .filter(|w| w.tag != Tag::Same && !w.text.trim().is_empty())
        .count();
    let rows = unified(&d, &old, &new, 3, &[]).len();
    // The case that took similar 86 s without a deadline: two unrelated 30,000-character
    // lines (here from different parts of the draft, so they share a vocabulary).
    let flat = old.replace('\n', " ");
    let first: String = flat.chars().take(30_000).collect();
    let other: String = flat.chars().skip(150_000).take(30_000).collect();
    let started = std::time::Instant::now();
    let unrelated = diff(&first, &other, budget);
    println!(
        "two unrelated 30,000-character lines: {:?} (budget {budget:?}), approximate: {}",
        started.elapsed(),
        unrelated.approximate
    );
    // Every paragraph changed and none alike: the most pairing of moves can cost.
    let other = join(&draft_from(5_000, 7));
    let started = std::time::Instant::now();
    let unrelated = diff(&old, &other, budget);
    println!(
        "two unrelated 5,000-line drafts: {:?} (budget {budget:?}), {} moves, approximate: {}",
        started.elapsed(),
        unrelated
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::MovedHere { .. }))
            .count(),
        unrelated.approximate
    );
    println!(
        "diff of {} vs {} lines ({} vs {} bytes): {changed} changed blocks, {marked} emphasised runs, \
         {rows} unified rows, approximate: {}",
        lines(&old).len(),
        lines(&new).len(),
        old.len(),
        new.len(),
        d.approximate
    );

    c.bench_function("word diff, 5,000-line drafts, 36 edits", |b| {
        b.iter(|| diff(black_box(&old), black_box(&new), budget))
    });
    c.bench_function("word diff, 5,000-line drafts, 36 edits, 3 sections moved", |b| {
        b.iter(|| diff(black_box(&moved_old), black_box(&moved_new), budget))
    });
    c.bench_function("unified rows of that diff, context 3", |b| {
        b.iter(|| unified(black_box(&d), &old, &new, 3, &[]))
    });
    // A comment thread made on the older draft, placed on the newer one: the
    // line diff behind every `»` in the history's gutter.
    let line = lines(&old).len() / 2;
    let anchor = udkast::domain::Anchor {
        start: line,
        end: line + 2,
        section: Vec::new(),
        quote: lines(&old)[line - 1..line + 2].concat(),
    };
    c.bench_function("place a thread of the older draft on the newer one", |b| {
        b.iter(|| udkast::diff::anchor::map(black_box(&anchor), &old, &new))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
