//! Comment thread ids: making new ones, the short form people see and type
//! back, and finding a thread by what someone typed.
//!
//! A new id is 16 lowercase hex digits (`3fa9c2d81b7e4a05`): 64 bits mixed
//! from the time, a random seed of the process and a counter, so its first
//! seven digits tell a document's threads apart, as git's short commit ids
//! do. Ids made before were the time and six hex digits
//! (`20250128T101500.123Z-3fa9c2`), needing 19 characters to tell two made in
//! one second apart; they are read forever, and their six digits are their
//! short form. Any other id [`check_id`] accepts (a file named by hand) works
//! by its beginning like a new one.

use std::hash::{BuildHasher, Hasher};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use super::BadValue;

/// How many characters of an id are shown, at least (as git shows commits).
pub const SHORT_LEN: usize = 7;

/// Thread ids are 1–64 ASCII letters, digits, `-`, `_` and `.`, starting with a
/// letter or digit: safe as a file name on every system (no `/`, never `..` on
/// its own), and in a command line.
pub fn check_id(id: &str) -> Result<(), BadValue> {
    let ok = (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
        && id.as_bytes()[0].is_ascii_alphanumeric();
    if ok {
        Ok(())
    } else {
        Err(BadValue::ThreadId(id.into()))
    }
}

/// A new thread id for a thread created at `now`: 16 hex digits. For one
/// `now` in one process the counter makes every id differ (each step of the
/// mixing is one-to-one); the time and a seed std draws from the system's
/// randomness make ids of other processes and other clones differ too. The
/// store still checks the file does not exist, and a clash with a concurrent
/// writer surfaces as a merge conflict that it retries with a fresh id.
///
/// Threads no longer sort by id: lists order them by their first message's
/// time ([`super::Thread::created`]).
pub fn new_id(now: jiff::Timestamp) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    static SEED: OnceLock<u64> = OnceLock::new();
    let seed = *SEED.get_or_init(|| {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u32(std::process::id());
        hasher.finish()
    });
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let time = now.as_nanosecond() as u64;
    format!("{:016x}", mix(mix(seed ^ mix(time)).wrapping_add(count)))
}

/// splitmix64's finaliser: one-to-one, and every input bit affects every
/// output bit.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The six hex digits of an id made before 16-digit ids: `3fa9c2` of
/// `20250128T101500.123Z-3fa9c2`.
fn old_tail(id: &str) -> Option<&str> {
    let b = id.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let old = b.len() == 27
        && digits(0..8)
        && b[8] == b'T'
        && digits(9..15)
        && b[15] == b'.'
        && digits(16..19)
        && &b[19..21] == b"Z-"
        && b[21..]
            .iter()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(c));
    old.then(|| &id[21..])
}

/// What came of looking an id up by what someone typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// No id begins with it.
    Unknown,
    /// Several do: their short forms, sorted.
    Ambiguous(Vec<String>),
}

/// One document's thread ids, for their short forms and for finding one by a
/// beginning someone typed: of the whole id, or of an old id's six digits.
#[derive(Debug, Clone, Default)]
pub struct ThreadIds {
    /// Sorted, so the ids with one beginning are side by side.
    ids: Vec<String>,
    /// Old ids' six digits, with the index of their id; sorted.
    tails: Vec<(String, usize)>,
}

impl ThreadIds {
    pub fn new<S: AsRef<str>>(ids: impl IntoIterator<Item = S>) -> ThreadIds {
        let mut ids: Vec<String> = ids.into_iter().map(|s| s.as_ref().to_string()).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut tails: Vec<(String, usize)> = ids
            .iter()
            .enumerate()
            .filter_map(|(i, id)| Some((old_tail(id)?.to_string(), i)))
            .collect();
        tails.sort_unstable();
        ThreadIds { ids, tails }
    }

    /// The indexes of the ids `typed` names (each once), stopping after `limit`.
    fn named(&self, typed: &str, limit: usize) -> Vec<usize> {
        let from = self.ids.partition_point(|id| id.as_str() < typed);
        let mut found: Vec<usize> = (from..self.ids.len())
            .take_while(|&i| self.ids[i].starts_with(typed))
            .take(limit)
            .collect();
        let from = self.tails.partition_point(|(tail, _)| tail.as_str() < typed);
        for (_, i) in self.tails[from..]
            .iter()
            .take_while(|(tail, _)| tail.starts_with(typed))
        {
            if found.len() >= limit {
                break;
            }
            if !found.contains(i) {
                found.push(*i);
            }
        }
        found
    }

    /// The shortest text that names `id` alone and that a person can type
    /// back: an old id's six digits, else its first seven characters, or
    /// more when another id begins the same (the whole id at most).
    pub fn short<'a>(&self, id: &'a str) -> &'a str {
        let alone = |typed: &str| matches!(self.named(typed, 2).as_slice(), [i] if self.ids[*i] == id);
        if let Some(tail) = old_tail(id).filter(|tail| alone(tail)) {
            return tail;
        }
        (SHORT_LEN..id.len())
            .map(|len| &id[..len])
            .find(|prefix| alone(prefix))
            .unwrap_or(id)
    }

    /// The id `typed` names: the id itself, or the one id it is the
    /// beginning of (or of whose six digits, for an old id).
    pub fn find(&self, typed: &str) -> Result<&str, Lookup> {
        if let Ok(i) = self.ids.binary_search_by(|id| id.as_str().cmp(typed)) {
            return Ok(&self.ids[i]);
        }
        match self.named(typed, usize::MAX).as_slice() {
            [] => Err(Lookup::Unknown),
            [one] => Ok(&self.ids[*one]),
            several => {
                let mut shorts: Vec<String> = several
                    .iter()
                    .map(|&i| self.short(&self.ids[i]).to_string())
                    .collect();
                shorts.sort_unstable();
                Err(Lookup::Ambiguous(shorts))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    const OLD_A: &str = "20250601T100000.000Z-abcde0";
    const OLD_B: &str = "20250601T100001.000Z-abcde1";

    #[test]
    fn new_ids_are_hex_and_differ_when_made_in_one_millisecond() {
        let now: jiff::Timestamp = "2025-01-28T10:15:00.123Z".parse().unwrap();
        let ids: Vec<String> = (0..10_000).map(|_| new_id(now)).collect();
        let distinct: HashSet<&String> = ids.iter().collect();
        assert_eq!(distinct.len(), ids.len());
        for id in &ids {
            assert_eq!(id.len(), 16, "{id}");
            assert!(
                id.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
                "{id}"
            );
            check_id(id).unwrap();
            assert_eq!(old_tail(id), None);
        }
        // Seven characters tell them apart almost always; the short form grows
        // where they do not, and every short form names its own id alone.
        let known = ThreadIds::new(&ids);
        let shorts: HashSet<&str> = ids.iter().map(|id| known.short(id)).collect();
        assert_eq!(shorts.len(), ids.len());
        let seven = ids.iter().filter(|id| known.short(id).len() == SHORT_LEN).count();
        assert!(seven > 9_900, "{seven} of 10000 short forms are 7 characters");
        for id in &ids {
            assert_eq!(known.find(known.short(id)), Ok(id.as_str()));
            assert_eq!(known.find(id), Ok(id.as_str()));
        }
    }

    #[test]
    fn short_forms_of_old_and_new_ids() {
        let known = ThreadIds::new([
            OLD_A,
            OLD_B,
            "3fa9c2d81b7e4a05",
            "3fa9c2e000000000",
            "9b1e44a0c0ffee00",
        ]);
        // An old id: its six digits.
        assert_eq!(known.short(OLD_A), "abcde0");
        assert_eq!(known.short(OLD_B), "abcde1");
        // New ids: seven characters, or as many as tell two apart.
        assert_eq!(known.short("9b1e44a0c0ffee00"), "9b1e44a");
        assert_eq!(known.short("3fa9c2d81b7e4a05"), "3fa9c2d");
        assert_eq!(known.short("3fa9c2e000000000"), "3fa9c2e");
        let close = ThreadIds::new(["3fa9c2d81b7e4a05", "3fa9c2d8ffffffff"]);
        assert_eq!(close.short("3fa9c2d81b7e4a05"), "3fa9c2d81");
        // A new id beginning with an old one's digits takes that form from it.
        let clash = ThreadIds::new([OLD_A, "abcde0f000000000"]);
        assert_eq!(clash.short("abcde0f000000000"), "abcde0f");
        assert_eq!(clash.short(OLD_A), "2025060");
        // Two old ids with the same digits: the beginning that differs.
        let twins = ThreadIds::new([OLD_A, "20250601T100002.000Z-abcde0"]);
        assert_eq!(twins.short(OLD_A), "20250601T100000");
        // Ids shorter than seven characters (named by hand) are shown whole.
        assert_eq!(ThreadIds::new(["x1", "x12"]).short("x1"), "x1");
    }

    #[test]
    fn a_thread_is_found_by_any_unique_beginning() {
        let known = ThreadIds::new([OLD_A, OLD_B, "3fa9c2d81b7e4a05", "3fa9c2e000000000", "x1", "x12"]);
        // Unique beginnings of new and old ids, and old ids' digits.
        assert_eq!(known.find("3fa9c2d"), Ok("3fa9c2d81b7e4a05"));
        assert_eq!(known.find("3fa9c2e0"), Ok("3fa9c2e000000000"));
        assert_eq!(known.find("abcde1"), Ok(OLD_B));
        assert_eq!(known.find("abcde0"), Ok(OLD_A));
        assert_eq!(known.find("20250601T100001"), Ok(OLD_B));
        assert_eq!(known.find(OLD_A), Ok(OLD_A));
        // The whole id wins over a longer one it begins.
        assert_eq!(known.find("x1"), Ok("x1"));
        // Ambiguous: the candidates by their short forms.
        assert_eq!(
            known.find("3fa"),
            Err(Lookup::Ambiguous(vec!["3fa9c2d".into(), "3fa9c2e".into()]))
        );
        assert_eq!(
            known.find("abcde"),
            Err(Lookup::Ambiguous(vec!["abcde0".into(), "abcde1".into()]))
        );
        assert_eq!(
            known.find("2025"),
            Err(Lookup::Ambiguous(vec!["abcde0".into(), "abcde1".into()]))
        );
        // Unknown.
        assert_eq!(known.find("3fb"), Err(Lookup::Unknown));
        assert_eq!(known.find("bcde0"), Err(Lookup::Unknown));
        assert_eq!(ThreadIds::default().find("3fa"), Err(Lookup::Unknown));
    }

    #[test]
    fn ids_are_safe_file_names() {
        check_id(OLD_A).unwrap();
        check_id("3fa9c2d81b7e4a05").unwrap();
        assert!(check_id("../udkast").is_err());
        assert!(check_id("").is_err());
        assert!(check_id("-x").is_err());
        assert!(check_id("..").is_err());
        assert!(check_id("a/b").is_err());
    }
}
