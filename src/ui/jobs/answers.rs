//! The worker's answers: each request run through its use case and put in
//! the shape the screens show.

use std::path::Path;

use super::{
    ApprovalsView, Badge, CommentRequest, ComputedDiff, DiffKey, DiffRequest, DiffThreads, Failed,
    HistoryEntry, Item, OpenedDocument, SavedDraft, ThreadsView, WorkPlanAnswer, WorkspaceView, failed,
};
use crate::domain::{BodyId, Slug, WorkspaceConfig, paths};
use crate::store::{CommitId, Store};
use crate::usecase::Side;

/// Reads a document's threads and places them on `shown` (default: the latest draft).
pub fn threads(store: &Store, slug: &Slug, shown: Option<&str>) -> Result<ThreadsView, Failed> {
    let shown = shown.map_or(crate::usecase::Shown::Latest, crate::usecase::Shown::Text);
    let found = crate::usecase::threads(store, slug, shown).map_err(failed)?;
    let me = store
        .identity()
        .map(|s| String::from_utf8_lossy(s.email_bytes()).into_owned())
        .unwrap_or_default();
    Ok(ThreadsView {
        threads: found.threads,
        problems: found.problems.iter().map(|p| p.to_string()).collect(),
        me,
    })
}

pub fn comment(store: &Store, slug: &Slug, request: CommentRequest) -> Result<String, Failed> {
    use crate::usecase::Comment;
    let comment = match &request {
        CommentRequest::Add {
            draft,
            start,
            end,
            text,
            shown,
        } => Comment::Add {
            draft: *draft,
            start: *start,
            end: *end,
            text,
            shown: shown.as_deref(),
        },
        CommentRequest::Reply { id, text } => Comment::Reply { id, text },
        CommentRequest::Resolve { id, text } => Comment::Resolve {
            id,
            text: text.as_deref(),
        },
        CommentRequest::Reopen { id } => Comment::Reopen { id, text: None },
    };
    crate::usecase::comment(store, slug, comment)
        .map(|done| done.status_line())
        .map_err(failed)
}

/// Reads a document's approvals.
pub fn approvals(store: &Store, slug: &Slug) -> Result<ApprovalsView, Failed> {
    let a = crate::usecase::approvals(store, slug).map_err(failed)?;
    Ok(ApprovalsView {
        title: a.title,
        status: a.status,
        names: a.names,
        problems: a.problems.iter().map(|p| p.to_string()).collect(),
        is_lead: a.is_lead,
        versions: a
            .tags
            .iter()
            .map(|t| (t.target.to_string(), t.name.clone()))
            .collect(),
    })
}

/// A work plan's actions, after making `change` as a draft when given.
pub fn work_plan(
    store: &Store,
    slug: &Slug,
    change: Option<&crate::usecase::ActionChange>,
) -> Result<WorkPlanAnswer, Failed> {
    let changed = match change {
        Some(change) => Some(
            crate::usecase::change_actions(store, slug, change, None)
                .map_err(failed)?
                .report(),
        ),
        None => None,
    };
    let actions = crate::usecase::actions(store, slug).map_err(failed)?;
    Ok(WorkPlanAnswer { actions, changed })
}

/// Checks cheaply that `repo` is a readable workspace, before the screen opens.
pub fn check(repo: &Path) -> Result<(), String> {
    let store = Store::open(repo).map_err(|e| e.to_string())?;
    store.config().map(|_| ()).map_err(|e| e.to_string())
}

/// Reads the workspace for the overview.
pub fn load(store: &Store) -> Result<WorkspaceView, Failed> {
    let documents = crate::usecase::documents(store).map_err(failed)?;
    let items: Vec<Item> = documents
        .rows
        .into_iter()
        .map(|row| Item {
            // A document whose decisions cannot be read still shows its route.
            route: match row.standing {
                Some(steps) => steps
                    .into_iter()
                    .map(|step| step.into_iter().map(|(body, s)| (body, Badge::from(s))).collect())
                    .collect(),
                None => not_yet(&row.route),
            },
            draft: row.drafts,
            open_comments: row.open_threads,
            open_dues: row.open_dues,
            author: row.last.as_ref().map(|d| d.author.clone()).unwrap_or_default(),
            date: row
                .last
                .as_ref()
                .map(|d| d.time.strftime("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default(),
            known: true,
            slug: row.slug,
            title: row.title,
            kind: row.kind,
        })
        .collect();
    if let Ok(bytes) = serde_json::to_vec(&items) {
        store.remember(REMEMBERED_ROWS, &bytes);
    }
    let problems = documents
        .problems
        .iter()
        .map(|p| p.to_string())
        .chain(store.uncommitted_config())
        .collect();
    Ok(view(
        store,
        documents.config,
        documents.commit,
        items,
        problems,
        false,
    ))
}

/// A route's badges before its decisions are read.
fn not_yet(route: &crate::domain::Route) -> Vec<Vec<(BodyId, Badge)>> {
    route
        .steps()
        .iter()
        .map(|step| step.iter().map(|b| (b.clone(), Badge::NotYet)).collect())
        .collect()
}

/// Where the overview's rows of the last full read are kept.
const REMEMBERED_ROWS: &str = "overview.json";

/// The overview before the history is read: the documents at the head, each
/// with its row as the last full read left it, or with only its title, kind
/// and route when it has none (a fresh clone, a new document).
pub fn glance(store: &Store) -> Result<WorkspaceView, Failed> {
    let snapshot = store.glance().map_err(failed)?;
    let mut remembered: std::collections::HashMap<Slug, Item> = store
        .recall(REMEMBERED_ROWS)
        .and_then(|bytes| serde_json::from_slice::<Vec<Item>>(&bytes).ok())
        .unwrap_or_default()
        .into_iter()
        .map(|item| (item.slug.clone(), item))
        .collect();
    let mut items: Vec<Item> = snapshot
        .strategies
        .iter()
        .map(|s| {
            let route = s.meta.effective_route(&snapshot.config);
            match remembered.remove(&s.slug) {
                // The row as it was, with what the head says now where it is known.
                Some(item) => Item {
                    title: s.meta.title.clone(),
                    kind: s.meta.kind,
                    ..item
                },
                None => Item {
                    slug: s.slug.clone(),
                    title: s.meta.title.clone(),
                    kind: s.meta.kind,
                    known: false,
                    route: not_yet(route),
                    draft: 0,
                    open_comments: 0,
                    author: String::new(),
                    date: String::new(),
                    open_dues: s.meta.open_due_dates(),
                },
            }
        })
        .collect();
    items.sort_by_cached_key(|i| crate::usecase::order(&i.title, &i.slug));
    // Problems with the documents are the full read's to report.
    Ok(view(
        store,
        snapshot.config,
        snapshot.commit.into(),
        items,
        Vec::new(),
        true,
    ))
}

/// The workspace view of `snapshot` with its overview rows.
fn view(
    store: &Store,
    config: WorkspaceConfig,
    head: CommitId,
    items: Vec<Item>,
    problems: Vec<String>,
    refreshing: bool,
) -> WorkspaceView {
    WorkspaceView {
        name: config.name.clone(),
        branch: store.branch_short(),
        identity: identity(store),
        head,
        git_dir: store.repo().path().to_path_buf(),
        config,
        items,
        problems,
        refreshing,
        // Not on the first look: counting commits against the remote and
        // diffing its tree would hold up the first frame; the full read has it.
        sync: match refreshing {
            true => None,
            false => crate::usecase::sync_state(store).ok().flatten(),
        },
    }
}

fn identity(store: &Store) -> String {
    match store.identity() {
        Ok(sig) => format!("{} <{}>", sig.name().unwrap_or("?"), sig.email().unwrap_or("?")),
        Err(_) => crate::lang::t(crate::lang::Msg::NoIdentityShort).into(),
    }
}

/// Reads the latest draft of a document for the editor.
pub fn open(store: &Store, slug: &Slug) -> Result<OpenedDocument, Failed> {
    crate::usecase::open(store, slug).map_err(failed)
}

/// Saves the editor's text as a new draft made against `base`.
pub fn save(
    store: &Store,
    slug: &Slug,
    base: CommitId,
    text: &str,
    message: &str,
) -> Result<SavedDraft, Failed> {
    let source = paths::document(slug);
    let request = crate::usecase::SaveRequest {
        slug,
        text: text.as_bytes(),
        base: Some(base),
        message,
        source: &source,
    };
    crate::usecase::save(store, &request).map_err(failed)
}

/// The drafts of a document with their labels (tags on their commits) and
/// the bodies' decisions on them.
pub fn history(store: &Store, slug: &Slug) -> Result<Vec<HistoryEntry>, Failed> {
    let drafts = crate::usecase::history(store, slug).map_err(failed)?;
    Ok(drafts
        .into_iter()
        .map(|h| HistoryEntry {
            number: h.draft.number,
            commit: h.draft.commit.into(),
            date: h.draft.time.strftime("%Y-%m-%d %H:%M").to_string(),
            author: h.draft.author,
            summary: h.draft.summary,
            labels: h.labels,
            recorded: h.draft.recorded,
            decisions: h
                .decisions
                .iter()
                .map(|(body, outcome)| format!("{body} {}", outcome.symbol()))
                .collect(),
        })
        .collect())
}

/// How long a word diff may take before it is shown as approximate.
const DIFF_BUDGET: std::time::Duration = std::time::Duration::from_millis(300);

/// The sides of a diff request.
fn sides<'a>(key: &DiffKey, to_text: Option<&'a str>) -> (Side<'a>, Side<'a>) {
    let from = key.from.map_or(Side::Empty, Side::Commit);
    let to = match to_text {
        Some(text) => Side::Edited { base: key.to, text },
        None => Side::Commit(key.to),
    };
    (from, to)
}

/// Reads both versions and compares them.
pub fn compute_diff(store: &Store, request: &DiffRequest) -> Result<ComputedDiff, Failed> {
    let (from, to) = sides(&request.key, request.to_text.as_deref());
    let c = crate::usecase::compare(store, &request.key.slug, from, to, DIFF_BUDGET).map_err(failed)?;
    Ok(ComputedDiff {
        from_label: request.from_label.clone(),
        to_label: request.to_label.clone(),
        old: c.old.text,
        new: c.new.text,
        diff: c.diff,
        sections: c.sections,
        actions: c.actions,
        details: c.details,
    })
}

/// Places the document's open threads on both texts of a diff.
pub fn diff_threads(store: &Store, key: &DiffKey, to_text: Option<&str>) -> Result<DiffThreads, Failed> {
    let (from, to) = sides(key, to_text);
    crate::usecase::thread_marks(store, &key.slug, from, to).map_err(failed)
}

/// A draft found before its number is known, as a row of the history.
pub fn found_entry(found: &crate::store::FoundDraft) -> (String, HistoryEntry) {
    let entry = HistoryEntry {
        number: 0,
        commit: found.commit.into(),
        date: found.time.strftime("%Y-%m-%d %H:%M").to_string(),
        author: found.author.to_string(),
        summary: found.summary.clone(),
        labels: Vec::new(),
        recorded: None,
        decisions: Vec::new(),
    };
    (found.slug.to_string(), entry)
}
