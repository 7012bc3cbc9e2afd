//! Offices and roles: the words that say what a person is ("Landrat", "Jugenddezernentin",
//! "Leiterin des Kreisjugendamtes").
//!
//! German forms compounds freely ("Sozialdezernent", "NRW-Familienministerin",
//! "KeKiz-Koordinatorin"), so a role is recognised by its ending. The quote extractor reads
//! speakers' roles with [`ends_with_role`], the passage splitter recognises a signature under a
//! quote by it, and kind detection counts the officials a news item names with title and full
//! name ([`NAMED_OFFICES`]).

use std::sync::LazyLock;

/// Endings (lower case) of words that name an office or function, compounds included
/// ("Jugenddezernent", "KeKiz-Koordinatorin", "NRW-Familienministerin").
const ROLE_ENDINGS: &str =
    "landrat landrätin stadtrat stadträtin kreisrat kreisrätin regionsrat regionsrätin \
    ratsherr ratsfrau bürgermeister bürgermeisterin minister ministerin präsident präsidentin staatssekretär \
    staatssekretärin senator senatorin dezernent dezernentin beigeordnete beigeordneter kämmerer \
    kämmerin leiter leiterin leitung chef chefin direktor direktorin vorstand mitglied koordinator \
    koordinatorin geschäftsführer geschäftsführerin vorsitzende vorsitzender sprecher sprecherin \
    referent referentin beauftragte beauftragter moderator moderatorin vertreter vertreterin \
    mitarbeiter mitarbeiterin fachkraft politiker politikerin abgeordnete abgeordneter experte \
    expertin wissenschaftler wissenschaftlerin forscher forscherin professor professorin pädagoge \
    pädagogin sozialarbeiter sozialarbeiterin erzieher erzieherin hebamme lehrer lehrerin planer \
    planerin berater beraterin lotse lotsin begleiter begleiterin initiator initiatorin gründer \
    gründerin arzt ärztin psychologe psychologin pfarrer pfarrerin rektor rektorin kanzler kanzlerin \
    trainer trainerin";

/// Offices of government and administration whose holders news items name with title and full
/// name ("Landrat Dr. Axel Lehmann", "Staatssekretärin …"); programme pages name the office.
pub(crate) const NAMED_OFFICES: &[&str] = &[
    "Minister",
    "Ministerin",
    "Präsident",
    "Präsidentin",
    "Dezernent",
    "Dezernentin",
    "Landrat",
    "Landrätin",
    "Staatssekretär",
    "Staatssekretärin",
    "OB",
];

/// Endings (lower case) of compound office words of the same kind: "Oberbürgermeister",
/// "NRW-Familienministerin", "Regierungspräsident", "Jugenddezernentin".
pub(crate) const NAMED_OFFICE_ENDINGS: &[&str] = &[
    "minister",
    "ministerin",
    "präsident",
    "präsidentin",
    "dezernent",
    "dezernentin",
    "meister",
    "meisterin",
];

/// Whether a lower-case role word names an office of government or administration, one
/// holder at a time in a place (`landrat`, `oberbürgermeisterin`, `jugenddezernent`,
/// `staatssekretärin`), not a profession or a description (`sozialpolitiker`, `expertin`).
pub(crate) fn names_an_office(lower: &str) -> bool {
    const MORE: &[&str] =
        &["rat", "rätin", "staatssekretär", "staatssekretärin", "beigeordnete", "beigeordneter"];
    NAMED_OFFICE_ENDINGS.iter().chain(MORE).any(|ending| lower.ends_with(ending)) || lower == "ob"
}

/// The role endings written backwards, as an FST: a word is read once from its end, and the
/// walk stops at the first letter no ending has there (this runs for every capitalised word of
/// every document).
static ROLE_ENDINGS_REVERSED: LazyLock<fst::Set<Vec<u8>>> = LazyLock::new(|| {
    let mut reversed: Vec<Vec<u8>> =
        ROLE_ENDINGS.split_whitespace().map(|e| e.bytes().rev().collect()).collect();
    reversed.sort_unstable();
    reversed.dedup();
    fst::Set::from_iter(reversed).expect("sorted, distinct keys")
});

/// Whether a lower-case word ends with one of the role endings ("jugenddezernentin"). An
/// ending found byte for byte begins at a character boundary: its first byte starts a character.
pub(crate) fn ends_with_role(lower: &str) -> bool {
    let endings = ROLE_ENDINGS_REVERSED.as_fst();
    let mut node = endings.root();
    for &byte in lower.as_bytes().iter().rev() {
        let Some(index) = node.find_input(byte) else { return false };
        node = endings.node(node.transition(index).addr);
        if node.is_final() {
            return true;
        }
    }
    false
}

/// The words of `offices` that are not the feminine form ("…in") of another one: searching
/// for "Minister" also finds "Ministerin".
pub(crate) fn without_feminine_forms(offices: &'static [&'static str]) -> impl Iterator<Item = &'static str> {
    offices.iter().copied().filter(move |office| {
        !office.strip_suffix("in").is_some_and(|masculine| offices.contains(&masculine))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_by_their_ending() {
        for word in ["landrat", "jugenddezernentin", "kekiz-koordinatorin", "leitung"] {
            assert!(ends_with_role(word), "{word}");
        }
        for word in ["", "kita", "rat", "landratsamt"] {
            assert!(!ends_with_role(word), "{word}");
        }
    }

    #[test]
    fn feminine_forms_are_found_by_the_masculine_ones() {
        let searched: Vec<&str> = without_feminine_forms(NAMED_OFFICES).collect();
        assert_eq!(
            searched,
            ["Minister", "Präsident", "Dezernent", "Landrat", "Landrätin", "Staatssekretär", "OB"]
        );
        let endings: Vec<&str> = without_feminine_forms(NAMED_OFFICE_ENDINGS).collect();
        assert_eq!(endings, ["minister", "präsident", "dezernent", "meister"]);
    }
}
