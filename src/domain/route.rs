//! An approval route: steps in order, each one body or a set of bodies that
//! treat the draft in parallel (`DIR, {FOU BFU SOS}, ØKE, BYR`).
//!
//! In a TOML file a route is an array whose entries are a body's id or an
//! array of ids (`["DIR", ["FOU", "BFU", "SOS"], "ØKE", "BYR"]`); a route of
//! single bodies is written as before, so older files read unchanged and a
//! route without parallel steps still reads in older versions of udkast.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize, Serializer};
use toml::Spanned;

use super::error::BadValue;
use super::workspace::BodyId;
use crate::lang::{ErrMsg, t, tf};

/// The steps of a route; no step is empty and no body is in two.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Route(Vec<Vec<BodyId>>);

impl Route {
    /// One body after another.
    pub fn sequential(bodies: impl IntoIterator<Item = BodyId>) -> Route {
        Route(bodies.into_iter().map(|b| vec![b]).collect())
    }

    /// The route of these steps, empty ones left out; a body in two is refused.
    pub fn from_steps(steps: Vec<Vec<BodyId>>) -> Result<Route, BadValue> {
        let mut seen = HashSet::new();
        for body in steps.iter().flatten() {
            if !seen.insert(body) {
                return Err(BadValue::RepeatedBody(body.0.clone()));
            }
        }
        Ok(Route(steps.into_iter().filter(|s| !s.is_empty()).collect()))
    }

    pub fn steps(&self) -> &[Vec<BodyId>] {
        &self.0
    }

    /// Every body of the route, step by step.
    pub fn bodies(&self) -> impl Iterator<Item = &BodyId> {
        self.0.iter().flatten()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, body: &BodyId) -> bool {
        self.bodies().any(|b| b == body)
    }

    /// The index of the step `body` is in.
    pub fn step_of(&self, body: &BodyId) -> Option<usize> {
        self.0.iter().position(|step| step.contains(body))
    }

    /// The bodies whose approval makes an approved version: the last step's.
    pub fn last_step(&self) -> &[BodyId] {
        self.0.last().map_or(&[], Vec::as_slice)
    }

    /// Whether some step has more than one body.
    pub fn has_parallel_step(&self) -> bool {
        self.0.iter().any(|step| step.len() > 1)
    }

    /// The route someone typed (`--route`, `udkast route`): steps apart by
    /// commas or spaces, a parallel step in braces (`{FOU BFU SOS}`) or
    /// joined by `+` (`FOU+BFU+SOS`, which needs no quoting in a shell); ids
    /// in any case, empty entries taken as meant. `known` are the
    /// workspace's body ids; an unknown or repeated body is refused.
    pub fn parse_typed(typed: &[String], known: &HashSet<String>) -> Result<Route, BadValue> {
        let text = typed.join(",");
        let mut steps: Vec<Vec<String>> = Vec::new();
        let mut group: Option<Vec<String>> = None;
        let mut join_next = false;
        let mut word = String::new();
        // A trailing separator ends the last word.
        for c in text.chars().chain([',']) {
            let separator = c == ',' || c == '{' || c == '}' || c == '+' || c.is_whitespace();
            if !separator {
                word.push(c);
                continue;
            }
            if !word.is_empty() {
                let id = std::mem::take(&mut word);
                match (&mut group, join_next) {
                    (Some(g), _) => g.push(id),
                    (None, true) => steps.last_mut().expect("a + follows a step").push(id),
                    (None, false) => steps.push(vec![id]),
                }
                join_next = false;
            }
            match c {
                '{' if group.is_some() => return Err(BadValue::RouteSyntax(ErrMsg::RouteBraceInBraces)),
                '{' if join_next => return Err(BadValue::RouteSyntax(ErrMsg::RoutePlusBeforeBrace)),
                '{' => group = Some(Vec::new()),
                '}' => match group.take() {
                    None => return Err(BadValue::RouteSyntax(ErrMsg::RouteCloseWithoutOpen)),
                    Some(g) if g.is_empty() => return Err(BadValue::RouteSyntax(ErrMsg::RouteEmptyBraces)),
                    Some(g) => steps.push(g),
                },
                '+' if group.is_some() => {}
                '+' if steps.is_empty() || join_next => {
                    return Err(BadValue::RouteSyntax(ErrMsg::RoutePlusNoBodyBefore));
                }
                '+' => join_next = true,
                _ => {}
            }
        }
        if group.is_some() {
            return Err(BadValue::RouteSyntax(ErrMsg::RouteOpenWithoutClose));
        }
        if join_next {
            return Err(BadValue::RouteSyntax(ErrMsg::RoutePlusNoBodyAfter));
        }
        let mut seen = HashSet::new();
        let mut route = Vec::with_capacity(steps.len());
        for step in steps {
            let mut bodies = Vec::with_capacity(step.len());
            for typed in step {
                let id = typed.to_uppercase();
                if !known.contains(&id) {
                    return Err(unknown_body(&typed, t(ErrMsg::FieldTheRoute), known));
                }
                if !seen.insert(id.clone()) {
                    return Err(BadValue::RepeatedBody(id));
                }
                bodies.push(BodyId(id));
            }
            route.push(bodies);
        }
        if route.is_empty() {
            return Err(BadValue::EmptyField(t(ErrMsg::FieldTheRoute)));
        }
        Ok(Route(route))
    }
}

/// `DIR → {FOU BFU SOS} → ØKE → BYR`; `none` for an empty route.
impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("none");
        }
        for (i, step) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" → ")?;
            }
            match step.as_slice() {
                [one] => write!(f, "{one}")?,
                many => {
                    let ids: Vec<&str> = many.iter().map(|b| b.0.as_str()).collect();
                    write!(f, "{{{}}}", ids.join(" "))?;
                }
            }
        }
        Ok(())
    }
}

/// A single body as its id, a parallel step as an array of ids.
impl Serialize for Route {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(untagged)]
        enum Step<'a> {
            One(&'a BodyId),
            Many(&'a [BodyId]),
        }
        serializer.collect_seq(self.0.iter().map(|step| match step.as_slice() {
            [one] => Step::One(one),
            many => Step::Many(many),
        }))
    }
}

/// A step as a file has it: an id, or an array of ids.
pub(super) enum RawStep {
    One(String),
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for RawStep {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<RawStep, D::Error> {
        let wrong = || serde::de::Error::custom(t(ErrMsg::RouteStepShape));
        match toml::Value::deserialize(deserializer)? {
            toml::Value::String(id) => Ok(RawStep::One(id)),
            toml::Value::Array(ids) => ids
                .into_iter()
                .map(|id| match id {
                    toml::Value::String(id) => Ok(id),
                    _ => Err(wrong()),
                })
                .collect::<Result<_, _>>()
                .map(RawStep::Many),
            _ => Err(wrong()),
        }
    }
}

/// Checks a route read from a file: each body exists and none repeats, no
/// step is empty; on error the span of the offending step, so the caller
/// can point at its line.
pub(super) fn check_route(
    route: &[Spanned<RawStep>],
    field: &'static str,
    known: &HashSet<String>,
) -> Result<Route, (std::ops::Range<usize>, String)> {
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(route.len());
    for entry in route {
        let ids: &[String] = match entry.get_ref() {
            RawStep::One(id) => std::slice::from_ref(id),
            RawStep::Many(ids) => ids,
        };
        if ids.is_empty() {
            return Err((entry.span(), tf(ErrMsg::RouteStepEmpty, &[("field", &field)])));
        }
        let mut step = Vec::with_capacity(ids.len());
        for id in ids {
            if !known.contains(id) {
                return Err((entry.span(), unknown_body(id, field, known).to_string()));
            }
            if !seen.insert(id) {
                return Err((
                    entry.span(),
                    tf(ErrMsg::BodyTwiceIn, &[("id", id), ("field", &field)]),
                ));
            }
            step.push(BodyId(id.clone()));
        }
        out.push(step);
    }
    Ok(Route(out))
}

pub(super) fn unknown_body(id: &str, field: &'static str, known: &HashSet<String>) -> BadValue {
    let mut known: Vec<String> = known.iter().cloned().collect();
    known.sort_unstable();
    BadValue::UnknownBody {
        id: id.into(),
        field,
        known,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> HashSet<String> {
        ["DIR", "FOU", "BFU", "SOS", "ØKE", "BYR"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn typed(args: &[&str]) -> Result<Route, BadValue> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        Route::parse_typed(&args, &known())
    }

    fn shown(args: &[&str]) -> String {
        typed(args).map_or_else(|e| format!("error: {e}"), |r| r.to_string())
    }

    #[test]
    fn parallel_steps_as_people_type_them() {
        let want = "DIR → {FOU BFU SOS} → ØKE → BYR";
        assert_eq!(shown(&["DIR, {FOU BFU SOS}, ØKE, BYR"]), want);
        assert_eq!(shown(&["dir,{fou,bfu,sos},øke,byr"]), want);
        assert_eq!(shown(&["DIR", "FOU+BFU+SOS", "ØKE", "BYR"]), want);
        assert_eq!(shown(&["DIR", "fou + bfu +sos", "ØKE", "BYR"]), want);
        // As a shell splits it unquoted: `udkast route s DIR {FOU BFU SOS} ØKE BYR`.
        assert_eq!(shown(&["DIR", "{FOU", "BFU", "SOS}", "ØKE", "BYR"]), want);
        assert_eq!(shown(&["DIR ØKE BYR"]), "DIR → ØKE → BYR");
        assert_eq!(shown(&["{DIR}, BYR"]), "DIR → BYR");
        assert_eq!(shown(&["dir,", "", "BYR"]), "DIR → BYR");
    }

    #[test]
    fn a_route_typed_wrong_says_how() {
        assert_eq!(
            shown(&["DIR, {FOU BFU"]),
            "error: the route has a { without its }"
        );
        assert_eq!(shown(&["DIR, FOU}"]), "error: the route has a } without its {");
        assert_eq!(shown(&["DIR, {}"]), "error: the route has empty braces");
        assert_eq!(shown(&["{DIR {FOU}}"]), "error: the route has a { inside braces");
        assert_eq!(
            shown(&["+DIR"]),
            "error: the route has a + without a body before it"
        );
        assert_eq!(
            shown(&["DIR+"]),
            "error: the route has a + without a body after it"
        );
        assert_eq!(
            shown(&["DIR++FOU"]),
            "error: the route has a + without a body before it"
        );
        assert_eq!(
            shown(&["DIR, {FOU dir}"]),
            "error: body \"DIR\" is twice in the route"
        );
        assert_eq!(shown(&[" , "]), "error: the route is empty");
        assert!(shown(&["DIR, {FOU XYZ}"]).contains("unknown body \"XYZ\" in the route"));
    }

    #[test]
    fn steps_bodies_and_the_last_step() {
        let route = typed(&["DIR, {FOU BFU}, {ØKE BYR}"]).unwrap();
        assert_eq!(route.steps().len(), 3);
        assert_eq!(route.bodies().count(), 5);
        assert_eq!(route.step_of(&BodyId("BFU".into())), Some(1));
        assert_eq!(route.step_of(&BodyId("SOS".into())), None);
        assert_eq!(route.last_step().len(), 2);
        assert!(route.has_parallel_step());
        assert!(Route::default().last_step().is_empty());
        assert_eq!(Route::default().to_string(), "none");
    }

    #[test]
    fn a_step_of_the_wrong_shape_says_what_a_step_is() {
        #[derive(Deserialize)]
        struct File {
            #[allow(dead_code)]
            route: Vec<RawStep>,
        }
        for text in ["route = [\"DIR\", [[\"FOU\"]]]", "route = [\"DIR\", 3]"] {
            let err = toml::from_str::<File>(text).err().unwrap().to_string();
            assert!(
                err.contains("a step of a route is a body's id or an array of ids"),
                "{err}"
            );
        }
        assert!(toml::from_str::<File>("route = [\"DIR\", [\"FOU\", \"BFU\"]]").is_ok());
    }

    #[test]
    fn a_single_body_is_written_as_before_and_a_parallel_step_as_an_array() {
        #[derive(Serialize)]
        struct File {
            route: Route,
        }
        let file = |args: &[&str]| {
            toml::to_string(&File {
                route: typed(args).unwrap(),
            })
            .unwrap()
        };
        assert_eq!(file(&["DIR, ØKE"]), "route = [\"DIR\", \"ØKE\"]\n");
        assert_eq!(
            file(&["DIR, {FOU BFU}, BYR"]),
            "route = [\"DIR\", [\"FOU\", \"BFU\"], \"BYR\"]\n"
        );
    }
}
