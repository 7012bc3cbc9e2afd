//! Load generator for `tools/bench-serve.sh`: the latency of `/api/search` under concurrent
//! clients against the same searches run in-process, and an error count over many requests.
//!
//! ```text
//! cargo run --release --example bench_serve -- INDEX URL QUERIES.tsv [CLIENTS] [ROUNDS] [REQUESTS]
//! ```
//!
//! In-process, each of CLIENTS threads runs the searches with the library (`query::search`,
//! then the JSON the API sends, through `output::emit`) on one shared index; over HTTP, each
//! client sends the same searches to `URL/api/search` on its own keep-alive connection. Both
//! print p50 and p99 in milliseconds and their ratio, after one unmeasured pass over the
//! queries each way (warm caches on both sides). Then REQUESTS requests (default 10,000)
//! go out from CLIENTS clients, and every answer that is not 200 with a JSON body counts as an
//! error.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use praev::index::PraevIndex;
use praev::output::hits::SearchReport;
use praev::output::{emit, Format, Style};
use praev::query::{self, PassageFilter, SearchRequest};

/// The allocator of the praev binary, so that the in-process side is not slowed by another.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        return Err("usage: bench_serve INDEX URL QUERIES.tsv [CLIENTS] [ROUNDS] [REQUESTS]".into());
    }
    let (index_path, url, queries_file) = (&args[0], args[1].trim_end_matches('/').to_string(), &args[2]);
    let number = |i: usize, default: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let (clients, rounds, requests) = (number(3, 8), number(4, 5), number(5, 10_000));
    let queries = read_queries(queries_file)?;
    println!("{} queries, {clients} clients, {rounds} rounds each", queries.len());

    let index = Arc::new(PraevIndex::open(std::path::Path::new(index_path))?);
    // One unmeasured pass each way, so both sides start with warm caches.
    let warm = ureq::AgentBuilder::new().build();
    for query in &queries {
        search_in_process(&index, query)?;
        search_over_http(&warm, &url, query)?;
    }
    let started = Instant::now();
    let local = run_clients(clients, |client| {
        let index = Arc::clone(&index);
        let queries = queries.clone();
        move || each_query(&queries, client, rounds, |q| search_in_process(&index, q))
    });
    let local_seconds = started.elapsed().as_secs_f64();
    let agent = || ureq::AgentBuilder::new().timeout(Duration::from_secs(60)).build();
    let started = Instant::now();
    let remote = run_clients(clients, |client| {
        let (queries, url, agent) = (queries.clone(), url.clone(), agent());
        move || each_query(&queries, client, rounds, |q| search_over_http(&agent, &url, q).map(|_| ()))
    });
    let remote_seconds = started.elapsed().as_secs_f64();
    let (local_p50, local_p99) = (percentile(&local.0, 50.0), percentile(&local.0, 99.0));
    let (http_p50, http_p99) = (percentile(&remote.0, 50.0), percentile(&remote.0, 99.0));
    let (local_rate, remote_rate) =
        (local.0.len() as f64 / local_seconds, remote.0.len() as f64 / remote_seconds);
    println!("in-process  p50 {local_p50:7.2} ms  p99 {local_p99:7.2} ms  {local_rate:6.0} searches/s");
    println!("HTTP        p50 {http_p50:7.2} ms  p99 {http_p99:7.2} ms  {remote_rate:6.0} requests/s");
    println!(
        "ratio HTTP / in-process: p50 {:.2}x  p99 {:.2}x  throughput {:.2}x",
        http_p50 / local_p50,
        http_p99 / local_p99,
        remote_rate / local_rate
    );
    if local.1 + remote.1 > 0 {
        println!("errors during the latency runs: {}", local.1 + remote.1);
    }

    let per_client = requests.div_ceil(clients);
    let started = Instant::now();
    let load = run_clients(clients, |client| {
        let (queries, url, agent) = (queries.clone(), url.clone(), agent());
        move || {
            let mut latencies = Vec::with_capacity(per_client);
            let mut errors = 0;
            for i in 0..per_client {
                let query = &queries[(client * 7 + i) % queries.len()];
                let start = Instant::now();
                match search_over_http(&agent, &url, query) {
                    Ok(()) => latencies.push(start.elapsed().as_secs_f64() * 1000.0),
                    Err(e) => {
                        errors += 1;
                        if errors <= 3 {
                            eprintln!("error: {query:?}: {e}");
                        }
                    }
                }
            }
            (latencies, errors)
        }
    });
    let seconds = started.elapsed().as_secs_f64();
    let sent = per_client * clients;
    println!(
        "load: {sent} requests from {clients} clients in {seconds:.1} s ({:.0}/s), p50 {:.2} ms, p99 {:.2} ms, errors {}",
        sent as f64 / seconds,
        percentile(&load.0, 50.0),
        percentile(&load.0, 99.0),
        load.1
    );
    if load.1 > 0 {
        return Err(format!("{} of {sent} requests failed", load.1).into());
    }
    Ok(())
}

/// The queries of a `qid<TAB>query<TAB>…` file with a header line.
fn read_queries(file: &str) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let queries: Vec<String> =
        text.lines().skip(1).filter_map(|l| l.split('\t').nth(1)).map(str::to_string).collect();
    if queries.is_empty() {
        return Err(format!("{file}: no queries").into());
    }
    Ok(queries)
}

type Outcome = (Vec<f64>, usize);

/// Runs `clients` threads made by `make(client)`, gathering their latencies and errors.
fn run_clients<F, W>(clients: usize, make: F) -> Outcome
where
    F: Fn(usize) -> W,
    W: FnOnce() -> Outcome + Send + 'static,
{
    let all = Arc::new(Mutex::new((Vec::new(), 0)));
    let threads: Vec<_> = (0..clients)
        .map(|client| {
            let work = make(client);
            let all = Arc::clone(&all);
            std::thread::spawn(move || {
                let (latencies, errors) = work();
                let mut all = all.lock().unwrap();
                all.0.extend(latencies);
                all.1 += errors;
            })
        })
        .collect();
    for thread in threads {
        thread.join().expect("a client thread");
    }
    let Ok(all) = Arc::try_unwrap(all) else { panic!("a client thread still holds the results") };
    all.into_inner().unwrap()
}

/// Every query `rounds` times, starting at a different one per client; latencies in ms.
fn each_query<E: std::fmt::Display>(
    queries: &[String],
    client: usize,
    rounds: usize,
    mut search: impl FnMut(&str) -> Result<(), E>,
) -> Outcome {
    let mut latencies = Vec::new();
    let mut errors = 0;
    for i in 0..queries.len() * rounds {
        let query = &queries[(client * 7 + i) % queries.len()];
        let start = Instant::now();
        match search(query) {
            Ok(()) => latencies.push(start.elapsed().as_secs_f64() * 1000.0),
            Err(e) => {
                errors += 1;
                eprintln!("error: {query:?}: {e}");
            }
        }
    }
    (latencies, errors)
}

/// What `/api/search?q=QUERY` computes: the search with the API's defaults and its JSON.
fn search_in_process(index: &PraevIndex, query: &str) -> Result<(), String> {
    let request = SearchRequest {
        query: query.to_string(),
        limit: 10,
        filter: PassageFilter::default(),
        exact: false,
        per_file: query::search::DEFAULT_PER_FILE,
        boosts: Vec::new(),
        feedback: None,
        sort: query::search::SortOrder::Score,
    };
    let results = query::search(index, &request).map_err(|e| e.to_string())?;
    let mut body = Vec::new();
    emit(&SearchReport(&results), Format::Json, &mut body, Style::PLAIN).map_err(|e| e.to_string())?;
    std::hint::black_box(body);
    Ok(())
}

/// `GET URL/api/search?q=QUERY`: Ok for a 200 whose body is JSON.
fn search_over_http(agent: &ureq::Agent, url: &str, query: &str) -> Result<(), String> {
    let response =
        agent.get(&format!("{url}/api/search")).query("q", query).call().map_err(|e| e.to_string())?;
    let body = response.into_string().map_err(|e| e.to_string())?;
    serde_json::from_str::<serde_json::Value>(&body).map_err(|e| format!("not JSON: {e}"))?;
    Ok(())
}

/// The `p`-th percentile (nearest rank) of `values`, 0 for none.
fn percentile(values: &[f64], p: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}
