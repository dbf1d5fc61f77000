//! Round trips of every file format, and property tests that any valid
//! workspace written through the store and read back is equal.

use git2::Signature;
use proptest::prelude::*;
use udkast::domain::{
    Action, ActionStatus, Body, BodyId, BodyKind, Decision, Kind, Outcome, Person, Roles, Route, Slug,
    StrategyMeta, WorkspaceConfig, paths,
};
use udkast::store::{Change, Store};

fn text() -> impl Strategy<Value = String> {
    // Danish letters, quotes, tabs-free one-line text; TOML must escape what it needs.
    "[A-Za-zÆØÅæøå0-9 ,.«»\"'\\\\–—#=\\[\\]]{1,30}".prop_filter("not blank", |s| !s.trim().is_empty())
}

fn body_kind() -> impl Strategy<Value = BodyKind> {
    prop_oneof![
        Just(BodyKind::Administrative),
        Just(BodyKind::Committee),
        Just(BodyKind::TaskCommittee),
        Just(BodyKind::Council),
        Just(BodyKind::Other)
    ]
}

fn config() -> impl Strategy<Value = WorkspaceConfig> {
    let bodies = prop::collection::btree_map("[A-ZÆØÅ][A-ZÆØÅ0-9]{1,7}", (text(), body_kind()), 1..8);
    (
        bodies,
        text(),
        prop::collection::vec("[a-z]{1,8}@[a-z]{1,8}\\.dk", 0..3),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(bodies, name, leads, pick)| {
            let bodies: Vec<Body> = bodies
                .into_iter()
                .map(|(id, (name, kind))| Body {
                    id: BodyId(id),
                    name,
                    kind,
                })
                .collect();
            let route_len = pick.index(bodies.len()) + 1;
            WorkspaceConfig {
                format: 1,
                name,
                language: "da".into(),
                default_route: Route::sequential(bodies.iter().take(route_len).map(|b| b.id.clone())),
                roles: Roles {
                    leads,
                    ..Roles::default()
                },
                bodies,
            }
        })
}

fn status() -> impl Strategy<Value = ActionStatus> {
    prop_oneof![
        Just(ActionStatus::Planned),
        Just(ActionStatus::InProgress),
        Just(ActionStatus::Done),
        Just(ActionStatus::Paused),
        Just(ActionStatus::Cancelled)
    ]
}

fn action() -> impl Strategy<Value = Action> {
    (
        text(),
        text(),
        prop::option::of((2000i16..2100, 1i8..=12, 1i8..=28)),
        status(),
        prop::option::of(text()),
        prop::collection::vec(text(), 0..3),
    )
        .prop_map(|(title, owner, due, status, budget, sections)| Action {
            id: 0,
            title,
            owner,
            due: due.map(|(y, m, d)| jiff::civil::date(y, m, d)),
            status,
            budget,
            sections,
        })
}

fn meta(config: &WorkspaceConfig) -> impl Strategy<Value = StrategyMeta> + use<> {
    let ids: Vec<BodyId> = config.bodies.iter().map(|b| b.id.clone()).collect();
    let kind = prop_oneof![Just(Kind::Strategy), Just(Kind::Workplan), Just(Kind::Charter)];
    (
        text(),
        kind,
        prop::option::of((
            prop::sample::subsequence(ids.clone(), 0..=ids.len()),
            prop::collection::vec(1usize..=3, 1..4),
        )),
        prop::option::of(text()),
        prop::collection::vec(action(), 0..5),
    )
        .prop_map(|(title, kind, route, summary, actions)| StrategyMeta {
            format: 1,
            title,
            kind,
            // Cut into steps of the sizes drawn, in turn: parallel steps among single ones.
            route: route.map(|(ids, sizes)| {
                let mut steps = Vec::new();
                let mut rest = ids.as_slice();
                for size in sizes.iter().cycle() {
                    if rest.is_empty() {
                        break;
                    }
                    let (step, after) = rest.split_at((*size).min(rest.len()));
                    steps.push(step.to_vec());
                    rest = after;
                }
                Route::from_steps(steps).unwrap()
            }),
            summary,
            actions: if kind == Kind::Workplan {
                actions
                    .into_iter()
                    .enumerate()
                    .map(|(i, a)| Action {
                        id: i as u32 + 1,
                        ..a
                    })
                    .collect()
            } else {
                Vec::new()
            },
        })
}

fn document() -> impl Strategy<Value = String> {
    // Real documents: CRLF, tabs, NBSP, decomposed letters, long lines.
    prop::collection::vec(
        prop_oneof![
            "[a-zæøå ]{0,40}",
            Just("\r".to_string()),
            Just("\t".into()),
            Just("\u{a0}".into()),
            Just("a\u{30a}".into()),
            "[x]{300,600}"
        ],
        0..40,
    )
    .prop_map(|parts| parts.join("\n"))
}

fn decision() -> impl Strategy<Value = Decision> {
    (
        (
            "[A-ZÆØÅ][A-ZÆØÅ0-9]{0,7}",
            1u32..500,
            "[0-9a-f]{40}",
            prop::sample::select(Outcome::ALL.to_vec()),
        ),
        (2000i16..2100, 1i8..=12, 1i8..=28, 0i64..4_000_000_000),
        (prop::option::of(text()), prop::option::of(text())),
        // Free text may span lines and hold tabs and quotes.
        prop::option::of(prop::collection::vec(text(), 1..4).prop_map(|l| l.join("\n\t"))),
        (text(), "[a-z]{1,8}@[a-z]{1,8}\\.dk"),
    )
        .prop_map(
            |((body, draft, commit, outcome), (y, m, d, secs), (item, case), text, (name, email))| {
                let recorded_at = jiff::Timestamp::from_second(secs).unwrap();
                Decision {
                    id: Decision::new_id(recorded_at),
                    format: 1,
                    body: BodyId(body),
                    draft,
                    commit,
                    outcome,
                    meeting: jiff::civil::date(y, m, d),
                    item,
                    case,
                    text,
                    recorded_at,
                    recorded_by: Person { name, email },
                    recommendation: None,
                    changes_owed: Vec::new(),
                    withdraws: None,
                }
            },
        )
}

fn workspace() -> impl Strategy<Value = (WorkspaceConfig, Vec<(StrategyMeta, String)>)> {
    config().prop_flat_map(|config| {
        let docs = prop::collection::vec((meta(&config), document()), 0..4);
        (Just(config), docs)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn config_round_trips(config in config()) {
        prop_assert_eq!(WorkspaceConfig::parse(&config.to_toml()).unwrap(), config);
    }

    #[test]
    fn strategy_meta_round_trips((config, meta) in config().prop_flat_map(|c| { let m = meta(&c); (Just(c), m) })) {
        let parsed = StrategyMeta::parse("strategy.toml", &meta.to_toml(), &config).unwrap();
        prop_assert_eq!(parsed, meta);
    }

    #[test]
    fn decision_round_trips(decision in decision()) {
        let file = format!("strategies/x/decisions/{}.toml", decision.id);
        let parsed = Decision::parse(&file, &decision.id, &decision.to_toml()).unwrap();
        prop_assert_eq!(parsed, decision);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn a_workspace_written_and_read_back_is_equal((config, docs) in workspace()) {
        let dir = tempfile::tempdir().unwrap();
        git2::Repository::init_opts(dir.path(), git2::RepositoryInitOptions::new().bare(true).initial_head("main")).unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut change = Change::default().put(paths::CONFIG, config.to_toml());
        for (i, (meta, text)) in docs.iter().enumerate() {
            let slug = Slug::parse(&format!("doc-{i}")).unwrap();
            change = change.put(paths::meta(&slug), meta.to_toml()).put(paths::document(&slug), text.as_str());
        }
        let sig = Signature::now("Prop", "prop@aaby.dk").unwrap();
        store.commit_change(None, &change, &sig, &|_, _| Ok("x".into())).unwrap();

        let snapshot = store.snapshot().unwrap();
        prop_assert!(snapshot.problems.is_empty(), "{:?}", snapshot.problems);
        prop_assert_eq!(&snapshot.config, &config);
        prop_assert_eq!(snapshot.strategies.len(), docs.len());
        for (entry, (meta, text)) in snapshot.strategies.iter().zip(&docs) {
            prop_assert_eq!(&entry.meta, meta);
            prop_assert_eq!(store.blob(entry.document).unwrap(), text.as_bytes());
        }
    }
}
