//! Repeats the seed's measurement: combine 1,000,000 random intervals in pure Rust,
//! with this kernel and, side by side, with the crates.io `intervalues` 0.3.1 crate
//! (`IntFloat` for the float case, as in that crate's own demo).
//!
//! Run with `cargo run --release -p intervalues-core --example bench_seed`.
//! Each time is the best of a few runs; input building is not timed.

use std::hint::black_box;
use std::time::{Duration, Instant};

use intervalues_core::{FloatRule, Kind, combine, combine_with_rule};

const N: usize = 1_000_000;
const REPEATS: usize = 5;

/// A small deterministic generator, so both crates see the same data.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }

    /// `N` ordered pairs `(start, stop)` with both bounds drawn from `0..range`.
    fn bounds(&mut self, range: u64) -> Vec<(i64, i64)> {
        (0..N)
            .map(|_| {
                let (a, b) = (self.below(range), self.below(range));
                let (a, b) = (a.min(b), a.max(b));
                (i64::try_from(a).unwrap_or(0), i64::try_from(b).unwrap_or(0))
            })
            .collect()
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

/// Like `best_of`, for a function that consumes a fresh copy of its input.
fn best_of_consuming<I: Clone, T>(input: &I, mut run: impl FnMut(I) -> T) -> Duration {
    (0..REPEATS)
        .map(|_| {
            let input = input.clone();
            let start = Instant::now();
            black_box(run(input));
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn report(label: &str, ours: Duration, theirs: Option<Duration>) {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    match theirs {
        Some(theirs) => println!(
            "{label:<44} ours {:>8.1} ms   intervalues 0.3.1 {:>8.1} ms   ratio {:>6.1}x",
            ms(ours),
            ms(theirs),
            theirs.as_secs_f64() / ours.as_secs_f64()
        ),
        None => println!("{label:<44} ours {:>8.1} ms", ms(ours)),
    }
}

#[allow(clippy::cast_precision_loss)] // small integers, exact in f32/f64
fn main() {
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    println!("{N} random intervals, best of {REPEATS} runs\n");

    // (1) of the seed: integer bounds in 0..10, every value 1.
    let bounds = rng.bounds(10);
    let starts: Vec<i64> = bounds.iter().map(|b| b.0).collect();
    let stops: Vec<i64> = bounds.iter().map(|b| b.1).collect();
    let ones = vec![1i64; N];
    let ours = best_of(|| combine(&starts, &stops, &ones, Kind::Meter, None));
    let input: Vec<_> = bounds
        .iter()
        .map(|&(a, b)| intervalues::Interval::new(a, b, 1i64))
        .collect();
    let theirs = best_of_consuming(&input, intervalues::combine_intervals);
    report("i64 bounds in 0..10, value 1 (i64)", ours, Some(theirs));

    // (4) of the seed: bounds 0.5 + 0..10, every value 1.5 (IntFloat in the crate).
    let bounds = rng.bounds(10);
    let starts: Vec<f64> = bounds.iter().map(|b| 0.5 + b.0 as f64).collect();
    let stops: Vec<f64> = bounds.iter().map(|b| 0.5 + b.1 as f64).collect();
    let weights = vec![1.5f64; N];
    let ours = best_of(|| combine(&starts, &stops, &weights, Kind::Meter, None));
    let int_float = |x: f32| intfloat::IntFloat::from(x, 1);
    let input: Vec<_> = bounds
        .iter()
        .map(|&(a, b)| {
            intervalues::Interval::new(
                int_float(0.5 + a as f32),
                int_float(0.5 + b as f32),
                int_float(1.5),
            )
        })
        .collect();
    let theirs = best_of_consuming(&input, intervalues::combine_intervals);
    report(
        "f64 bounds 0.5 + 0..10, value 1.5 (f64)",
        ours,
        Some(theirs),
    );

    // Many distinct bounds: where sorting dominates.
    let bounds = rng.bounds(1_000_000_000);
    let starts: Vec<i64> = bounds.iter().map(|b| b.0).collect();
    let stops: Vec<i64> = bounds.iter().map(|b| b.1).collect();
    let values: Vec<i64> = (0..N).map(|_| rng.below(100).cast_signed() - 50).collect();
    let ours = best_of(|| combine(&starts, &stops, &values, Kind::Meter, None));
    let input: Vec<_> = (0..N)
        .map(|i| intervalues::Interval::new(starts[i], stops[i], values[i]))
        .collect();
    let theirs = best_of_consuming(&input, intervalues::combine_intervals);
    report("i64 bounds in 0..1e9, i64 values", ours, Some(theirs));

    let starts: Vec<f64> = starts.iter().map(|&x| x as f64 / 1e3).collect();
    let stops: Vec<f64> = stops.iter().map(|&x| x as f64 / 1e3).collect();
    let values: Vec<f64> = values.iter().map(|&v| v as f64 * 0.1).collect();
    let ours = best_of(|| combine(&starts, &stops, &values, Kind::Meter, None));
    report("f64 bounds in 0..1e6, f64 values (x 0.1)", ours, None);
    let ours = best_of(|| combine(&starts, &stops, &values, Kind::Meter, Some(2)));
    report("  same with nr_digits = 2", ours, None);
    let decimal = |values: &[f64]| {
        best_of(|| {
            combine_with_rule(
                &starts,
                &stops,
                values,
                Kind::Meter,
                None,
                FloatRule::Decimal,
            )
        })
    };
    report("  same, decimal rule", decimal(&values), None);
    let few = [0.1, 0.25, 1.5, 2.675, -0.3];
    let values: Vec<f64> = (0..N)
        .map(|_| few[usize::try_from(rng.below(5)).unwrap_or(0)])
        .collect();
    let ours = best_of(|| combine(&starts, &stops, &values, Kind::Meter, None));
    report("  values from [0.1, 0.25, 1.5, 2.675, -0.3]", ours, None);
    report("  same, decimal rule", decimal(&values), None);
    // Full-precision values: every value formatted, every total parsed.
    let values: Vec<f64> = (0..N)
        .map(|_| (rng.below(1 << 53) as f64 / (1u64 << 53) as f64 - 0.5) * 200.0)
        .collect();
    let ours = best_of(|| combine(&starts, &stops, &values, Kind::Meter, None));
    report("  full-precision values in -100..100", ours, None);
    report("  same, decimal rule", decimal(&values), None);
}
