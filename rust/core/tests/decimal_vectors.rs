//! `combine_with_rule(.., FloatRule::Decimal)` against the Python library's own
//! results, bit for bit, using the vectors in `tests/data/decimal_vectors.txt` (made by
//! `tests/data/gen_decimal_vectors.py` from `intervalues._sweep.combine_columns`).

use intervalues_core::{Error, FloatRule, Kind, combine_with_rule, decimal_of};

type Triples = Vec<(f64, f64, f64)>;

struct Case {
    kind: Kind,
    fits: bool,
    intervals: Triples,
    want: Triples,
}

fn parse_triples<'a>(lines: &mut impl Iterator<Item = &'a str>, n: usize) -> Triples {
    (0..n)
        .map(|_| {
            let line = lines.next().expect("a triple");
            let fields: Vec<f64> = line
                .split_whitespace()
                .map(|field| field.parse().expect("a float"))
                .collect();
            let [a, b, v] = fields[..] else {
                panic!("bad line {line:?}");
            };
            (a, b, v)
        })
        .collect()
}

fn cases() -> Vec<Case> {
    let text = include_str!("data/decimal_vectors.txt");
    let mut lines = text.lines().filter(|line| !line.starts_with('#'));
    let mut cases = Vec::new();
    while let Some(header) = lines.next() {
        let fields: Vec<&str> = header.split_whitespace().collect();
        let ["case", kind, fits, n] = fields[..] else {
            panic!("bad header {header:?}");
        };
        let kind = Kind::from_name(kind).expect("a kind");
        let intervals = parse_triples(&mut lines, n.parse().expect("a count"));
        let want_header = lines.next().expect("a want line");
        let m = want_header.strip_prefix("want ").expect("want M");
        let want = parse_triples(&mut lines, m.parse().expect("a count"));
        cases.push(Case {
            kind,
            fits: fits == "1",
            intervals,
            want,
        });
    }
    cases
}

fn bits(triples: &[(f64, f64, f64)]) -> Vec<[u64; 3]> {
    triples
        .iter()
        .map(|&(a, b, v)| [a.to_bits(), b.to_bits(), v.to_bits()])
        .collect()
}

#[test]
fn matches_the_python_library_bit_for_bit() {
    let (mut checked, mut overflowed) = (0, 0);
    for case in cases() {
        let starts: Vec<f64> = case.intervals.iter().map(|iv| iv.0).collect();
        let stops: Vec<f64> = case.intervals.iter().map(|iv| iv.1).collect();
        let values: Vec<f64> = case.intervals.iter().map(|iv| iv.2).collect();
        let result = combine_with_rule(
            &starts,
            &stops,
            &values,
            case.kind,
            None,
            FloatRule::Decimal,
        );
        match result {
            Ok(out) => {
                let got: Triples = (0..out.len())
                    .map(|i| (out.starts[i], out.stops[i], out.values[i]))
                    .collect();
                assert_eq!(
                    bits(&got),
                    bits(&case.want),
                    "{:?} of {:?}: got {got:?}, Python gives {:?}",
                    case.kind,
                    case.intervals,
                    case.want
                );
                checked += 1;
            }
            Err(err) => {
                assert!(
                    !case.fits && err == Error::FloatOverflow,
                    "{:?} of {:?}: {err}",
                    case.kind,
                    case.intervals
                );
                overflowed += 1;
            }
        }
    }
    assert!(checked > 1000, "only {checked} vectors checked");
    assert!(overflowed > 10, "only {overflowed} overflows seen");
}

/// `decimal_of` against Python's `_decimal` (shortest `repr` digits for fractional
/// floats, the exact integer for whole ones).
#[test]
fn decimal_of_matches_python_repr() {
    let text = include_str!("data/decimal_of_vectors.txt");
    let mut checked = 0;
    for line in text.lines().filter(|line| !line.starts_with('#')) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [x, m, e] = fields[..] else {
            panic!("bad line {line:?}");
        };
        let x: f64 = x.parse().expect("x");
        let want = match m {
            "big" => None,
            m => Some((m.parse::<i128>().expect("m"), e.parse::<i32>().expect("e"))),
        };
        assert_eq!(decimal_of(x), want, "decimal_of({x:?})");
        checked += 1;
    }
    assert!(checked > 10_000, "only {checked} vectors");
}
