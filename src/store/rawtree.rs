//! Reading git tree objects from their raw bytes, for the one hot loop that
//! reads every `strategies/` tree of the history (building the history cache).
//! libgit2's tree objects allocate an entry table per tree and the 200-entry
//! trees of a large workspace are too big for its object cache, so parsing each
//! one as a `git2::Tree` was most of a cold history walk. A tree's raw format is
//! `<octal mode> <name>\0<20-byte id>` repeated, sorted by name as git sorts.

use std::cmp::Ordering;

use git2::Oid;

/// One entry of a raw tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'a> {
    pub name: &'a [u8],
    pub id: &'a [u8],
    pub is_tree: bool,
    /// How many bytes the entry takes in its tree.
    pub len: usize,
}

impl Entry<'_> {
    pub fn oid(&self) -> Oid {
        // The id is always 20 bytes: `entries` yields no shorter one.
        Oid::from_bytes(self.id).unwrap_or(Oid::ZERO_SHA1)
    }
}

/// The entries of a raw tree, in order; a malformed tail ends the list.
pub fn entries(mut data: &[u8]) -> impl Iterator<Item = Entry<'_>> {
    std::iter::from_fn(move || {
        let space = memchr::memchr(b' ', data)?;
        let nul = space + memchr::memchr(0, &data[space..])?;
        let id = data.get(nul + 1..nul + 21)?;
        let entry = Entry {
            // Trees have mode 40000; files 100644, 100755, 120000, 160000.
            is_tree: matches!(&data[..space], b"40000" | b"040000"),
            name: &data[space + 1..nul],
            id,
            len: nul + 21,
        };
        data = &data[nul + 21..];
        Some(entry)
    })
}

/// The entry called `name` (a file or folder), if any.
pub fn find<'a>(data: &'a [u8], name: &[u8]) -> Option<Entry<'a>> {
    entries(data).find(|e| e.name == name)
}

/// The length of the longest common prefix of `a` and `b`, compared eight
/// bytes at a time.
fn same_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let words = a[..n].chunks_exact(8).zip(b[..n].chunks_exact(8));
    let at = 8 * words.take_while(|(x, y)| x == y).count();
    at + a[at..n].iter().zip(&b[at..n]).take_while(|(x, y)| x == y).count()
}

/// The length of the longest common suffix of `a` and `b`.
fn same_suffix(a: &[u8], b: &[u8]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Git's order of tree entries: by name, a folder's name compared as if it
/// ended in `/`.
fn order(a: &Entry<'_>, b: &Entry<'_>) -> Ordering {
    let common = a.name.len().min(b.name.len());
    match a.name[..common].cmp(&b.name[..common]) {
        Ordering::Equal => {
            let next = |e: &Entry<'_>| {
                e.name
                    .get(common)
                    .copied()
                    .unwrap_or(if e.is_tree { b'/' } else { 0 })
            };
            next(a).cmp(&next(b))
        }
        other => other,
    }
}

/// For each folder entry of `here` that is not identical in `parent`: its name,
/// its id, and the id of the folder of that name in `parent` (if any). One pass
/// over both trees, as both are sorted.
pub fn changed_folders<'a>(here: &'a [u8], parent: &[u8]) -> Vec<(Entry<'a>, Option<Oid>)> {
    // Two versions of a tree share most of their bytes; up to the first byte
    // that differs, both hold the same entries at the same places, and once
    // both lists are at entry boundaries inside the common tail, the rest of
    // the entries are the same too.
    let same = same_prefix(here, parent);
    let mut start = 0;
    for entry in entries(here) {
        let end = start + entry.len;
        if end > same {
            break;
        }
        start = end;
    }
    let (here, parent) = (&here[start..], &parent[start..]);
    let tail = same_suffix(here, parent);
    let mut out = Vec::new();
    let mut theirs = entries(parent).peekable();
    let (mut ours_left, mut theirs_left) = (here.len(), parent.len());
    for ours in entries(here) {
        if ours_left == theirs_left && ours_left <= tail {
            break;
        }
        ours_left -= ours.len;
        while theirs.peek().is_some_and(|t| order(t, &ours) == Ordering::Less) {
            theirs_left -= theirs.next().map_or(0, |t| t.len);
        }
        let same_name = theirs.next_if(|t| t.name == ours.name && t.is_tree == ours.is_tree);
        theirs_left -= same_name.map_or(0, |t| t.len);
        if !ours.is_tree {
            continue;
        }
        match same_name {
            Some(t) if t.id == ours.id => {}
            Some(t) => out.push((ours, Some(t.oid()))),
            None => out.push((ours, None)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(entries: &[(&str, &str, u8)]) -> Vec<u8> {
        let mut out = Vec::new();
        for (mode, name, id) in entries {
            out.extend_from_slice(format!("{mode} {name}\0").as_bytes());
            out.extend_from_slice(&[*id; 20]);
        }
        out
    }

    #[test]
    fn reads_entries_and_stops_at_a_broken_tail() {
        let mut data = raw(&[("100644", "a.md", 1), ("40000", "klima", 2)]);
        data.extend_from_slice(b"100644 cut");
        let all: Vec<_> = entries(&data).collect();
        assert_eq!(all.len(), 2);
        assert_eq!(all[1].name, b"klima");
        assert!(all[1].is_tree && !all[0].is_tree);
        assert_eq!(
            find(&data, b"klima").map(|e| e.oid()),
            Some(Oid::from_bytes(&[2; 20]).unwrap())
        );
        assert!(find(&data, b"cut").is_none());
    }

    #[test]
    fn changed_folders_pairs_by_name_in_git_order() {
        // "a-b" sorts before the folder "a" (compared as "a/"), as git sorts.
        let parent = raw(&[
            ("40000", "a-b", 1),
            ("40000", "a", 2),
            ("40000", "c", 3),
            ("40000", "d", 4),
        ]);
        let here = raw(&[
            ("40000", "a-b", 1),
            ("40000", "a", 9),
            ("40000", "b", 5),
            ("100644", "c", 3),
            ("40000", "d", 4),
        ]);
        let changed: Vec<_> = changed_folders(&here, &parent)
            .into_iter()
            .map(|(e, p)| {
                (
                    String::from_utf8_lossy(e.name).into_owned(),
                    p.map(|p| p.as_bytes()[0]),
                )
            })
            .collect();
        assert_eq!(changed, vec![("a".into(), Some(2)), ("b".into(), None)]);
    }

    /// A tree of `names` (each a folder, or a file when its flag is set), in
    /// git's order, with the given id bytes.
    fn sorted(items: &[(String, bool, u8)]) -> Vec<u8> {
        let mut items: Vec<_> = items.to_vec();
        items.sort_by(|a, b| {
            let key = |(n, file, _): &(String, bool, u8)| {
                let mut k = n.clone().into_bytes();
                if !file {
                    k.push(b'/');
                }
                k
            };
            key(a).cmp(&key(b))
        });
        items.dedup_by(|a, b| a.0 == b.0);
        let entries: Vec<(&str, &str, u8)> = items
            .iter()
            .map(|(n, file, id)| (if *file { "100644" } else { "40000" }, n.as_str(), *id))
            .collect();
        raw(&entries)
    }

    proptest::proptest! {
        /// Skipping the common head and tail finds exactly what comparing
        /// every folder by name finds.
        #[test]
        fn changed_folders_is_a_by_name_comparison(
            base in proptest::collection::vec(("[a-c]{1,3}(-[a-c])?", proptest::bool::weighted(0.2), 0u8..3), 0..40),
            edits in proptest::collection::vec((0usize..40, "[a-c]{1,3}", proptest::bool::weighted(0.2), 0u8..3, 0u8..3), 0..4),
        ) {
            let mut new = base.clone();
            for (at, name, file, id, kind) in edits {
                match (kind, new.len()) {
                    (_, 0) | (0, _) => new.push((name, file, id)),
                    (1, n) => { new.remove(at % n); }
                    (_, n) => new[at % n].2 = id,
                }
            }
            let (parent, here) = (sorted(&base), sorted(&new));
            let got: Vec<_> = changed_folders(&here, &parent)
                .into_iter()
                .map(|(e, p)| (e.name.to_vec(), p))
                .collect();
            let mut want = Vec::new();
            for ours in entries(&here).filter(|e| e.is_tree) {
                let theirs = entries(&parent).find(|t| t.is_tree && t.name == ours.name);
                match theirs {
                    Some(t) if t.id == ours.id => {}
                    other => want.push((ours.name.to_vec(), other.map(|t| t.oid()))),
                }
            }
            proptest::prop_assert_eq!(got, want);
        }
    }
}
