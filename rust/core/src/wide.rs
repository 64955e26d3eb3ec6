//! Exact sums of Python numbers and of their products, and the correctly rounded
//! quotient of two such sums: what Python's `Fraction` arithmetic gives, without
//! allocating a fraction per term.
//!
//! Every `f64` is an integer times `2^e` with `e >= -1074`, so every product of two
//! is an integer times `2^-2148`: a sum of them is an integer in units of `2^LSB`
//! (`LSB <= -2148`), kept in two's complement over as many 64-bit limbs as it needs.

use std::cmp::Ordering;

use crate::{Error, Number};

/// The unit of every [`Wide`]: a multiple of 64 below `2^-2148`.
const LSB: i32 = -35 * 64;

/// An exact sum of numbers and products of numbers.
#[derive(Debug, Clone, Default)]
pub struct Wide {
    /// Little-endian two's complement limbs of `value / 2^LSB`; the top limb is
    /// always pure sign extension (all zeros or all ones), so any term fits below it.
    limbs: Vec<u64>,
}

/// `(negative, magnitude, exponent)` with `|x| = magnitude * 2^exponent`.
fn parts(x: Number) -> (bool, u128, i32) {
    match x {
        Number::Int(i) => (i < 0, i.unsigned_abs(), 0),
        Number::Float(f) => {
            let bits = f.to_bits();
            let fraction = bits & ((1 << 52) - 1);
            #[allow(clippy::cast_possible_truncation)] // an 11-bit field
            let biased = ((bits >> 52) & 0x7ff) as i32;
            let (mantissa, exponent) = if biased == 0 {
                (fraction, -1074)
            } else {
                (fraction | (1 << 52), biased - 1075)
            };
            (f.is_sign_negative(), u128::from(mantissa), exponent)
        }
    }
}

/// The four little-endian limbs of the 256-bit product `a * b`.
fn widening_mul(a: u128, b: u128) -> [u64; 4] {
    let split = |x: u128| [low(x), high(x)];
    let (a, b) = (split(a), split(b));
    let mut out = [0u64; 4];
    for (i, &ai) in a.iter().enumerate() {
        let mut carry = 0u128;
        for (j, &bj) in b.iter().enumerate() {
            let t = u128::from(ai) * u128::from(bj) + u128::from(out[i + j]) + carry;
            out[i + j] = low(t);
            carry = t >> 64;
        }
        out[i + 2] = low(carry);
    }
    out
}

#[allow(clippy::cast_possible_truncation)] // the low 64 bits, on purpose
const fn low(x: u128) -> u64 {
    x as u64
}

#[allow(clippy::cast_possible_truncation)] // the high 64 bits, on purpose
const fn high(x: u128) -> u64 {
    (x >> 64) as u64
}

impl Wide {
    /// Zero.
    #[must_use]
    pub const fn new() -> Self {
        Self { limbs: Vec::new() }
    }

    /// Adds the number `x`.
    pub fn add(&mut self, x: Number) {
        let (negative, magnitude, exponent) = parts(x);
        self.add_term(negative, [low(magnitude), high(magnitude), 0, 0], exponent);
    }

    /// Adds `2 * x`.
    pub fn add_twice(&mut self, x: Number) {
        let (negative, magnitude, exponent) = parts(x);
        self.add_term(
            negative,
            [low(magnitude), high(magnitude), 0, 0],
            exponent + 1,
        );
    }

    /// Adds the exact product `x * y`.
    pub fn add_product(&mut self, x: Number, y: Number) {
        let (x_negative, x_magnitude, x_exponent) = parts(x);
        let (y_negative, y_magnitude, y_exponent) = parts(y);
        let product = widening_mul(x_magnitude, y_magnitude);
        self.add_term(x_negative != y_negative, product, x_exponent + y_exponent);
    }

    /// Adds another exact sum.
    pub fn add_wide(&mut self, other: &Self) {
        let len = self.limbs.len().max(other.limbs.len()) + 1;
        let (self_sign, other_sign) = (self.limb(usize::MAX), other.limb(usize::MAX));
        self.limbs.resize(len, self_sign);
        let mut carry = false;
        for (i, limb) in self.limbs.iter_mut().enumerate() {
            let term = other.limbs.get(i).copied().unwrap_or(other_sign);
            let (s1, c1) = limb.overflowing_add(term);
            let (s2, c2) = s1.overflowing_add(u64::from(carry));
            *limb = s2;
            carry = c1 || c2;
        }
        self.normalize_top();
    }

    /// Whether the sum is zero.
    #[must_use]
    pub fn is_zero(&self) -> bool {
        self.limbs.iter().all(|&limb| limb == 0)
    }

    fn is_negative(&self) -> bool {
        self.limbs.last().is_some_and(|&top| top >> 63 == 1)
    }

    /// Adds `±magnitude * 2^exponent` (`exponent >= LSB`).
    fn add_term(&mut self, negative: bool, magnitude: [u64; 4], exponent: i32) {
        if magnitude == [0; 4] {
            return;
        }
        let offset = u32::try_from(exponent - LSB).unwrap_or(0);
        let first = offset as usize / 64;
        let shift = offset % 64;
        let mut shifted = [0u64; 5];
        for (k, slot) in shifted.iter_mut().enumerate() {
            let here = magnitude.get(k).copied().unwrap_or(0);
            let below = k.checked_sub(1).and_then(|b| magnitude.get(b)).copied();
            *slot = here << shift | below.map_or(0, |b| b.checked_shr(64 - shift).unwrap_or(0));
        }
        // Room for the term and one limb of sign extension above it.
        let needed = first + shifted.len() + 1;
        if self.limbs.len() < needed {
            let sign = if self.is_negative() { u64::MAX } else { 0 };
            self.limbs.resize(needed, sign);
        }
        let tail = self.limbs.get_mut(first..).unwrap_or_default();
        if negative {
            let mut borrow = false;
            for (k, limb) in tail.iter_mut().enumerate() {
                let term = shifted.get(k).copied().unwrap_or(0);
                if term == 0 && !borrow {
                    if k >= shifted.len() {
                        break;
                    }
                    continue;
                }
                let (d1, b1) = limb.overflowing_sub(term);
                let (d2, b2) = d1.overflowing_sub(u64::from(borrow));
                *limb = d2;
                borrow = b1 || b2;
            }
        } else {
            let mut carry = false;
            for (k, limb) in tail.iter_mut().enumerate() {
                let term = shifted.get(k).copied().unwrap_or(0);
                if term == 0 && !carry {
                    if k >= shifted.len() {
                        break;
                    }
                    continue;
                }
                let (s1, c1) = limb.overflowing_add(term);
                let (s2, c2) = s1.overflowing_add(u64::from(carry));
                *limb = s2;
                carry = c1 || c2;
            }
        }
        self.normalize_top();
    }

    /// Keeps the top limb pure sign extension.
    fn normalize_top(&mut self) {
        if let Some(&top) = self.limbs.last()
            && top != 0
            && top != u64::MAX
        {
            let sign = if top >> 63 == 1 { u64::MAX } else { 0 };
            self.limbs.push(sign);
        } else if let [.., below, top] = self.limbs.as_slice()
            && (below >> 63 == 1) != (*top == u64::MAX)
        {
            let sign = *top;
            self.limbs.push(sign);
        }
    }

    /// The limb at `index`, sign-extended beyond the stored ones.
    fn limb(&self, index: usize) -> u64 {
        self.limbs
            .get(index)
            .copied()
            .unwrap_or(if self.is_negative() { u64::MAX } else { 0 })
    }

    /// `|self|` as little-endian unsigned limbs.
    fn magnitude(&self) -> Vec<u64> {
        if !self.is_negative() {
            return self.limbs.clone();
        }
        let mut out = Vec::with_capacity(self.limbs.len());
        let mut carry = true;
        for &limb in &self.limbs {
            let (sum, overflow) = (!limb).overflowing_add(u64::from(carry));
            out.push(sum);
            carry = overflow;
        }
        out
    }

    /// The float nearest to `numerator / denominator` (ties to even), what Python's
    /// `float(Fraction(numerator, denominator))` gives, `-0.0` included.
    ///
    /// # Errors
    ///
    /// [`Error::FloatOverflow`] when the quotient is beyond the float range (Python
    /// raises `OverflowError`); [`Error::NoMeasure`] for a zero denominator.
    pub fn quotient(numerator: &Self, denominator: &Self) -> Result<f64, Error> {
        if denominator.is_zero() {
            return Err(Error::NoMeasure {
                statistic: "average",
            });
        }
        if numerator.is_zero() {
            return Ok(0.0);
        }
        let value = big::ratio_to_f64(&numerator.magnitude(), &denominator.magnitude())?;
        let negative = numerator.is_negative() != denominator.is_negative();
        Ok(if negative { -value } else { value })
    }
}

impl PartialEq for Wide {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Wide {}

impl PartialOrd for Wide {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Wide {
    fn cmp(&self, other: &Self) -> Ordering {
        let (a_negative, b_negative) = (self.is_negative(), other.is_negative());
        if a_negative != b_negative {
            return if a_negative {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
        // Same sign: two's complement limbs compare as unsigned from the top.
        let len = self.limbs.len().max(other.limbs.len());
        (0..len)
            .rev()
            .map(|i| self.limb(i).cmp(&other.limb(i)))
            .find(|&order| order != Ordering::Equal)
            .unwrap_or(Ordering::Equal)
    }
}

/// Unsigned big-integer steps for one correctly rounded division.
mod big {
    use crate::Error;

    fn bit_length(x: &[u64]) -> u64 {
        x.iter()
            .rposition(|&limb| limb != 0)
            .map_or(0, |i| 64 * i as u64 + u64::from(64 - x[i].leading_zeros()))
    }

    fn shifted_left(x: &[u64], bits: u64) -> Vec<u64> {
        let limbs = usize::try_from(bits / 64).unwrap_or(usize::MAX);
        let shift = u32::try_from(bits % 64).unwrap_or(0);
        let mut out = vec![0u64; limbs];
        let mut carry = 0u64;
        for &limb in x {
            out.push(limb << shift | carry);
            carry = if shift == 0 { 0 } else { limb >> (64 - shift) };
        }
        out.push(carry);
        out
    }

    fn shift_right_one(x: &mut [u64]) {
        let mut carry = 0u64;
        for limb in x.iter_mut().rev() {
            let next = *limb & 1;
            *limb = *limb >> 1 | carry << 63;
            carry = next;
        }
    }

    fn at_least(a: &[u64], b: &[u64]) -> bool {
        let len = a.len().max(b.len());
        for i in (0..len).rev() {
            let (x, y) = (
                a.get(i).copied().unwrap_or(0),
                b.get(i).copied().unwrap_or(0),
            );
            if x != y {
                return x > y;
            }
        }
        true
    }

    /// `a -= b`, given `a >= b`.
    fn subtract(a: &mut [u64], b: &[u64]) {
        let mut borrow = false;
        for (i, limb) in a.iter_mut().enumerate() {
            let term = b.get(i).copied().unwrap_or(0);
            if term == 0 && !borrow && i >= b.len() {
                break;
            }
            let (d1, b1) = limb.overflowing_sub(term);
            let (d2, b2) = d1.overflowing_sub(u64::from(borrow));
            *limb = d2;
            borrow = b1 || b2;
        }
    }

    /// The float nearest to `n / d` for non-zero magnitudes `n` and `d`.
    pub(super) fn ratio_to_f64(n: &[u64], d: &[u64]) -> Result<f64, Error> {
        const QUOTIENT_BITS: i64 = 58;
        let (n_bits, d_bits) = (bit_length(n), bit_length(d));
        #[allow(clippy::cast_possible_wrap)] // bit lengths are far below 2^63
        let s = QUOTIENT_BITS - 1 - (n_bits as i64 - d_bits as i64);
        // q = floor(n * 2^s / d) lies in [2^56, 2^58).
        let (mut rest, divisor) = if s >= 0 {
            (shifted_left(n, s.unsigned_abs()), d.to_vec())
        } else {
            (n.to_vec(), shifted_left(d, s.unsigned_abs()))
        };
        let mut step = shifted_left(&divisor, QUOTIENT_BITS.unsigned_abs() - 1);
        let mut q: u64 = 0;
        for bit in (0..QUOTIENT_BITS).rev() {
            if at_least(&rest, &step) {
                subtract(&mut rest, &step);
                q |= 1 << bit;
            }
            shift_right_one(&mut step);
        }
        let sticky = rest.iter().any(|&limb| limb != 0);
        round(q, sticky, -s)
    }

    /// The float nearest to `(q + f) * 2^e2` where `0 <= f < 1` and `f > 0` iff
    /// `sticky`; `q` has at least 55 bits.
    fn round(q: u64, sticky: bool, e2: i64) -> Result<f64, Error> {
        let q_bits = i64::from(64 - q.leading_zeros());
        let exponent = q_bits - 1 + e2; // of the leading bit
        let kept = if exponent >= -1022 {
            53
        } else {
            exponent + 1075
        };
        let dropped = q_bits - kept;
        let (mut m, round_up) = if dropped >= 66 {
            (0, false)
        } else {
            let dropped = u32::try_from(dropped).unwrap_or(0);
            let q = u128::from(q);
            let m = q >> dropped;
            let rest = q & ((1u128 << dropped) - 1);
            let half = 1u128 << (dropped - 1);
            let up = rest > half || (rest == half && (sticky || m & 1 == 1));
            (m, up)
        };
        m += u128::from(round_up);
        let bits = if exponent >= -1022 {
            let (m, exponent) = if m >> 53 == 1 {
                (m >> 1, exponent + 1)
            } else {
                (m, exponent)
            };
            if exponent > 1023 {
                return Err(Error::FloatOverflow);
            }
            let biased = u64::try_from(exponent + 1023).map_err(|_| Error::FloatOverflow)?;
            biased << 52 | (u64::try_from(m).unwrap_or(0) & ((1 << 52) - 1))
        } else {
            // Subnormal (a carry into 2^52 spells the smallest normal, as it should).
            u64::try_from(m).unwrap_or(0)
        };
        Ok(f64::from_bits(bits))
    }
}

#[cfg(test)]
mod tests {
    use super::Wide;
    use crate::Number::{self, Float, Int};
    use std::cmp::Ordering;

    fn sum(xs: &[Number]) -> Wide {
        let mut w = Wide::new();
        for &x in xs {
            w.add(x);
        }
        w
    }

    fn ratio(n: &[Number], d: &[Number]) -> f64 {
        Wide::quotient(&sum(n), &sum(d)).expect("finite")
    }

    #[test]
    fn sums_cancel_exactly_across_magnitudes() {
        let xs = [Float(1e300), Float(5e-324), Int(-7), Float(-1e300), Int(7)];
        let w = sum(&xs);
        assert_eq!(w, sum(&[Float(5e-324)]));
        let mut w = sum(&xs);
        w.add(Float(-5e-324));
        assert!(w.is_zero());
    }

    #[test]
    fn comparisons() {
        let small = sum(&[Float(0.1)]);
        let big = sum(&[Float(0.1), Float(5e-324)]);
        assert_eq!(small.cmp(&big), Ordering::Less);
        assert_eq!(sum(&[Int(-1)]).cmp(&Wide::new()), Ordering::Less);
        assert_eq!(sum(&[Int(-1)]).cmp(&sum(&[Int(-2)])), Ordering::Greater);
        assert_eq!(sum(&[Int(1), Int(1)]), sum(&[Int(2)]));
        let mut twice = Wide::new();
        twice.add_twice(Float(0.75));
        assert_eq!(twice, sum(&[Float(1.5)]));
    }

    #[test]
    fn products() {
        let mut w = Wide::new();
        w.add_product(Int(i128::from(i64::MIN)), Int(i128::from(u64::MAX)));
        w.add_product(Float(1e300), Float(1e300));
        w.add_product(Float(-1e300), Float(1e300));
        let mut want = Wide::new();
        want.add(Int(i128::from(i64::MIN) * i128::from(u64::MAX)));
        assert_eq!(w, want);
        let mut tiny = Wide::new();
        tiny.add_product(Float(5e-324), Float(-5e-324));
        assert_eq!(tiny.cmp(&Wide::new()), Ordering::Less);
    }

    #[test]
    fn correctly_rounded_quotients() {
        assert_eq!(ratio(&[Int(1)], &[Int(3)]), 1.0 / 3.0);
        assert_eq!(ratio(&[Int(2)], &[Int(3)]), 2.0 / 3.0);
        assert_eq!(ratio(&[Float(0.1)], &[Int(1)]), 0.1);
        assert_eq!(ratio(&[Int(-1)], &[Int(10)]), -0.1);
        assert_eq!(ratio(&[Int(0)], &[Int(-10)]).to_bits(), 0.0f64.to_bits());
        // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: to even.
        assert_eq!(
            ratio(&[Int((1 << 53) + 1)], &[Int(1)]),
            9_007_199_254_740_992.0
        );
        assert_eq!(
            ratio(&[Int((1 << 53) + 3)], &[Int(1)]),
            9_007_199_254_740_996.0
        );
        // Subnormal results, and underflow to a signed zero.
        assert_eq!(ratio(&[Float(5e-324)], &[Int(1)]), 5e-324);
        assert_eq!(ratio(&[Float(5e-324)], &[Int(2)]), 0.0);
        assert_eq!(ratio(&[Float(5e-324)], &[Int(3)]).to_bits(), 0);
        assert_eq!(ratio(&[Float(1.5e-323)], &[Int(2)]), 1e-323);
        assert_eq!(
            ratio(&[Float(-5e-324)], &[Int(3)]).to_bits(),
            (-0.0f64).to_bits()
        );
        assert_eq!(ratio(&[Float(1e-310)], &[Int(3)]), 1e-310 / 3.0);
        assert_eq!(ratio(&[Float(f64::MAX)], &[Int(1)]), f64::MAX);
        assert!(Wide::quotient(&sum(&[Float(f64::MAX)]), &sum(&[Float(0.5)])).is_err());
        assert!(Wide::quotient(&sum(&[Int(1)]), &Wide::new()).is_err());
    }
}
