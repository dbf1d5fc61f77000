//! The history cache: for each commit, its parents and the drafts it made
//! (which documents it changed, with author, time and message), kept in
//! `.git/udkast/drafts.cache` so a document's history does not need a walk
//! through every commit and tree each time.
//!
//! Every entry is a fact about an immutable commit, so the cache can never be
//! stale, only incomplete: commits missing from it (new ones, rewritten ones)
//! are read from git and added. A missing, truncated or foreign file is simply
//! rebuilt; deleting it changes no result. Writers replace it atomically.

use std::collections::HashMap;
use std::path::Path;

use git2::Oid;
use std::sync::Arc;

/// One shared copy of each repeated string.
#[derive(Default)]
pub struct Interner(std::collections::HashSet<Arc<str>>);

impl Interner {
    pub fn get(&mut self, text: &str) -> Arc<str> {
        if let Some(known) = self.0.get(text) {
            return known.clone();
        }
        let new: Arc<str> = Arc::from(text);
        self.0.insert(new.clone());
        new
    }
}

const MAGIC: &[u8] = b"udkast drafts cache 3\n";

/// FNV-1a over the file's bytes, kept in its last 8: a flipped bit anywhere
/// (a bad disk, a copy cut short) makes the file unreadable, so it is rebuilt
/// instead of giving wrong drafts or failing on a parent that does not exist.
fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A draft as the cache stores it (its number is computed per head).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftRecord {
    /// Slugs, names and e-mails repeat across thousands of commits: each is
    /// kept once (see `Interner`).
    pub slug: Arc<str>,
    pub document: Oid,
    pub recorded: Option<u32>,
    pub author: Arc<str>,
    pub email: Arc<str>,
    pub seconds: i64,
    pub offset_minutes: i32,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CommitInfo {
    pub parents: Vec<Oid>,
    pub drafts: Vec<DraftRecord>,
}

#[derive(Debug, Default)]
pub struct Cache {
    pub commits: HashMap<Oid, CommitInfo>,
    /// Document blobs already found to be valid text (UTF-8, not binary, not
    /// too big): a blob never changes, so neither does the answer.
    pub valid_blobs: std::collections::HashSet<Oid>,
    pub dirty: bool,
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let end = self.at.checked_add(n)?;
        let slice = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(slice)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn i64(&mut self) -> Option<i64> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Some(i64::from_le_bytes(a))
    }
    fn oid(&mut self) -> Option<Oid> {
        Oid::from_bytes(self.take(20)?).ok()
    }
    fn string(&mut self) -> Option<String> {
        let n = self.u32()? as usize;
        self.take(n).map(|b| String::from_utf8_lossy(b).into_owned())
    }
    fn shared(&mut self, strings: &mut Interner) -> Option<Arc<str>> {
        let n = self.u32()? as usize;
        self.take(n).map(|b| strings.get(&String::from_utf8_lossy(b)))
    }
}

fn put_string(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

impl Cache {
    /// Reads the cache; anything unreadable gives an empty cache.
    pub fn load(path: &Path) -> Cache {
        let Ok(bytes) = std::fs::read(path) else {
            return Cache::default();
        };
        Self::decode(&bytes).unwrap_or_default()
    }

    fn decode(bytes: &[u8]) -> Option<Cache> {
        let (bytes, sum) = bytes.split_at_checked(bytes.len().checked_sub(8)?)?;
        if checksum(bytes).to_le_bytes() != sum {
            return None;
        }
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return None;
        }
        let count = r.u32()? as usize;
        let mut commits = HashMap::with_capacity(count.min(1 << 22));
        let mut strings = Interner::default();
        for _ in 0..count {
            let oid = r.oid()?;
            let parents = (0..r.u8()?).map(|_| r.oid()).collect::<Option<Vec<_>>>()?;
            let drafts = (0..r.u32()?)
                .map(|_| {
                    Some(DraftRecord {
                        slug: r.shared(&mut strings)?,
                        document: r.oid()?,
                        recorded: match r.u8()? {
                            0 => None,
                            _ => Some(r.u32()?),
                        },
                        author: r.shared(&mut strings)?,
                        email: r.shared(&mut strings)?,
                        seconds: r.i64()?,
                        offset_minutes: r.u32()? as i32,
                        summary: r.string()?,
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            commits.insert(oid, CommitInfo { parents, drafts });
        }
        let valid = r.u32()? as usize;
        let valid_blobs = (0..valid).map(|_| r.oid()).collect::<Option<_>>()?;
        (r.at == bytes.len()).then_some(Cache {
            commits,
            valid_blobs,
            dirty: false,
        })
    }

    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.commits.len() * 48);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.commits.len() as u32).to_le_bytes());
        for (oid, info) in &self.commits {
            out.extend_from_slice(oid.as_bytes());
            // More than 255 parents does not occur; an octopus that big is cut, not stored wrong.
            let parents = &info.parents[..info.parents.len().min(255)];
            out.push(parents.len() as u8);
            for p in parents {
                out.extend_from_slice(p.as_bytes());
            }
            out.extend_from_slice(&(info.drafts.len() as u32).to_le_bytes());
            for d in &info.drafts {
                put_string(&mut out, &d.slug);
                out.extend_from_slice(d.document.as_bytes());
                match d.recorded {
                    Some(n) => {
                        out.push(1);
                        out.extend_from_slice(&n.to_le_bytes());
                    }
                    None => out.push(0),
                }
                put_string(&mut out, &d.author);
                put_string(&mut out, &d.email);
                out.extend_from_slice(&d.seconds.to_le_bytes());
                out.extend_from_slice(&(d.offset_minutes as u32).to_le_bytes());
                put_string(&mut out, &d.summary);
            }
        }
        out.extend_from_slice(&(self.valid_blobs.len() as u32).to_le_bytes());
        for oid in &self.valid_blobs {
            out.extend_from_slice(oid.as_bytes());
        }
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Writes the cache if it gained entries. Failing to write (a read-only
    /// repository) only costs speed, so it is not an error.
    pub fn save(&mut self, path: &Path) {
        if !self.dirty {
            return;
        }
        if super::write::replace_file(path, &self.encode(), false).is_ok() {
            self.dirty = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oid(n: u8) -> Oid {
        Oid::from_bytes(&[n; 20]).unwrap()
    }

    #[test]
    fn round_trips_and_rejects_damage() {
        let mut cache = Cache::default();
        cache.commits.insert(
            oid(1),
            CommitInfo {
                parents: vec![],
                drafts: vec![],
            },
        );
        cache.commits.insert(
            oid(2),
            CommitInfo {
                parents: vec![oid(1)],
                drafts: vec![DraftRecord {
                    slug: "klima".into(),
                    document: oid(9),
                    recorded: Some(3),
                    author: "Søren Bak".into(),
                    email: "soeren.bak@aaby.dk".into(),
                    seconds: 1_700_000_000,
                    offset_minutes: -120,
                    summary: "Skærpet målene".into(),
                }],
            },
        );
        cache.valid_blobs.insert(oid(7));
        let bytes = cache.encode();
        let back = Cache::decode(&bytes).unwrap();
        assert_eq!(back.commits, cache.commits);
        assert_eq!(back.valid_blobs, cache.valid_blobs);
        assert!(Cache::decode(&bytes[..bytes.len() - 1]).is_none(), "truncated");
        assert!(Cache::decode(b"something else").is_none());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Cache::decode(&longer).is_none(), "trailing bytes");
    }

    /// A cache as damage could leave it but with a checksum that matches
    /// (what a checksum cannot catch: the decoder must still never panic,
    /// allocate without bound or loop): bytes changed, cut or inserted.
    fn sample() -> Vec<u8> {
        let mut cache = Cache::default();
        for n in 1..6u8 {
            cache.commits.insert(
                oid(n),
                CommitInfo {
                    parents: vec![oid(n - 1)],
                    drafts: vec![DraftRecord {
                        slug: "klima".into(),
                        document: oid(100 + n),
                        recorded: (n % 2 == 0).then_some(n.into()),
                        author: "Anne Kristine Hundahl Mikkelsen".into(),
                        email: "akhm@aaby.dk".into(),
                        seconds: 1_700_000_000 + i64::from(n),
                        offset_minutes: 60,
                        summary: format!("Udkast {n}"),
                    }],
                },
            );
        }
        cache.valid_blobs.insert(oid(7));
        cache.encode()
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(512))]
        #[test]
        fn damaged_content_under_a_good_checksum_decodes_or_is_refused(
            edits in proptest::collection::vec((0usize..4096, proptest::num::u8::ANY, 0u8..3), 1..6),
        ) {
            let good = sample();
            let mut body = good[..good.len() - 8].to_vec();
            for (at, byte, kind) in edits {
                let at = at % (body.len() + 1);
                match kind {
                    0 if at < body.len() => body[at] = byte,
                    1 => body.insert(at, byte),
                    _ => body.truncate(at),
                }
            }
            let mut damaged = body.clone();
            damaged.extend_from_slice(&checksum(&body).to_le_bytes());
            if let Some(cache) = Cache::decode(&damaged) {
                // What decodes is a cache: it encodes to the same bytes' meaning.
                let again = Cache::decode(&cache.encode()).unwrap();
                proptest::prop_assert_eq!(again.commits, cache.commits);
            }
        }
    }
}
