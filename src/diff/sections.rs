//! Words added and removed per Markdown heading, for the summary a committee reads
//! first ("Klima og energi › Mål: 12 words added, 3 removed").
//!
//! Headings are ATX headings (`#` to `######`) outside YAML front matter and fenced
//! code. A section runs from its heading to the next heading; text before the first
//! heading is a section with an empty path. Sections of the two versions are paired
//! by their path (and the how-manieth section with that path it is), so a renamed
//! heading shows as one section removed and one added.
//!
//! A "word" here is what a reader counts: a whitespace-delimited word of the text in
//! which a letter or digit changed. "50 pct." → "70 pct." is one word removed and one
//! added; a re-wrapped paragraph changes no words and is not listed; a section whose
//! only change is punctuation or markup is listed with no words added or removed, so
//! the reader can tell it is minor.

use crate::lang::{Msg, t, tf};
use std::collections::HashMap;

use serde::Serialize;

use super::{Block, Tag, TextDiff, lines};

/// Per Markdown heading (ATX `#`…, outside YAML front matter and fenced code) of the new text
/// (plus sections only in the old text): words added and removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionChange {
    /// Heading texts from the top level down, e.g. `["Klima og energi", "Mål"]`.
    pub path: Vec<String>,
    /// Line of the heading (0-based) in the new text; for the leading section, line 0.
    pub new_line: Option<usize>,
    pub old_line: Option<usize>,
    pub added_words: usize,
    pub removed_words: usize,
    pub status: SectionStatus,
    /// The section's LIX in the old and the new text (`None`: no prose there).
    pub lix_before: Option<u32>,
    pub lix_after: Option<u32>,
    /// For a section that moved with its heading: its path in the old text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moved_from: Option<Vec<String>>,
}

impl SectionChange {
    /// "moved from Fællesskab" for a section that moved with its heading.
    pub fn moved_note(&self) -> Option<String> {
        let from = self.moved_from.as_ref()?;
        let mut parent = &from[..from.len().saturating_sub(1)];
        // A title both paths begin with says nothing.
        if parent.len() > 1 && self.path.first() == parent.first() {
            parent = &parent[1..];
        }
        Some(match parent.is_empty() {
            true => t(Msg::SecMovedTop).to_string(),
            false => tf(Msg::SecMovedFrom, &[("path", &parent.join(" › "))]),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionStatus {
    Changed,
    Added,
    Removed,
    /// Moved with its heading to another place (edited or not).
    Moved,
}

/// A section of one version.
struct Section {
    path: Vec<String>,
    line: usize,
}

/// The sections of a text and, for each line, the index of its section.
struct Outline {
    sections: Vec<Section>,
    of_line: Vec<usize>,
}

/// Only sections with changes, in document order; text before the first heading
/// counts as a section with an empty path.
pub fn sections(diff: &TextDiff, old: &str, new: &str) -> Vec<SectionChange> {
    let (old_lines, new_lines) = (lines(old), lines(new));
    let old_outline = outline(&old_lines);
    let new_outline = outline(&new_lines);
    // Counted only for the sections listed: a history step must not count
    // two whole 5,000-line texts.
    let old_lix = |i: usize| section_lix(&old_lines, &old_outline, i);
    let new_lix = |j: usize| section_lix(&new_lines, &new_outline, j);

    let mut new_of_old: Vec<Option<usize>> = vec![None; old_outline.sections.len()];
    let mut old_of_new: Vec<Option<usize>> = vec![None; new_outline.sections.len()];
    // Sections that moved with their heading pair first: the headings in a
    // moved passage, in order.
    let mut moved = vec![false; new_outline.sections.len()];
    for block in &diff.blocks {
        let Block::MovedHere { from, new, .. } = block else {
            continue;
        };
        let heads = |outline: &Outline, range: &std::ops::Range<usize>| -> Vec<usize> {
            // Section 0 is the text before the first heading.
            (1..outline.sections.len())
                .filter(|&i| range.contains(&outline.sections[i].line))
                .collect()
        };
        for (i, j) in heads(&old_outline, from)
            .into_iter()
            .zip(heads(&new_outline, new))
        {
            new_of_old[i] = Some(j);
            old_of_new[j] = Some(i);
            moved[j] = true;
        }
    }
    // The others by (path, occurrence).
    let mut seen: HashMap<&[String], usize> = HashMap::new();
    let mut old_by_key: HashMap<(&[String], usize), usize> = HashMap::new();
    for (i, section) in old_outline.sections.iter().enumerate() {
        let n = seen.entry(&section.path).or_default();
        old_by_key.insert((&section.path, *n), i);
        *n += 1;
    }
    seen.clear();
    for (j, section) in new_outline.sections.iter().enumerate() {
        let n = seen.entry(&section.path).or_default();
        if let Some(&i) = old_by_key.get(&(section.path.as_slice(), *n))
            && new_of_old[i].is_none()
            && old_of_new[j].is_none()
        {
            new_of_old[i] = Some(j);
            old_of_new[j] = Some(i);
        }
        *n += 1;
    }

    // Word counts, and whether anything but whitespace changed at all.
    let mut added = vec![(0, false); new_outline.sections.len()];
    let mut removed_in_new = vec![(0, false); new_outline.sections.len()];
    let mut removed_in_old = vec![(0, false); old_outline.sections.len()];
    let tally = |slot: &mut (usize, bool), counts: bool| {
        slot.0 += usize::from(counts);
        slot.1 = true;
    };
    for block in &diff.blocks {
        let (Block::Changed { old, new, words }
        | Block::MovedHere {
            from: old,
            new,
            words,
        }) = block
        else {
            continue;
        };
        let new_side = words.iter().filter(|w| w.tag != Tag::Removed);
        count_changed_words(new_side, new.start, |line, counts| {
            if let Some(&j) = new_outline.of_line.get(line) {
                tally(&mut added[j], counts);
            }
        });
        let old_side = words.iter().filter(|w| w.tag != Tag::Added);
        count_changed_words(old_side, old.start, |line, counts| {
            if let Some(&i) = old_outline.of_line.get(line) {
                match new_of_old[i] {
                    Some(j) => tally(&mut removed_in_new[j], counts),
                    None => tally(&mut removed_in_old[i], counts),
                }
            }
        });
    }

    // Document order: the new sections, each followed by the old-only sections that
    // came after its counterpart in the old text.
    let mut removed_after: Vec<Vec<usize>> = vec![Vec::new(); new_outline.sections.len() + 1];
    let mut anchor = 0;
    for (i, matched) in new_of_old.iter().enumerate() {
        match matched {
            Some(j) => anchor = j + 1,
            None => removed_after[anchor].push(i),
        }
    }
    let old_only = |i: usize| SectionChange {
        path: old_outline.sections[i].path.clone(),
        new_line: None,
        old_line: Some(old_outline.sections[i].line),
        added_words: 0,
        removed_words: removed_in_old[i].0,
        status: SectionStatus::Removed,
        lix_before: old_lix(i),
        lix_after: None,
        moved_from: None,
    };
    let mut out: Vec<SectionChange> = removed_after[0].iter().map(|&i| old_only(i)).collect();
    for (j, section) in new_outline.sections.iter().enumerate() {
        let status = match old_of_new[j] {
            Some(_) if moved[j] => SectionStatus::Moved,
            Some(_) => SectionStatus::Changed,
            None => SectionStatus::Added,
        };
        if status != SectionStatus::Changed || added[j].1 || removed_in_new[j].1 {
            out.push(SectionChange {
                path: section.path.clone(),
                new_line: Some(section.line),
                old_line: old_of_new[j].map(|i| old_outline.sections[i].line),
                added_words: added[j].0,
                removed_words: removed_in_new[j].0,
                status,
                lix_before: old_of_new[j].and_then(old_lix),
                lix_after: new_lix(j),
                moved_from: moved[j]
                    .then(|| old_of_new[j].map(|i| old_outline.sections[i].path.clone()))
                    .flatten(),
            });
        }
        out.extend(removed_after[j + 1].iter().map(|&i| old_only(i)));
    }
    out
}

/// Calls `found(line, counts)` for each whitespace-delimited run of one side of a
/// block that contains a changed character (`start` is the block's first line).
/// `counts` is false unless a changed character is a letter or digit: a changed `##`,
/// `–` or full stop is worth listing a section for, but is not a changed word.
fn count_changed_words<'a>(
    words: impl Iterator<Item = &'a super::Word>,
    start: usize,
    mut found: impl FnMut(usize, bool),
) {
    let mut line = start;
    // The line where the current run began, whether it holds a change, and whether
    // a changed letter or digit.
    let mut current: Option<(usize, bool, bool)> = None;
    for word in words {
        let changed = word.tag != Tag::Same;
        for c in word.text.chars() {
            if c.is_whitespace() {
                if let Some((at, true, counts)) = current.take() {
                    found(at, counts);
                }
                if c == '\n' {
                    line += 1;
                }
            } else {
                let entry = current.get_or_insert((line, false, false));
                entry.1 |= changed;
                entry.2 |= changed && c.is_alphanumeric();
            }
        }
    }
    if let Some((at, true, counts)) = current {
        found(at, counts);
    }
}

/// The heading path of the section line `line` (0-based) of `text` is in; a
/// heading line is in its own section. Empty before the first heading.
pub fn heading_path(text: &str, line: usize) -> Vec<String> {
    let outline = outline(&lines(text));
    outline
        .of_line
        .get(line)
        .map(|&i| outline.sections[i].path.clone())
        .unwrap_or_default()
}

/// Where passages of one text are, as a person names them: the section
/// around a line, for the rows of moved passages. Read once per text.
pub(super) struct Places {
    outline: Outline,
    /// The document's title: its one top-level heading, which says nothing
    /// in a place's name.
    title: Option<String>,
}

impl Places {
    pub(super) fn new(text: &str) -> Places {
        let lines = lines(text);
        let headings = crate::markdown::headings(&lines);
        let mut top = headings.into_iter().filter(|h| h.level == 1);
        let title = match (top.next(), top.next()) {
            (Some(only), None) => Some(only.title),
            _ => None,
        };
        Places {
            outline: outline(&lines),
            title,
        }
    }

    fn path(&self, line: usize) -> &[String] {
        self.outline
            .of_line
            .get(line)
            .map_or(&[], |&i| self.outline.sections[i].path.as_slice())
    }

    /// "Bæredygtighed (line 25)": the section a passage starting at line
    /// `start` is in (a passage that starts with its own heading is named by
    /// the section around it), without the title; "line 25" outside any.
    pub(super) fn label(&self, start: usize) -> String {
        let mut path = self.path(start);
        let before = start.checked_sub(1).map_or(&[][..], |s| self.path(s));
        if !path.is_empty() && path != before {
            path = &path[..path.len() - 1];
        }
        if path.len() > 1 && self.title.as_deref() == Some(path[0].as_str()) {
            path = &path[1..];
        }
        match path.is_empty() {
            true => tf(Msg::SecLine, &[("n", &(start + 1))]),
            false => tf(
                Msg::SecAtLine,
                &[("path", &path.join(" › ")), ("n", &(start + 1))],
            ),
        }
    }
}

/// Section `i`'s LIX: its own lines, up to the next heading.
fn section_lix(lines: &[&str], outline: &Outline, i: usize) -> Option<u32> {
    let start = outline.sections[i].line;
    let end = outline.sections.get(i + 1).map_or(lines.len(), |s| s.line);
    let mut counts = super::Lix::default();
    for c in super::lix::by_line(lines.get(start..end).unwrap_or_default()) {
        counts.add(c);
    }
    counts.value()
}

/// Finds the headings of a text. The leading section always exists (maybe empty),
/// so the two versions' leading sections always pair up.
fn outline(lines: &[&str]) -> Outline {
    let mut sections = vec![Section {
        path: Vec::new(),
        line: 0,
    }];
    let mut of_line = Vec::with_capacity(lines.len());
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut headings = crate::markdown::headings(lines).into_iter().peekable();
    for n in 0..lines.len() {
        if let Some(heading) = headings.next_if(|h| h.line == n) {
            while stack.last().is_some_and(|(l, _)| *l >= heading.level) {
                stack.pop();
            }
            stack.push((heading.level, heading.title));
            sections.push(Section {
                path: stack.iter().map(|(_, t)| t.clone()).collect(),
                line: n,
            });
        }
        of_line.push(sections.len() - 1);
    }
    Outline { sections, of_line }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_path_of_a_line() {
        let text = "Intro\n# A\ntekst\n## B\ntekst\n# C\n";
        assert_eq!(heading_path(text, 0), Vec::<String>::new());
        assert_eq!(heading_path(text, 1), ["A"]);
        assert_eq!(heading_path(text, 4), ["A", "B"]);
        assert_eq!(heading_path(text, 5), ["C"]);
        assert_eq!(heading_path(text, 99), Vec::<String>::new());
    }

    #[test]
    fn front_matter_and_fences_hide_headings() {
        let text = "---\ntitle: x\n# ikke\n---\n# A\n```\n# ikke\n```\n## B\n~~~~\n# ikke\n~~~\n~~~~\n";
        let outline = outline(&lines(text));
        let paths: Vec<_> = outline.sections.iter().map(|s| s.path.join("/")).collect();
        assert_eq!(paths, ["", "A", "A/B"]);
        assert_eq!(outline.of_line[..5], [0, 0, 0, 0, 1]);
    }

    const OLD: &str = "---\ntitle: Strategi\n# ikke en overskrift\n---\nIndledning om strategien.\n\n\
                       ## Klima og energi\n\nTekst om klima.\n\n### Mål\n\n\
                       Vi vil reducere udledningen med 50 pct. inden 2030.\n\n\
                       ### Indsatser\n\nVi bygger cykelstier.\n\n\
                       ## Gammelt afsnit\n\nDet her forsvinder.\n";

    fn changes(old: &str, new: &str) -> Vec<SectionChange> {
        sections(
            &super::super::diff(old, new, std::time::Duration::from_secs(5)),
            old,
            new,
        )
    }

    fn summary(changes: &[SectionChange]) -> Vec<(String, usize, usize, SectionStatus)> {
        let row = |c: &SectionChange| (c.path.join(" › "), c.added_words, c.removed_words, c.status);
        changes.iter().map(row).collect()
    }

    #[test]
    fn an_edit_under_a_subheading_reports_its_path_and_counts() {
        let new = OLD.replace("50 pct. inden 2030.", "70 pct. inden 2030 og planter træer.");
        let changes = changes(OLD, &new);
        assert_eq!(
            summary(&changes),
            [("Klima og energi › Mål".into(), 4, 1, SectionStatus::Changed)],
            "{changes:#?}"
        );
        assert_eq!(changes[0].path, ["Klima og energi", "Mål"]);
        assert_eq!((changes[0].old_line, changes[0].new_line), (Some(10), Some(10)));
    }

    #[test]
    fn added_and_removed_sections() {
        let new = OLD
            .replace("## Gammelt afsnit\n\nDet her forsvinder.\n", "")
            .replace(
                "cykelstier.\n\n",
                "cykelstier.\n\n### Økonomi\n\nBudgettet er 2 mio. kr.\n",
            );
        let changes = changes(OLD, &new);
        assert_eq!(
            summary(&changes),
            [
                ("Gammelt afsnit".into(), 0, 5, SectionStatus::Removed),
                ("Klima og energi › Økonomi".into(), 6, 0, SectionStatus::Added),
            ],
            "{changes:#?}"
        );
        assert_eq!((changes[0].old_line, changes[0].new_line), (Some(18), None));
    }

    #[test]
    fn front_matter_is_not_a_heading_source() {
        let new = OLD.replace(
            "title: Strategi\n# ikke en overskrift",
            "title: Klimastrategi\n# stadig ikke",
        );
        let changes = changes(OLD, &new);
        assert_eq!(
            summary(&changes),
            [(String::new(), 2, 3, SectionStatus::Changed)],
            "{changes:#?}"
        );
    }

    #[test]
    fn punctuation_is_listed_without_words_and_rewrapping_not_at_all() {
        let new = OLD.replace("Tekst om klima.", "Tekst om klima!");
        assert_eq!(
            summary(&changes(OLD, &new)),
            [("Klima og energi".into(), 0, 0, SectionStatus::Changed)]
        );
        let new = OLD.replace("Tekst om klima.", "Tekst\nom klima.");
        assert_eq!(changes(OLD, &new), []);
    }
}

/// A name for each changed section as a reader would say it: its heading path
/// joined with " › ", without the title heading every section shares (a
/// document usually has one `#` heading above everything), and the text before
/// the first heading called so.
pub fn section_labels(sections: &[SectionChange]) -> Vec<String> {
    let first = sections.iter().find_map(|s| s.path.first());
    let common = first.filter(|f| {
        sections
            .iter()
            .all(|s| s.path.is_empty() || s.path.first() == Some(*f))
    });
    sections
        .iter()
        .map(|s| {
            let path = match common {
                Some(_) if s.path.len() > 1 => &s.path[1..],
                _ => &s.path[..],
            };
            if path.is_empty() {
                t(Msg::SecBeforeFirst).into()
            } else {
                path.join(" › ")
            }
        })
        .collect()
}

#[cfg(test)]
mod label_tests {
    use super::*;

    fn change(path: &[&str]) -> SectionChange {
        SectionChange {
            path: path.iter().map(|p| p.to_string()).collect(),
            new_line: Some(0),
            old_line: None,
            added_words: 1,
            removed_words: 0,
            status: SectionStatus::Changed,
            lix_before: None,
            lix_after: None,
            moved_from: None,
        }
    }

    #[test]
    fn the_shared_title_is_left_out() {
        let labels = section_labels(&[
            change(&[]),
            change(&["Strategi", "Klima", "Mål"]),
            change(&["Strategi"]),
        ]);
        assert_eq!(labels, ["(before the first heading)", "Klima › Mål", "Strategi"]);
        let labels = section_labels(&[change(&["Vision"]), change(&["Klima", "Mål"])]);
        assert_eq!(labels, ["Vision", "Klima › Mål"]);
    }
}
