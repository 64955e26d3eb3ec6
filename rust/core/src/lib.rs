//! The kernel of `intervalues`: combine weighted intervals into a canonical step
//! function, exactly.
//!
//! Each interval `[start, stop)` adds its value to every point it covers. [`combine`]
//! sweeps over the sorted bounds once and returns the sum as a step function in
//! canonical form ([`Columns`]): sorted disjoint pieces, no zero pieces, touching
//! neighbours with equal values merged. A [`Kind`] decides how a piece's total
//! becomes its value (a meter keeps it, a counter truncates it, a set keeps 1).
//!
//! Coordinates are `i64` or `f64`, values are `i64` or `f64`, in any combination.
//! Arithmetic is exact: integer totals are checked and reported as
//! [`Error::IntegerOverflow`] rather than wrapped. What a float value stands for is a
//! [`FloatRule`]. Under [`FloatRule::Binary`] (what [`combine`] uses) it is its exact
//! binary value: totals are kept as exact running partials ([`ExactSum`]) and each
//! piece's value is the correctly rounded exact sum, bit-identical to Python's
//! `math.fsum` of the values covering it. Under [`FloatRule::Decimal`] (the Python
//! package's rule, through [`combine_with_rule`]) it is the decimal it prints as, so
//! `0.1 + 0.2` is `0.3`; totals are exact `i128` multiples of one power of ten and
//! sums that do not fit are reported as [`Error::FloatOverflow`]. Either way a piece's
//! value does not depend on the input order and cancels to exactly zero.
//!
//! ```
//! use intervalues_core::{combine, Kind};
//!
//! // Three meetings; how many people are in the room when?
//! let starts = [9.0, 9.5, 10.0];
//! let stops = [10.0, 11.0, 10.5];
//! let people = [2, 1, 3];
//! let room = combine(&starts, &stops, &people, Kind::Meter, None)?;
//! assert_eq!(room.starts, [9.0, 9.5, 10.0, 10.5]);
//! assert_eq!(room.stops, [9.5, 10.0, 10.5, 11.0]);
//! assert_eq!(room.values, [2, 3, 4, 1]);
//!
//! // When is the room in use at all?
//! let used = combine(&starts, &stops, &people, Kind::Set, None)?;
//! assert_eq!((used.starts, used.stops, used.values), (vec![9.0], vec![11.0], vec![1]));
//!
//! // Float weights as written: 0.1 + 0.2 is 0.3 under the decimal rule.
//! use intervalues_core::{combine_with_rule, FloatRule};
//! let load = combine_with_rule(&starts, &stops, &[0.1, 0.2, 0.3], Kind::Meter, None, FloatRule::Decimal)?;
//! assert_eq!(load.values, [0.1, 0.3, 0.5, 0.2]);
//! # Ok::<(), intervalues_core::Error>(())
//! ```
#![forbid(unsafe_code)]

mod decimal;
mod error;
mod float_sum;
mod fsum;
mod lookup;
mod merge;
mod num;
mod number;
mod round;
mod scale;
mod setops;
mod stats;
mod steps;
mod sweep;
mod wide;

pub use decimal::{decimal_of, decimal_to_f64};
pub use error::{Column, Error};
pub use fsum::ExactSum;
pub use lookup::{Point, contains_many, values_at};
pub use merge::add;
pub use num::{Coord, Value};
pub use number::Number;
pub use round::round_decimal;
pub use scale::{Scaled, scale, scale_counter};
pub use setops::{SetColumns, SetOp, set_op};
pub use stats::{Stats, Window};
pub use steps::{Pieces, Steps};
pub use sweep::{Columns, FloatRule, Kind, combine, combine_tuples, combine_with_rule};
pub use wide::Wide;

/// The version of this crate.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
