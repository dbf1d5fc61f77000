//! `udkast.toml`: the workspace configuration (format version, language, the
//! governing bodies, the default approval route and who the leads are).

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::route::{RawStep, check_route};
use super::{BadValue, FORMAT_VERSION, Invalid, Route};
use crate::lang::{ErrMsg, tf};

/// The id of a governing body as it appears on an agenda item: `DIR`, `ØKE`, `BYR`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BodyId(pub String);

impl BodyId {
    /// 1–12 characters, uppercase letters (Æ, Ø, Å included) and digits.
    pub fn check(s: &str) -> Result<(), BadValue> {
        let ok = (1..=12).contains(&s.chars().count())
            && s.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
        if ok {
            Ok(())
        } else {
            Err(BadValue::BodyId(s.into()))
        }
    }
}

impl fmt::Display for BodyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What sort of body it is; decides nothing yet but how it is presented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BodyKind {
    Administrative,
    Committee,
    TaskCommittee,
    Council,
    Other,
}

impl BodyKind {
    pub const ALL: [BodyKind; 5] = [
        BodyKind::Administrative,
        BodyKind::Committee,
        BodyKind::TaskCommittee,
        BodyKind::Council,
        BodyKind::Other,
    ];

    /// The word in `udkast.toml` and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            BodyKind::Administrative => "administrative",
            BodyKind::Committee => "committee",
            BodyKind::TaskCommittee => "task-committee",
            BodyKind::Council => "council",
            BodyKind::Other => "other",
        }
    }

    /// The Danish words taken for it, in lower case.
    fn words_da(self) -> &'static [&'static str] {
        match self {
            BodyKind::Administrative => &["administration", "direktion", "forvaltning"],
            BodyKind::Committee => &["udvalg", "stående udvalg", "fagudvalg"],
            BodyKind::TaskCommittee => &["opgaveudvalg", "§ 17, stk. 4-udvalg"],
            BodyKind::Council => &["byråd", "kommunalbestyrelse", "regionsråd"],
            BodyKind::Other => &["andet"],
        }
    }
}

/// A body's kind as a person types it: the English word or a Danish one.
impl std::str::FromStr for BodyKind {
    type Err = BadValue;
    fn from_str(s: &str) -> Result<BodyKind, BadValue> {
        super::typed(s, &BodyKind::ALL, BodyKind::as_str, BodyKind::words_da)
            .ok_or_else(|| BadValue::BodyKind(s.into()))
    }
}

/// A governing body that takes decisions on drafts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Body {
    pub id: BodyId,
    pub name: String,
    pub kind: BodyKind,
}

/// Who may do what. Leads are identified by their git `user.email`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roles {
    #[serde(default)]
    pub leads: Vec<String>,
    /// Decisions and approved-version tags must be signed (git's own
    /// signing, `commit.gpgSign`/`tag.gpgSign` with `gpg.format = "ssh"`)
    /// with the key `keys` lists for the lead who made them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub require_signed: bool,
    /// Each lead's public SSH signing key (`ssh-ed25519 AAAA…`), by e-mail.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub keys: std::collections::BTreeMap<String, String>,
}

/// The parsed and validated `udkast.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkspaceConfig {
    pub format: u32,
    pub name: String,
    pub language: String,
    pub default_route: Route,
    pub roles: Roles,
    #[serde(rename = "body")]
    pub bodies: Vec<Body>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    format: Spanned<u32>,
    name: String,
    #[serde(default = "default_language")]
    language: String,
    #[serde(default)]
    default_route: Vec<Spanned<RawStep>>,
    #[serde(default)]
    roles: Roles,
    #[serde(default, rename = "body")]
    bodies: Vec<RawBody>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBody {
    id: Spanned<String>,
    name: String,
    kind: BodyKind,
}

fn default_language() -> String {
    "da".into()
}

/// Checks a TOML format version field shared by every file.
pub(super) fn check_format(file: &str, text: &str, format: &Spanned<u32>) -> Result<(), Invalid> {
    if *format.get_ref() == FORMAT_VERSION {
        return Ok(());
    }
    Err(Invalid::at_offset(
        file,
        text,
        format.span().start,
        tf(
            ErrMsg::FormatUnsupported,
            &[("format", format.get_ref()), ("reads", &FORMAT_VERSION)],
        ),
    ))
}

impl WorkspaceConfig {
    pub const FILE: &str = super::paths::CONFIG;

    pub fn parse(text: &str) -> Result<WorkspaceConfig, Invalid> {
        let file = Self::FILE;
        let raw: RawConfig = toml::from_str(text).map_err(|e| Invalid::from_toml(file, text, &e))?;
        check_format(file, text, &raw.format)?;
        let at = |span: std::ops::Range<usize>, msg: String| Invalid::at_offset(file, text, span.start, msg);

        let mut seen = HashSet::new();
        let mut bodies = Vec::with_capacity(raw.bodies.len());
        for body in raw.bodies {
            let id = body.id.get_ref();
            BodyId::check(id).map_err(|m| at(body.id.span(), m.to_string()))?;
            if !seen.insert(id.clone()) {
                return Err(at(body.id.span(), tf(ErrMsg::DuplicateBodyId, &[("id", id)])));
            }
            if body.name.trim().is_empty() {
                return Err(at(body.id.span(), tf(ErrMsg::BodyEmptyName, &[("id", id)])));
            }
            bodies.push(Body {
                id: BodyId(body.id.into_inner()),
                name: body.name,
                kind: body.kind,
            });
        }
        let default_route =
            check_route(&raw.default_route, "default_route", &seen).map_err(|(span, msg)| at(span, msg))?;
        for lead in &raw.roles.leads {
            if !lead.contains('@') || lead.chars().any(char::is_control) {
                let msg = tf(ErrMsg::LeadNotEmail, &[("lead", &crate::text::inert(lead))]);
                return Err(Invalid::new(file, msg));
            }
        }
        for (email, key) in &raw.roles.keys {
            // `<type> <base64> [comment]`, as in an .pub file or allowed-signers line.
            let mut parts = key.split_whitespace();
            let kind = parts.next().unwrap_or("");
            let data = parts.next().unwrap_or("");
            let known = kind.starts_with("ssh-") || kind.starts_with("ecdsa-") || kind.starts_with("sk-");
            if !known || data.is_empty() || key.chars().any(char::is_control) {
                let msg = tf(ErrMsg::KeyNotSsh, &[("email", &crate::text::inert(email))]);
                return Err(Invalid::new(file, msg));
            }
        }
        Ok(WorkspaceConfig {
            format: *raw.format.get_ref(),
            name: raw.name,
            language: raw.language,
            default_route,
            roles: raw.roles,
            bodies,
        })
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("the config is plain strings, numbers and arrays")
    }

    pub fn body(&self, id: &str) -> Option<&Body> {
        self.bodies.iter().find(|b| b.id.0 == id)
    }

    pub fn is_lead(&self, email: &str) -> bool {
        self.roles.leads.iter().any(|l| l.eq_ignore_ascii_case(email))
    }

    /// The public signing key `roles.keys` lists for a lead.
    pub fn lead_key(&self, email: &str) -> Option<&str> {
        self.roles
            .keys
            .iter()
            .find(|(e, _)| e.eq_ignore_ascii_case(email))
            .map(|(_, k)| k.as_str())
    }

    /// The route someone typed ([`Route::parse_typed`]), against this
    /// workspace's bodies.
    pub fn resolve_route(&self, typed: &[String]) -> Result<Route, BadValue> {
        let known: HashSet<String> = self.bodies.iter().map(|b| b.id.0.clone()).collect();
        Route::parse_typed(typed, &known)
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_route_as_people_type_it() {
        let config = WorkspaceConfig::parse(
            "format = 1\nname = \"Åby\"\n[[body]]\nid = \"DIR\"\nname = \"Direktionen\"\nkind = \"administrative\"\n\
             [[body]]\nid = \"ØKE\"\nname = \"Økonomiudvalget\"\nkind = \"committee\"\n\
             [[body]]\nid = \"BYR\"\nname = \"Byrådet\"\nkind = \"council\"\n",
        )
        .unwrap();
        let ids = |typed: &[&str]| typed.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let route = |typed: &[&str]| config.resolve_route(&ids(typed));
        assert_eq!(
            route(&["DIR, øke", " byr "]).unwrap().to_string(),
            "DIR → ØKE → BYR"
        );
        assert_eq!(route(&["dir, {øke byr}"]).unwrap().to_string(), "DIR → {ØKE BYR}");
        assert_eq!(
            route(&["DIR", "dir"]).unwrap_err().to_string(),
            "body \"DIR\" is twice in the route"
        );
        assert!(
            route(&["FOU"])
                .unwrap_err()
                .to_string()
                .contains("unknown body \"FOU\"")
        );
        assert_eq!(route(&[" , "]).unwrap_err(), BadValue::EmptyField("the route"));
    }

    use super::*;

    const GOOD: &str = r#"format = 1
name = "Åby Kommune"
language = "da"
default_route = ["DIR", "ØKE", "BYR"]

[roles]
leads = ["mette.holm@aaby.dk"]

[[body]]
id = "DIR"
name = "Direktionen"
kind = "administrative"

[[body]]
id = "ØKE"
name = "Økonomi- og Erhvervsudvalget"
kind = "committee"

[[body]]
id = "BYR"
name = "Byrådet"
kind = "council"
"#;

    #[test]
    fn parses_and_round_trips() {
        let config = WorkspaceConfig::parse(GOOD).unwrap();
        assert_eq!(config.bodies.len(), 3);
        assert_eq!(config.default_route.steps()[1], [BodyId("ØKE".into())]);
        assert!(config.is_lead("Mette.Holm@aaby.dk"));
        let again = WorkspaceConfig::parse(&config.to_toml()).unwrap();
        assert_eq!(config, again);
    }

    fn err(text: &str) -> String {
        WorkspaceConfig::parse(text).unwrap_err().to_string()
    }

    #[test]
    fn signing_keys_are_ssh_public_keys() {
        let with = |key: &str| {
            GOOD.replacen(
                "\n[[body]]",
                &format!(
                    "\nrequire_signed = true\n\n[roles.keys]\n\"Mette.Holm@aaby.dk\" = \"{key}\"\n\n[[body]]"
                ),
                1,
            )
        };
        let config = WorkspaceConfig::parse(&with("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 mette")).unwrap();
        assert!(config.roles.require_signed);
        assert_eq!(
            config.lead_key("mette.holm@aaby.dk"),
            Some("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 mette")
        );
        assert_eq!(WorkspaceConfig::parse(&config.to_toml()).unwrap(), config);
        assert!(err(&with("AAAAC3NzaC1lZDI1NTE5")).contains("is not an SSH public key"));
        assert!(err(&with("ssh-ed25519")).contains("is not an SSH public key"));
    }

    #[test]
    fn unknown_body_in_route_names_its_line() {
        let bad = GOOD.replace(r#"["DIR", "ØKE", "BYR"]"#, r#"["DIR", "XYZ", "BYR"]"#);
        let e = err(&bad);
        assert!(e.starts_with("udkast.toml:4: unknown body \"XYZ\""), "{e}");
    }

    #[test]
    fn duplicate_body_names_its_line() {
        let bad = GOOD.replace("id = \"BYR\"", "id = \"DIR\"");
        assert!(
            err(&bad).starts_with("udkast.toml:20: duplicate body id \"DIR\""),
            "{}",
            err(&bad)
        );
    }

    #[test]
    fn malformed_toml_and_wrong_format() {
        let e = err("format = 1\nname = \"x\nlanguage");
        assert!(e.starts_with("udkast.toml:3: "), "{e}");
        assert!(err(&GOOD.replace("format = 1", "format = 9")).contains("format 9 is not supported"));
        assert!(err(&GOOD.replace("kind = \"council\"", "kind = \"king\"")).starts_with("udkast.toml:"));
        assert!(err(&GOOD.replace("id = \"BYR\"", "id = \"byr\"")).contains("uppercase"));
        assert!(err(&GOOD.replace("mette.holm@aaby.dk", "mette")).contains("not an e-mail"));
    }
}
