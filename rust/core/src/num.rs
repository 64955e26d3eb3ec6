//! The two coordinate types and two value types the kernel accepts, as sealed traits.

use std::cmp::Ordering;
use std::fmt::Debug;

use crate::float_sum::FloatSum;
use crate::{Error, Kind, round_decimal};

mod sealed {
    pub trait Sealed {}
    impl Sealed for i64 {}
    impl Sealed for f64 {}
}

/// A coordinate type: `i64` or `f64` (finite; `-0.0` is the same point as `0.0`).
///
/// The trait is sealed; its methods are the kernel's internals.
pub trait Coord: Copy + PartialOrd + Debug + Send + Sync + sealed::Sealed {
    /// `None` if the coordinate is not finite; otherwise the value to sweep with.
    #[doc(hidden)]
    fn checked(self) -> Option<Self>;
    /// Python's `round(self, digits)` for floats, the identity for integers.
    #[doc(hidden)]
    #[must_use]
    fn round_to(self, digits: u32) -> Self;
    /// A total order that agrees with `==` on checked coordinates.
    #[doc(hidden)]
    fn order(&self, other: &Self) -> Ordering;
}

/// A value (weight) type: `i64` (exact, checked) or `f64` (exact sums, rounded once).
///
/// The trait is sealed; its methods are the kernel's internals.
pub trait Value: Copy + PartialEq + Debug + Send + Sync + sealed::Sealed {
    /// The exact running total of a sweep.
    #[doc(hidden)]
    type Sum;
    /// An empty running total able to hold sums of `values`.
    #[doc(hidden)]
    fn new_sum(values: impl Iterator<Item = Self>) -> Self::Sum;
    /// `None` if the value is not finite.
    #[doc(hidden)]
    fn checked(self) -> Option<Self>;
    /// Python's `round(self, digits)` for floats, the identity for integers.
    #[doc(hidden)]
    #[must_use]
    fn round_to(self, digits: u32) -> Self;
    /// Whether the value contributes nothing.
    #[doc(hidden)]
    fn is_zero(self) -> bool;
    /// Adds `value` to the running total.
    #[doc(hidden)]
    fn add(sum: &mut Self::Sum, value: Self) -> Result<(), Error>;
    /// Subtracts `value` from the running total.
    #[doc(hidden)]
    fn sub(sum: &mut Self::Sum, value: Self) -> Result<(), Error>;
    /// The value of a piece whose exact total is `sum`, or `None` if `kind` drops it.
    #[doc(hidden)]
    fn settle(sum: &Self::Sum, kind: Kind) -> Result<Option<Self>, Error>;
}

impl Coord for i64 {
    fn checked(self) -> Option<Self> {
        Some(self)
    }
    fn round_to(self, _digits: u32) -> Self {
        self
    }
    fn order(&self, other: &Self) -> Ordering {
        self.cmp(other)
    }
}

impl Coord for f64 {
    fn checked(self) -> Option<Self> {
        // `+ 0.0` turns -0.0 into 0.0 and leaves every other number unchanged.
        self.is_finite().then_some(self + 0.0)
    }
    fn round_to(self, digits: u32) -> Self {
        round_decimal(self, digits) + 0.0
    }
    fn order(&self, other: &Self) -> Ordering {
        self.total_cmp(other)
    }
}

impl Value for i64 {
    /// Every partial sum of up to 2^64 `i64`s fits, so only a piece's value can overflow.
    type Sum = i128;

    fn new_sum(_values: impl Iterator<Item = Self>) -> i128 {
        0
    }
    fn checked(self) -> Option<Self> {
        Some(self)
    }
    fn round_to(self, _digits: u32) -> Self {
        self
    }
    fn is_zero(self) -> bool {
        self == 0
    }
    fn add(sum: &mut i128, value: Self) -> Result<(), Error> {
        *sum = sum
            .checked_add(i128::from(value))
            .ok_or(Error::IntegerOverflow)?;
        Ok(())
    }
    fn sub(sum: &mut i128, value: Self) -> Result<(), Error> {
        *sum = sum
            .checked_sub(i128::from(value))
            .ok_or(Error::IntegerOverflow)?;
        Ok(())
    }
    fn settle(sum: &i128, kind: Kind) -> Result<Option<Self>, Error> {
        let total = *sum;
        let keep = match kind {
            Kind::Meter => total != 0,
            Kind::Counter => total >= 1,
            Kind::Set => return Ok((total > 0).then_some(1)),
        };
        if keep {
            Self::try_from(total)
                .map(Some)
                .map_err(|_| Error::IntegerOverflow)
        } else {
            Ok(None)
        }
    }
}

impl Value for f64 {
    /// Fixed point or Shewchuk partials, whichever fits the values (see `float_sum`).
    type Sum = FloatSum;

    fn new_sum(values: impl Iterator<Item = Self>) -> FloatSum {
        FloatSum::for_values(values)
    }

    fn checked(self) -> Option<Self> {
        self.is_finite().then_some(self)
    }
    fn round_to(self, digits: u32) -> Self {
        round_decimal(self, digits)
    }
    fn is_zero(self) -> bool {
        self == 0.0
    }
    fn add(sum: &mut FloatSum, value: Self) -> Result<(), Error> {
        if sum.add(value) {
            Ok(())
        } else {
            Err(Error::FloatOverflow)
        }
    }
    fn sub(sum: &mut FloatSum, value: Self) -> Result<(), Error> {
        Self::add(sum, -value)
    }
    fn settle(sum: &FloatSum, kind: Kind) -> Result<Option<Self>, Error> {
        let total = sum.rounded();
        if !total.is_finite() {
            return Err(Error::FloatOverflow);
        }
        Ok(match kind {
            Kind::Meter => (total != 0.0).then_some(total),
            Kind::Counter => Some(total.trunc()).filter(|&count| count >= 1.0),
            Kind::Set => (total > 0.0).then_some(1.0),
        })
    }
}
