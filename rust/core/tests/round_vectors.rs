//! `round_decimal` against CPython's `round(x, k)`, using the vectors in
//! `tests/data/round_vectors.txt` (made by `tests/data/gen_round_vectors.py`).

use intervalues_core::round_decimal;

#[test]
fn matches_cpython_round() {
    let text = include_str!("data/round_vectors.txt");
    let mut checked = 0;
    for line in text.lines().filter(|line| !line.starts_with('#')) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [x, k, want] = fields[..] else {
            panic!("bad line {line:?}");
        };
        let x: f64 = x.parse().expect("x");
        let k: u32 = k.parse().expect("k");
        let want: f64 = want.parse().expect("round(x, k)");
        let got = round_decimal(x, k);
        assert_eq!(
            got.to_bits(),
            want.to_bits(),
            "round({x:?}, {k}): got {got:?}, CPython gives {want:?}"
        );
        checked += 1;
    }
    assert!(checked > 10_000, "only {checked} vectors");
}
