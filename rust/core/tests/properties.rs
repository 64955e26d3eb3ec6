//! Property tests: `combine` against a brute-force reference, plus the canonical-form
//! invariant on every result.
//!
//! The reference evaluates every elementary segment between consecutive distinct
//! bounds by scanning all intervals. Float values are generated as small dyadic
//! numbers `k * 2^e`, so the reference can sum them exactly as `i128` multiples of
//! `2^-SCALE` and round once (`i128 as f64` rounds to nearest, ties to even) —
//! an exact method independent of the kernel's Shewchuk partials.

use intervalues_core::{Columns, Coord, Error, FloatRule, Kind, Value, combine, combine_with_rule};
use proptest::prelude::*;

const SCALE: i32 = 64;

fn kinds() -> impl Strategy<Value = Kind> {
    prop_oneof![Just(Kind::Meter), Just(Kind::Counter), Just(Kind::Set)]
}

/// Intervals with small integer bounds (often touching, nested, empty).
fn int_intervals<V: std::fmt::Debug + Clone>(
    values: impl Strategy<Value = V>,
) -> impl Strategy<Value = Vec<(i64, i64, V)>> {
    prop::collection::vec(
        (-12i64..12, 0i64..8, values).prop_map(|(start, len, v)| (start, start + len, v)),
        0..25,
    )
}

/// A dyadic float `k * 2^e` spanning 70 binary orders of magnitude, so sums need
/// several partials and ties to even occur.
fn dyadic() -> impl Strategy<Value = f64> {
    dyadic_in(-60..10)
}

fn dyadic_in(exponents: std::ops::Range<i32>) -> impl Strategy<Value = f64> {
    (-(1i64 << 20)..(1i64 << 20), exponents).prop_map(|(k, e)| scaled(i128::from(k), e))
}

/// Intervals on a half-integer grid with the given values.
fn float_intervals<V: std::fmt::Debug + Clone>(
    values: impl Strategy<Value = V>,
) -> impl Strategy<Value = Vec<(f64, f64, V)>> {
    prop::collection::vec(
        ((-12i32..12), (0i32..8), values)
            .prop_map(|(s, len, v)| (f64::from(s) / 2.0, f64::from(s + len) / 2.0, v)),
        0..25,
    )
}

/// The kernel against the exact reference, for one float input.
fn check_float_case(ivs: &[(f64, f64, f64)], kind: Kind) -> Result<(), TestCaseError> {
    let out = run(ivs, kind).expect("finite");
    assert_canonical(&out, 0.0);
    let want = reference(ivs, |vs| kind_of_f64(kind, exact_fsum(vs)));
    prop_assert_eq!(bits(&out.values), bits(&want.values));
    prop_assert_eq!(out, want);
    Ok(())
}

fn scaled(k: i128, e: i32) -> f64 {
    #[allow(clippy::cast_precision_loss)] // |k| < 2^21: exact
    let k = k as f64;
    k * 2f64.powi(e)
}

/// The exact value of a generated dyadic float as a multiple of 2^-SCALE.
fn as_fixed(v: f64) -> i128 {
    let fixed = v * 2f64.powi(SCALE);
    assert!(fixed.fract() == 0.0 && fixed.abs() < 2f64.powi(110));
    #[allow(clippy::cast_possible_truncation)] // checked integral and in range just above
    let fixed = fixed as i128;
    fixed
}

/// Brute force: the piece value of every elementary segment, canonicalised.
fn reference<C: Coord, V: Value>(
    intervals: &[(C, C, V)],
    piece_value: impl Fn(&[V]) -> Option<V>,
) -> Columns<C, V> {
    let mut bounds: Vec<C> = intervals.iter().flat_map(|iv| [iv.0, iv.1]).collect();
    bounds.sort_by(|a, b| a.partial_cmp(b).expect("finite"));
    bounds.dedup();
    let mut out = Columns {
        starts: Vec::new(),
        stops: Vec::new(),
        values: Vec::new(),
    };
    for pair in bounds.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let covering: Vec<V> = intervals
            .iter()
            .filter(|iv| iv.0 <= a && b <= iv.1)
            .map(|iv| iv.2)
            .collect();
        let Some(value) = piece_value(&covering) else {
            continue;
        };
        if out.stops.last() == Some(&a) && out.values.last() == Some(&value) {
            *out.stops.last_mut().expect("non-empty") = b;
        } else {
            out.starts.push(a);
            out.stops.push(b);
            out.values.push(value);
        }
    }
    out
}

fn kind_of_i128(kind: Kind, total: i128) -> Option<i128> {
    match kind {
        Kind::Meter => (total != 0).then_some(total),
        Kind::Counter => (total >= 1).then_some(total),
        Kind::Set => (total > 0).then_some(1),
    }
}

fn kind_of_f64(kind: Kind, total: f64) -> Option<f64> {
    match kind {
        Kind::Meter => (total != 0.0).then_some(total),
        Kind::Counter => Some(total.trunc()).filter(|&t| t >= 1.0),
        Kind::Set => (total > 0.0).then_some(1.0),
    }
}

fn exact_fsum(values: &[f64]) -> f64 {
    let total: i128 = values.iter().map(|&v| as_fixed(v)).sum();
    #[allow(clippy::cast_precision_loss)] // the one correct rounding (ties to even)
    let rounded = total as f64;
    rounded * 2f64.powi(-SCALE)
}

fn columns<C: Copy, V: Copy>(intervals: &[(C, C, V)]) -> (Vec<C>, Vec<C>, Vec<V>) {
    (
        intervals.iter().map(|iv| iv.0).collect(),
        intervals.iter().map(|iv| iv.1).collect(),
        intervals.iter().map(|iv| iv.2).collect(),
    )
}

fn run<C: Coord, V: Value>(intervals: &[(C, C, V)], kind: Kind) -> Result<Columns<C, V>, Error> {
    let (starts, stops, values) = columns(intervals);
    combine(&starts, &stops, &values, kind, None)
}

/// Sorted, disjoint, no zero pieces, no touching neighbours with equal values.
fn assert_canonical<C: Coord, V: Value>(out: &Columns<C, V>, zero: V) {
    assert_eq!(out.starts.len(), out.stops.len());
    assert_eq!(out.starts.len(), out.values.len());
    for i in 0..out.len() {
        assert!(out.starts[i] < out.stops[i], "empty piece {i}");
        assert!(out.values[i] != zero, "zero piece {i}");
        if i + 1 < out.len() {
            assert!(out.stops[i] <= out.starts[i + 1], "overlap at {i}");
            assert!(
                out.stops[i] != out.starts[i + 1] || out.values[i] != out.values[i + 1],
                "unmerged neighbours at {i}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn int_values_match_brute_force(ivs in int_intervals(-5i64..6), kind in kinds()) {
        let out = run(&ivs, kind).expect("small ints never overflow");
        assert_canonical(&out, 0);
        let want = reference(&ivs, |vs| {
            kind_of_i128(kind, vs.iter().map(|&v| i128::from(v)).sum())
                .map(|t| i64::try_from(t).expect("small"))
        });
        prop_assert_eq!(out, want);
    }

    #[test]
    fn int_overflow_is_reported_exactly_when_a_kept_piece_overflows(
        ivs in int_intervals(prop_oneof![Just(i64::MAX), Just(i64::MIN), Just(i64::MAX / 2 + 1), -3i64..4]),
        kind in kinds(),
    ) {
        // Evaluate in i128: the kernel must overflow iff some kept piece leaves i64.
        let wide: Vec<(i64, i64, i128)> = ivs.iter().map(|&(s, t, v)| (s, t, i128::from(v))).collect();
        let mut overflows = false;
        let exact = reference_i128(&wide, kind, &mut overflows);
        match run(&ivs, kind) {
            Ok(out) => {
                prop_assert!(!overflows);
                assert_canonical(&out, 0);
                prop_assert_eq!(out.values.iter().map(|&v| i128::from(v)).collect::<Vec<_>>(), exact);
            }
            Err(err) => {
                prop_assert_eq!(err, Error::IntegerOverflow);
                prop_assert!(overflows);
            }
        }
    }

    #[test]
    fn float_values_are_correctly_rounded_exact_sums(
        ivs in float_intervals(dyadic()),
        kind in kinds(),
    ) {
        check_float_case(&ivs, kind)?;
    }

    /// Values within 63 binary orders of magnitude: the fixed-point running total.
    #[test]
    fn float_values_in_a_narrow_range(
        ivs in float_intervals(dyadic_in(-30..0)),
        kind in kinds(),
    ) {
        check_float_case(&ivs, kind)?;
    }

    /// Two far-apart magnitudes force the Shewchuk partials.
    #[test]
    fn float_values_in_a_wide_range(
        mut ivs in float_intervals(dyadic()),
        kind in kinds(),
    ) {
        ivs.push((100.0, 101.0, 2f64.powi(40) + 1.0));
        ivs.push((102.0, 103.0, 3.0 * 2f64.powi(-40)));
        check_float_case(&ivs, kind)?;
    }

    #[test]
    fn float_results_do_not_depend_on_input_order(
        ivs in prop::collection::vec((-10i64..10, 1i64..6, dyadic()), 0..25)
            .prop_flat_map(|ivs| (Just(ivs.clone()), Just(ivs).prop_shuffle())),
        kind in kinds(),
    ) {
        let (ivs, shuffled) = ivs;
        let to_f = |v: &Vec<(i64, i64, f64)>| -> Vec<(i64, i64, f64)> {
            v.iter().map(|&(s, len, x)| (s, s + len, x)).collect()
        };
        let a = run(&to_f(&ivs), kind).expect("finite");
        let b = run(&to_f(&shuffled), kind).expect("finite");
        prop_assert_eq!(bits(&a.values), bits(&b.values));
        prop_assert_eq!(a, b);
    }

    #[test]
    fn adding_the_negation_cancels_to_nothing(
        ivs in prop::collection::vec((-10i64..10, 1i64..6, dyadic()), 0..25),
    ) {
        let mut all: Vec<(i64, i64, f64)> = ivs.iter().map(|&(s, len, x)| (s, s + len, x)).collect();
        all.extend(ivs.iter().rev().map(|&(s, len, x)| (s, s + len, -x)));
        prop_assert!(run(&all, Kind::Meter).expect("finite").is_empty());
    }
}

/// A float written as a short decimal, `m * 10^e` with at most 7 significant digits,
/// so it stands for exactly that decimal under the decimal rule (every decimal of at
/// most 15 digits reads back from its shortest repr).
fn short_decimal() -> impl Strategy<Value = (i64, i32)> {
    (-9_999_999i64..10_000_000, -DECIMALS..3)
}

/// Every generated decimal is a whole multiple of `10^-DECIMALS`.
const DECIMALS: i32 = 9;

fn decimal_float((m, e): (i64, i32)) -> f64 {
    format!("{m}e{e}").parse().expect("a decimal")
}

/// The exact value of a generated decimal in units of `10^-DECIMALS`.
fn decimal_units((m, e): (i64, i32)) -> i128 {
    i128::from(m) * 10i128.pow((e + DECIMALS).unsigned_abs())
}

/// Brute force under the decimal rule: each segment's exact decimal sum, rounded once
/// by parsing its decimal string (Rust's parser rounds correctly).
fn check_decimal_case(ivs: &[(f64, f64, (i64, i32))], kind: Kind) -> Result<(), TestCaseError> {
    let floats: Vec<(f64, f64, f64)> = ivs
        .iter()
        .map(|&(s, t, d)| (s, t, decimal_float(d)))
        .collect();
    let units: std::collections::HashMap<u64, i128> = ivs
        .iter()
        .map(|&(_, _, d)| (decimal_float(d).to_bits(), decimal_units(d)))
        .collect();
    let (starts, stops, values) = columns(&floats);
    let out = combine_with_rule(&starts, &stops, &values, kind, None, FloatRule::Decimal)
        .expect("short decimals fit");
    assert_canonical(&out, 0.0);
    let want = reference(&floats, |vs| {
        let total: i128 = vs.iter().map(|v| units[&v.to_bits()]).sum();
        let rounded: f64 = format!("{total}e-{DECIMALS}").parse().expect("a decimal");
        match kind {
            Kind::Meter => (total != 0).then_some(rounded),
            Kind::Counter => Some(rounded.trunc()).filter(|&t| t >= 1.0),
            Kind::Set => (total > 0).then_some(1.0),
        }
    });
    prop_assert_eq!(bits(&out.values), bits(&want.values));
    prop_assert_eq!(out, want);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn decimal_rule_matches_brute_force(
        ivs in float_intervals(short_decimal()),
        kind in kinds(),
    ) {
        check_decimal_case(&ivs, kind)?;
    }

    /// A few repeated values, so that sums cancel and neighbours merge often.
    #[test]
    fn decimal_rule_with_few_values(
        ivs in float_intervals(prop::sample::select(vec![
            (1, -1), (2, -1), (-3, -1), (2675, -3), (1, -7), (-25, -2), (15, -1), (3, 0),
        ])),
        kind in kinds(),
    ) {
        check_decimal_case(&ivs, kind)?;
    }

    #[test]
    fn decimal_rule_cancels_the_negation(
        ivs in prop::collection::vec((-10i64..10, 1i64..6, short_decimal()), 0..25),
    ) {
        let mut all: Vec<(i64, i64, f64)> =
            ivs.iter().map(|&(s, len, d)| (s, s + len, decimal_float(d))).collect();
        all.extend(ivs.iter().rev().map(|&(s, len, d)| (s, s + len, -decimal_float(d))));
        let (starts, stops, values) = columns(&all);
        let out = combine_with_rule(&starts, &stops, &values, Kind::Meter, None, FloatRule::Decimal);
        prop_assert!(out.expect("fits").is_empty());
    }

    /// Whatever the magnitudes, the decimal rule either gives the exact answer or
    /// reports an overflow; it never gives a wrong answer. Here every value is a whole
    /// float or a dyadic fraction with at most 15 significant decimal digits, whose
    /// decimal reading is its binary value, so the binary rule is the reference.
    #[test]
    fn decimal_rule_is_exact_or_overflows(
        ivs in float_intervals(prop_oneof![
            4 => dyadic_in(-12..10),
            1 => dyadic_in(60..100),
            1 => Just(2f64.powi(100)),
            1 => Just(-(2f64.powi(126))),
        ]),
        kind in kinds(),
    ) {
        let (starts, stops, values) = columns(&ivs);
        let binary = combine(&starts, &stops, &values, kind, None).expect("finite");
        match combine_with_rule(&starts, &stops, &values, kind, None, FloatRule::Decimal) {
            Ok(out) => {
                prop_assert_eq!(bits(&out.values), bits(&binary.values));
                prop_assert_eq!(out, binary);
            }
            Err(err) => {
                prop_assert_eq!(err, Error::FloatOverflow);
                // Only whole floats of 2^60 and more can leave the i128 fixed point.
                prop_assert!(values.iter().any(|v| v.abs() >= 2f64.powi(60)));
            }
        }
    }
}

fn bits(values: &[f64]) -> Vec<u64> {
    values.iter().map(|v| v.to_bits()).collect()
}

/// The kept piece values of an integer input evaluated in `i128`, and whether any of
/// them leaves the `i64` range.
fn reference_i128(intervals: &[(i64, i64, i128)], kind: Kind, overflows: &mut bool) -> Vec<i128> {
    let mut bounds: Vec<i64> = intervals.iter().flat_map(|iv| [iv.0, iv.1]).collect();
    bounds.sort_unstable();
    bounds.dedup();
    let mut values: Vec<(i64, i128)> = Vec::new();
    for pair in bounds.windows(2) {
        let total = intervals
            .iter()
            .filter(|iv| iv.0 <= pair[0] && pair[1] <= iv.1)
            .map(|iv| iv.2)
            .sum();
        if let Some(value) = kind_of_i128(kind, total) {
            *overflows |= i64::try_from(value).is_err();
            if values
                .last()
                .is_some_and(|&(stop, v)| stop == pair[0] && v == value)
            {
                values.last_mut().expect("non-empty").0 = pair[1];
            } else {
                values.push((pair[1], value));
            }
        }
    }
    values.into_iter().map(|(_, v)| v).collect()
}
