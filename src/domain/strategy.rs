//! `strategy.toml`: a document's metadata (title, kind, route) and, for work
//! plans, its actions.

use std::collections::HashSet;
use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::route::{RawStep, check_route};
use super::workspace::check_format;
use super::{BadValue, Invalid, Route, WorkspaceConfig};
use crate::lang::{ErrMsg, t, tf};

/// What sort of document it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Strategy,
    Workplan,
    Charter,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Strategy => "strategy",
            Kind::Workplan => "workplan",
            Kind::Charter => "charter",
        })
    }
}

impl std::str::FromStr for Kind {
    type Err = BadValue;
    fn from_str(s: &str) -> Result<Kind, BadValue> {
        match s {
            "strategy" => Ok(Kind::Strategy),
            "workplan" => Ok(Kind::Workplan),
            "charter" => Ok(Kind::Charter),
            _ => Err(BadValue::Kind(s.into())),
        }
    }
}

/// Where a work-plan action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    Planned,
    InProgress,
    Done,
    Paused,
    Cancelled,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 5] = [
        ActionStatus::Planned,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Paused,
        ActionStatus::Cancelled,
    ];

    /// The word in `strategy.toml` and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Planned => "planned",
            ActionStatus::InProgress => "in-progress",
            ActionStatus::Done => "done",
            ActionStatus::Paused => "paused",
            ActionStatus::Cancelled => "cancelled",
        }
    }

    /// Its Danish word, as screens show it: `i gang`.
    pub fn label_da(self) -> &'static str {
        self.words_da()[0]
    }

    /// The Danish words taken for it, in lower case.
    fn words_da(self) -> &'static [&'static str] {
        match self {
            ActionStatus::Planned => &["planlagt", "ikke startet"],
            ActionStatus::InProgress => &["i gang", "igangsat", "i gang sat"],
            ActionStatus::Done => &["færdig", "udført", "afsluttet", "gennemført"],
            ActionStatus::Paused => &["sat på pause", "på pause", "pause"],
            ActionStatus::Cancelled => &["aflyst", "annulleret", "opgivet"],
        }
    }
}

/// A status as a person types it: the English word or a Danish one.
impl std::str::FromStr for ActionStatus {
    type Err = BadValue;
    fn from_str(s: &str) -> Result<ActionStatus, BadValue> {
        super::typed(
            s,
            &ActionStatus::ALL,
            ActionStatus::as_str,
            ActionStatus::words_da,
        )
        .ok_or_else(|| BadValue::ActionStatus(s.into()))
    }
}

/// An open action due within this many days is "due soon" on the overview.
pub const DUE_SOON_DAYS: i64 = 14;

/// Of the due dates of open actions, how many are past on `today`, and how
/// many fall within the next [`DUE_SOON_DAYS`].
pub fn due_counts(dues: &[Date], today: Date) -> (usize, usize) {
    let soon = today.saturating_add(jiff::Span::new().days(DUE_SOON_DAYS));
    (
        dues.iter().filter(|d| **d < today).count(),
        dues.iter().filter(|d| (today..=soon).contains(*d)).count(),
    )
}

/// One action of a work plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: u32,
    pub title: String,
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    pub status: ActionStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<String>,
}

/// The parsed and validated `strategy.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StrategyMeta {
    pub format: u32,
    pub title: String,
    pub kind: Kind,
    /// The approval route; `None` means the workspace's default route.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route: Option<Route>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(rename = "action", skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    format: Spanned<u32>,
    title: Spanned<String>,
    kind: Kind,
    route: Option<Vec<Spanned<RawStep>>>,
    summary: Option<String>,
    #[serde(default, rename = "action")]
    actions: Vec<Spanned<Action>>,
}

impl StrategyMeta {
    pub fn new(title: &str, kind: Kind, route: Option<Route>) -> StrategyMeta {
        StrategyMeta {
            format: super::FORMAT_VERSION,
            title: title.to_string(),
            kind,
            route,
            summary: None,
            actions: Vec::new(),
        }
    }

    /// Parses `text` as the `strategy.toml` at `file`, checking its route against
    /// the workspace's bodies.
    pub fn parse(file: &str, text: &str, config: &WorkspaceConfig) -> Result<StrategyMeta, Invalid> {
        let raw: RawMeta = toml::from_str(text).map_err(|e| Invalid::from_toml(file, text, &e))?;
        check_format(file, text, &raw.format)?;
        let at = |span: std::ops::Range<usize>, msg: String| Invalid::at_offset(file, text, span.start, msg);
        if raw.title.get_ref().trim().is_empty() {
            return Err(at(raw.title.span(), t(ErrMsg::TitleEmpty).into()));
        }
        if raw.title.get_ref().chars().any(char::is_control) {
            return Err(at(raw.title.span(), t(ErrMsg::TitleControl).into()));
        }
        let known: HashSet<String> = config.bodies.iter().map(|b| b.id.0.clone()).collect();
        let route = match &raw.route {
            Some(route) => Some(check_route(route, "route", &known).map_err(|(span, msg)| at(span, msg))?),
            None => None,
        };
        let mut ids = HashSet::new();
        for action in &raw.actions {
            let a = action.get_ref();
            if a.id == 0 {
                return Err(at(action.span(), t(ErrMsg::ActionIdsFromOne).into()));
            }
            if !ids.insert(a.id) {
                return Err(at(action.span(), tf(ErrMsg::DuplicateActionId, &[("id", &a.id)])));
            }
            if a.title.trim().is_empty() {
                return Err(at(action.span(), tf(ErrMsg::ActionEmptyTitle, &[("id", &a.id)])));
            }
        }
        if raw.kind != Kind::Workplan && !raw.actions.is_empty() {
            return Err(Invalid::new(
                file,
                tf(ErrMsg::OnlyWorkplanActions, &[("kind", &raw.kind)]),
            ));
        }
        Ok(StrategyMeta {
            format: *raw.format.get_ref(),
            title: raw.title.into_inner(),
            kind: raw.kind,
            route,
            summary: raw.summary,
            actions: raw.actions.into_iter().map(Spanned::into_inner).collect(),
        })
    }

    /// The due dates of the open actions (not done or cancelled).
    pub fn open_due_dates(&self) -> Vec<Date> {
        self.actions
            .iter()
            .filter(|a| !matches!(a.status, ActionStatus::Done | ActionStatus::Cancelled))
            .filter_map(|a| a.due)
            .collect()
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("metadata is plain strings, numbers, dates and arrays")
    }

    /// The route this document follows: its own, or the workspace default.
    pub fn effective_route<'a>(&'a self, config: &'a WorkspaceConfig) -> &'a Route {
        self.route.as_ref().unwrap_or(&config.default_route)
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn actions_overdue_and_due_soon() {
        let d = |y, m, day| jiff::civil::date(y, m, day);
        let today = d(2026, 11, 30);
        let dues = [
            d(2026, 11, 29),
            d(2026, 11, 30),
            d(2026, 12, 14),
            d(2026, 12, 15),
            d(2025, 1, 1),
        ];
        // Past: the 29th and 2025; soon: today up to 14 days on.
        assert_eq!(due_counts(&dues, today), (2, 2));
        assert_eq!(due_counts(&[], today), (0, 0));
    }

    use super::*;

    fn config() -> WorkspaceConfig {
        WorkspaceConfig::parse(
            "format = 1\nname = \"Åby\"\ndefault_route = [\"DIR\"]\n\
             [[body]]\nid = \"DIR\"\nname = \"Direktionen\"\nkind = \"administrative\"\n\
             [[body]]\nid = \"ØKE\"\nname = \"Økonomiudvalget\"\nkind = \"committee\"\n",
        )
        .unwrap()
    }

    const PLAN: &str = r#"format = 1
title = "Klimahandleplan 2025–2027"
kind = "workplan"
route = ["DIR", "ØKE"]

[[action]]
id = 1
title = "Energirenovering"
owner = "Ejendomscenteret"
due = "2026-12-31"
status = "in-progress"
budget = "5 mio. kr. årligt"
sections = ["Energi"]

[[action]]
id = 2
title = "Ladestandere"
owner = "Teknik og Miljø"
status = "planned"
"#;

    #[test]
    fn parses_a_workplan_and_round_trips() {
        let meta = StrategyMeta::parse("strategy.toml", PLAN, &config()).unwrap();
        assert_eq!(meta.actions.len(), 2);
        assert_eq!(meta.actions[0].due, Some(jiff::civil::date(2026, 12, 31)));
        assert_eq!(meta.actions[1].status, ActionStatus::Planned);
        let again = StrategyMeta::parse("strategy.toml", &meta.to_toml(), &config()).unwrap();
        assert_eq!(meta, again);
    }

    fn err(text: &str) -> String {
        StrategyMeta::parse("strategies/k/strategy.toml", text, &config())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn bad_metadata_names_file_and_line() {
        let e = err(&PLAN.replace(r#"["DIR", "ØKE"]"#, r#"["DIR", "BYR"]"#));
        assert!(
            e.starts_with("strategies/k/strategy.toml:4: unknown body \"BYR\""),
            "{e}"
        );
        let e = err(&PLAN.replace("id = 2", "id = 1"));
        assert!(
            e.starts_with("strategies/k/strategy.toml:15: duplicate action id 1"),
            "{e}"
        );
        assert!(err(&PLAN.replace("2026-12-31", "2026-13-31")).starts_with("strategies/k/strategy.toml:10:"));
        assert!(err(&PLAN.replace("\"planned\"", "\"someday\"")).starts_with("strategies/k/strategy.toml:"));
        assert!(err(&PLAN.replace("kind = \"workplan\"", "kind = \"charter\"")).contains("only a workplan"));
        assert!(err("format = 1\nkind = \"strategy\"\n").contains("missing field `title`"));
    }
}
