//! Property tests of the algebra on canonical step functions against brute-force
//! models: lookups by scanning every piece with exact comparisons, sums by sweeping
//! the concatenated pieces, set operations on a half-integer grid, scaling piece by
//! piece, statistics by expanding pieces into unit cells.

use std::cmp::Ordering;

use intervalues_core::{
    Columns, FloatRule, Kind, Number, Pieces, Scaled, SetOp, Stats, Steps, add, combine,
    combine_with_rule, contains_many, scale, scale_counter, set_op, values_at,
};
use proptest::prelude::*;

/// Raw intervals on a small grid around `base` (touching, nested, empty ones).
fn raw(base: i64) -> impl Strategy<Value = Vec<(i64, i64, i64)>> {
    prop::collection::vec(
        (0i64..24, 0i64..6, -3i64..4).prop_map(move |(s, len, v)| (base + s, base + s + len, v)),
        0..14,
    )
}

fn bases() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(0i64),
        Just((1i64 << 53) - 10),
        Just(i64::MIN + 2),
        Just(i64::MAX - 40),
    ]
}

fn canonical(ivs: &[(i64, i64, i64)], kind: Kind) -> Columns<i64, i64> {
    let s: Vec<i64> = ivs.iter().map(|t| t.0).collect();
    let e: Vec<i64> = ivs.iter().map(|t| t.1).collect();
    let v: Vec<i64> = ivs.iter().map(|t| t.2).collect();
    combine(&s, &e, &v, kind, None).expect("small values")
}

fn steps<C: intervalues_core::Coord, V: intervalues_core::Value>(
    c: &Columns<C, V>,
) -> Steps<'_, C, V> {
    Steps::new(&c.starts, &c.stops, &c.values).expect("canonical")
}

/// Exact `int <=> float`, the model: through the float's exact value as a rational.
fn cmp_exact(i: i64, f: f64) -> Ordering {
    // Every f64 in range is k * 2^e; compare i * 2^-e with k in i128 when it fits.
    if f >= 9_223_372_036_854_775_808.0 {
        return Ordering::Less;
    }
    if f < -9_223_372_036_854_775_808.0 {
        return Ordering::Greater;
    }
    let floor = f.floor();
    #[allow(clippy::cast_possible_truncation)]
    let whole = floor as i64; // exact in range
    match i.cmp(&whole) {
        Ordering::Equal if f > floor => Ordering::Less,
        order => order,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn lookups_match_a_scan(
        base in bases(),
        ivs in raw(0),
        offsets in prop::collection::vec(-2i64..30, 0..40),
        halves in prop::collection::vec(-4i64..60, 0..40),
        sort in any::<bool>(),
    ) {
        let ivs: Vec<_> = ivs.iter().map(|&(s, e, v)| (base.saturating_add(s), base.saturating_add(e), v)).collect();
        let c = canonical(&ivs, Kind::Meter);
        let st = steps(&c);
        let mut ints: Vec<i64> = offsets.iter().map(|&o| base.saturating_add(o)).collect();
        // Floats near the base: exact halves where representable, else rounded.
        #[allow(clippy::cast_precision_loss)]
        let mut floats: Vec<f64> = halves.iter().map(|&h| base as f64 + h as f64 / 2.0).collect();
        if sort {
            ints.sort_unstable();
            floats.sort_by(f64::total_cmp);
        }
        let scan_int = |p: i64| -> i64 {
            let i = c.stops.partition_point(|&e| e < p);
            if i < c.len() && c.starts[i] <= p { c.values[i] } else { 0 }
        };
        let scan_float = |p: f64| -> i64 {
            let i = c.stops.partition_point(|&e| cmp_exact(e, p) == Ordering::Less);
            if i < c.len() && cmp_exact(c.starts[i], p) != Ordering::Greater { c.values[i] } else { 0 }
        };
        let got = values_at(st, &ints).expect("finite");
        prop_assert_eq!(got, ints.iter().map(|&p| scan_int(p)).collect::<Vec<_>>());
        let got = values_at(st, &floats).expect("finite");
        prop_assert_eq!(got, floats.iter().map(|&p| scan_float(p)).collect::<Vec<_>>());
        let covered = contains_many(st.pieces(), &floats).expect("finite");
        prop_assert_eq!(covered, floats.iter().map(|&p| scan_float(p) != 0).collect::<Vec<_>>());
    }

    #[test]
    fn float_coordinates_and_int_points(ivs in raw(0), points in prop::collection::vec(-3i64..40, 0..30)) {
        // Float coordinates k / 4 and integer points: exact either way.
        let c = canonical(&ivs, Kind::Meter);
        #[allow(clippy::cast_precision_loss)]
        let quarter = |x: &i64| *x as f64 / 4.0;
        let fs: Vec<f64> = c.starts.iter().map(quarter).collect();
        let fe: Vec<f64> = c.stops.iter().map(quarter).collect();
        let st = Steps::new(&fs, &fe, &c.values).expect("canonical");
        let got = values_at(st, &points).expect("finite");
        #[allow(clippy::cast_precision_loss)]
        let want: Vec<i64> = points.iter().map(|&p| {
            let i = fe.partition_point(|&e| e < p as f64);
            if i < fe.len() && fs[i] <= p as f64 { c.values[i] } else { 0 }
        }).collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn sums_are_the_sweep_of_both(
        a in raw(0),
        b in raw(0),
        subtract in any::<bool>(),
        kind in prop_oneof![Just(Kind::Meter), Just(Kind::Counter)],
    ) {
        let (ca, cb) = (canonical(&a, kind), canonical(&b, kind));
        let got = add(kind, steps(&ca), steps(&cb), subtract).expect("small");
        let sign = if subtract { -1 } else { 1 };
        let s: Vec<i64> = ca.starts.iter().chain(&cb.starts).copied().collect();
        let e: Vec<i64> = ca.stops.iter().chain(&cb.stops).copied().collect();
        let v: Vec<i64> = ca.values.iter().copied().chain(cb.values.iter().map(|v| sign * v)).collect();
        prop_assert_eq!(got, combine(&s, &e, &v, kind, None).expect("small"));
    }

    #[test]
    fn float_sums_follow_the_decimal_rule(
        a in raw(0),
        b in raw(0),
        tenths in prop::collection::vec(-30i64..30, 14),
        subtract in any::<bool>(),
    ) {
        // Values like 0.1, 0.7, -2.3 (not exact in binary): the sweep of both under the
        // decimal rule is the model.
        #[allow(clippy::cast_precision_loss)]
        let decimal = |ivs: &[(i64, i64, i64)]| -> Columns<f64, f64> {
            let s: Vec<f64> = ivs.iter().map(|t| t.0 as f64 * 0.5).collect();
            let e: Vec<f64> = ivs.iter().map(|t| t.1 as f64 * 0.5).collect();
            let v: Vec<f64> = ivs.iter().enumerate().map(|(i, _)| tenths[i % tenths.len()] as f64 / 10.0).collect();
            combine_with_rule(&s, &e, &v, Kind::Meter, None, FloatRule::Decimal).expect("fits")
        };
        let (ca, cb) = (decimal(&a), decimal(&b));
        let got = add(Kind::Meter, steps(&ca), steps(&cb), subtract).expect("fits");
        let sign = if subtract { -1.0 } else { 1.0 };
        let s: Vec<f64> = ca.starts.iter().chain(&cb.starts).copied().collect();
        let e: Vec<f64> = ca.stops.iter().chain(&cb.stops).copied().collect();
        let v: Vec<f64> = ca.values.iter().copied().chain(cb.values.iter().map(|v| sign * v)).collect();
        let want = combine_with_rule(&s, &e, &v, Kind::Meter, None, FloatRule::Decimal).expect("fits");
        prop_assert_eq!(got.values.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
                        want.values.iter().map(|v| v.to_bits()).collect::<Vec<_>>());
        prop_assert_eq!(got, want);
    }

    #[test]
    fn set_operations_match_the_grid(
        a in raw(0),
        b in raw(0),
        points_a in prop::collection::vec(0i64..30, 0..3),
        points_b in prop::collection::vec(0i64..30, 0..3),
    ) {
        let sa = with_points(&canonical(&a, Kind::Set), &points_a);
        let sb = with_points(&canonical(&b, Kind::Set), &points_b);
        let pa = Pieces::new(&sa.0, &sa.1).expect("canonical");
        let pb = Pieces::new(&sb.0, &sb.1).expect("canonical");
        let (ga, gb) = (grid(&sa), grid(&sb));
        let union: Vec<bool> = ga.iter().zip(&gb).map(|(x, y)| *x || *y).collect();
        let inter: Vec<bool> = ga.iter().zip(&gb).map(|(x, y)| *x && *y).collect();
        let diff = |x: &[bool], y: &[bool]| closure(&x.iter().zip(y).map(|(p, q)| *p && !*q).collect::<Vec<_>>(), x);
        let (ab, ba) = (diff(&ga, &gb), diff(&gb, &ga));
        let xor: Vec<bool> = ab.iter().zip(&ba).map(|(x, y)| *x || *y).collect();
        prop_assert_eq!(set_op(SetOp::Union, pa, pb), pieces_of(&union));
        prop_assert_eq!(set_op(SetOp::Intersection, pa, pb), pieces_of(&inter));
        prop_assert_eq!(set_op(SetOp::Difference, pa, pb), pieces_of(&ab));
        prop_assert_eq!(set_op(SetOp::SymmetricDifference, pa, pb), pieces_of(&xor));
    }

    #[test]
    fn scaling_is_piecewise(ivs in raw(0), factor in -3i64..4, float_factor in -3.0f64..3.0) {
        let c = canonical(&ivs, Kind::Meter);
        let Ok(Scaled::Int(got)) = scale(steps(&c), Number::Int(i128::from(factor))) else {
            return Err(TestCaseError::fail("int * int stays int"));
        };
        let products: Vec<i64> = c.values.iter().map(|v| v * factor).collect();
        prop_assert_eq!(got, combine(&c.starts, &c.stops, &products, Kind::Meter, None).expect("small"));
        let Ok(Scaled::Float(got)) = scale(steps(&c), Number::Float(float_factor)) else {
            return Err(TestCaseError::fail("finite"));
        };
        #[allow(clippy::cast_precision_loss)]
        let products: Vec<f64> = c.values.iter().map(|&v| v as f64 * float_factor).collect();
        let mut want = Columns::default();
        for ((&s, &e), &p) in c.starts.iter().zip(&c.stops).zip(&products) {
            if p != 0.0 {
                push_merged(&mut want, s, e, p);
            }
        }
        prop_assert_eq!(got, want);
        if float_factor > 0.0 {
            let counts = scale_counter(steps(&c), Number::Float(float_factor)).expect("small");
            let mut want: Columns<i64, i64> = Columns::default();
            for ((&s, &e), &p) in c.starts.iter().zip(&c.stops).zip(&products) {
                #[allow(clippy::cast_possible_truncation)]
                let count = p.trunc() as i64;
                if count != 0 {
                    push_merged(&mut want, s, e, count);
                }
            }
            prop_assert_eq!(counts, want);
        }
    }

    #[test]
    fn statistics_match_unit_cells(ivs in raw(0)) {
        let c = canonical(&ivs, Kind::Meter);
        let stats = Stats::new(steps(&c));
        // Every piece expanded into unit cells (coordinates are small integers).
        let mut cells: Vec<i64> = Vec::new();
        for ((&s, &e), &v) in c.starts.iter().zip(&c.stops).zip(&c.values) {
            cells.extend(std::iter::repeat_n(v, usize::try_from(e - s).expect("positive")));
        }
        if cells.is_empty() {
            prop_assert!(stats.average(None).is_err());
            prop_assert!(stats.median(None).is_err());
            return Ok(());
        }
        let n = i64::try_from(cells.len()).expect("small");
        let sum: i64 = cells.iter().sum();
        #[allow(clippy::cast_precision_loss)] // small exact integers: one correct rounding
        let want_average = sum as f64 / n as f64;
        prop_assert_eq!(stats.average(None).expect("measure"), want_average);
        cells.sort_unstable();
        let half = cells.len() / 2;
        let want_median = if cells.len() % 2 == 1 || cells[half - 1] == cells[half] {
            Number::Int(i128::from(cells[half]))
        } else {
            #[allow(clippy::cast_precision_loss)]
            Number::Float((cells[half - 1] + cells[half]) as f64 / 2.0)
        };
        let got = stats.median(None).expect("measure");
        prop_assert!(got.same(want_median), "{:?} {:?}", got, want_median);
        let mut counts: Vec<(i64, usize)> = Vec::new();
        for &v in &cells {
            match counts.last_mut() {
                Some((last, count)) if *last == v => *count += 1,
                _ => counts.push((v, 1)),
            }
        }
        let best = counts.iter().map(|&(_, k)| k).max().unwrap_or(0);
        let want_mode: Vec<i64> = counts.iter().filter(|&&(_, k)| k == best).map(|&(v, _)| v).collect();
        let got_mode: Vec<Number> = stats.mode(None).expect("measure");
        prop_assert_eq!(got_mode.len(), want_mode.len());
        for (g, w) in got_mode.iter().zip(&want_mode) {
            prop_assert!(g.same(Number::Int(i128::from(*w))));
        }
        prop_assert!(stats.integral(None).expect("small").same(Number::Int(i128::from(sum))));
        prop_assert!(stats.minimum(None).expect("some").same(Number::Int(i128::from(cells[0]))));
        prop_assert!(stats.maximum(None).expect("some").same(Number::Int(i128::from(cells[cells.len() - 1]))));
    }

    #[test]
    fn number_comparisons_are_exact(i in any::<i64>(), bits in any::<u64>(), near in -3i64..3) {
        let f = f64::from_bits(bits);
        prop_assume!(f.is_finite());
        let model = cmp_exact(i, f);
        prop_assert_eq!(Number::from(i).partial_cmp(&Number::Float(f)), Some(model));
        // Integers next to a float's own value.
        if f.abs() < 9.0e18 {
            #[allow(clippy::cast_possible_truncation)]
            let j = (f as i64).saturating_add(near);
            prop_assert_eq!(Number::from(j).partial_cmp(&Number::Float(f)), Some(cmp_exact(j, f)));
        }
    }
}

fn push_merged<V: PartialEq + Copy>(out: &mut Columns<i64, V>, s: i64, e: i64, v: V) {
    if out.stops.last() == Some(&s) && out.values.last() == Some(&v) {
        if let Some(last) = out.stops.last_mut() {
            *last = e;
        }
        return;
    }
    out.starts.push(s);
    out.stops.push(e);
    out.values.push(v);
}

/// A canonical set plus one-point pieces at `points` (where nothing covers them).
fn with_points(set: &Columns<i64, i64>, points: &[i64]) -> (Vec<i64>, Vec<i64>) {
    let mut pieces: Vec<(i64, i64)> = set
        .starts
        .iter()
        .copied()
        .zip(set.stops.iter().copied())
        .collect();
    for &p in points {
        if pieces.iter().all(|&(s, e)| p < s - 1 || p > e + 1) {
            pieces.push((p, p));
        }
    }
    pieces.sort_unstable();
    pieces.dedup();
    pieces.into_iter().unzip()
}

/// Grid cells: index `2x` is the point `x`, `2x + 1` the open stretch `(x, x + 1)`.
const CELLS: usize = 80;

fn grid((starts, stops): &(Vec<i64>, Vec<i64>)) -> Vec<bool> {
    let mut cells = vec![false; CELLS];
    for (&s, &e) in starts.iter().zip(stops) {
        for (k, cell) in cells.iter_mut().enumerate() {
            let k = i64::try_from(k).expect("small");
            if 2 * s <= k && k <= 2 * e {
                *cell = true;
            }
        }
    }
    cells
}

/// The closure of a difference within `of`: boundary points of kept stretches return.
fn closure(cells: &[bool], of: &[bool]) -> Vec<bool> {
    let mut out = cells.to_vec();
    for k in (0..cells.len()).step_by(2) {
        let next_to_kept = (k > 0 && cells[k - 1]) || cells.get(k + 1).copied().unwrap_or(false);
        if of[k] && next_to_kept {
            out[k] = true;
        }
    }
    out
}

/// Maximal runs of covered cells as closed pieces (a lone point cell is `[x, x]`).
fn pieces_of(cells: &[bool]) -> (Vec<i64>, Vec<i64>) {
    let (mut starts, mut stops) = (Vec::new(), Vec::new());
    let mut k = 0;
    while k < cells.len() {
        if cells[k] {
            let first = k;
            while k + 1 < cells.len() && cells[k + 1] {
                k += 1;
            }
            let point = |cell: usize| i64::try_from(cell / 2).expect("small");
            // Runs start and end on point cells when they come from closed pieces.
            starts.push(point(first));
            stops.push(point(k + 1));
            if k % 2 == 0 {
                *stops.last_mut().expect("pushed") = point(k);
            }
        }
        k += 1;
    }
    (starts, stops)
}
