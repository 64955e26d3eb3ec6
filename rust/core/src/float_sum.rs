//! The running total of float values during a sweep.
//!
//! When every value is a multiple of one power of two `2^unit` with a quotient below
//! `2^63` (values within 63 binary orders of magnitude of each other, which covers
//! almost all real data), the exact total is an `i128` multiple of `2^unit` and one
//! integer-to-float conversion rounds it correctly. Otherwise the total is kept as
//! Shewchuk partials ([`ExactSum`]). Both give the correctly rounded exact sum, so
//! both equal `math.fsum`; the integer form is just several times faster.

use crate::ExactSum;

/// Widest spread, in binary orders of magnitude, between the lowest set bit and the
/// highest set bit over all values for the fixed-point form: quotients stay below
/// 2^63, so 2^64 of them sum without overflowing an `i128`.
const MAX_SPAN: i32 = 62;

/// Bounds on `unit` that make `total as f64 * 2^unit` exact: the product stays
/// normal (`unit >= -1022`) and finite (`|total| <= 2^127`, so `unit <= 896`).
const MIN_UNIT: i32 = -1022;
const MAX_UNIT: i32 = 896;

/// An exact running total of `f64`s, in whichever form fits the values.
#[derive(Debug, Clone)]
pub enum FloatSum {
    /// `total * 2^unit`; `to_fixed` is `2^-unit`.
    Fixed {
        /// The exact total in units of `2^unit`.
        total: i128,
        /// `2^-unit`, to turn a value into its quotient.
        to_fixed: f64,
        /// `2^unit`, to turn the rounded quotient back into a value.
        from_fixed: f64,
    },
    /// Shewchuk partials, for values of wildly different magnitudes.
    Partials(ExactSum),
}

impl FloatSum {
    /// An empty total able to hold every value in `values` (all finite).
    pub fn for_values(values: impl Iterator<Item = f64>) -> Self {
        let mut lowest = i32::MAX;
        let mut highest = i32::MIN;
        for (low, high) in values.filter_map(bit_range) {
            lowest = lowest.min(low);
            highest = highest.max(high);
        }
        if lowest > highest {
            // No non-zero values: any unit will do.
            lowest = 0;
            highest = 0;
        }
        if highest - lowest <= MAX_SPAN && (MIN_UNIT..=MAX_UNIT).contains(&lowest) {
            Self::Fixed {
                total: 0,
                to_fixed: power_of_two(-lowest),
                from_fixed: power_of_two(lowest),
            }
        } else {
            Self::Partials(ExactSum::new())
        }
    }

    /// Adds a value counted by [`for_values`](Self::for_values). Returns `false` if the
    /// total overflowed.
    pub fn add(&mut self, value: f64) -> bool {
        match self {
            Self::Fixed {
                total, to_fixed, ..
            } => {
                // Exact: the quotient is an integer below 2^63 (see `for_values`).
                #[allow(clippy::cast_possible_truncation)]
                let quotient = (value * *to_fixed) as i64;
                match total.checked_add(i128::from(quotient)) {
                    Some(sum) => {
                        *total = sum;
                        true
                    }
                    None => false,
                }
            }
            Self::Partials(partials) => partials.add(value),
        }
    }

    /// The exact total correctly rounded to the nearest `f64` (ties to even).
    pub fn rounded(&self) -> f64 {
        match self {
            Self::Fixed {
                total, from_fixed, ..
            } => {
                // The one rounding step: i128 -> f64 rounds to nearest, ties to even.
                #[allow(clippy::cast_precision_loss)]
                let quotient = *total as f64;
                quotient * from_fixed
            }
            Self::Partials(partials) => partials.rounded(),
        }
    }
}

/// The exponents of the lowest and highest set bits of a finite non-zero `x`
/// (`x = m * 2^low` with `m` odd and `|x| < 2^(high + 1)`), or `None` for zero.
fn bit_range(x: f64) -> Option<(i32, i32)> {
    let bits = x.to_bits();
    let fraction = bits & ((1 << 52) - 1);
    #[allow(clippy::cast_possible_truncation)] // an 11-bit field
    let biased_exponent = ((bits >> 52) & 0x7ff) as i32;
    let (mantissa, exponent) = if biased_exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased_exponent - 1075)
    };
    if mantissa == 0 {
        return None;
    }
    let low = mantissa.trailing_zeros().cast_signed();
    let high = 63 - mantissa.leading_zeros().cast_signed();
    Some((exponent + low, exponent + high))
}

/// `2^exponent` for `-1022 <= exponent <= 1023`.
fn power_of_two(exponent: i32) -> f64 {
    #[allow(clippy::cast_sign_loss)] // in 1..=2046 for the documented range
    let biased = (exponent + 1023).clamp(1, 2046) as u64;
    f64::from_bits(biased << 52)
}

#[cfg(test)]
mod tests {
    use super::{FloatSum, bit_range, power_of_two};

    fn sum(values: &[f64]) -> (f64, bool) {
        let mut total = FloatSum::for_values(values.iter().copied());
        for &v in values {
            assert!(total.add(v));
        }
        (total.rounded(), matches!(total, FloatSum::Fixed { .. }))
    }

    #[test]
    fn bit_ranges() {
        assert_eq!(bit_range(1.0), Some((0, 0)));
        assert_eq!(bit_range(-6.0), Some((1, 2)));
        assert_eq!(bit_range(0.375), Some((-3, -2)));
        assert_eq!(bit_range(5e-324), Some((-1074, -1074)));
        assert_eq!(bit_range(0.0), None);
        assert_eq!(power_of_two(-3), 0.125);
        assert_eq!(power_of_two(1023), 2f64.powi(1023));
    }

    #[test]
    fn picks_the_form_that_fits() {
        assert_eq!(sum(&[0.1, 0.2, 0.3]), (0.6, true));
        assert_eq!(sum(&[0.1; 10]), (1.0, true));
        assert_eq!(sum(&[1e-16, 1.0, 1e16]), (10_000_000_000_000_002.0, false));
        assert_eq!(sum(&[]), (0.0, true));
        assert_eq!(sum(&[1e300, -1e300]), (0.0, false));
        assert_eq!(sum(&[1e-310, 1e-310]), (2e-310, false));
    }
}
