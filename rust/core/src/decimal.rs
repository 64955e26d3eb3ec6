//! The decimal rule for float values: what number a float stands for, and the exact
//! integer sums under one common power of ten that the rule leads to.
//!
//! A whole float (`v.fract() == 0`) stands for its exact integer, so `2.0^64` is
//! `18446744073709551616`. A fractional float stands for the shortest decimal that
//! reads back as it, the digits Python's `repr` prints, so `0.1` is exactly one tenth
//! and `0.1 + 0.2 - 0.3` cancels to zero. With `k` the most decimals among the values,
//! every value is an integer multiple of `10^-k`; the sweep adds those integers in
//! `i128` (checked) and a piece's value is its total divided by `10^k`, correctly
//! rounded once. Whatever does not fit (`k > 38`, a scaled value or a total beyond
//! `i128`) is [`Error::FloatOverflow`]: the caller redoes it with big integers.

use std::fmt::{self, Write};
use std::marker::PhantomData;

use crate::sweep::{Total, sweep};
use crate::{Columns, Coord, Error, Kind};

/// `10^i` for every `i` such that it fits an `i128` (`10^38 < 2^127 < 10^39`).
const POW10_I128: [i128; 39] = {
    let mut table = [1i128; 39];
    let mut i = 1;
    while i < table.len() {
        table[i] = table[i - 1] * 10;
        i += 1;
    }
    table
};

/// Powers of ten that are exact in `f64`.
const POW10_F64: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The magnitude from which a whole `f64` no longer fits an `i128` (`2^127`).
const I128_LIMIT: f64 = 170_141_183_460_469_231_731_687_303_715_884_105_728.0;

/// The number a finite float stands for under the decimal rule: `mantissa * 10^exponent`.
///
/// A whole float gives its exact integer with exponent 0; a fractional one gives the
/// shortest round-trip digits (the digits of Python's `repr`) and a negative exponent.
/// `None` when a whole float does not fit an `i128` (beyond `2^127` in magnitude).
///
/// ```
/// use intervalues_core::decimal_of;
///
/// assert_eq!(decimal_of(0.1), Some((1, -1)));
/// assert_eq!(decimal_of(-2.5e-7), Some((-25, -8)));
/// assert_eq!(decimal_of(2.675), Some((2675, -3)));
/// assert_eq!(decimal_of(3.0), Some((3, 0)));
/// assert_eq!(decimal_of(2f64.powi(64)), Some((18_446_744_073_709_551_616, 0)));
/// assert_eq!(decimal_of(1e300), None);
/// ```
#[must_use]
pub fn decimal_of(v: f64) -> Option<(i128, i32)> {
    if !v.is_finite() {
        return None;
    }
    if v.fract() == 0.0 {
        // A whole float below 2^127 in magnitude converts to i128 exactly.
        #[allow(clippy::cast_possible_truncation)]
        return (v.abs() < I128_LIMIT).then_some((v as i128, 0));
    }
    shortest_digits(v).map(|(mantissa, exponent)| (i128::from(mantissa), exponent))
}

/// The shortest round-trip decimal of a finite fractional `v` as `(digits, exponent)`,
/// exactly as Python's `repr` prints it.
///
/// Rust's `{:e}` formatting and Python's `repr` both give the shortest digits that
/// read back as `v` and, among those, the closest to `v`. They differ only when `v`
/// lies exactly halfway between two such candidates: Rust rounds the last digit up,
/// Python to even (`1428270122127.78125` prints as `1428270122127.7812` in Python and
/// `1428270122127.7813` in Rust). So the tie is detected exactly and resolved to even.
fn shortest_digits(v: f64) -> Option<(i64, i32)> {
    if let Some(found) = few_decimals(v) {
        return Some(found);
    }
    let (digits, exponent) = formatted_digits(v)?;
    Some(even_on_tie(v, digits, exponent).unwrap_or((digits, exponent)))
}

/// The fast path of [`shortest_digits`], for values with few decimals (`0.1`, `2.675`):
/// the fewest decimals `d` such that some integer `m` over `10^d` reads back as `v`.
///
/// `m / 10^d` with `m < 2^53` and `d <= 22` is one correctly rounded division of exact
/// operands, so it equals the parsed decimal. While `10^-d` exceeds the spacing of
/// floats at `v`, at most one `m` reads back as `v`, and it is within one of the
/// rounded product `v * 10^d`; the first `d` that works gives the fewest significant
/// digits, so it is the shortest repr (without ties). `None` once decimals get as fine
/// as the float spacing; the caller then formats `v`.
fn few_decimals(v: f64) -> Option<(i64, i32)> {
    const EXACT_BELOW: f64 = 9_007_199_254_740_992.0; // 2^53
    let magnitude = v.abs();
    let spacing = magnitude.next_up() - magnitude;
    for (decimals, &power) in (0i32..).zip(&POW10_F64) {
        // spacing is a power of two, so the product is exact.
        let step = spacing * power;
        if step >= 1.0 {
            return None;
        }
        let product = v * power;
        let rounded = product.round();
        if rounded.abs() >= EXACT_BELOW - 1.0 {
            return None;
        }
        // A candidate that reads back as v is within step / 2 of the exact product,
        // which is within half an ulp of `product`: a generous bound saves divisions.
        let near = step + (product.abs().next_up() - product.abs());
        for candidate in [rounded, rounded - 1.0, rounded + 1.0] {
            if (candidate - product).abs() <= near && candidate / power == v {
                // An integer below 2^53 in magnitude: the conversion is exact.
                #[allow(clippy::cast_possible_truncation)]
                return Some((candidate as i64, -decimals));
            }
        }
    }
    None
}

/// `5^i` for every `i` such that it fits a `u64` (`5^27 < 2^63`).
const POW5_U64: [u64; 28] = {
    let mut table = [1u64; 28];
    let mut i = 1;
    while i < table.len() {
        table[i] = table[i - 1] * 5;
        i += 1;
    }
    table
};

/// If `v` (fractional) lies exactly halfway between `digits * 10^exponent` and its
/// even neighbour `(digits ± 1) * 10^exponent`, and that neighbour also reads back as
/// `v`, the neighbour (trailing zeros stripped); otherwise `None`.
fn even_on_tie(v: f64, digits: i64, exponent: i32) -> Option<(i64, i32)> {
    if digits % 2 == 0 {
        return None;
    }
    // |v| = odd * 2^-halvings exactly, so its exact decimal expansion is
    // (odd * 5^halvings) * 10^-halvings, with no trailing zeros (odd is odd).
    let (odd, halvings) = odd_and_halvings(v)?;
    // A tie needs that expansion to end one digit after `digits`, so
    // odd * 5^halvings has at most 18 digits (below 10^19 < 2^64 is all we need).
    let exact = u128::from(odd).checked_mul(u128::from(*POW5_U64.get(halvings as usize)?))?;
    let below = u32::try_from(exponent.checked_add(halvings.cast_signed())?).ok()?;
    // v == (|digits| ± 1/2) * 10^exponent  <=>  2 * exact == (2|digits| ± 1) * 10^below.
    let power = 10u128.checked_pow(below)?;
    let twice = exact.checked_mul(2)?;
    let magnitude = u128::from(digits.unsigned_abs());
    let neighbour = if twice == (2 * magnitude - 1).checked_mul(power)? {
        magnitude - 1
    } else if twice == (2 * magnitude + 1).checked_mul(power)? {
        magnitude + 1
    } else {
        return None;
    };
    let mut neighbour = i64::try_from(neighbour).ok()?;
    if neighbour == 0 {
        return None;
    }
    let mut exponent = exponent;
    while neighbour % 10 == 0 {
        neighbour /= 10;
        exponent += 1;
    }
    let signed = if digits < 0 { -neighbour } else { neighbour };
    let decimals = u32::try_from(exponent.checked_neg()?).ok()?;
    (decimal_to_f64(i128::from(signed), decimals) == v).then_some((signed, exponent))
}

/// `(odd, halvings)` with `|v| = odd * 2^-halvings`, `odd` odd and `halvings > 0`, for
/// a finite `v` that is not a whole number; `None` otherwise.
fn odd_and_halvings(v: f64) -> Option<(u64, u32)> {
    let bits = v.to_bits();
    let fraction = bits & ((1 << 52) - 1);
    #[allow(clippy::cast_possible_truncation)] // an 11-bit field
    let biased_exponent = ((bits >> 52) & 0x7ff) as i32;
    let (mantissa, exponent) = match biased_exponent {
        0 => (fraction, -1074),
        0x7ff => return None,
        _ => (fraction | (1 << 52), biased_exponent - 1075),
    };
    if mantissa == 0 {
        return None;
    }
    let zeros = mantissa.trailing_zeros();
    let halvings = u32::try_from(-(exponent + zeros.cast_signed())).ok()?;
    (halvings > 0).then_some((mantissa >> zeros, halvings))
}

/// The digits and exponent of Rust's shortest `{:e}` form of a finite `v`, parsed
/// without allocating.
fn formatted_digits(v: f64) -> Option<(i64, i32)> {
    let mut text = StackText::new();
    write!(text, "{v:e}").ok()?;
    let (mantissa, exponent) = text.as_bytes().split_at(text.position(b'e')?);
    let exponent = std::str::from_utf8(exponent.get(1..)?)
        .ok()?
        .parse::<i32>()
        .ok()?;
    let (negative, mantissa) = match mantissa.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, mantissa),
    };
    let mut digits: i64 = 0;
    let mut decimals: i32 = 0;
    let mut after_point = false;
    for &byte in mantissa {
        match byte {
            b'.' if !after_point => after_point = true,
            b'0'..=b'9' => {
                digits = digits
                    .checked_mul(10)?
                    .checked_add(i64::from(byte - b'0'))?;
                decimals += i32::from(after_point);
            }
            _ => return None,
        }
    }
    Some((if negative { -digits } else { digits }, exponent - decimals))
}

/// The `f64` nearest to `total / 10^decimals` (ties to even).
///
/// ```
/// use intervalues_core::decimal_to_f64;
///
/// assert_eq!(decimal_to_f64(3, 1), 0.3);
/// assert_eq!(decimal_to_f64(-2675, 3), -2.675);
/// assert_eq!(decimal_to_f64(1, 38), 1e-38);
/// assert_eq!(decimal_to_f64(i128::MAX, 0), 1.7014118346046923e38);
/// ```
#[must_use]
pub fn decimal_to_f64(total: i128, decimals: u32) -> f64 {
    // i128 -> f64 rounds to nearest, ties to even: the one rounding step.
    #[allow(clippy::cast_precision_loss)]
    let as_float = total as f64;
    if decimals == 0 {
        return as_float;
    }
    // Clinger's fast path: both operands exact, so the division rounds once.
    if total.unsigned_abs() <= 1 << 53
        && let Some(&power) = POW10_F64.get(decimals as usize)
    {
        return as_float / power;
    }
    // Rust's float parsing is correctly rounded for any decimal string.
    let mut text = StackText::new();
    let written = match i64::try_from(total) {
        Ok(narrow) => write!(text, "{narrow}e-{decimals}"), // faster than i128 formatting
        Err(_) => write!(text, "{total}e-{decimals}"),
    };
    if written.is_err() {
        return f64::NAN;
    }
    std::str::from_utf8(text.as_bytes())
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(f64::NAN)
}

/// A small formatting buffer on the stack, big enough for any `f64` in `{:e}` form
/// and any `i128` followed by `e-38`.
struct StackText {
    bytes: [u8; 64],
    len: usize,
}

impl StackText {
    const fn new() -> Self {
        Self {
            bytes: [0; 64],
            len: 0,
        }
    }

    fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }

    fn position(&self, byte: u8) -> Option<usize> {
        self.as_bytes().iter().position(|&b| b == byte)
    }
}

impl Write for StackText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Remembers the decimals of recently seen fractional floats: real data repeats a
/// few values, and formatting a float costs far more than a table lookup.
pub(crate) struct DecimalCache {
    slots: Vec<(u64, i64, i32)>,
}

impl DecimalCache {
    const SLOTS: usize = 1024;

    pub(crate) fn new() -> Self {
        // NaN bits never match a finite value, so every slot starts empty.
        Self {
            slots: vec![(u64::MAX, 0, 0); Self::SLOTS],
        }
    }

    pub(crate) fn decimal_of(&mut self, v: f64) -> Option<(i128, i32)> {
        if v.fract() == 0.0 {
            return decimal_of(v);
        }
        let bits = v.to_bits();
        // Fibonacci hashing: the top 10 bits of the product pick the slot.
        #[allow(clippy::cast_possible_truncation)]
        let index = (bits.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as usize;
        let slot = self.slots.get_mut(index)?;
        if slot.0 != bits {
            let (digits, exponent) = shortest_digits(v)?;
            *slot = (bits, digits, exponent);
        }
        Some((i128::from(slot.1), slot.2))
    }
}

/// Whether a finite `v` equals the decimal it stands for: a whole float, or a fraction
/// `m / 2^k` whose exact decimal expansion has at most 15 significant digits (then no
/// shorter decimal reads back as `v`, so its `repr` is that expansion).
fn is_exact_decimal(v: f64) -> bool {
    if v.fract() == 0.0 {
        return true;
    }
    odd_and_halvings(v).is_some_and(|(odd, halvings)| {
        POW5_U64
            .get(halvings as usize)
            .is_some_and(|&power| u128::from(odd) * u128::from(power) < 1_000_000_000_000_000)
    })
}

impl DecimalCache {
    /// `a + b` under the decimal rule: the exact sum of the decimals they stand for,
    /// correctly rounded once.
    ///
    /// # Errors
    ///
    /// [`Error::FloatOverflow`] when the exact sum does not fit the `i128` fixed point.
    pub(crate) fn sum(&mut self, a: f64, b: f64) -> Result<f64, Error> {
        if is_exact_decimal(a) && is_exact_decimal(b) {
            // Both are their exact decimals: one correctly rounded binary addition.
            return Ok(a + b);
        }
        let (ma, ea) = self.decimal_of(a).ok_or(Error::FloatOverflow)?;
        let (mb, eb) = self.decimal_of(b).ok_or(Error::FloatOverflow)?;
        let exponent = ea.min(eb).min(0);
        let widen = |mantissa: i128, e: i32| -> Option<i128> {
            mantissa.checked_mul(*POW10_I128.get(usize::try_from(e - exponent).ok()?)?)
        };
        let total = widen(ma, ea)
            .zip(widen(mb, eb))
            .and_then(|(x, y)| x.checked_add(y))
            .ok_or(Error::FloatOverflow)?;
        let decimals = u32::try_from(-exponent).map_err(|_| Error::FloatOverflow)?;
        if decimals as usize >= POW10_I128.len() {
            return Err(Error::FloatOverflow);
        }
        Ok(decimal_to_f64(total, decimals))
    }
}

/// An integer type that scaled values are stored in during the sweep.
pub trait Scaled: Copy + Send + Sync + Into<i128> + TryFrom<i128> {}
impl Scaled for i64 {}
impl Scaled for i128 {}

/// The exact running total of scaled values, and how it becomes a piece value.
struct DecimalTotal<I> {
    /// The exact total in units of `10^-decimals`.
    sum: i128,
    decimals: u32,
    item: PhantomData<I>,
}

impl<I: Scaled> Total for DecimalTotal<I> {
    type Item = I;
    type Out = f64;

    fn add(&mut self, item: I) -> Result<(), Error> {
        self.sum = self
            .sum
            .checked_add(item.into())
            .ok_or(Error::FloatOverflow)?;
        Ok(())
    }

    fn sub(&mut self, item: I) -> Result<(), Error> {
        self.sum = self
            .sum
            .checked_sub(item.into())
            .ok_or(Error::FloatOverflow)?;
        Ok(())
    }

    fn settle(&self, kind: Kind) -> Result<Option<f64>, Error> {
        if kind == Kind::Set {
            return Ok((self.sum > 0).then_some(1.0));
        }
        if self.sum == 0 {
            return Ok(None);
        }
        let total = decimal_to_f64(self.sum, self.decimals);
        if !total.is_finite() {
            return Err(Error::FloatOverflow);
        }
        Ok(match kind {
            Kind::Counter => Some(total.trunc()).filter(|&count| count >= 1.0),
            _ => (total != 0.0).then_some(total),
        })
    }
}

/// Sweeps float-valued events under the decimal rule. `opens[i]` and `closes[i]` carry
/// the same value (the events are not sorted yet).
pub(crate) fn sweep_decimal<C: Coord>(
    opens: Vec<(C, f64)>,
    closes: Vec<(C, f64)>,
    kind: Kind,
) -> Result<Columns<C, f64>, Error> {
    let mut cache = DecimalCache::new();
    let decimals: Vec<(i128, i32)> = opens
        .iter()
        .map(|&(_, v)| cache.decimal_of(v).ok_or(Error::FloatOverflow))
        .collect::<Result<_, _>>()?;
    let most = decimals.iter().map(|&(_, e)| -e).max().unwrap_or(0).max(0);
    let scale = u32::try_from(most).map_err(|_| Error::FloatOverflow)?;
    if scale as usize >= POW10_I128.len() {
        return Err(Error::FloatOverflow);
    }
    let scaled = |(mantissa, exponent): (i128, i32)| -> Option<i128> {
        let shift = usize::try_from(exponent + most).ok()?;
        mantissa.checked_mul(*POW10_I128.get(shift)?)
    };
    let scaled: Vec<i128> = decimals
        .into_iter()
        .map(|d| scaled(d).ok_or(Error::FloatOverflow))
        .collect::<Result<_, _>>()?;
    // Narrow events sort faster: use i64 when every scaled value fits.
    if scaled.iter().all(|&s| i64::try_from(s).is_ok()) {
        sweep_scaled::<C, i64>(opens, closes, &scaled, scale, kind)
    } else {
        sweep_scaled::<C, i128>(opens, closes, &scaled, scale, kind)
    }
}

fn sweep_scaled<C: Coord, I: Scaled>(
    opens: Vec<(C, f64)>,
    closes: Vec<(C, f64)>,
    scaled: &[i128],
    decimals: u32,
    kind: Kind,
) -> Result<Columns<C, f64>, Error> {
    let narrow = |&s: &i128| I::try_from(s).map_err(|_| Error::FloatOverflow);
    let scaled: Vec<I> = scaled.iter().map(narrow).collect::<Result<_, _>>()?;
    let attach = |events: Vec<(C, f64)>| -> Vec<(C, I)> {
        events
            .into_iter()
            .zip(&scaled)
            .map(|((at, _), &s)| (at, s))
            .collect()
    };
    let total = DecimalTotal {
        sum: 0,
        decimals,
        item: PhantomData,
    };
    sweep(attach(opens), attach(closes), total, kind)
}

#[cfg(test)]
mod tests {
    use super::{
        POW10_I128, decimal_of, decimal_to_f64, even_on_tie, few_decimals, formatted_digits,
        shortest_digits,
    };
    use proptest::prelude::*;

    /// The formatting path alone, tie rule included.
    fn formatted(v: f64) -> Option<(i64, i32)> {
        let (digits, exponent) = formatted_digits(v)?;
        Some(even_on_tie(v, digits, exponent).unwrap_or((digits, exponent)))
    }

    proptest! {
        /// The fast path never disagrees with formatting.
        #[test]
        fn few_decimals_agrees_with_formatting(
            m in prop_oneof![-1_000_000i64..1_000_000, -(1i64 << 53)..(1i64 << 53)],
            e in -20i32..0,
            bits in any::<u64>(),
        ) {
            let short: f64 = format!("{m}e{e}").parse().expect("a decimal");
            let raw = f64::from_bits(bits);
            for v in [short, raw] {
                if v.is_finite()
                    && v.fract() != 0.0
                    && let Some(found) = few_decimals(v)
                {
                    prop_assert_eq!(Some(found), formatted(v), "{:?}", v);
                }
            }
        }
    }

    #[test]
    fn powers_of_ten() {
        assert_eq!(POW10_I128[38], 10i128.pow(38));
        assert!(POW10_I128[38].checked_mul(10).is_none());
    }

    #[test]
    fn shortest_digits_are_python_repr_digits() {
        assert_eq!(shortest_digits(0.1), Some((1, -1)));
        assert_eq!(
            shortest_digits(0.1 + 0.2),
            Some((30_000_000_000_000_004, -17))
        );
        assert_eq!(shortest_digits(-0.3), Some((-3, -1)));
        assert_eq!(shortest_digits(1e-7), Some((1, -7)));
        assert_eq!(shortest_digits(5e-324), Some((5, -324)));
        assert_eq!(
            shortest_digits(4_503_599_627_370_495.5),
            Some((45_035_996_273_704_955, -1))
        );
        assert_eq!(
            shortest_digits(f64::MAX),
            Some((17_976_931_348_623_157, 292))
        );
        assert_eq!(shortest_digits(123.0), Some((123, 0)));
    }

    #[test]
    fn whole_floats_are_exact_integers() {
        assert_eq!(decimal_of(-0.0), Some((0, 0)));
        assert_eq!(decimal_of(1e20), Some((100_000_000_000_000_000_000, 0)));
        assert_eq!(decimal_of(-(2f64.powi(126))), Some((-(1i128 << 126), 0)));
        assert_eq!(decimal_of(2f64.powi(127)), None);
        assert_eq!(decimal_of(-(2f64.powi(127))), None);
        assert_eq!(decimal_of(f64::NAN), None);
    }

    #[test]
    fn correctly_rounded_division() {
        assert_eq!(decimal_to_f64(0, 5), 0.0);
        assert_eq!(decimal_to_f64(3, 1), 0.3);
        assert_eq!(decimal_to_f64(1 << 60, 0), 2f64.powi(60));
        // Beyond the fast path: 2^53 + 1 tenths, and 17 digits over 10^30.
        assert_eq!(decimal_to_f64((1 << 53) + 1, 1), 900_719_925_474_099.3);
        assert_eq!(
            decimal_to_f64(12_345_678_901_234_567, 30),
            1.234_567_890_123_456_7e-14
        );
        // A tie in binary: 2^53 + 1 rounds to even.
        assert_eq!(decimal_to_f64((1 << 53) + 1, 0), 2f64.powi(53));
    }
}
