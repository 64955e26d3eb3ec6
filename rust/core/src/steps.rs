//! Step functions as borrowed columns, checked once before an operation reads them.

use crate::{Column, Coord, Error, Value};

/// A step function given as three borrowed parallel columns.
///
/// Piece `i` covers `starts[i] ..= stops[i]` with value `values[i]`. [`Steps::new`]
/// checks what every operation relies on: equal lengths, finite numbers, and pieces
/// sorted and disjoint (`starts[i] <= stops[i] <= starts[i + 1]`). The canonical
/// columns that [`combine`](crate::combine) returns always pass.
///
/// ```
/// use intervalues_core::Steps;
///
/// assert!(Steps::new(&[0, 2], &[1, 4], &[5, 6]).is_ok());
/// assert!(Steps::new(&[0, 2], &[3, 4], &[5, 6]).is_err()); // overlapping pieces
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Steps<'a, C, V> {
    starts: &'a [C],
    stops: &'a [C],
    values: &'a [V],
}

impl<'a, C: Coord, V: Value> Steps<'a, C, V> {
    /// Checks the columns of one step function.
    ///
    /// # Errors
    ///
    /// [`Error::LengthMismatch`], [`Error::NonFinite`] or [`Error::Unsorted`].
    pub fn new(starts: &'a [C], stops: &'a [C], values: &'a [V]) -> Result<Self, Error> {
        Self::named("columns", starts, stops, values)
    }

    /// Checks only what does not depend on the order of the pieces (lengths, finite
    /// numbers), for the statistics that visit every piece whatever its place (no
    /// window): the same answers as Python computes on any columns, one pass sooner.
    ///
    /// # Errors
    ///
    /// [`Error::LengthMismatch`] or [`Error::NonFinite`].
    pub fn unordered(starts: &'a [C], stops: &'a [C], values: &'a [V]) -> Result<Self, Error> {
        if values.len() != starts.len() || stops.len() != starts.len() {
            return Err(Error::LengthMismatch {
                starts: starts.len(),
                stops: stops.len(),
                values: values.len(),
            });
        }
        let columns: [(&[C], Column); 2] = [(starts, Column::Starts), (stops, Column::Stops)];
        for (column, which) in columns {
            if let Some(index) = column.iter().position(|c| c.checked().is_none()) {
                return Err(Error::NonFinite { which, index });
            }
        }
        if let Some(index) = values.iter().position(|v| v.checked().is_none()) {
            return Err(Error::NonFinite {
                which: Column::Values,
                index,
            });
        }
        Ok(Self {
            starts,
            stops,
            values,
        })
    }

    /// Like [`Steps::new`], naming the step function `operand` in an
    /// [`Error::Unsorted`].
    ///
    /// # Errors
    ///
    /// As [`Steps::new`].
    pub fn named(
        operand: &'static str,
        starts: &'a [C],
        stops: &'a [C],
        values: &'a [V],
    ) -> Result<Self, Error> {
        if values.len() != starts.len() || stops.len() != starts.len() {
            return Err(Error::LengthMismatch {
                starts: starts.len(),
                stops: stops.len(),
                values: values.len(),
            });
        }
        Pieces::named(operand, starts, stops)?;
        if let Some(index) = values.iter().position(|v| v.checked().is_none()) {
            return Err(Error::NonFinite {
                which: Column::Values,
                index,
            });
        }
        Ok(Self {
            starts,
            stops,
            values,
        })
    }
}

impl<'a, C, V> Steps<'a, C, V> {
    /// The piece starts.
    #[must_use]
    pub const fn starts(&self) -> &'a [C] {
        self.starts
    }

    /// The piece stops.
    #[must_use]
    pub const fn stops(&self) -> &'a [C] {
        self.stops
    }

    /// The piece values.
    #[must_use]
    pub const fn values(&self) -> &'a [V] {
        self.values
    }

    /// The pieces without their values.
    #[must_use]
    pub const fn pieces(&self) -> Pieces<'a, C> {
        Pieces {
            starts: self.starts,
            stops: self.stops,
        }
    }

    /// The number of pieces.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether there are no pieces.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
}

/// The pieces of a set (or of a step function, without values) as two borrowed
/// columns: piece `i` is the closed interval `starts[i] ..= stops[i]`.
///
/// ```
/// use intervalues_core::Pieces;
///
/// assert!(Pieces::new(&[0.0, 2.0], &[2.0, 2.0]).is_ok()); // touching, one point
/// assert!(Pieces::new(&[0.0], &[f64::NAN]).is_err());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Pieces<'a, C> {
    starts: &'a [C],
    stops: &'a [C],
}

impl<'a, C: Coord> Pieces<'a, C> {
    /// Checks the columns of one set of pieces.
    ///
    /// # Errors
    ///
    /// [`Error::LengthMismatch`] (with `values` reported as 0), [`Error::NonFinite`]
    /// or [`Error::Unsorted`].
    pub fn new(starts: &'a [C], stops: &'a [C]) -> Result<Self, Error> {
        Self::named("columns", starts, stops)
    }

    /// Like [`Pieces::new`], naming the pieces `operand` in an [`Error::Unsorted`].
    ///
    /// # Errors
    ///
    /// As [`Pieces::new`].
    #[allow(clippy::needless_bitwise_bool)] // no branch per item, on purpose
    pub fn named(operand: &'static str, starts: &'a [C], stops: &'a [C]) -> Result<Self, Error> {
        if stops.len() != starts.len() {
            return Err(Error::LengthMismatch {
                starts: starts.len(),
                stops: stops.len(),
                values: 0,
            });
        }
        // Whole-column passes without early exits (they vectorise); the exact place of a
        // problem is looked for only when there is one.
        let finite = |column: &[C]| column.iter().fold(true, |ok, c| ok & c.checked().is_some());
        // One pass: each piece in order, and not before the previous one's stop.
        let ordered = match (starts.first(), starts.get(1..), stops.split_last()) {
            (Some(first), Some(rest), Some((last_stop, first_stops))) => {
                let last_start = rest.last().unwrap_or(first);
                first_stops
                    .iter()
                    .zip(starts)
                    .zip(rest)
                    .fold(last_start <= last_stop, |ok, ((stop, start), next)| {
                        ok & (start <= stop) & (stop <= next)
                    })
            }
            _ => true,
        };
        if finite(starts) && finite(stops) && ordered {
            return Ok(Self { starts, stops });
        }
        let non_finite = |which, index| Error::NonFinite { which, index };
        if let Some(index) = starts.iter().position(|c| c.checked().is_none()) {
            return Err(non_finite(Column::Starts, index));
        }
        if let Some(index) = stops.iter().position(|c| c.checked().is_none()) {
            return Err(non_finite(Column::Stops, index));
        }
        let mut previous_stop: Option<C> = None;
        for (index, (&start, &stop)) in starts.iter().zip(stops).enumerate() {
            let after_previous = previous_stop.is_none_or(|before| before <= start);
            if !(after_previous && start <= stop) {
                return Err(Error::Unsorted { operand, index });
            }
            previous_stop = Some(stop);
        }
        Ok(Self { starts, stops })
    }
}

impl<'a, C> Pieces<'a, C> {
    /// The piece starts.
    #[must_use]
    pub const fn starts(&self) -> &'a [C] {
        self.starts
    }

    /// The piece stops.
    #[must_use]
    pub const fn stops(&self) -> &'a [C] {
        self.stops
    }

    /// The number of pieces.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether there are no pieces.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::{Pieces, Steps};
    use crate::{Column, Error};

    #[test]
    fn accepts_sorted_disjoint_touching_and_points() {
        assert!(Steps::new(&[0, 1, 3], &[1, 2, 3], &[1, 2, 3]).is_ok());
        assert!(Steps::<i64, i64>::new(&[], &[], &[]).is_ok());
        assert!(Pieces::new(&[-0.0, 0.0], &[0.0, 1.0]).is_ok());
    }

    #[test]
    fn rejects_what_operations_cannot_read() {
        let unsorted = |index| {
            Err(Error::Unsorted {
                operand: "columns",
                index,
            })
        };
        assert_eq!(Pieces::new(&[0, 1], &[2, 3]).map(|_| ()), unsorted(1));
        assert_eq!(Pieces::new(&[2], &[1]).map(|_| ()), unsorted(0));
        assert_eq!(
            Steps::new(&[0.0], &[1.0], &[f64::INFINITY]).map(|_| ()),
            Err(Error::NonFinite {
                which: Column::Values,
                index: 0
            })
        );
        assert_eq!(
            Steps::named("b", &[0, 5], &[1, 4], &[1, 1]).map(|_| ()),
            Err(Error::Unsorted {
                operand: "b",
                index: 1
            })
        );
        assert!(matches!(
            Steps::new(&[0], &[1], &[1, 2]),
            Err(Error::LengthMismatch { .. })
        ));
    }
}
