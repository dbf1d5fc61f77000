//! Who gave each paragraph of a draft its wording (`udkast blame`): every
//! draft of the document up to the one asked for, read by its blob, credited
//! paragraph by paragraph and sentence by sentence by [`crate::diff::blame`]
//! (minor changes set aside), each credit with the draft's number, author,
//! date and commit.

use unicode_width::UnicodeWidthStr;

use super::Refused;
use crate::domain::Slug;
use crate::store::{CommitId, Draft, Store};
use crate::text::{cut, inert};

/// The draft that gave a paragraph or a sentence its wording.
#[derive(Debug, Clone)]
pub struct Credit {
    pub draft: u32,
    pub author: String,
    pub time: jiff::Zoned,
    pub commit: CommitId,
}

impl Credit {
    fn of(draft: &Draft) -> Credit {
        Credit {
            draft: draft.number,
            author: draft.author.clone(),
            time: draft.time.clone(),
            commit: draft.commit.into(),
        }
    }
}

/// One paragraph of the draft and who gave it its wording.
#[derive(Debug, Clone)]
pub struct BlamedParagraph {
    /// Its first and last line, counted from 1 as `udkast show` and
    /// `udkast comment add --lines` count them.
    pub lines: (usize, usize),
    /// Its text, without the line end after it.
    pub text: String,
    pub credit: Credit,
    pub sentences: Vec<BlamedSentence>,
}

/// One sentence of a paragraph and who gave it its wording.
#[derive(Debug, Clone)]
pub struct BlamedSentence {
    pub text: String,
    pub credit: Credit,
}

/// A draft, paragraph by paragraph, with who gave each its wording.
#[derive(Debug, Clone)]
pub struct Blamed {
    pub slug: Slug,
    /// How the version asked for is called ("draft 5 (latest)").
    pub label: crate::store::VersionName,
    /// The draft whose text it is.
    pub draft: u32,
    /// The version's commit.
    pub commit: CommitId,
    pub paragraphs: Vec<BlamedParagraph>,
}

/// How much of a paragraph's first line, or of a sentence, a line shows.
const EXCERPT: usize = 60;

impl Blamed {
    /// The command line's text: a line for each paragraph (its draft, author,
    /// date and the start of its first line), and with `sentences` a line for
    /// each of its sentences below it, indented.
    pub fn report(&self, sentences: bool) -> String {
        let mut credits: Vec<&Credit> = Vec::new();
        for p in &self.paragraphs {
            credits.push(&p.credit);
            if sentences {
                credits.extend(p.sentences.iter().map(|s| &s.credit));
            }
        }
        let number = credits
            .iter()
            .map(|c| c.draft.to_string().len())
            .max()
            .unwrap_or(1);
        let author = credits
            .iter()
            .map(|c| inert(&c.author).width())
            .max()
            .unwrap_or(0);
        let line = |credit: &Credit, indent: &str, text: &str| -> String {
            let name = inert(&credit.author);
            let pad = " ".repeat(author - name.width());
            let text = cut(&inert(&text.replace('\t', " ")), EXCERPT);
            let row = format!(
                "  {:>number$}  {name}{pad}  {}  {indent}{text}",
                credit.draft,
                credit.time.strftime("%d-%m-%Y"),
            );
            format!("{}\n", row.trim_end())
        };
        let mut out = format!("{}: {}\n", self.slug, inert(&self.label.to_string()));
        for p in &self.paragraphs {
            let first = p.text.lines().next().unwrap_or_default();
            out.push_str(&line(&p.credit, "", first));
            if sentences {
                for s in &p.sentences {
                    let words: Vec<&str> = s.text.split_whitespace().collect();
                    out.push_str(&line(&s.credit, "  ", &words.join(" ")));
                }
            }
        }
        out
    }
}

/// Credits each paragraph (and sentence) of `slug`'s version `spec` (a
/// draft number, `latest`, `approved` or a commit, as `Store::version` reads
/// them) to the draft that gave it its wording. A commit that is not one of
/// the document's drafts is blamed as the newest draft before it with the
/// same text.
pub fn blame(store: &Store, slug: &Slug, spec: &str) -> Result<Blamed, Refused> {
    let version = store.version(slug, spec)?;
    let drafts: Vec<Draft> = match version.draft {
        Some(n) => store
            .drafts(slug)?
            .into_iter()
            .filter(|d| d.number <= n)
            .collect(),
        // The drafts it was made from, numbered by its own history (for a
        // commit on the branch, the branch's numbers).
        None => store
            .draft_index(Some(version.commit), Some(slug))?
            .drafts(slug.as_str())
            .to_vec(),
    };
    let mut texts: Vec<String> = Vec::with_capacity(drafts.len());
    for d in &drafts {
        texts.push(if d.commit == version.commit {
            version.text.clone()
        } else {
            // By its blob: the drafts are numbered already.
            String::from_utf8_lossy(&store.blob(d.document)?).into_owned()
        });
    }
    let Some(last) = texts.iter().rposition(|t| *t == version.text) else {
        return Err(Refused::NoDraftText {
            slug: slug.to_string(),
            version: version.label.to_string(),
        });
    };
    texts.truncate(last + 1);
    let drafts = &drafts[..=last];

    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let lines = crate::text::lines(&version.text);
    let paragraphs = crate::diff::blame(&refs)
        .into_iter()
        .map(|p| {
            let text = lines[p.lines.clone()].concat();
            let sentences = p
                .sentences
                .iter()
                .map(|s| BlamedSentence {
                    text: text[s.bytes.clone()].to_string(),
                    credit: Credit::of(&drafts[s.draft]),
                })
                .collect();
            BlamedParagraph {
                lines: (p.lines.start + 1, p.lines.end),
                text: text.trim_end().to_string(),
                credit: Credit::of(&drafts[p.draft]),
                sentences,
            }
        })
        .collect();
    Ok(Blamed {
        slug: slug.clone(),
        label: version.label,
        draft: drafts[last].number,
        commit: version.commit.into(),
        paragraphs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_samples_paragraphs_are_credited_to_drafts_that_made_them() {
        let (_dir, _repo, store) = crate::usecase::sample();
        let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
        let drafts = store.drafts(&slug).unwrap();
        let blamed = blame(&store, &slug, "latest").unwrap();
        let latest = drafts.last().unwrap();
        assert_eq!(blamed.draft, latest.number);
        assert!(!blamed.paragraphs.is_empty());
        // Every credit is a draft of the document, no later than the one shown.
        let numbers: Vec<u32> = blamed.paragraphs.iter().map(|p| p.credit.draft).collect();
        assert!(numbers.iter().all(|n| (1..=latest.number).contains(n)));
        // A history of several drafts leaves more than one draft credited.
        assert!(numbers.iter().any(|&n| n != numbers[0]), "{numbers:?}");
        // Each paragraph's text is its lines of the draft.
        let text = store.version(&slug, "latest").unwrap().text;
        let lines = crate::text::lines(&text);
        for p in &blamed.paragraphs {
            let (first, last) = p.lines;
            assert_eq!(p.text, lines[first - 1..last].concat().trim_end());
            let credited = drafts.iter().find(|d| d.number == p.credit.draft).unwrap();
            assert_eq!(p.credit.author, credited.author);
            assert_eq!(p.credit.commit, credited.commit);
        }

        // Draft 1 is all its own.
        let first = blame(&store, &slug, "1").unwrap();
        assert!(first.paragraphs.iter().all(|p| p.credit.draft == 1));
        // By commit, as by number.
        let by_commit = blame(&store, &slug, &drafts[1].commit.to_string()).unwrap();
        let by_number = blame(&store, &slug, "2").unwrap();
        let credits = |b: &Blamed| -> Vec<u32> { b.paragraphs.iter().map(|p| p.credit.draft).collect() };
        assert_eq!(credits(&by_commit), credits(&by_number));
        // A commit that drafted another document is blamed as the draft
        // whose text it holds.
        let other = store.drafts(&Slug::parse("klimahandleplan").unwrap()).unwrap();
        let later = other
            .iter()
            .rev()
            .find(|d| d.time > latest.time && drafts.iter().all(|own| own.commit != d.commit))
            .expect("the sample's work plan has a draft after the strategy's latest");
        let at = blame(&store, &slug, &later.commit.to_string()).unwrap();
        assert_eq!(at.draft, latest.number);
        assert!(
            matches!(at.label, crate::store::VersionName::Commit(_)),
            "{}",
            at.label
        );
        assert_eq!(credits(&at), credits(&blamed));
    }

    #[test]
    fn the_report_has_a_line_for_each_paragraph_and_sentence() {
        let (_dir, _repo, store) = crate::usecase::sample();
        let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
        let blamed = blame(&store, &slug, "latest").unwrap();
        let report = blamed.report(false);
        let rows: Vec<&str> = report.lines().skip(1).collect();
        assert_eq!(rows.len(), blamed.paragraphs.len());
        let with = blamed.report(true);
        let sentences: usize = blamed.paragraphs.iter().map(|p| p.sentences.len()).sum();
        assert_eq!(with.lines().count(), 1 + blamed.paragraphs.len() + sentences);
        // The draft, the author, the date as dd-mm-yyyy, the first line's beginning.
        for (row, p) in rows.iter().zip(&blamed.paragraphs) {
            assert_eq!(
                row.split_whitespace().next(),
                Some(p.credit.draft.to_string().as_str())
            );
            assert!(row.contains(&p.credit.author), "{row}");
            assert!(
                row.contains(&p.credit.time.strftime("  %d-%m-%Y  ").to_string()),
                "{row}"
            );
            let first = p.text.lines().next().unwrap();
            let shown = crate::text::cut(first, EXCERPT);
            assert!(row.ends_with(shown.trim_end()), "{row:?} / {shown:?}");
        }
    }

    #[test]
    fn unknown_versions_are_refused() {
        let (_dir, _repo, store) = crate::usecase::sample();
        let slug = Slug::parse("baeredygtighedsstrategi").unwrap();
        let e = blame(&store, &slug, "99").unwrap_err().to_string();
        assert!(e.contains("has no draft 99"), "{e}");
        let e = blame(&store, &Slug::parse("findes-ikke").unwrap(), "latest")
            .unwrap_err()
            .to_string();
        assert!(e.contains("no strategy \"findes-ikke\""), "{e}");
    }
}
