//! A work plan's actions changed without editing `strategy.toml` by hand:
//! added, edited and removed, each change a draft of the document, which the
//! work-plan diff of the history then shows field by field.

use jiff::civil::Date;

use super::Refused;
use crate::domain::{Action, ActionStatus, Kind, Slug, StrategyMeta};
use crate::lang::{CliMsg, ErrMsg, t, tf};
use crate::store::{CommitId, Store, StoreError};

/// The fields to give an action; `None` leaves a field as it is (or, for a
/// new action, empty: the owner is then the user, the status planned).
#[derive(Debug, Clone, Default)]
pub struct ActionFields {
    pub title: Option<String>,
    pub owner: Option<String>,
    /// `Some(None)` takes the due date away.
    pub due: Option<Option<Date>>,
    pub status: Option<ActionStatus>,
    /// `Some("")` takes the budget away.
    pub budget: Option<String>,
    pub sections: Option<Vec<String>>,
}

/// What to do with a work plan's actions.
#[derive(Debug, Clone)]
pub enum ActionChange {
    Add(ActionFields),
    Set(u32, ActionFields),
    Remove(u32),
}

/// The draft a change of actions made.
#[derive(Debug, Clone)]
pub struct ActionsChanged {
    pub slug: Slug,
    pub draft: u32,
    pub commit: CommitId,
    /// The action as it is now (as it was, when removed).
    pub action: Action,
    pub removed: bool,
}

impl ActionsChanged {
    /// What `udkast action` prints and the work-plan table's status line
    /// shows, in the thread's language.
    pub fn report(&self) -> String {
        tf(
            match self.removed {
                true => CliMsg::ActionRemoved,
                false => CliMsg::ActionSaved,
            },
            &[
                ("id", &self.action.id),
                ("slug", &self.slug),
                ("draft", &self.draft),
                ("commit", &crate::store::short(self.commit)),
                // Last, as a title may have braces of its own.
                ("title", &crate::text::inert(&self.action.title)),
            ],
        )
    }
}

/// The actions of a work plan at the head.
pub fn actions(store: &Store, slug: &Slug) -> Result<Vec<Action>, Refused> {
    let (_, entry) = store.entry(slug)?;
    Ok(entry.meta.actions)
}

/// Changes the actions of `slug`'s work plan as the next draft; `message`
/// defaults to one saying what changed.
pub fn change_actions(
    store: &Store,
    slug: &Slug,
    change: &ActionChange,
    message: Option<&str>,
) -> Result<ActionsChanged, Refused> {
    let (head, entry) = store.entry(slug)?;
    let mut meta = entry.meta.clone();
    if meta.kind != Kind::Workplan {
        return Err(bad(tf(
            ErrMsg::OnlyWorkPlanHasActions,
            &[("slug", slug), ("kind", &meta.kind)],
        )));
    }
    let author = store.identity()?;
    let find = |meta: &StrategyMeta, id: u32| -> Result<usize, StoreError> {
        meta.actions.iter().position(|a| a.id == id).ok_or_else(|| {
            let ids: Vec<String> = meta.actions.iter().map(|a| a.id.to_string()).collect();
            StoreError::BadInput(match ids.is_empty() {
                true => tf(ErrMsg::NoSuchActionNone, &[("slug", slug), ("id", &id)]),
                false => tf(
                    ErrMsg::NoSuchAction,
                    &[("slug", slug), ("id", &id), ("ids", &ids.join(", "))],
                ),
            })
        })
    };
    let (action, removed, said) = match change {
        ActionChange::Add(fields) => {
            let title = fields
                .title
                .clone()
                .ok_or_else(|| bad(t(ErrMsg::ActionNeedsTitle).into()))?;
            let mut action = Action {
                id: meta.actions.iter().map(|a| a.id).max().unwrap_or(0) + 1,
                title,
                owner: String::from_utf8_lossy(author.name_bytes()).into_owned(),
                due: None,
                status: ActionStatus::Planned,
                budget: None,
                sections: Vec::new(),
            };
            apply(&mut action, fields)?;
            meta.actions.push(action.clone());
            (action, false, "added")
        }
        ActionChange::Set(id, fields) => {
            let at = find(&meta, *id)?;
            let before = meta.actions[at].clone();
            apply(&mut meta.actions[at], fields)?;
            if meta.actions[at] == before {
                return Err(StoreError::Unchanged.into());
            }
            (meta.actions[at].clone(), false, "changed")
        }
        ActionChange::Remove(id) => {
            let at = find(&meta, *id)?;
            (meta.actions.remove(at), true, "removed")
        }
    };
    let message = match message {
        Some(m) if m.trim().is_empty() => return Err(Refused::EmptyMessage),
        Some(m) => m.to_string(),
        None => format!("Action {} {said}: {}", action.id, action.title),
    };
    let (commit, draft) = super::save_meta(store, (slug, head), &meta, &author, &message)?;
    Ok(ActionsChanged {
        slug: slug.clone(),
        draft,
        commit,
        action,
        removed,
    })
}

fn bad(message: String) -> Refused {
    StoreError::BadInput(message).into()
}

/// Gives `action` the fields given, each checked to be one line of text.
fn apply(action: &mut Action, fields: &ActionFields) -> Result<(), Refused> {
    // One line each; only the title may not be empty.
    let line = |what: &'static str, value: &str| -> Result<String, Refused> {
        let value = value.trim();
        if !value.is_empty() {
            crate::domain::check_line(what, value).map_err(|e| bad(e.to_string()))?;
        }
        Ok(value.to_string())
    };
    if let Some(title) = &fields.title {
        crate::domain::check_line(t(ErrMsg::FieldTheTitle), title.trim()).map_err(|e| bad(e.to_string()))?;
        action.title = title.trim().to_string();
    }
    if let Some(owner) = &fields.owner {
        action.owner = line(t(ErrMsg::FieldTheOwner), owner)?;
    }
    if let Some(due) = fields.due {
        action.due = due;
    }
    if let Some(status) = fields.status {
        action.status = status;
    }
    if let Some(budget) = &fields.budget {
        let budget = line(t(ErrMsg::FieldTheBudget), budget)?;
        action.budget = (!budget.is_empty()).then_some(budget);
    }
    if let Some(sections) = &fields.sections {
        action.sections = sections
            .iter()
            .map(|s| line(t(ErrMsg::FieldASection), s))
            .filter(|s| s.as_ref().map_or(true, |s| !s.is_empty()))
            .collect::<Result<_, _>>()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{Lang, set};

    /// The work-plan table's status line and `udkast action` say the same
    /// sentence, in the language the thread speaks.
    #[test]
    fn the_report_reads_in_the_threads_language() {
        let changed = ActionsChanged {
            slug: Slug::parse("klimaplan").unwrap(),
            draft: 4,
            commit: git2::Oid::ZERO_SHA1.into(),
            action: Action {
                id: 2,
                title: "Flere cykelstier".into(),
                owner: "Aisha Karimi".into(),
                due: None,
                status: ActionStatus::Planned,
                budget: None,
                sections: Vec::new(),
            },
            removed: false,
        };
        set(Lang::Da);
        let danish = changed.report();
        set(Lang::En);
        assert_eq!(
            danish,
            "Gemte handling 2 \"Flere cykelstier\" i klimaplan: udkast 4 (0000000)"
        );
        assert_eq!(
            changed.report(),
            "Saved action 2 \"Flere cykelstier\" of klimaplan: draft 4 (0000000)"
        );
    }
}
