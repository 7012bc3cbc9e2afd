//! `praev municipalities`: one row per municipality.

use serde::Serialize;

use super::number::{self, f64_json};
use super::table::{align_right, new_table};
use super::{Csv, Report, Style};
use crate::index::profiles::MunicipalityProfile;
use crate::ingest::metadata::Contact;

pub const CSV_HEADER: [&str; 15] = [
    "name",
    "authority",
    "year_joined",
    "population",
    "children_under_18",
    "children_share",
    "documents",
    "passages",
    "quotes",
    "contact_name",
    "contact_organisation",
    "contact_address",
    "contact_phone",
    "contact_email",
    "district",
];

/// A municipality as printed.
#[derive(Serialize)]
pub struct ProfileJson<'a> {
    name: &'a str,
    authority: Option<&'a str>,
    year_joined: Option<u16>,
    population: Option<u64>,
    children_under_18: Option<u64>,
    #[serde(serialize_with = "share_json")]
    children_share: Option<f64>,
    documents: usize,
    passages: usize,
    quotes: usize,
    contact: Option<ContactJson<'a>>,
    /// The Kreis of a Gemeinde; added after the other fields.
    district: Option<&'a str>,
}

/// A contact block as printed.
#[derive(Serialize)]
pub struct ContactJson<'a> {
    name: Option<&'a str>,
    organisation: Option<&'a str>,
    address: Option<&'a str>,
    phone: Option<&'a str>,
    email: Option<&'a str>,
}

impl<'a> From<&'a Contact> for ContactJson<'a> {
    fn from(c: &'a Contact) -> Self {
        ContactJson {
            name: c.name.as_deref(),
            organisation: c.organisation.as_deref(),
            address: c.address.as_deref(),
            phone: c.phone.as_deref(),
            email: c.email.as_deref(),
        }
    }
}

fn share_json<S: serde::Serializer>(value: &Option<f64>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(share) => f64_json(share, serializer),
        None => serializer.serialize_none(),
    }
}

impl<'a> From<&'a MunicipalityProfile> for ProfileJson<'a> {
    fn from(p: &'a MunicipalityProfile) -> Self {
        ProfileJson {
            name: &p.name,
            authority: p.authority.as_deref(),
            year_joined: p.year_joined,
            population: p.population,
            children_under_18: p.children_under_18,
            children_share: p.children_share,
            documents: p.documents,
            passages: p.passages,
            quotes: p.quotes,
            contact: p.contact.as_ref().map(ContactJson::from),
            district: p.district.as_deref(),
        }
    }
}

/// The municipalities of the index.
pub struct ProfilesReport<'a>(pub &'a [MunicipalityProfile]);

fn number<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The contact in one line: e-mail, else phone, else name.
fn contact_line(contact: &Option<Contact>) -> String {
    contact
        .as_ref()
        .and_then(|c| c.email.clone().or_else(|| c.phone.clone()).or_else(|| c.name.clone()))
        .unwrap_or_default()
}

impl Report for ProfilesReport<'_> {
    type Document<'a>
        = Vec<ProfileJson<'a>>
    where
        Self: 'a;
    type Line<'a>
        = ProfileJson<'a>
    where
        Self: 'a;

    fn document(&self) -> Vec<ProfileJson<'_>> {
        self.lines()
    }

    fn lines(&self) -> Vec<ProfileJson<'_>> {
        self.0.iter().map(ProfileJson::from).collect()
    }

    fn csv(&self) -> Csv {
        let mut csv = Csv::new(CSV_HEADER);
        for p in self.0 {
            let contact = p.contact.clone().unwrap_or_default();
            csv.push([
                p.name.clone(),
                p.authority.clone().unwrap_or_default(),
                number(p.year_joined),
                number(p.population),
                number(p.children_under_18),
                p.children_share.map(|s| number::fixed(s, 4)).unwrap_or_default(),
                p.documents.to_string(),
                p.passages.to_string(),
                p.quotes.to_string(),
                contact.name.unwrap_or_default(),
                contact.organisation.unwrap_or_default(),
                contact.address.unwrap_or_default(),
                contact.phone.unwrap_or_default(),
                contact.email.unwrap_or_default(),
                p.district.clone().unwrap_or_default(),
            ]);
        }
        csv
    }

    fn table(&self, style: Style) -> String {
        if self.0.is_empty() {
            return "The index names no municipality.\n".into();
        }
        // The district column only when some municipality lies in one.
        let districts = self.0.iter().any(|p| p.district.is_some());
        let mut header = vec![
            "municipality",
            "authority",
            "joined",
            "population",
            "children <18",
            "share",
            "docs",
            "passages",
            "quotes",
            "contact",
        ];
        if districts {
            header.insert(2, "district");
        }
        let mut table = new_table(style, header);
        for p in self.0 {
            let mut row = vec![p.name.clone(), p.authority.clone().unwrap_or_default()];
            if districts {
                row.push(p.district.clone().unwrap_or_default());
            }
            row.extend([
                number(p.year_joined),
                number(p.population),
                number(p.children_under_18),
                p.children_share.map(|s| format!("{} %", number::fixed(s * 100.0, 1))).unwrap_or_default(),
                p.documents.to_string(),
                p.passages.to_string(),
                p.quotes.to_string(),
                contact_line(&p.contact),
            ]);
            table.add_row(row);
        }
        let first_figure = if districts { 3 } else { 2 };
        align_right(&mut table, first_figure..first_figure + 7);
        format!("{table}\n")
    }
}
