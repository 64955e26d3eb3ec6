//! The kernel's one error type.

use std::fmt;

/// Which input column an [`Error`] refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// The interval start coordinates.
    Starts,
    /// The interval stop coordinates.
    Stops,
    /// The interval values (weights).
    Values,
    /// The lookup points.
    Points,
}

impl Column {
    /// The column's name as the caller spells it: `"starts"`, `"stops"` or `"values"`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Starts => "starts",
            Self::Stops => "stops",
            Self::Values => "values",
            Self::Points => "points",
        }
    }
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Everything that can go wrong in the kernel.
///
/// Most variants are errors in the input. The two overflow variants mean the exact
/// result does not fit the machine type (or an intermediate float sum left the finite
/// range): a caller with arbitrary-precision arithmetic at hand (Python's `int`,
/// `fractions`) should redo the computation there ([`Error::is_overflow`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Error {
    /// The three input columns do not have the same length.
    LengthMismatch {
        /// Length of `starts`.
        starts: usize,
        /// Length of `stops`.
        stops: usize,
        /// Length of `values`.
        values: usize,
    },
    /// Interval `index` has `start > stop`.
    ReversedBounds {
        /// Position of the interval in the input columns.
        index: usize,
    },
    /// A float coordinate or value is NaN or infinite.
    NonFinite {
        /// The column holding the bad number.
        which: Column,
        /// Its position in that column.
        index: usize,
    },
    /// An integer piece value does not fit in `i64`.
    IntegerOverflow,
    /// An exact float sum overflowed to infinity (or its rounded value is not finite).
    FloatOverflow,
    /// Piece `index` of a step function's columns is out of order: pieces must be
    /// sorted and disjoint, `starts[i] <= stops[i] <= starts[i + 1]`.
    Unsorted {
        /// Which step function: `"a"` or `"b"` for the operands of a binary operation,
        /// `"columns"` otherwise.
        operand: &'static str,
        /// The first piece that breaks the order.
        index: usize,
    },
    /// Scaling a value gave an infinite number (the input was finite). Not an
    /// overflow to redo with big numbers: a float product is what it is.
    NonFiniteProduct,
    /// A statistic was asked of a domain with no measure (no pieces and no window).
    NoMeasure {
        /// The statistic's name: `"average"`, `"median"`, `"mode"`, `"minimum"` or
        /// `"maximum"`.
        statistic: &'static str,
    },
    /// A statistic's window `within` has no positive length.
    EmptyWindow,
}

impl Error {
    /// Whether the error is an arithmetic overflow (the input itself was valid).
    #[must_use]
    pub const fn is_overflow(&self) -> bool {
        matches!(self, Self::IntegerOverflow | Self::FloatOverflow)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::LengthMismatch {
                starts,
                stops,
                values,
            } => write!(
                f,
                "starts, stops and values must have the same length, got {starts}, {stops} and {values}"
            ),
            Self::ReversedBounds { index } => {
                write!(f, "interval {index} has start > stop")
            }
            Self::NonFinite { which, index } => {
                write!(f, "{which}[{index}] is not a finite number")
            }
            Self::IntegerOverflow => f.write_str("integer sum does not fit in 64 bits"),
            Self::FloatOverflow => f.write_str("float sum overflowed"),
            Self::Unsorted { operand, index } => write!(
                f,
                "{operand}: piece {index} is out of order (pieces must be sorted and disjoint: \
                 starts[i] <= stops[i] <= starts[i + 1])"
            ),
            Self::NonFiniteProduct => f.write_str("scaling gives a value that is not finite"),
            Self::NoMeasure { statistic } => {
                write!(f, "the {statistic} needs a domain of positive measure")
            }
            Self::EmptyWindow => f.write_str("within must have a positive length"),
        }
    }
}

impl std::error::Error for Error {}
