//! The work-plan diff: actions matched by id, compared field by field, and a
//! one-line English description of each change for the CLI and the UI.
//!
//! Ids are stable across drafts (the domain validates them as unique), so pairing
//! by id is exact; a title is just another field. A reorder is reported as
//! [`ActionChange::Moved`] only for the actions that really changed place: the
//! largest set of shared actions whose relative order is unchanged stays put, so
//! adding or removing an action does not "move" everything after it.

use crate::lang::{Msg, t, tf};
use std::collections::HashMap;

use serde::Serialize;

use crate::domain::{Action, ActionStatus};

/// Work-plan diff by action id and field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionChange {
    Added {
        id: u32,
        title: String,
    },
    Removed {
        id: u32,
        title: String,
    },
    Changed {
        id: u32,
        title: String,
        fields: Vec<FieldChange>,
    },
    /// Position in the list changed (0-based indices into the old and new lists),
    /// only when order changed beyond shifts caused by adds and removes.
    Moved {
        id: u32,
        title: String,
        from: usize,
        to: usize,
    },
}

/// One field of an action that changed; an unset optional field is "".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// One of "title", "owner", "due", "status", "budget", "sections".
    pub field: &'static str,
    pub old: String,
    pub new: String,
}

/// Changes in the order of the new list; a removed action comes right after the
/// action that preceded it in the old list. An action both edited and moved gets a
/// Changed and a Moved entry.
pub fn workplan(old: &[Action], new: &[Action]) -> Vec<ActionChange> {
    let old_pos: HashMap<u32, usize> = old.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
    let new_ids: HashMap<u32, usize> = new.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
    let shared: Vec<usize> = new.iter().filter_map(|a| old_pos.get(&a.id).copied()).collect();
    let staying = increasing_subsequence(&shared);

    // Removed actions, keyed by the new index of the nearest kept predecessor.
    let mut removed_after: Vec<Vec<&Action>> = vec![Vec::new(); new.len() + 1];
    let mut anchor = 0;
    for action in old {
        match new_ids.get(&action.id) {
            Some(&j) => anchor = j + 1,
            None => removed_after[anchor].push(action),
        }
    }
    let removed = |a: &Action| ActionChange::Removed {
        id: a.id,
        title: a.title.clone(),
    };

    let mut out: Vec<ActionChange> = removed_after[0].iter().map(|a| removed(a)).collect();
    for (j, action) in new.iter().enumerate() {
        match old_pos.get(&action.id) {
            None => out.push(ActionChange::Added {
                id: action.id,
                title: action.title.clone(),
            }),
            Some(&i) => {
                let fields = fields(&old[i], action);
                if !fields.is_empty() {
                    out.push(ActionChange::Changed {
                        id: action.id,
                        title: action.title.clone(),
                        fields,
                    });
                }
                if !staying.contains(&i) {
                    out.push(ActionChange::Moved {
                        id: action.id,
                        title: action.title.clone(),
                        from: i,
                        to: j,
                    });
                }
            }
        }
        out.extend(removed_after[j + 1].iter().map(|a| removed(a)));
    }
    out
}

fn fields(old: &Action, new: &Action) -> Vec<FieldChange> {
    let date = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let pairs = [
        ("title", old.title.clone(), new.title.clone()),
        ("owner", old.owner.clone(), new.owner.clone()),
        ("due", date(old.due), date(new.due)),
        ("status", old.status.as_str().into(), new.status.as_str().into()),
        (
            "budget",
            old.budget.clone().unwrap_or_default(),
            new.budget.clone().unwrap_or_default(),
        ),
        ("sections", old.sections.join(", "), new.sections.join(", ")),
    ];
    pairs
        .into_iter()
        .filter(|(_, old, new)| old != new)
        .map(|(field, old, new)| FieldChange { field, old, new })
        .collect()
}

/// The values (old positions, in new order) that lie on one longest increasing
/// subsequence: the actions that kept their relative order. O(n log n).
fn increasing_subsequence(values: &[usize]) -> std::collections::HashSet<usize> {
    // tails[k]: index into `values` of the smallest tail of an increasing run of length k+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; values.len()];
    for (i, &v) in values.iter().enumerate() {
        let k = tails.partition_point(|&t| values[t] < v);
        prev[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut keep = std::collections::HashSet::new();
    let mut at = tails.last().copied();
    while let Some(i) = at {
        keep.insert(values[i]);
        at = prev[i];
    }
    keep
}

/// One line in the thread's language for the CLI and the UI, e.g. `action 3
/// "Varmeplan": owner changed from "Plan og Byg" to "Teknik og Miljø"; due
/// moved from 2025-09-30 to 2025-12-31`. Positions are 1-based here, as a
/// reader counts them.
pub fn describe(change: &ActionChange) -> String {
    let head = |id: &u32, title: &str| tf(Msg::WpAction, &[("id", id), ("title", &quote(title))]);
    match change {
        ActionChange::Added { id, title } => tf(Msg::WpAdded, &[("head", &head(id, title))]),
        ActionChange::Removed { id, title } => tf(Msg::WpRemoved, &[("head", &head(id, title))]),
        ActionChange::Moved { id, title, from, to } => tf(
            Msg::WpMoved,
            &[
                ("head", &head(id, title)),
                ("from", &(from + 1)),
                ("to", &(to + 1)),
            ],
        ),
        ActionChange::Changed { id, title, fields } => {
            let parts: Vec<String> = fields.iter().map(describe_field).collect();
            format!("{}: {}", head(id, title), parts.join("; "))
        }
    }
}

fn describe_field(f: &FieldChange) -> String {
    // Dates and statuses read better bare, as the language writes them;
    // free text is quoted so spaces are visible.
    let show = |v: &str| match f.field {
        "due" => crate::text::inert(&crate::lang::table_date(v)).into_owned(),
        "status" => match (crate::lang::current(), v.parse::<ActionStatus>()) {
            (crate::lang::Lang::Da, Ok(status)) => status.label_da().to_string(),
            _ => crate::text::inert(v).into_owned(),
        },
        _ => quote(v),
    };
    let name = t(match f.field {
        "title" => Msg::WpFieldTitle,
        "owner" => Msg::WpFieldOwner,
        "due" => Msg::WpFieldDue,
        "status" => Msg::WpFieldStatus,
        "budget" => Msg::WpFieldBudget,
        _ => Msg::WpFieldSections,
    });
    let changed = if f.field == "due" {
        Msg::WpDueMoved
    } else {
        Msg::WpChanged
    };
    match (f.old.is_empty(), f.new.is_empty()) {
        (true, false) => tf(Msg::WpSet, &[("name", &name), ("value", &show(&f.new))]),
        (false, true) => tf(Msg::WpFieldRemoved, &[("name", &name), ("value", &show(&f.old))]),
        _ => tf(
            changed,
            &[("name", &name), ("old", &show(&f.old)), ("new", &show(&f.new))],
        ),
    }
}

/// Double-quoted, with control characters made visible so a title cannot move the
/// cursor of the terminal that prints it.
fn quote(text: &str) -> String {
    format!("\"{}\"", crate::text::inert(text).replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn action(id: u32, title: &str) -> Action {
        Action {
            id,
            title: title.into(),
            owner: "Plan og Byg".into(),
            due: Some(date(2025, 9, 30)),
            status: ActionStatus::Planned,
            budget: None,
            sections: vec!["2.1".into()],
        }
    }

    fn plan(ids: &[u32]) -> Vec<Action> {
        ids.iter()
            .map(|&id| action(id, &format!("Indsats {id}")))
            .collect()
    }

    fn described(old: &[Action], new: &[Action]) -> Vec<String> {
        workplan(old, new).iter().map(describe).collect()
    }

    #[test]
    fn unchanged_plans_have_no_changes() {
        assert_eq!(workplan(&plan(&[1, 2, 3]), &plan(&[1, 2, 3])), []);
    }

    #[test]
    fn added_and_removed_actions_do_not_move_the_others() {
        assert_eq!(
            described(&plan(&[1, 2, 3, 4]), &plan(&[1, 5, 3, 4, 6])),
            [
                r#"action 2 "Indsats 2": removed"#,
                r#"action 5 "Indsats 5": added"#,
                r#"action 6 "Indsats 6": added"#,
            ]
        );
    }

    #[test]
    fn a_reordered_action_is_moved_and_only_it() {
        let changes = workplan(&plan(&[1, 2, 3, 4, 5]), &plan(&[1, 3, 4, 2, 5]));
        assert_eq!(
            changes,
            [ActionChange::Moved {
                id: 2,
                title: "Indsats 2".into(),
                from: 1,
                to: 3
            }]
        );
        assert_eq!(
            describe(&changes[0]),
            r#"action 2 "Indsats 2": moved from position 2 to 4"#
        );
        // Moving the last action to the front moves one action, not four.
        assert_eq!(
            workplan(&plan(&[1, 2, 3, 4, 5]), &plan(&[5, 1, 2, 3, 4])).len(),
            1
        );
    }

    #[test]
    fn edited_fields_are_listed_and_described() {
        let old = vec![action(3, "Varmeplan")];
        let mut edited = old[0].clone();
        edited.owner = "Teknik og Miljø".into();
        edited.due = Some(date(2025, 12, 31));
        let new = vec![edited.clone()];
        assert_eq!(
            described(&old, &new),
            [
                r#"action 3 "Varmeplan": owner changed from "Plan og Byg" to "Teknik og Miljø"; due moved from 2025-09-30 to 2025-12-31"#
            ]
        );

        edited.status = ActionStatus::InProgress;
        edited.budget = Some("1,5 mio. kr.".into());
        edited.sections = vec!["2.1".into(), "3.4".into()];
        edited.title = "Varmeplan 2030".into();
        edited.due = None;
        let changes = workplan(&old, &[edited]);
        let ActionChange::Changed { fields, title, .. } = &changes[0] else {
            panic!("expected a change, got {changes:?}");
        };
        assert_eq!(title, "Varmeplan 2030");
        let names: Vec<&str> = fields.iter().map(|f| f.field).collect();
        assert_eq!(names, ["title", "owner", "due", "status", "budget", "sections"]);
        assert_eq!(
            describe(&changes[0]),
            "action 3 \"Varmeplan 2030\": title changed from \"Varmeplan\" to \"Varmeplan 2030\"; \
             owner changed from \"Plan og Byg\" to \"Teknik og Miljø\"; due removed (was 2025-09-30); \
             status changed from planned to in-progress; budget set to \"1,5 mio. kr.\"; \
             sections changed from \"2.1\" to \"2.1, 3.4\""
        );
    }

    #[test]
    fn an_edited_and_moved_action_reports_both() {
        let old = plan(&[1, 2, 3]);
        let mut new = plan(&[2, 3, 1]);
        new[2].owner = "Borgerservice".into();
        let kinds: Vec<&str> = workplan(&old, &new)
            .iter()
            .map(|c| match c {
                ActionChange::Changed { .. } => "changed",
                ActionChange::Moved { .. } => "moved",
                _ => "other",
            })
            .collect();
        assert_eq!(kinds, ["changed", "moved"]);
    }

    #[test]
    fn descriptions_are_safe_to_print() {
        let change = ActionChange::Added {
            id: 9,
            title: "Sti \"nord\"\x1b[2J".into(),
        };
        let text = describe(&change);
        assert!(!text.contains('\x1b'), "{text}");
        assert!(text.contains(r#"\"nord\""#), "{text}");
    }

    #[test]
    fn changes_serialize_in_kebab_case() {
        let change = workplan(&plan(&[1]), &[]);
        let json = serde_json::to_string(&change).unwrap_or_default();
        assert_eq!(json, r#"[{"removed":{"id":1,"title":"Indsats 1"}}]"#);
    }
}
