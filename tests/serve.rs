//! `praev serve`: the JSON API answers exactly what the commands print with `--format json`,
//! pages render and escape corpus text, document addresses cannot leave the index, bad
//! requests are 4xx with a one-line JSON error, and the binary serves on the URL it prints.
//!
//! Most tests drive the router in-process (no socket, raw request targets that no HTTP client
//! would normalise); one starts the real binary.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::Value;
use tower::ServiceExt;

use common::{bundled_index, TestIndex, DUEREN, KREFELD};
use praev::index::PraevIndex;
use praev::serve::{router, AppState};

/// A response as the tests read it.
struct Answer {
    status: StatusCode,
    content_type: String,
    csp: Option<String>,
    body: String,
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
    })
}

fn bundled_state() -> &'static AppState {
    static STATE: OnceLock<AppState> = OnceLock::new();
    STATE.get_or_init(|| state_of(bundled_index()))
}

fn state_of(index: &TestIndex) -> AppState {
    AppState::new(PraevIndex::open(&index.path()).expect("the test index opens"), 2)
}

fn send(state: &AppState, request: Request<Body>) -> Answer {
    runtime().block_on(async {
        let response = router(state.clone()).oneshot(request).await.unwrap();
        let status = response.status();
        let text = |name| {
            response.headers().get(name).map(|v: &header::HeaderValue| v.to_str().unwrap().to_string())
        };
        let content_type = text(header::CONTENT_TYPE).unwrap_or_default();
        let csp = text(header::CONTENT_SECURITY_POLICY);
        let bytes = axum::body::to_bytes(response.into_body(), 64 << 20).await.unwrap();
        Answer { status, content_type, csp, body: String::from_utf8(bytes.to_vec()).unwrap() }
    })
}

fn get(state: &AppState, target: &str) -> Answer {
    send(state, Request::get(target).body(Body::empty()).unwrap())
}

/// The endpoint answers 200 with the bytes `praev ARGS --format json` prints.
#[test]
fn every_endpoint_answers_exactly_the_cli_json() {
    let index = bundled_index();
    let cases: &[(&str, &[&str])] = &[
        ("/api/search?q=%C3%9Cberg%C3%A4nge&limit=3", &["search", "Übergänge", "--limit", "3"]),
        (
            "/api/search?q=Fr%C3%BChe+Hilfen&municipality=d%C3%BCren&kind=profile&exact=true",
            &["search", "Frühe Hilfen", "--municipality", "düren", "--kind", "profile", "--exact"],
        ),
        (
            "/api/search?q=Kita&theme=uebergaenge&per_file=0",
            &["search", "Kita", "--theme", "uebergaenge", "--per-file", "0"],
        ),
        ("/api/theme?name=uebergaenge&limit=4", &["theme", "uebergaenge", "--limit", "4"]),
        (
            "/api/theme?name=partizipation&by=municipality",
            &["theme", "partizipation", "--by", "municipality"],
        ),
        ("/api/themes", &["themes"]),
        ("/api/matrix", &["matrix"]),
        (
            "/api/matrix?themes=uebergaenge,partizipation&municipalities=steinfurt",
            &["matrix", "--themes", "uebergaenge,partizipation", "--municipalities", "steinfurt"],
        ),
        ("/api/quotes?q=Landrat&limit=5", &["quotes", "Landrat", "--limit", "5"]),
        ("/api/quotes?speaker=effing&direct=1", &["quotes", "--speaker", "effing", "--direct"]),
        ("/api/quotes?since=2017&sort=date", &["quotes", "--since", "2017", "--sort", "date"]),
        (
            "/api/search?q=Pr%C3%A4vention&since=2017-05&until=2017&sort=date",
            &["search", "Prävention", "--since", "2017-05", "--until", "2017", "--sort", "date"],
        ),
        ("/api/theme?name=uebergaenge&until=2016", &["theme", "uebergaenge", "--until", "2016"]),
        ("/api/matrix?since=2017", &["matrix", "--since", "2017"]),
        ("/api/municipalities?sort=documents", &["municipalities", "--sort", "documents"]),
        ("/api/documents?kind=profile", &["documents", "--kind", "profile"]),
        (
            "/api/similar?passage=004_b2df2b7532f9f2ee.txt%232&limit=3",
            &["similar", "--passage", "004_b2df2b7532f9f2ee.txt#2", "--limit", "3"],
        ),
        ("/api/similar?text=Kinderschutz+in+Kitas", &["similar", "--text", "Kinderschutz in Kitas"]),
        ("/api/compare?a=Krefeld&b=Kreis+D%C3%BCren", &["compare", "Krefeld", "Kreis Düren"]),
    ];
    for (target, args) in cases {
        let answer = get(bundled_state(), target);
        assert_eq!(answer.status, StatusCode::OK, "{target}: {}", answer.body);
        assert_eq!(answer.content_type, "application/json", "{target}");
        let mut cli: Vec<&str> = args.to_vec();
        cli.extend(["--format", "json"]);
        assert_eq!(answer.body, index.stdout(&cli), "{target} differs from praev {}", cli.join(" "));
    }
}

/// Every bad request is a 4xx whose body is one line of JSON naming the problem.
#[test]
fn bad_requests_are_4xx_with_a_one_line_json_error() {
    let long_query = format!("/api/search?q={}", "a".repeat(501));
    let huge_query = format!("/api/search?q={}", "a".repeat(9000));
    let cases: Vec<(String, StatusCode, &str)> = vec![
        ("/api/search?q=Kita&limit=0".into(), StatusCode::BAD_REQUEST, "limit"),
        ("/api/search?q=Kita&limit=101".into(), StatusCode::BAD_REQUEST, "from 1 to 100"),
        ("/api/search?q=Kita&limit=viele".into(), StatusCode::BAD_REQUEST, "limit"),
        ("/api/search?q=Kita&limt=5".into(), StatusCode::BAD_REQUEST, "unknown parameter \\\"limt\\\""),
        ("/api/search".into(), StatusCode::BAD_REQUEST, "\\\"q\\\" is required"),
        ("/api/search?q=Kita&q=Schule".into(), StatusCode::BAD_REQUEST, "more than once"),
        ("/api/search?q=Kita&municipality=Atlantis".into(), StatusCode::BAD_REQUEST, "Atlantis"),
        ("/api/search?q=Kita&kind=blog".into(), StatusCode::BAD_REQUEST, "unknown kind"),
        ("/api/search?q=Kita&theme=Raumfahrt".into(), StatusCode::BAD_REQUEST, "no theme"),
        ("/api/search?q=Kita&exact=vielleicht".into(), StatusCode::BAD_REQUEST, "true or false"),
        (long_query, StatusCode::BAD_REQUEST, "longer than 500 characters"),
        (huge_query, StatusCode::URI_TOO_LONG, "query string"),
        ("/api/theme?name=uebergaenge&by=kind".into(), StatusCode::BAD_REQUEST, "by"),
        ("/api/matrix?themes=nichts".into(), StatusCode::BAD_REQUEST, "no theme"),
        ("/api/quotes?direct=1&reported=1".into(), StatusCode::BAD_REQUEST, "exclude each other"),
        ("/api/search?q=Kita&since=2021-13".into(), StatusCode::BAD_REQUEST, "since"),
        ("/api/search?q=Kita&since=2022&until=2021".into(), StatusCode::BAD_REQUEST, "after"),
        ("/api/search?q=Kita&sort=alter".into(), StatusCode::BAD_REQUEST, "sort"),
        (
            "/api/theme?name=uebergaenge&by=municipality&sort=date".into(),
            StatusCode::BAD_REQUEST,
            "sort=date",
        ),
        ("/api/municipalities?sort=farbe".into(), StatusCode::BAD_REQUEST, "unknown sort column"),
        ("/api/documents?kind=quote".into(), StatusCode::BAD_REQUEST, "unknown kind"),
        ("/api/similar".into(), StatusCode::BAD_REQUEST, "exactly one"),
        ("/api/similar?passage=ohne-nummer".into(), StatusCode::BAD_REQUEST, "FILE#N"),
        ("/api/similar?passage=nichts.txt%231".into(), StatusCode::BAD_REQUEST, "no passage"),
        ("/api/compare?a=Krefeld".into(), StatusCode::BAD_REQUEST, "\\\"b\\\" is required"),
        ("/api/compare?a=Krefeld&b=Krefeld".into(), StatusCode::BAD_REQUEST, "share documents"),
        ("/api/gibtsnicht".into(), StatusCode::NOT_FOUND, "no such page"),
        ("/assets/../Cargo.toml".into(), StatusCode::NOT_FOUND, "no such page"),
        ("/assets/secret.txt".into(), StatusCode::NOT_FOUND, "no asset"),
    ];
    for (target, status, needle) in &cases {
        let answer = get(bundled_state(), target);
        assert_one_line_error(&answer, *status, needle, target);
    }
    let post = send(bundled_state(), Request::post("/api/search?q=Kita").body(Body::empty()).unwrap());
    assert_one_line_error(&post, StatusCode::METHOD_NOT_ALLOWED, "only GET", "POST /api/search");
    let big = Request::get("/api/search?q=Kita")
        .header(header::CONTENT_LENGTH, "5000")
        .body(Body::from(vec![b'x'; 5000]))
        .unwrap();
    assert_one_line_error(
        &send(bundled_state(), big),
        StatusCode::PAYLOAD_TOO_LARGE,
        "body",
        "a 5000-byte body",
    );
}

fn assert_one_line_error(answer: &Answer, status: StatusCode, needle: &str, what: &str) {
    assert_eq!(answer.status, status, "{what}: {}", answer.body);
    assert_eq!(answer.content_type, "application/json", "{what}");
    assert!(
        answer.body.ends_with('\n') && answer.body.matches('\n').count() == 1,
        "{what}: {:?}",
        answer.body
    );
    let json: Value =
        serde_json::from_str(&answer.body).unwrap_or_else(|e| panic!("{what}: {e}: {}", answer.body));
    assert!(json["error"].is_string(), "{what}: {}", answer.body);
    assert!(answer.body.contains(needle), "{what}: {:?} lacks {needle:?}", answer.body);
}

/// Document addresses are ids of the index, never paths: `..`, encoded slashes and
/// backslashes are refused before any lookup, unknown ids are 404, and no file of the
/// repository ever comes back.
#[test]
fn document_addresses_cannot_leave_the_index() {
    for target in [
        "/document/../Cargo.toml",
        "/document/../../../../etc/passwd",
        "/document/%2e%2e/%2e%2e/etc/passwd",
        "/document/..%2fCargo.toml",
        "/document/corpus%2F..%2FCargo.toml",
        "/document/..%5cCargo.toml",
        "/document/..\\Cargo.toml",
        "/document//etc/passwd",
        "/document/%00",
    ] {
        let answer = get(bundled_state(), target);
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{target}: {}", answer.body);
        assert!(!answer.body.contains("[package]") && !answer.body.contains("root:"), "{target}");
    }
    let missing = get(bundled_state(), "/document/Cargo.toml");
    assert_eq!(missing.status, StatusCode::NOT_FOUND, "{}", missing.body);
    assert!(missing.body.contains("no document"), "{}", missing.body);
    let document = get(bundled_state(), &format!("/document/{DUEREN}"));
    assert_eq!(document.status, StatusCode::OK);
    assert!(document.content_type.starts_with("text/html"));
    assert!(document.body.contains("id=\"p-2\"") && document.body.contains("Stärkung der Frühen Hilfen"));
    assert!(document.body.contains("Kreis Düren"));
}

/// Every page renders in German with its results, under a policy that allows no foreign
/// script or style.
#[test]
fn pages_render_their_results() {
    let state = bundled_state();
    let search = get(state, "/search?q=%C3%9Cberg%C3%A4nge&municipality=Kreis+D%C3%BCren");
    assert_eq!(search.status, StatusCode::OK);
    assert!(search.body.contains("<mark>Übergänge</mark>"), "{}", search.body);
    assert!(search.body.contains(&format!("href=\"/document/{DUEREN}#p-")), "no link to the passage");
    assert!(search.body.contains("Treffer für „Übergänge“"));
    let csp = search.csp.expect("a content security policy");
    assert!(csp.contains("script-src 'self'") && csp.contains("default-src 'none'"), "{csp}");

    let empty = get(state, "/search");
    assert_eq!(empty.status, StatusCode::OK);
    assert!(empty.body.contains("name=\"q\"") && !empty.body.contains("Treffer"));
    let bad = get(state, "/search?q=Kita&municipality=Atlantis");
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("class=\"error\"") && bad.body.contains("name=\"q\""), "the form stays");

    let themes = get(state, "/themes");
    assert_eq!(themes.status, StatusCode::OK);
    assert!(themes.body.contains("Themenstärke") && themes.body.contains("Dok."));
    assert!(themes.body.contains("href=\"/theme?name=uebergaenge&amp;municipality=Kreis+D%C3%BCren\""));
    let cell = get(state, "/theme?name=uebergaenge&municipality=Kreis+D%C3%BCren");
    assert_eq!(cell.status, StatusCode::OK);
    assert!(cell.body.contains("Thema: Übergänge") && cell.body.contains(DUEREN));

    let quotes = get(state, "/quotes?speaker=effing");
    assert_eq!(quotes.status, StatusCode::OK);
    assert!(quotes.body.contains("Zitat kopieren") && quotes.body.contains("data-citation=\"„"));
    assert!(quotes.body.contains("Dr. Klaus Effing"));

    let compare = get(state, "/compare?a=Krefeld&b=Kreis+D%C3%BCren");
    assert_eq!(compare.status, StatusCode::OK);
    assert!(compare.body.contains("Themenstärke") && compare.body.contains("Typische Wörter"));

    let documents = get(state, "/documents?kind=profile");
    assert_eq!(documents.status, StatusCode::OK);
    assert!(documents.body.contains(&format!("href=\"/document/{DUEREN}\"")), "{}", documents.body);
    assert!(!documents.body.contains(&format!("/document/{KREFELD}")), "a leitbild listed among profiles");

    let style = get(state, "/assets/style.css");
    assert_eq!((style.status, style.content_type.as_str()), (StatusCode::OK, "text/css; charset=utf-8"));
    let script = get(state, "/assets/app.js");
    assert!(script.body.contains("data-citation"));
}

/// Corpus text is data: a document holding markup, a `javascript:` url and a title with tags
/// shows them as text on every page.
#[test]
fn corpus_text_is_escaped_on_every_page() {
    let corpus = tempfile::tempdir().unwrap();
    let text = "Frühe Hilfen im Kreis Escapehausen\n\nDie Familien <script>alert('praev')</script> und \
                <img src=x onerror=alert(2)> erhalten Frühe Hilfen.\n";
    std::fs::write(corpus.path().join("boese.txt"), text).unwrap();
    std::fs::write(
        corpus.path().join("praev-manifest.tsv"),
        "file\tmunicipality\turl\ttitle\nboese.txt\tKreis Escapehausen\tjavascript:alert(3)\t<b>Fett</b>\n",
    )
    .unwrap();
    let index = TestIndex::of(corpus.path());
    let state = state_of(&index);
    for target in
        ["/search?q=Familien", "/document/boese.txt", "/documents", "/quotes", "/themes", "/compare"]
    {
        let page = get(&state, target);
        assert!(page.status.is_success(), "{target}: {}", page.status);
        for raw in ["<script>alert", "<img src=x", "<b>Fett", "href=\"javascript:"] {
            assert!(!page.body.contains(raw), "{target} holds {raw:?} unescaped");
        }
    }
    let search = get(&state, "/search?q=Familien");
    assert!(search.body.contains("&lt;script&gt;alert('praev')&lt;/script&gt;"), "{}", search.body);
    assert!(search.body.contains("&lt;b&gt;Fett&lt;/b&gt;"));
    let document = get(&state, "/document/boese.txt");
    assert!(document.body.contains("javascript:alert(3)"), "the url shows as text");
}

/// A served binary, stopped when dropped.
struct Served {
    child: Child,
    url: String,
    stderr: Vec<String>,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `praev serve --port 0 ARGS`: waits for the URL on stdout and the stderr lines up to
/// "serving".
fn serve(index: &TestIndex, args: &[&str]) -> Served {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("praev"))
        .env("PRAEV_CACHE_DIR", index.dir.path())
        .args(["serve", "--port", "0", "--index"])
        .arg(index.path())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut url = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut url).unwrap();
    let mut stderr = Vec::new();
    for line in BufReader::new(child.stderr.take().unwrap()).lines() {
        let line = line.unwrap();
        let done = line.starts_with("serving");
        stderr.push(line);
        if done {
            break;
        }
    }
    Served { child, url: url.trim().to_string(), stderr }
}

#[test]
fn the_binary_prints_its_url_and_serves_on_loopback() {
    let served = serve(bundled_index(), &[]);
    assert!(served.url.starts_with("http://127.0.0.1:") && served.url.ends_with('/'), "{}", served.url);
    assert!(!served.stderr.iter().any(|l| l.starts_with("warning")), "{:?}", served.stderr);
    let body =
        ureq::get(&format!("{}api/search?q=Kita&limit=2", served.url)).call().unwrap().into_string().unwrap();
    let json: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["query"], "Kita");
    assert!(json["hits"].as_array().is_some_and(|hits| !hits.is_empty() && hits.len() <= 2));
    match ureq::get(&format!("{}api/search?q=Kita&limit=500", served.url)).call() {
        Err(ureq::Error::Status(400, response)) => {
            assert!(response.into_string().unwrap().starts_with("{\"error\":"));
        }
        other => panic!("limit=500 was not a 400: {other:?}"),
    }
}

#[test]
fn binding_beyond_loopback_warns() {
    let served = serve(bundled_index(), &["--bind", "0.0.0.0"]);
    assert!(served.url.starts_with("http://0.0.0.0:"), "{}", served.url);
    assert!(
        served
            .stderr
            .iter()
            .any(|l| l.starts_with("warning: listening on 0.0.0.0:") && l.contains("not on loopback")),
        "{:?}",
        served.stderr
    );
}
