//! Times reader mode's extraction of web pages, in one process (no process start, no output):
//! `cargo run --release --example extract -- [-n RUNS] PAGE...`. For each page: its size, and the
//! fastest and the median of RUNS extractions (default 20), in milliseconds.
use std::time::Instant;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut runs = 20usize;
    if args.first().is_some_and(|a| a == "-n") && args.len() > 1 {
        runs = args[1].parse().unwrap_or(runs).max(1);
        args.drain(..2);
    }
    if args.is_empty() {
        eprintln!("usage: extract [-n RUNS] PAGE...");
        return;
    }
    for path in &args {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(krant::article::html::extract_bytes(&bytes));
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "{path}\t{:.0} KB\tfastest {:.1} ms\tmedian {:.1} ms",
            bytes.len() as f64 / 1024.0,
            times[0],
            times[runs / 2]
        );
    }
}
