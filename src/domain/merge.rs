//! A text merged three ways, as saving merges a document: the passages both
//! sides agree on, and the passages both changed differently (clashes), each
//! with the text both came from. A person chooses for each clash; the
//! combined text is then one string, byte for byte what was chosen.
//! Comment threads merge by their meaning instead: every message of both.

use super::thread::{Message, Thread};
use crate::lang::Msg;

/// Two edits of one text merged: agreed passages and clashes, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Merge {
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Text both sides have (unchanged, or changed by one side only, or the
    /// same way by both).
    Agreed(String),
    Clash(Clash),
}

/// A passage both sides changed differently: whole lines, each with its
/// line end (the last line of a text may have none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    /// The passage in the text both edits came from.
    pub base: String,
    /// The passage in the text being saved (the person's own).
    pub mine: String,
    /// The passage in the draft saved meanwhile.
    pub theirs: String,
    /// Both edits applied, where they change different words of the
    /// passage (prose keeps a paragraph on one line, so two edits of
    /// different sentences clash as lines): `None` where they touch.
    pub words: Option<String>,
}

/// What to keep of a clash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Mine,
    Theirs,
    /// Both passages, the person's own first.
    MineThenTheirs,
    TheirsThenMine,
    /// Both edits, word by word (where [`Clash::words`] has them).
    Words,
}

impl Choice {
    /// In words, as a person would say it.
    pub fn label(self) -> &'static str {
        crate::lang::t(match self {
            Choice::Mine => Msg::ChoiceMine,
            Choice::Theirs => Msg::ChoiceTheirs,
            Choice::MineThenTheirs => Msg::ChoiceMineFirst,
            Choice::TheirsThenMine => Msg::ChoiceTheirsFirst,
            Choice::Words => Msg::ChoiceWords,
        })
    }
}

impl Merge {
    /// The text of a merge without clashes.
    pub fn clean(text: String) -> Merge {
        Merge {
            parts: vec![Part::Agreed(text)],
        }
    }

    pub fn clashes(&self) -> impl Iterator<Item = &Clash> {
        self.parts.iter().filter_map(|p| match p {
            Part::Clash(c) => Some(c),
            Part::Agreed(_) => None,
        })
    }

    pub fn clash_count(&self) -> usize {
        self.clashes().count()
    }

    /// The merged text when nothing clashes.
    pub fn text(&self) -> Option<String> {
        (self.clash_count() == 0).then(|| self.combine(&[]).0)
    }

    /// The combined text with `choices[i]` taken for the i-th clash (an
    /// undecided clash keeps both, the person's own first: nothing is
    /// dropped that was not chosen away), and the 1-based line each clash
    /// starts on in it.
    pub fn combine(&self, choices: &[Option<Choice>]) -> (String, Vec<usize>) {
        let mut text = String::new();
        let mut starts = Vec::new();
        let mut line = 1;
        for part in &self.parts {
            let piece = match part {
                Part::Agreed(t) => t.clone(),
                Part::Clash(c) => {
                    let choice = choices.get(starts.len()).copied().flatten();
                    starts.push(line);
                    c.take(choice.unwrap_or(Choice::MineThenTheirs))
                }
            };
            line += piece.matches('\n').count();
            text.push_str(&piece);
        }
        (text, starts)
    }
}

impl Merge {
    /// The text with each clash between marks as git writes them (diff3
    /// style, with the labels given), for a person to edit in any editor.
    /// The marks are longer than any run of mark characters at the start of
    /// a line of the text, so [`still_marked`] never takes text for a mark.
    pub fn with_marks(&self, mine: &str, base: &str, theirs: &str) -> String {
        let size = self.mark_size();
        let mark = |c: char, label: &str| format!("{} {label}\n", c.to_string().repeat(size));
        let mut text = String::new();
        for part in &self.parts {
            match part {
                Part::Agreed(t) => text.push_str(t),
                Part::Clash(c) => {
                    // A side without a line end (the text's last line) gets one before a mark.
                    let side = |text: &mut String, passage: &str| {
                        text.push_str(passage);
                        if !passage.is_empty() && !passage.ends_with('\n') {
                            text.push('\n');
                        }
                    };
                    text.push_str(&mark('<', mine));
                    side(&mut text, &c.mine);
                    text.push_str(&mark('|', base));
                    side(&mut text, &c.base);
                    text.push_str(&format!("{}\n", "=".repeat(size)));
                    side(&mut text, &c.theirs);
                    text.push_str(&mark('>', theirs));
                }
            }
        }
        text
    }

    fn mark_size(&self) -> usize {
        let texts = self.parts.iter().flat_map(|p| match p {
            Part::Agreed(t) => vec![t.as_str()],
            Part::Clash(c) => vec![c.base.as_str(), c.mine.as_str(), c.theirs.as_str()],
        });
        texts
            .flat_map(str::lines)
            .map(|l| l.bytes().take_while(|b| b"<|=>".contains(b)).count())
            .max()
            .unwrap_or(0)
            .max(6)
            + 1
    }
}

/// The first line (1-based) of `text` that is still a clash mark of git's
/// kind (seven or more `<`, `|`, `=` or `>` alone or before a label).
pub fn still_marked(text: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            let line = line.trim_end_matches('\r');
            ['<', '|', '=', '>'].iter().any(|&c| {
                let run = line.chars().take_while(|&x| x == c).count();
                run >= 7 && line[run..].chars().next().is_none_or(|x| x == ' ')
            })
        })
        .map(|i| i + 1)
}

impl Clash {
    /// The passage a choice keeps. Both passages are joined on a line
    /// boundary: a first passage without a line end (the text's last line)
    /// gets the line end the other uses.
    pub fn take(&self, choice: Choice) -> String {
        let both = |first: &str, second: &str| {
            let mut text = first.to_string();
            if !text.is_empty() && !text.ends_with('\n') && !second.is_empty() {
                text.push_str(if second.contains("\r\n") { "\r\n" } else { "\n" });
            }
            text + second
        };
        match choice {
            Choice::Mine => self.mine.clone(),
            Choice::Theirs => self.theirs.clone(),
            Choice::MineThenTheirs => both(&self.mine, &self.theirs),
            Choice::TheirsThenMine => both(&self.theirs, &self.mine),
            Choice::Words => match &self.words {
                Some(words) => words.clone(),
                None => both(&self.mine, &self.theirs),
            },
        }
    }
}

/// One comment thread changed in two clones (two replies, a reply and a
/// resolve): every message of both, in time order, none twice; the status
/// one side changed from `base` (both changed it alike, or neither: as is).
pub fn merge_threads(base: Option<&Thread>, ours: &Thread, theirs: &Thread) -> Thread {
    let mut merged = ours.clone();
    for message in &theirs.messages {
        if !merged.messages.contains(message) {
            merged.messages.push(message.clone());
        }
    }
    // RFC 3339 times of different offsets compare as instants (a time that
    // does not read comes first); equal times keep their order.
    merged
        .messages
        .sort_by_key(|m: &Message| m.time.parse::<jiff::Timestamp>().ok());
    let was = base.map(|b| b.status);
    merged.status = match (Some(ours.status) == was, Some(theirs.status) == was) {
        (true, false) => theirs.status,
        _ => ours.status,
    };
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merge() -> Merge {
        Merge {
            parts: vec![
                Part::Agreed("# Mål\n\n".into()),
                Part::Clash(Clash {
                    base: "Vi vil nå 70 pct.\n".into(),
                    mine: "Vi vil nå 75 pct.\n".into(),
                    theirs: "Vi vil nå 80 pct. i 2030.\n".into(),
                    words: None,
                }),
                Part::Agreed("Mellem.\n".into()),
                Part::Clash(Clash {
                    base: "Slut".into(),
                    mine: "Min slutning".into(),
                    theirs: "Deres slutning".into(),
                    words: None,
                }),
            ],
        }
    }

    #[test]
    fn each_choice_keeps_what_it_says_and_clashes_start_on_their_lines() {
        let merge = merge();
        assert_eq!(merge.clash_count(), 2);
        assert_eq!(merge.text(), None);
        let (text, starts) = merge.combine(&[Some(Choice::Mine), Some(Choice::Theirs)]);
        assert_eq!(text, "# Mål\n\nVi vil nå 75 pct.\nMellem.\nDeres slutning");
        assert_eq!(starts, vec![3, 5]);
        let (text, _) = merge.combine(&[Some(Choice::TheirsThenMine), Some(Choice::MineThenTheirs)]);
        assert_eq!(
            text,
            "# Mål\n\nVi vil nå 80 pct. i 2030.\nVi vil nå 75 pct.\nMellem.\nMin slutning\nDeres slutning"
        );
    }

    /// An undecided clash keeps both sides: combining never drops a word
    /// nobody chose to drop.
    #[test]
    fn an_undecided_clash_keeps_both() {
        let (text, starts) = merge().combine(&[None]);
        assert!(text.contains("75 pct.\nVi vil nå 80 pct."), "{text}");
        assert!(text.ends_with("Min slutning\nDeres slutning"), "{text}");
        assert_eq!(starts, vec![3, 6]);
    }

    #[test]
    fn both_passages_of_a_crlf_text_are_joined_with_its_line_end() {
        let clash = Clash {
            base: String::new(),
            mine: "Min".into(),
            theirs: "Deres\r\n".into(),
            words: None,
        };
        assert_eq!(clash.take(Choice::MineThenTheirs), "Min\r\nDeres\r\n");
        assert_eq!(clash.take(Choice::TheirsThenMine), "Deres\r\nMin");
    }

    #[test]
    fn a_clean_merge_is_its_text() {
        assert_eq!(Merge::clean("Tekst\n".into()).text().as_deref(), Some("Tekst\n"));
    }

    fn thread(messages: &[(&str, &str)], status: crate::domain::ThreadStatus) -> Thread {
        let text = "format = 1\nid = \"t1\"\nstatus = \"open\"\ndraft = 1\ncommit = \"1f0c2b3a4d5e6f708192a3b4c5d6e7f801234567\"\n[anchor]\nstart = 1\nend = 1\nquote = \"x\\n\"\n[[message]]\nauthor = \"A\"\nemail = \"a@x\"\ntime = \"2025-01-28T10:00:00+01:00\"\ntext = \"x\"\n";
        let mut t = Thread::parse("strategies/k/comments/t1.toml", text).unwrap();
        t.status = status;
        t.messages = messages
            .iter()
            .map(|(time, text)| Message {
                author: "A".into(),
                email: "a@x".into(),
                time: time.to_string(),
                text: text.to_string(),
            })
            .collect();
        t
    }

    /// Two replies made in two clones to one thread both stay, in time
    /// order (offsets compared as instants); a resolve on one side wins
    /// over a side that left the status alone.
    #[test]
    fn two_clones_replies_and_a_resolve_all_stay() {
        use crate::domain::ThreadStatus::{Open, Resolved};
        let first = ("2025-01-28T10:00:00+01:00", "Skal målet være 100 pct.?");
        let base = thread(&[first], Open);
        let ours = thread(&[first, ("2025-01-28T12:00:00+01:00", "Nej, 70.")], Open);
        let theirs = thread(
            &[
                first,
                ("2025-01-28T10:30:00+00:00", "Ja."),
                ("2025-01-29T08:00:00+01:00", ""),
            ],
            Resolved,
        );
        let merged = merge_threads(Some(&base), &ours, &theirs);
        let texts: Vec<&str> = merged.messages.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, vec!["Skal målet være 100 pct.?", "Ja.", "Nej, 70.", ""]);
        assert_eq!(merged.status, Resolved);
        assert_eq!(merge_threads(Some(&base), &theirs, &ours).status, Resolved);
        assert_eq!(merge_threads(Some(&base), &ours, &ours), ours);
    }

    #[test]
    fn marks_are_written_as_git_writes_them_and_found_again() {
        let merge = merge();
        let marked = merge.with_marks("yours", "draft 4", "origin");
        assert!(marked.contains("<<<<<<< yours\nVi vil nå 75 pct.\n||||||| draft 4\nVi vil nå 70 pct.\n=======\nVi vil nå 80 pct. i 2030.\n>>>>>>> origin\n"), "{marked}");
        // The last clash's sides have no line end: one is added before a mark.
        assert!(marked.ends_with("<<<<<<< yours\nMin slutning\n||||||| draft 4\nSlut\n=======\nDeres slutning\n>>>>>>> origin\n"), "{marked}");
        assert_eq!(still_marked(&marked), Some(3));
        assert_eq!(still_marked("# Mål\n\n======= ikke en mærke? jo\n"), Some(3));
        assert_eq!(still_marked("# Mål\n\n====== seks\n<<<<<<<x\n"), None);
        // A text with a run of marks of its own gets longer marks.
        let long = Merge {
            parts: vec![Part::Agreed("<<<<<<<< otte\n".into()), merge.parts[1].clone()],
        };
        assert!(long.with_marks("a", "b", "c").contains("\n<<<<<<<<< a\n"));
    }
}
