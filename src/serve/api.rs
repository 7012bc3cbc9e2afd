//! The JSON API under `/api/`: one endpoint per listing command, taking the command's flags as
//! query parameters and answering exactly what `praev COMMAND --format json` prints.
//!
//! Each endpoint is two steps that the pages reuse: a function that reads the parameters into
//! the library's request and runs it (`search`, `quotes`, …), and the rendering through the
//! command's [`Report`] with [`output::emit`], the CLI's own output path. What the server
//! cannot do the CLI can (read files: `similar --file`, `compare` with a draft) is not offered.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use super::error::ApiError;
use super::limits::MAX_SOURCE_CHARS;
use super::params::Params;
use super::AppState;
use crate::index::documents::{self as document_list, DocumentFilter, DocumentList};
use crate::index::profiles::{self, MunicipalityProfile, SortBy};
use crate::index::PraevIndex;
use crate::ingest::metadata::DatePeriod;
use crate::output::compare::CompareReport;
use crate::output::documents::DocumentsReport;
use crate::output::hits::SearchReport;
use crate::output::matrix::MatrixReport;
use crate::output::municipalities::ProfilesReport;
use crate::output::quotes::QuotesReport;
use crate::output::similar::SimilarReport;
use crate::output::themes::{CoverageReport, RankingReport, ThemeReport};
use crate::output::{self, Format, Report, Style};
use crate::query::filters::DateRange;
use crate::query::quotes::{find_quotes, QuoteForm, QuoteRequest};
use crate::query::search::SortOrder;
use crate::query::{self, PassageFilter, SearchRequest, SearchResults};
use crate::themes::matrix::ThemeMatrix;
use crate::themes::{free_text, rank, Theme, Themes};
use crate::wording::compare::{compare as compare_sides, side, Comparison};
use crate::wording::similar::{similar as similar_to, SimilarRequest, SimilarResults, Source};

/// The endpoints, relative to `/api`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(endpoints))
        .route("/search", get(search_json))
        .route("/theme", get(theme_json))
        .route("/themes", get(themes_json))
        .route("/matrix", get(matrix_json))
        .route("/quotes", get(quotes_json))
        .route("/municipalities", get(municipalities_json))
        .route("/documents", get(documents_json))
        .route("/similar", get(similar_json))
        .route("/compare", get(compare_json))
}

/// The parameters of each endpoint, named like the command's flags.
pub const SEARCH_PARAMS: &[&str] = &[
    "q",
    "limit",
    "municipality",
    "kind",
    "exact",
    "theme",
    "speaker",
    "per_file",
    "since",
    "until",
    "sort",
];
pub const THEME_PARAMS: &[&str] =
    &["name", "limit", "by", "municipality", "kind", "per_file", "since", "until", "sort"];
pub const MATRIX_PARAMS: &[&str] = &["themes", "municipalities", "since", "until"];
pub const QUOTES_PARAMS: &[&str] = &[
    "q",
    "limit",
    "speaker",
    "role",
    "municipality",
    "exact",
    "direct",
    "reported",
    "since",
    "until",
    "sort",
];
pub const DOCUMENTS_PARAMS: &[&str] = &["municipality", "kind"];
pub const SIMILAR_PARAMS: &[&str] = &["passage", "text", "limit", "same_municipality"];
pub const COMPARE_PARAMS: &[&str] = &["a", "b"];

/// `GET /api/`: the endpoints and their parameters.
async fn endpoints() -> Response {
    let list = serde_json::json!({
        "search": SEARCH_PARAMS, "theme": THEME_PARAMS, "themes": [], "matrix": MATRIX_PARAMS,
        "quotes": QUOTES_PARAMS, "municipalities": ["sort"], "documents": DOCUMENTS_PARAMS,
        "similar": SIMILAR_PARAMS, "compare": COMPARE_PARAMS,
    });
    json_response(format!("{list}\n").into_bytes())
}

/// The CLI's `--format json` of `report`, as a response.
pub fn json<R: Report + ?Sized>(report: &R) -> Result<Response, ApiError> {
    let mut body = Vec::new();
    output::emit(report, Format::Json, &mut body, Style::PLAIN)
        .map_err(|e| ApiError::internal(format!("writing JSON: {e}")))?;
    Ok(json_response(body))
}

fn json_response(body: Vec<u8>) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// `praev search`.
pub fn search(index: &PraevIndex, params: &Params) -> Result<SearchResults, ApiError> {
    params.only(SEARCH_PARAMS)?;
    let query_text = params.required("q")?;
    let boosts = match params.text("theme")? {
        Some(name) => {
            let themes = index.themes()?;
            vec![rank::search_boost(index, themes.named(&name)?)]
        }
        None => Vec::new(),
    };
    let request = SearchRequest {
        query: query_text,
        limit: params.limit(10)?,
        filter: PassageFilter {
            municipalities: query::resolve_municipalities(index, &params.all("municipality", false)?)?,
            kinds: params.passage_kinds()?,
            speaker: params.text("speaker")?,
            dates: dates(params)?,
        },
        exact: params.flag("exact")?,
        per_file: per_file(params)?,
        boosts,
        feedback: None,
        sort: sort(params)?,
    };
    Ok(query::search(index, &request)?)
}

/// `since` and `until` as the commands' `--since` and `--until` take them: YYYY, YYYY-MM or
/// YYYY-MM-DD, the whole period included.
fn dates(params: &Params) -> Result<DateRange, ApiError> {
    let period = |name: &str| -> Result<Option<DatePeriod>, ApiError> {
        params
            .text(name)?
            .map(|value| {
                DatePeriod::parse(&value)
                    .map_err(|e| ApiError::bad_request(format!("parameter {name:?}: {e}")))
            })
            .transpose()
    };
    let range =
        DateRange { since: period("since")?.map(|p| p.first), until: period("until")?.map(|p| p.last) };
    match (range.since, range.until) {
        (Some(since), Some(until)) if since > until => {
            Err(ApiError::bad_request("\"since\" names a date after \"until\": nothing is in between"))
        }
        _ => Ok(range),
    }
}

/// `sort` as the commands' `--sort` takes it: `score` (the default) or `date`.
fn sort(params: &Params) -> Result<SortOrder, ApiError> {
    match params.text("sort")?.as_deref() {
        None | Some("score") => Ok(SortOrder::Score),
        Some("date") => Ok(SortOrder::Date),
        Some(other) => Err(ApiError::bad_request(format!(
            "parameter \"sort\" takes \"score\" or \"date\", not {other:?}"
        ))),
    }
}

/// `--per-file N` as `search` and `theme` take it (0: all).
fn per_file(params: &Params) -> Result<usize, ApiError> {
    params.number("per_file", query::search::DEFAULT_PER_FILE, 0, 1_000)
}

async fn search_json(State(state): State<AppState>, params: Params) -> Result<Response, ApiError> {
    state.run(move |index| json(&SearchReport(&search(index, &params)?))).await
}

/// `praev theme NAME [--by municipality]`, rendered by `then` while the themes are at hand.
pub fn theme<T>(
    index: &PraevIndex,
    params: &Params,
    then: impl FnOnce(ThemeAnswer<'_>) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    params.only(THEME_PARAMS)?;
    let name = params.required("name")?;
    let by_municipality = match params.text("by")?.as_deref() {
        None => false,
        Some("municipality") => true,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "parameter \"by\" takes only \"municipality\", not {other:?}"
            )))
        }
    };
    let themes = index.themes()?;
    let selection = free_text::select_in(index, &themes, &name)?;
    let request = rank::ThemeRequest {
        limit: params.limit(10)?,
        filter: PassageFilter {
            municipalities: query::resolve_municipalities(index, &params.all("municipality", false)?)?,
            kinds: params.passage_kinds()?,
            speaker: None,
            dates: dates(params)?,
        },
        per_file: per_file(params)?,
        sort: sort(params)?,
    };
    if by_municipality && request.sort == SortOrder::Date {
        return Err(ApiError::bad_request("\"sort=date\" orders passages, not municipalities (\"by\")"));
    }
    let theme = selection.theme();
    if by_municipality {
        let ranking = rank::rank_municipalities(index, theme, &request)?;
        then(ThemeAnswer::Municipalities(RankingReport { ranking: &ranking, selection: &selection }))
    } else {
        let results = rank::rank_passages(index, theme, &request)?;
        then(ThemeAnswer::Passages(ThemeReport { results: &results, selection: &selection }))
    }
}

/// What `theme` found: passages, or municipalities (`by=municipality`).
pub enum ThemeAnswer<'a> {
    Passages(ThemeReport<'a>),
    Municipalities(RankingReport<'a>),
}

async fn theme_json(State(state): State<AppState>, params: Params) -> Result<Response, ApiError> {
    state
        .run(move |index| {
            theme(index, &params, |answer| match answer {
                ThemeAnswer::Passages(report) => json(&report),
                ThemeAnswer::Municipalities(report) => json(&report),
            })
        })
        .await
}

async fn themes_json(State(state): State<AppState>, params: Params) -> Result<Response, ApiError> {
    state
        .run(move |index| {
            params.only(&[])?;
            let themes = index.themes()?;
            json(&CoverageReport(&rank::coverage(index, &themes.themes)?))
        })
        .await
}

/// `praev matrix --themes … --municipalities …`, with the themes it was computed over.
pub fn matrix(index: &PraevIndex, params: &Params) -> Result<(ThemeMatrix, Themes), ApiError> {
    params.only(MATRIX_PARAMS)?;
    let all = index.themes()?;
    let names = params.all("themes", true)?;
    let themes: Vec<&Theme> = if names.is_empty() {
        all.themes.iter().collect()
    } else {
        names.iter().map(|name| all.named(name)).collect::<Result<_, _>>()?
    };
    let municipalities = query::resolve_municipalities(index, &params.all("municipalities", true)?)?;
    let matrix = rank::matrix(index, &themes, &municipalities, dates(params)?)?;
    Ok((matrix, all))
}

async fn matrix_json(State(state): State<AppState>, params: Params) -> Result<Response, ApiError> {
    state.run(move |index| json(&MatrixReport(&matrix(index, &params)?.0))).await
}

/// `praev quotes [QUERY]`.
pub fn quotes(index: &PraevIndex, params: &Params) -> Result<SearchResults, ApiError> {
    params.only(QUOTES_PARAMS)?;
    let (direct, reported) = (params.flag("direct")?, params.flag("reported")?);
    if direct && reported {
        return Err(ApiError::bad_request("\"direct\" and \"reported\" exclude each other"));
    }
    let request = QuoteRequest {
        query: params.text("q")?,
        speaker: params.text("speaker")?,
        role: params.text("role")?,
        municipalities: query::resolve_municipalities(index, &params.all("municipality", false)?)?,
        limit: params.limit(20)?,
        exact: params.flag("exact")?,
        form: match (direct, reported) {
            (true, _) => Some(QuoteForm::Direct),
            (_, true) => Some(QuoteForm::Reported),
            _ => None,
        },
        dates: dates(params)?,
        sort: sort(params)?,
    };
    Ok(find_quotes(index, &request)?)
}

async fn quotes_json(State(state): State<AppState>, params: Params) -> Result<Response, ApiError> {
    state.run(move |index| json(&QuotesReport(&quotes(index, &params)?))).await
}

/// `praev municipalities [--sort COLUMN]`.
pub fn municipalities(index: &PraevIndex, params: &Params) -> Result<Vec<MunicipalityProfile>, ApiError> {
    params.only(&["sort"])?;
    let sort = match params.text("sort")? {
        None => SortBy::Name,
        Some(name) => <SortBy as clap::ValueEnum>::from_str(&name, true).map_err(|_| {
            let names: Vec<String> = <SortBy as clap::ValueEnum>::value_variants()
                .iter()
                .filter_map(|v| clap::ValueEnum::to_possible_value(v).map(|p| p.get_name().to_string()))
                .collect();
            ApiError::bad_request(format!("unknown sort column {name:?} ({})", names.join(", ")))
        })?,
    };
    let mut list = profiles::profiles(index)?;
    profiles::sort(&mut list, sort);
    Ok(list)
}

async fn municipalities_json(State(state): State<AppState>, params: Params) -> Result<Response, ApiError> {
    state.run(move |index| json(&ProfilesReport(&municipalities(index, &params)?))).await
}

/// `praev documents`.
pub fn documents(index: &PraevIndex, params: &Params) -> Result<DocumentList, ApiError> {
    params.only(DOCUMENTS_PARAMS)?;
    let filter = DocumentFilter {
        municipalities: query::resolve_municipalities(index, &params.all("municipality", false)?)?,
        kinds: params.document_kinds()?,
    };
    Ok(document_list::list(index, &filter)?)
}

async fn documents_json(State(state): State<AppState>, params: Params) -> Result<Response, ApiError> {
    state.run(move |index| json(&DocumentsReport(&documents(index, &params)?))).await
}

/// `praev similar (--passage FILE#N | --text TEXT)`.
pub fn similar(index: &PraevIndex, params: &Params) -> Result<SimilarResults, ApiError> {
    params.only(SIMILAR_PARAMS)?;
    let source = match (params.text("passage")?, params.text_up_to("text", MAX_SOURCE_CHARS)?) {
        (Some(address), None) => Source::passage_address(&address)
            .map_err(|e| ApiError::bad_request(format!("parameter \"passage\": {e}")))?,
        (None, Some(text)) => Source::Text(text),
        _ => return Err(ApiError::bad_request("give exactly one of \"passage\" (FILE#N) and \"text\"")),
    };
    let request = SimilarRequest {
        source,
        limit: params.limit(10)?,
        same_municipality: params.flag("same_municipality")?,
    };
    Ok(similar_to(index, &request)?)
}

async fn similar_json(State(state): State<AppState>, params: Params) -> Result<Response, ApiError> {
    state.run(move |index| json(&SimilarReport(&similar(index, &params)?))).await
}

/// `praev compare A B` for two municipalities or files of the index (never a file outside it).
pub fn compare(index: &PraevIndex, params: &Params) -> Result<Comparison, ApiError> {
    params.only(COMPARE_PARAMS)?;
    let a = side(index, &params.required("a")?)?;
    let b = side(index, &params.required("b")?)?;
    let themes = index.themes()?;
    Ok(compare_sides(index, a, b, &themes)?)
}

async fn compare_json(State(state): State<AppState>, params: Params) -> Result<Response, ApiError> {
    state.run(move |index| json(&CompareReport(&compare(index, &params)?))).await
}
