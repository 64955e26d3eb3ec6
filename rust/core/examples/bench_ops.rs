//! Times the kernel's lookups and statistics on columns shaped like the Python
//! benchmark's (about 1.8M pieces from 1M random intervals, 1M float points).
//!
//! Run with `cargo run --release -p intervalues-core --example bench_ops`
//! (`RAYON_NUM_THREADS=1` for one thread). Each time is the best of a few runs.

use std::hint::black_box;
use std::time::{Duration, Instant};

use intervalues_core::{Kind, Stats, Steps, add, combine, values_at};

const N: usize = 1_000_000;
const REPEATS: usize = 5;

/// A small deterministic generator.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> i64 {
        i64::try_from(self.next() % n).unwrap_or(0)
    }
}

fn best_of<T>(mut run: impl FnMut() -> T) -> Duration {
    (0..REPEATS)
        .map(|_| {
            let start = Instant::now();
            black_box(run());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() -> Result<(), intervalues_core::Error> {
    let mut rng = XorShift(20_130_101);
    let starts: Vec<i64> = (0..N).map(|_| rng.below(10_000_000)).collect();
    let ends: Vec<i64> = starts.iter().map(|s| s + 1 + rng.below(1000)).collect();
    let values: Vec<i64> = (0..N).map(|_| 1 + rng.below(5)).collect();
    let meter = combine(&starts, &ends, &values, Kind::Meter, None)?;
    let steps = Steps::new(&meter.starts, &meter.stops, &meter.values)?;
    #[allow(clippy::cast_precision_loss)]
    let points: Vec<f64> = (0..N)
        .map(|_| (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * 10_001_020.0 - 10.0)
        .collect();
    let mut sorted = points.clone();
    sorted.sort_by(f64::total_cmp);
    println!("pieces: {}", meter.starts.len());
    let only = std::env::args().nth(1).unwrap_or_default();
    let time = |name: &str, d: Duration| println!("{name:28} {:8.1} ms", d.as_secs_f64() * 1e3);
    if only == "sorted" {
        for _ in 0..20 {
            black_box(values_at(steps, &sorted)?);
        }
        return Ok(());
    }
    if only == "average" {
        for _ in 0..300 {
            black_box(Stats::new(steps).average(None)?);
        }
        return Ok(());
    }
    if only == "random" {
        for _ in 0..10 {
            black_box(values_at(steps, &points)?);
        }
        return Ok(());
    }
    time("values_at random", best_of(|| values_at(steps, &points)));
    time("values_at sorted", best_of(|| values_at(steps, &sorted)));
    time(
        "check columns",
        best_of(|| Steps::new(&meter.starts, &meter.stops, &meter.values)),
    );
    time("average", best_of(|| Stats::new(steps).average(None)));
    time("median", best_of(|| Stats::new(steps).median(None)));
    time("integral", best_of(|| Stats::new(steps).integral(None)));
    time("total", best_of(|| Stats::new(steps).total()));
    time("a + a", best_of(|| add(Kind::Meter, steps, steps, false)));
    Ok(())
}
