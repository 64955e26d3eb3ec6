//! Decimal rounding of floats, exactly as Python's `round(x, ndigits)`.

/// Powers of ten that are exact in `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Past this many digits every `f64` is returned as is (CPython's `NDIGITS_MAX`).
const MAX_DIGITS: u32 = 323;

/// `5^k` fits in a `u128` next to a 53-bit mantissa for `k <= 27` (`5^27 < 2^63`).
const FAST_DIGITS: u32 = 27;

/// Rounds `x` to `digits` decimals exactly like Python's `round(x, digits)` on a float.
///
/// The exact binary value of `x` is rounded to a multiple of `10^-digits` with ties
/// going to the even multiple, and the result is the `f64` nearest to that decimal.
/// So `0.125` rounds to `0.12` (an exact tie), while `2.675`, stored as
/// `2.67499999…`, rounds down to `2.67`. NaN, infinities and zeros come back as they
/// are, and the sign of a result that rounds to zero is kept (`-0.001` gives `-0.0`).
///
/// ```
/// use intervalues_core::round_decimal;
///
/// assert_eq!(round_decimal(0.125, 2), 0.12);
/// assert_eq!(round_decimal(2.675, 2), 2.67);
/// assert_eq!(round_decimal(2.5, 0), 2.0);
/// assert_eq!(round_decimal(0.1 + 0.2, 10), 0.3);
/// ```
#[must_use]
pub fn round_decimal(x: f64, digits: u32) -> f64 {
    if !x.is_finite() || x == 0.0 || digits > MAX_DIGITS {
        return x;
    }
    // x = ±m / 2^s with m odd; an integer (s == 0) or a number with at most `digits`
    // decimals (s <= digits, since 1/2^s has exactly s decimals) is already rounded.
    let (m, s) = odd_mantissa_and_scale(x);
    if s <= digits {
        return x;
    }
    let rounded = if digits <= FAST_DIGITS {
        round_fast(m, s, digits)
    } else {
        round_via_decimal_string(x.abs(), digits)
    };
    rounded.copysign(x)
}

/// Splits a finite non-zero `|x|` into `(m, s)` with `|x| = m / 2^s`, `m` odd, or
/// `s == 0` when `|x|` is an integer.
fn odd_mantissa_and_scale(x: f64) -> (u64, u32) {
    let bits = x.to_bits();
    #[allow(clippy::cast_possible_wrap)] // an 11-bit field
    let biased_exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    // |x| = mantissa * 2^(biased_exponent - 1075), subnormals as if biased_exponent == 1.
    let (mantissa, scale) = if biased_exponent == 0 {
        (fraction, 1074)
    } else {
        (fraction | (1 << 52), 1075 - biased_exponent)
    };
    if scale <= 0 {
        return (mantissa, 0);
    }
    let zeros = i64::from(mantissa.trailing_zeros()).min(scale);
    let scale = u32::try_from(scale - zeros).unwrap_or(u32::MAX);
    (mantissa >> zeros, scale)
}

/// `round(m / 2^s, digits)` for `digits <= FAST_DIGITS < s`, with `u128` arithmetic.
fn round_fast(m: u64, s: u32, digits: u32) -> f64 {
    // m / 2^s * 10^digits = m * 5^digits / 2^(s - digits), and m * 5^digits < 2^116.
    let numerator = u128::from(m) * 5u128.pow(digits);
    let shift = s - digits;
    if shift > 116 {
        return 0.0; // below half of 10^-digits
    }
    let mut n = numerator >> shift;
    let remainder = numerator & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    if remainder > half || (remainder == half && n & 1 == 1) {
        n += 1;
    }
    let n_f64 = u64::try_from(n).ok().filter(|&n| n < 1 << 53);
    match (n_f64, POW10.get(digits as usize)) {
        // Both operands are exact, so one correctly rounded division gives the f64
        // nearest to n / 10^digits.
        #[allow(clippy::cast_precision_loss)] // exact: n < 2^53
        (Some(n), Some(&pow)) => n as f64 / pow,
        _ => parse_decimal(&format!("{n}e-{digits}")),
    }
}

/// The slow but simple path for many digits: Rust's exact float formatting rounds the
/// binary value half-to-even at `digits` decimals, and parsing is correctly rounded.
fn round_via_decimal_string(x: f64, digits: u32) -> f64 {
    parse_decimal(&format!("{x:.prec$}", prec = digits as usize))
}

fn parse_decimal(text: &str) -> f64 {
    // The text is always a well-formed decimal, so parsing cannot fail.
    text.parse().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::{round_decimal, round_via_decimal_string};

    #[test]
    fn ties_and_near_ties() {
        assert_eq!(round_decimal(0.5, 0), 0.0);
        assert_eq!(round_decimal(1.5, 0), 2.0);
        assert_eq!(round_decimal(2.5, 0), 2.0);
        assert_eq!(round_decimal(-2.5, 0), -2.0);
        assert_eq!(round_decimal(0.125, 2), 0.12);
        assert_eq!(round_decimal(0.375, 2), 0.38);
        assert_eq!(round_decimal(2.675, 2), 2.67);
        assert_eq!(round_decimal(1.0005, 3), 1.0);
    }

    #[test]
    fn specials_pass_through() {
        assert!(round_decimal(f64::NAN, 2).is_nan());
        assert_eq!(round_decimal(f64::INFINITY, 2), f64::INFINITY);
        assert_eq!(round_decimal(-0.0, 2).to_bits(), (-0.0f64).to_bits());
        assert_eq!(round_decimal(-0.001, 2).to_bits(), (-0.0f64).to_bits());
        assert_eq!(round_decimal(1e300, 5), 1e300);
        assert_eq!(round_decimal(5e-324, 400), 5e-324);
    }

    #[test]
    fn fast_path_agrees_with_decimal_string_path() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = f64::from_bits(state >> 2); // positive, finite, all magnitudes
            for digits in [0, 1, 2, 3, 7, 15, 22, 23, 27] {
                let want = round_via_decimal_string(x, digits);
                assert_eq!(
                    round_decimal(x, digits).to_bits(),
                    want.to_bits(),
                    "{x:e} {digits}"
                );
            }
        }
    }
}
