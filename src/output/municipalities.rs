//! Output of `praev municipalities`: one row per municipality.

use std::io::Write;

use comfy_table::CellAlignment;

use super::{Format, Style};
use crate::index::profiles::MunicipalityProfile;
use crate::ingest::metadata::Contact;

pub const CSV_HEADER: [&str; 14] = [
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
];

pub fn write_profiles(
    out: &mut dyn Write,
    profiles: &[MunicipalityProfile],
    format: Format,
    style: Style,
) -> std::io::Result<()> {
    match format {
        Format::Table => write_table(out, profiles, style),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, profiles)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for profile in profiles {
                serde_json::to_writer(&mut *out, profile)?;
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Csv => write_csv(out, profiles),
    }
}

fn number<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn share(profile: &MunicipalityProfile) -> String {
    profile.children_share.map(|s| format!("{:.1} %", s * 100.0)).unwrap_or_default()
}

/// The contact in one line: e-mail, else phone, else name.
fn contact_line(contact: &Option<Contact>) -> String {
    contact
        .as_ref()
        .and_then(|c| c.email.clone().or_else(|| c.phone.clone()).or_else(|| c.name.clone()))
        .unwrap_or_default()
}

fn write_table(out: &mut dyn Write, profiles: &[MunicipalityProfile], style: Style) -> std::io::Result<()> {
    if profiles.is_empty() {
        return writeln!(out, "The index names no municipality.");
    }
    let mut table = super::table::new_table(
        style,
        vec![
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
        ],
    );
    for p in profiles {
        table.add_row(vec![
            p.name.clone(),
            p.authority.clone().unwrap_or_default(),
            number(p.year_joined),
            number(p.population),
            number(p.children_under_18),
            share(p),
            p.documents.to_string(),
            p.passages.to_string(),
            p.quotes.to_string(),
            contact_line(&p.contact),
        ]);
    }
    for column in 2..9 {
        if let Some(c) = table.column_mut(column) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    writeln!(out, "{table}")
}

fn write_csv(out: &mut dyn Write, profiles: &[MunicipalityProfile]) -> std::io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(CSV_HEADER)?;
    for p in profiles {
        let contact = p.contact.clone().unwrap_or_default();
        writer.write_record([
            p.name.clone(),
            p.authority.clone().unwrap_or_default(),
            number(p.year_joined),
            number(p.population),
            number(p.children_under_18),
            p.children_share.map(|s| format!("{s:.4}")).unwrap_or_default(),
            p.documents.to_string(),
            p.passages.to_string(),
            p.quotes.to_string(),
            contact.name.unwrap_or_default(),
            contact.organisation.unwrap_or_default(),
            contact.address.unwrap_or_default(),
            contact.phone.unwrap_or_default(),
            contact.email.unwrap_or_default(),
        ])?;
    }
    writer.flush()
}
