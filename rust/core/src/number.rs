//! Python's `int` and `float` as the statistics compute with them.

use std::cmp::Ordering;

use crate::Error;

/// A number the way Python computes with it: an exact integer or a float.
///
/// Arithmetic follows Python: `int op int` is exact (here checked in `i128`), and an
/// `int` meeting a `float` is first converted to the nearest float. Comparisons are
/// exact across the two types, as in Python (`2**53 + 1 > 2.0**53`).
///
/// ```
/// use intervalues_core::Number;
///
/// let big = Number::Int((1 << 53) + 1);
/// assert!(big > Number::Float(9_007_199_254_740_992.0));
/// assert_eq!(Number::Int(1).plus(Number::Float(0.5))?, Number::Float(1.5));
/// assert_eq!(Number::Int(7).minus(Number::Int(9))?, Number::Int(-2));
/// # Ok::<(), intervalues_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub enum Number {
    /// A Python `int` (the kernel's integers fit `i128`).
    Int(i128),
    /// A Python `float`.
    Float(f64),
}

impl Number {
    /// Python's `float(self)`: an `int` becomes the nearest float (ties to even).
    #[must_use]
    pub fn to_f64(self) -> f64 {
        match self {
            // The one rounding step of Python's int-to-float conversion.
            #[allow(clippy::cast_precision_loss)]
            Self::Int(i) => i as f64,
            Self::Float(f) => f,
        }
    }

    /// Python's `self + other`.
    ///
    /// # Errors
    ///
    /// [`Error::IntegerOverflow`] when an integer sum leaves `i128`.
    pub fn plus(self, other: Self) -> Result<Self, Error> {
        match (self, other) {
            (Self::Int(a), Self::Int(b)) => a
                .checked_add(b)
                .map(Self::Int)
                .ok_or(Error::IntegerOverflow),
            _ => Ok(Self::Float(self.to_f64() + other.to_f64())),
        }
    }

    /// Python's `self - other`.
    ///
    /// # Errors
    ///
    /// [`Error::IntegerOverflow`] when an integer difference leaves `i128`.
    pub fn minus(self, other: Self) -> Result<Self, Error> {
        match (self, other) {
            (Self::Int(a), Self::Int(b)) => a
                .checked_sub(b)
                .map(Self::Int)
                .ok_or(Error::IntegerOverflow),
            _ => Ok(Self::Float(self.to_f64() - other.to_f64())),
        }
    }

    /// Python's `self * other`.
    ///
    /// # Errors
    ///
    /// [`Error::IntegerOverflow`] when an integer product leaves `i128`.
    pub fn times(self, other: Self) -> Result<Self, Error> {
        match (self, other) {
            (Self::Int(a), Self::Int(b)) => a
                .checked_mul(b)
                .map(Self::Int)
                .ok_or(Error::IntegerOverflow),
            _ => Ok(Self::Float(self.to_f64() * other.to_f64())),
        }
    }

    /// Python's `(self + other) / 2`, always a float.
    ///
    /// # Errors
    ///
    /// [`Error::IntegerOverflow`] when an integer sum leaves `i128`.
    pub fn midpoint(self, other: Self) -> Result<f64, Error> {
        // int / int is correctly rounded in Python; halving after the one rounding of
        // the sum gives the same float, as scaling by 2 commutes with rounding.
        Ok(self.plus(other)?.to_f64() / 2.0)
    }

    /// Python's truth value: whether the number is non-zero.
    #[must_use]
    pub fn is_nonzero(self) -> bool {
        match self {
            Self::Int(i) => i != 0,
            Self::Float(f) => f != 0.0,
        }
    }

    /// Python's `max(self, other)`: `self` unless `other` is greater.
    #[must_use]
    pub fn max_first(self, other: Self) -> Self {
        if other > self { other } else { self }
    }

    /// Python's `min(self, other)`: `self` unless `other` is smaller.
    #[must_use]
    pub fn min_first(self, other: Self) -> Self {
        if other < self { other } else { self }
    }

    /// Whether both are the same Python object value and type (`1` is not `1.0`,
    /// `0.0` is not `-0.0`).
    #[must_use]
    pub fn same(self, other: Self) -> bool {
        match (self, other) {
            (Self::Int(a), Self::Int(b)) => a == b,
            (Self::Float(a), Self::Float(b)) => a.to_bits() == b.to_bits(),
            _ => false,
        }
    }
}

impl From<i64> for Number {
    fn from(i: i64) -> Self {
        Self::Int(i128::from(i))
    }
}

impl From<f64> for Number {
    fn from(f: f64) -> Self {
        Self::Float(f)
    }
}

/// `2^127` as a float: every float below it in magnitude truncates into an `i128`.
const I128_LIMIT: f64 = 170_141_183_460_469_231_731_687_303_715_884_105_728.0;

/// Exact `int` against `float` (NaN compares as unordered).
fn cmp_int_float(i: i128, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f >= I128_LIMIT {
        return Some(Ordering::Less);
    }
    if f < -I128_LIMIT {
        return Some(Ordering::Greater);
    }
    let whole = f.trunc();
    // |whole| < 2^127: the conversion is exact.
    #[allow(clippy::cast_possible_truncation)]
    let whole_int = whole as i128;
    Some(i.cmp(&whole_int).then_with(|| {
        // Equal integer parts: the float's fraction decides.
        0.0f64.total_cmp(&(f - whole))
    }))
}

impl PartialEq for Number {
    fn eq(&self, other: &Self) -> bool {
        self.partial_cmp(other) == Some(Ordering::Equal)
    }
}

impl PartialOrd for Number {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        match (*self, *other) {
            (Self::Int(a), Self::Int(b)) => Some(a.cmp(&b)),
            (Self::Float(a), Self::Float(b)) => a.partial_cmp(&b),
            (Self::Int(a), Self::Float(b)) => cmp_int_float(a, b),
            (Self::Float(a), Self::Int(b)) => cmp_int_float(b, a).map(Ordering::reverse),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Number::{Float, Int};
    use std::cmp::Ordering;

    #[test]
    fn exact_comparisons_across_types() {
        let two53 = 9_007_199_254_740_992.0;
        assert!(Int((1 << 53) + 1) > Float(two53));
        assert!(Float(two53) < Int((1 << 53) + 1));
        assert_eq!(Int(1 << 53), Float(two53));
        assert!(Int(-1) > Float(-1.5));
        assert!(Int(-2) < Float(-1.5));
        assert!(Int(0) == Float(-0.0));
        assert!(Int(0) > Float(-5e-324));
        assert!(Int(i128::MAX) < Float(1e300));
        assert!(Int(i128::MIN) > Float(-1e300));
        assert_eq!(Int(3).partial_cmp(&Float(f64::NAN)), None);
        assert_eq!(Float(0.5).partial_cmp(&Int(0)), Some(Ordering::Greater));
    }

    #[test]
    fn python_arithmetic() {
        assert!(Int(1).plus(Int(2)).expect("fits").same(Int(3)));
        assert!(Int(1).plus(Float(2.0)).expect("fits").same(Float(3.0)));
        // int -> float rounds to nearest, ties to even, before the float operation.
        let big = Int((1 << 53) + 1);
        assert!(
            big.minus(Float(0.0))
                .expect("fits")
                .same(Float(9_007_199_254_740_992.0))
        );
        assert!(Int(i128::MAX).plus(Int(1)).is_err());
        assert!(Int(3).times(Float(0.5)).expect("fits").same(Float(1.5)));
        assert_eq!(Int(3).midpoint(Int(4)).expect("fits"), 3.5);
        assert_eq!(
            Float(-5e-324).midpoint(Int(0)).expect("fits").to_bits(),
            (-0.0f64).to_bits()
        );
    }

    #[test]
    fn python_min_max_keep_the_first_of_equals() {
        assert!(Int(1).max_first(Float(1.0)).same(Int(1)));
        assert!(Float(1.0).min_first(Int(1)).same(Float(1.0)));
        assert!(Int(1).max_first(Float(1.5)).same(Float(1.5)));
        assert!(Float(-0.0).max_first(Float(0.0)).same(Float(-0.0)));
    }
}
