//! Sums and differences of two step functions by one linear merge of their pieces.

use crate::decimal::DecimalCache;
use crate::{Columns, Coord, Error, Kind, Steps, Value};

/// The canonical step function of `a + b` (or `a - b` with `subtract`), turned into
/// piece values by `kind`, exactly as [`combine`](crate::combine_with_rule) under the
/// decimal rule would combine the pieces of both (those of `b` negated to subtract).
///
/// Integer values add exactly (checked); float values add under the decimal rule (a
/// float stands for the decimal it prints as, the exact sum is rounded once), so the
/// result is bit-identical to sweeping the concatenated pieces. Where only one
/// operand covers a stretch, its value is kept as it is. A coordinate that both
/// operands spell differently (`-0.0` and `0.0`) is taken from `a`.
///
/// Cost: O(n + m) for `n` and `m` pieces.
///
/// # Errors
///
/// [`Error::IntegerOverflow`] when an integer piece value leaves `i64`;
/// [`Error::FloatOverflow`] when an exact decimal sum does not fit the kernel's
/// `i128` fixed point (redo it with Python numbers).
///
/// ```
/// use intervalues_core::{add, Kind, Steps};
///
/// let a = Steps::new(&[0, 4], &[4, 6], &[1, 2])?;
/// let b = Steps::new(&[2], &[5], &[1])?;
/// let sum = add(Kind::Meter, a, b, false)?;
/// assert_eq!((sum.starts, sum.stops, sum.values), (vec![0, 2, 4, 5], vec![2, 4, 5, 6], vec![1, 2, 3, 2]));
/// let difference = add(Kind::Counter, a, b, true)?;
/// assert_eq!((difference.starts, difference.stops, difference.values), (vec![0, 4, 5], vec![2, 5, 6], vec![1, 1, 2]));
///
/// let a = Steps::new(&[0.0], &[1.0], &[0.1])?;
/// let b = Steps::new(&[0.0], &[1.0], &[0.2])?;
/// assert_eq!(add(Kind::Meter, a, b, false)?.values, [0.3]);
/// # Ok::<(), intervalues_core::Error>(())
/// ```
pub fn add<C: Coord, V: Value>(
    kind: Kind,
    a: Steps<'_, C, V>,
    b: Steps<'_, C, V>,
    subtract: bool,
) -> Result<Columns<C, V>, Error> {
    V::add_steps(a, b, subtract, kind)
}

/// `Some(piece value)` for an exact integer total, `None` when `kind` drops it.
fn settle_int(total: i128, kind: Kind) -> Result<Option<i64>, Error> {
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

/// `Some(piece value)` for a rounded float total, `None` when `kind` drops it.
fn settle_float(total: f64, kind: Kind) -> Option<f64> {
    match kind {
        Kind::Meter => (total != 0.0).then_some(total),
        Kind::Counter => Some(total.trunc()).filter(|&count| count >= 1.0),
        Kind::Set => (total > 0.0).then_some(1.0),
    }
}

/// [`add`] for integer values.
pub(crate) fn add_int<C: Coord>(
    a: Steps<'_, C, i64>,
    b: Steps<'_, C, i64>,
    subtract: bool,
    kind: Kind,
) -> Result<Columns<C, i64>, Error> {
    merge(a, b, |x, y| {
        let y = i128::from(y.unwrap_or(0));
        let total = i128::from(x.unwrap_or(0)) + if subtract { -y } else { y };
        settle_int(total, kind)
    })
}

/// [`add`] for float values, under the decimal rule.
pub(crate) fn add_float<C: Coord>(
    a: Steps<'_, C, f64>,
    b: Steps<'_, C, f64>,
    subtract: bool,
    kind: Kind,
) -> Result<Columns<C, f64>, Error> {
    let mut cache = DecimalCache::new();
    merge(a, b, |x, y| {
        let y = y.map(|y| if subtract { -y } else { y });
        let total = match (x, y) {
            (Some(x), Some(y)) => cache.sum(x, y)?,
            (Some(only), None) | (None, Some(only)) => only,
            (None, None) => 0.0,
        };
        if total.is_finite() {
            Ok(settle_float(total, kind))
        } else {
            Err(Error::FloatOverflow)
        }
    })
}

/// Where a merge stands in one operand.
struct Side<'a, C, V> {
    steps: Steps<'a, C, V>,
    /// The current piece.
    index: usize,
    /// Whether the merge is inside the current piece (past its start).
    inside: bool,
}

impl<C: Coord, V: Copy> Side<'_, C, V> {
    /// The next coordinate where this operand's value may change.
    fn boundary(&self) -> Option<C> {
        let column = if self.inside {
            self.steps.stops()
        } else {
            self.steps.starts()
        };
        column.get(self.index).copied()
    }

    /// The value over the stretch after the last boundary.
    fn value(&self) -> Option<V> {
        if self.inside {
            self.steps.values().get(self.index).copied()
        } else {
            None
        }
    }

    /// Steps over every boundary at `at`.
    fn pass(&mut self, at: C) {
        while self.boundary().is_some_and(|c| c <= at) {
            if self.inside {
                self.index += 1;
            }
            self.inside = !self.inside;
        }
    }
}

/// Merges the pieces of `a` and `b`; `settle(a value, b value)` gives each elementary
/// stretch's piece value (`None`: dropped). Touching equal pieces are merged.
fn merge<C: Coord, V: Copy, O: Copy + PartialEq>(
    a: Steps<'_, C, V>,
    b: Steps<'_, C, V>,
    mut settle: impl FnMut(Option<V>, Option<V>) -> Result<Option<O>, Error>,
) -> Result<Columns<C, O>, Error> {
    let mut out = Columns::with_capacity(a.len() + 2 * b.len());
    let side = |steps| Side {
        steps,
        index: 0,
        inside: false,
    };
    let (mut a, mut b) = (side(a), side(b));
    let next = |a: &Side<'_, C, V>, b: &Side<'_, C, V>| match (a.boundary(), b.boundary()) {
        (Some(x), Some(y)) => Some(if y < x { y } else { x }),
        (x, y) => x.or(y),
    };
    let Some(mut at) = next(&a, &b) else {
        return Ok(out);
    };
    a.pass(at);
    b.pass(at);
    while let Some(to) = next(&a, &b) {
        if at < to
            && let Some(value) = settle(a.value(), b.value())?
        {
            out.push_merged(at, to, value);
        }
        a.pass(to);
        b.pass(to);
        at = to;
    }
    out.shrink_to_fit();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::add;
    use crate::{Error, FloatRule, Kind, Steps, combine_with_rule};

    fn steps<'a, C: crate::Coord, V: crate::Value>(
        s: &'a [C],
        e: &'a [C],
        v: &'a [V],
    ) -> Steps<'a, C, V> {
        Steps::new(s, e, v).expect("valid")
    }

    #[test]
    fn meets_combine_of_the_concatenation() {
        let a = steps(&[0, 3, 5], &[2, 5, 9], &[1, 2, 3]);
        let b = steps(&[1, 5], &[5, 6], &[-1, 1]);
        for subtract in [false, true] {
            for kind in [Kind::Meter, Kind::Counter, Kind::Set] {
                let got = add(kind, a, b, subtract).expect("fits");
                let sign = if subtract { -1 } else { 1 };
                let want = combine_with_rule(
                    &[0, 3, 5, 1, 5],
                    &[2, 5, 9, 5, 6],
                    &[1, 2, 3, -sign, sign],
                    kind,
                    None,
                    FloatRule::Decimal,
                )
                .expect("fits");
                assert_eq!(got, want, "{kind:?} {subtract}");
            }
        }
    }

    #[test]
    fn zero_length_and_empty_operands() {
        let a = steps(&[0, 2], &[2, 2], &[1, 5]);
        let empty = steps::<i64, i64>(&[], &[], &[]);
        let got = add(Kind::Meter, a, empty, false).expect("fits");
        assert_eq!(
            (got.starts, got.stops, got.values),
            (vec![0], vec![2], vec![1])
        );
        let got = add(Kind::Meter, empty, empty, true).expect("fits");
        assert!(got.is_empty());
        let got = add(Kind::Meter, a, a, true).expect("fits");
        assert!(got.is_empty());
    }

    #[test]
    fn integer_overflow_is_reported() {
        let a = steps(&[0], &[1], &[i64::MAX]);
        assert_eq!(add(Kind::Meter, a, a, false), Err(Error::IntegerOverflow));
        let b = steps(&[0], &[1], &[i64::MIN]);
        assert_eq!(add(Kind::Meter, b, a, true), Err(Error::IntegerOverflow));
        let got = add(Kind::Meter, a, b, false).expect("fits");
        assert_eq!(got.values, [-1]);
    }

    #[test]
    fn decimal_rule_and_negative_zero_coordinates() {
        let a = steps(&[-0.0, 1.0], &[1.0, 2.0], &[0.1, 0.7]);
        let b = steps(&[0.0], &[2.0], &[0.2]);
        let got = add(Kind::Meter, a, b, false).expect("fits");
        assert_eq!(got.values, [0.3, 0.9]);
        assert_eq!(got.starts[0].to_bits(), (-0.0f64).to_bits());
        let got = add(Kind::Meter, b, a, true).expect("fits");
        assert_eq!(got.values, [0.1, -0.5]);
        assert_eq!(got.starts[0].to_bits(), 0);
        let cancel = add(Kind::Meter, a, a, true).expect("fits");
        assert!(cancel.is_empty());
        let huge = steps(&[0.0], &[1.0], &[1e300]);
        let tenth = steps(&[0.0], &[1.0], &[0.1]);
        assert_eq!(
            add(Kind::Meter, huge, tenth, false),
            Err(Error::FloatOverflow)
        );
        let alone = add(Kind::Meter, huge, steps(&[], &[], &[]), false).expect("fits");
        assert_eq!(alone.values, [1e300]);
    }
}
