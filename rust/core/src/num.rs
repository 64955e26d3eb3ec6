//! The two coordinate types and two value types the kernel accepts, as sealed traits.

use std::cmp::Ordering;
use std::fmt::Debug;

use crate::decimal::sweep_decimal;
use crate::float_sum::FloatSum;
use crate::sweep::{Total, sweep};
use crate::{Columns, Error, FloatRule, Kind, Number, Steps, merge, round_decimal};

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
    /// The coordinate as a Python number.
    #[doc(hidden)]
    fn number(self) -> Number;
    /// The coordinate itself when it is an integer coordinate (`None` for floats).
    #[doc(hidden)]
    fn int(self) -> Option<i64>;
}

/// A value (weight) type: `i64` (exact, checked) or `f64` (exact sums, rounded once).
///
/// The trait is sealed; its methods are the kernel's internals.
pub trait Value: Copy + PartialEq + Debug + Send + Sync + sealed::Sealed {
    /// Whether this is the integer type.
    #[doc(hidden)]
    const INTEGER: bool;
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
    /// Sorts and sweeps unsorted events (`opens[i]` and `closes[i]` carry the value of
    /// interval `i`) into canonical pieces, summing floats under `rule`.
    #[doc(hidden)]
    fn sweep_events<C: Coord>(
        opens: Vec<(C, Self)>,
        closes: Vec<(C, Self)>,
        kind: Kind,
        rule: FloatRule,
    ) -> Result<Columns<C, Self>, Error>;
    /// [`add`](crate::add) for this value type.
    #[doc(hidden)]
    fn add_steps<C: Coord>(
        a: Steps<'_, C, Self>,
        b: Steps<'_, C, Self>,
        subtract: bool,
        kind: Kind,
    ) -> Result<Columns<C, Self>, Error>;
    /// The value as a Python number.
    #[doc(hidden)]
    fn number(self) -> Number;
    /// The value itself when it is an integer value (`None` for floats).
    #[doc(hidden)]
    fn int(self) -> Option<i64>;
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
    fn number(self) -> Number {
        Number::from(self)
    }
    fn int(self) -> Option<i64> {
        Some(self)
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
    fn number(self) -> Number {
        Number::from(self)
    }
    fn int(self) -> Option<i64> {
        None
    }
}

/// The exact total of `i64` values: every partial sum of up to 2^64 of them fits an
/// `i128`, so only a piece's value can overflow.
struct IntTotal(i128);

impl Total for IntTotal {
    type Item = i64;
    type Out = i64;

    fn add(&mut self, value: i64) -> Result<(), Error> {
        self.0 = self
            .0
            .checked_add(i128::from(value))
            .ok_or(Error::IntegerOverflow)?;
        Ok(())
    }
    fn sub(&mut self, value: i64) -> Result<(), Error> {
        self.0 = self
            .0
            .checked_sub(i128::from(value))
            .ok_or(Error::IntegerOverflow)?;
        Ok(())
    }
    fn settle(&self, kind: Kind) -> Result<Option<i64>, Error> {
        let total = self.0;
        let keep = match kind {
            Kind::Meter => total != 0,
            Kind::Counter => total >= 1,
            Kind::Set => return Ok((total > 0).then_some(1)),
        };
        if keep {
            i64::try_from(total)
                .map(Some)
                .map_err(|_| Error::IntegerOverflow)
        } else {
            Ok(None)
        }
    }
}

/// The exact binary total of `f64` values (fixed point or Shewchuk partials).
impl Total for FloatSum {
    type Item = f64;
    type Out = f64;

    fn add(&mut self, value: f64) -> Result<(), Error> {
        if FloatSum::add(self, value) {
            Ok(())
        } else {
            Err(Error::FloatOverflow)
        }
    }
    fn sub(&mut self, value: f64) -> Result<(), Error> {
        Total::add(self, -value)
    }
    fn settle(&self, kind: Kind) -> Result<Option<f64>, Error> {
        let total = self.rounded();
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

impl Value for i64 {
    const INTEGER: bool = true;
    fn checked(self) -> Option<Self> {
        Some(self)
    }
    fn round_to(self, _digits: u32) -> Self {
        self
    }
    fn is_zero(self) -> bool {
        self == 0
    }
    fn sweep_events<C: Coord>(
        opens: Vec<(C, Self)>,
        closes: Vec<(C, Self)>,
        kind: Kind,
        _rule: FloatRule,
    ) -> Result<Columns<C, Self>, Error> {
        sweep(opens, closes, IntTotal(0), kind)
    }
    fn add_steps<C: Coord>(
        a: Steps<'_, C, Self>,
        b: Steps<'_, C, Self>,
        subtract: bool,
        kind: Kind,
    ) -> Result<Columns<C, Self>, Error> {
        merge::add_int(a, b, subtract, kind)
    }
    fn number(self) -> Number {
        Number::from(self)
    }
    fn int(self) -> Option<i64> {
        Some(self)
    }
}

impl Value for f64 {
    const INTEGER: bool = false;
    fn checked(self) -> Option<Self> {
        self.is_finite().then_some(self)
    }
    fn round_to(self, digits: u32) -> Self {
        round_decimal(self, digits)
    }
    fn is_zero(self) -> bool {
        self == 0.0
    }
    fn sweep_events<C: Coord>(
        opens: Vec<(C, Self)>,
        closes: Vec<(C, Self)>,
        kind: Kind,
        rule: FloatRule,
    ) -> Result<Columns<C, Self>, Error> {
        match rule {
            FloatRule::Binary => {
                let total = FloatSum::for_values(opens.iter().map(|event| event.1));
                sweep(opens, closes, total, kind)
            }
            FloatRule::Decimal => sweep_decimal(opens, closes, kind),
        }
    }
    fn add_steps<C: Coord>(
        a: Steps<'_, C, Self>,
        b: Steps<'_, C, Self>,
        subtract: bool,
        kind: Kind,
    ) -> Result<Columns<C, Self>, Error> {
        merge::add_float(a, b, subtract, kind)
    }
    fn number(self) -> Number {
        Number::from(self)
    }
    fn int(self) -> Option<i64> {
        None
    }
}
