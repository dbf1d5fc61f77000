//! A text merged three ways, as saving merges a document: the passages both
//! sides agree on, and the passages both changed differently (clashes), each
//! with the text both came from. A person chooses for each clash; the
//! combined text is then one string, byte for byte what was chosen.

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
}

/// What to keep of a clash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Mine,
    Theirs,
    /// Both passages, the person's own first.
    MineThenTheirs,
    TheirsThenMine,
}

impl Choice {
    /// In words, as a person would say it.
    pub fn label(self) -> &'static str {
        match self {
            Choice::Mine => "yours",
            Choice::Theirs => "theirs",
            Choice::MineThenTheirs => "both, yours first",
            Choice::TheirsThenMine => "both, theirs first",
        }
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
        }
    }
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
                }),
                Part::Agreed("Mellem.\n".into()),
                Part::Clash(Clash {
                    base: "Slut".into(),
                    mine: "Min slutning".into(),
                    theirs: "Deres slutning".into(),
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
        };
        assert_eq!(clash.take(Choice::MineThenTheirs), "Min\r\nDeres\r\n");
        assert_eq!(clash.take(Choice::TheirsThenMine), "Deres\r\nMin");
    }

    #[test]
    fn a_clean_merge_is_its_text() {
        assert_eq!(Merge::clean("Tekst\n".into()).text().as_deref(), Some("Tekst\n"));
    }
}
