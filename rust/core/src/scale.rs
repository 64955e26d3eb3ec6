//! Scaling the values of a step function by a number, as Python multiplies.

use crate::{Columns, Coord, Error, Number, Steps, Value};

/// The scaled step function: integer values for `int * int`, float values otherwise.
#[derive(Debug, Clone, PartialEq)]
pub enum Scaled<C> {
    /// Every value was an `int` times an `int`.
    Int(Columns<C, i64>),
    /// A float was involved, so every value is a float.
    Float(Columns<C, f64>),
}

/// A meter's values times `factor`, as Python's `v * factor`, in canonical form
/// (zero products dropped, touching equal products merged).
///
/// `int * int` is exact; anything with a float is one IEEE multiplication after
/// Python's conversion of the `int` to the nearest float.
///
/// Cost: O(n).
///
/// # Errors
///
/// [`Error::IntegerOverflow`] when an integer product (or an integer factor) leaves
/// `i64` (redo with Python ints); [`Error::NonFiniteProduct`] when a float product is
/// infinite.
///
/// ```
/// use intervalues_core::{scale, Number, Scaled, Steps};
///
/// let steps = Steps::new(&[0, 1, 2], &[1, 2, 3], &[2, 4, 1])?;
/// let Scaled::Int(out) = scale(steps, Number::Int(3))? else { unreachable!() };
/// assert_eq!(out.values, [6, 12, 3]);
/// let Scaled::Float(out) = scale(steps, Number::Float(0.5))? else { unreachable!() };
/// assert_eq!(out.values, [1.0, 2.0, 0.5]);
/// // Products that become equal merge: 2^53 + 1 is 2^53 as a float.
/// let big = Steps::new(&[0, 1], &[1, 2], &[1 << 53, (1 << 53) + 1])?;
/// let Scaled::Float(out) = scale(big, Number::Float(1.0))? else { unreachable!() };
/// assert_eq!((out.starts, out.stops, out.values), (vec![0], vec![2], vec![9007199254740992.0]));
/// # Ok::<(), intervalues_core::Error>(())
/// ```
pub fn scale<C: Coord, V: Value>(
    steps: Steps<'_, C, V>,
    factor: Number,
) -> Result<Scaled<C>, Error> {
    match factor {
        Number::Int(f) if V::INTEGER => {
            let f = i64::try_from(f).map_err(|_| Error::IntegerOverflow)?;
            let out = scaled(steps, |v| match v.number() {
                Number::Int(v) => i64::try_from(v)
                    .ok()
                    .and_then(|v| v.checked_mul(f))
                    .ok_or(Error::IntegerOverflow),
                Number::Float(_) => Err(Error::IntegerOverflow),
            })?;
            Ok(Scaled::Int(out))
        }
        _ => {
            let f = factor.to_f64();
            let out = scaled(steps, |v| {
                let product = v.number().to_f64() * f;
                if product.is_finite() {
                    Ok(product)
                } else {
                    Err(Error::NonFiniteProduct)
                }
            })?;
            Ok(Scaled::Float(out))
        }
    }
}

/// A counter's counts times `factor`, as Python's `int(v * factor)` (truncation
/// toward zero), in canonical form; a `factor <= 0` empties it.
///
/// Cost: O(n).
///
/// # Errors
///
/// [`Error::IntegerOverflow`] when a count leaves `i64` (redo with Python ints);
/// [`Error::NonFiniteProduct`] when a float product is infinite (Python's `int()`
/// of it fails).
///
/// ```
/// use intervalues_core::{scale_counter, Number, Steps};
///
/// let steps = Steps::new(&[0, 2, 4], &[2, 4, 6], &[1, 2, 1])?;
/// let out = scale_counter(steps, Number::Float(2.5))?;
/// assert_eq!((out.starts, out.values), (vec![0, 2, 4], vec![2, 5, 2]));
/// assert!(scale_counter(steps, Number::Float(0.4))?.is_empty());
/// # Ok::<(), intervalues_core::Error>(())
/// ```
pub fn scale_counter<C: Coord, V: Value>(
    steps: Steps<'_, C, V>,
    factor: Number,
) -> Result<Columns<C, i64>, Error> {
    if factor <= Number::Int(0) {
        return Ok(Columns::default());
    }
    scaled(steps, |v| match v.number().times(factor)? {
        Number::Int(count) => i64::try_from(count).map_err(|_| Error::IntegerOverflow),
        Number::Float(product) => {
            if !product.is_finite() {
                return Err(Error::NonFiniteProduct);
            }
            let count = product.trunc();
            // Within (-2^63, 2^63) the whole float converts exactly.
            #[allow(clippy::cast_possible_truncation)]
            if count.abs() < 9_223_372_036_854_775_808.0 {
                Ok(count as i64)
            } else {
                Err(Error::IntegerOverflow)
            }
        }
    })
}

/// The pieces with `product(value)`, zero products and zero-length pieces dropped,
/// touching equal products merged.
fn scaled<C: Coord, V: Value, O: Copy + PartialEq + Default>(
    steps: Steps<'_, C, V>,
    mut product: impl FnMut(V) -> Result<O, Error>,
) -> Result<Columns<C, O>, Error> {
    let mut out = Columns::with_capacity(steps.len());
    for ((&start, &stop), &value) in steps.starts().iter().zip(steps.stops()).zip(steps.values()) {
        let scaled = product(value)?;
        if start < stop && scaled != O::default() {
            out.push_merged(start, stop, scaled);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{Scaled, scale, scale_counter};
    use crate::{Error, Number, Steps};

    #[test]
    fn integer_products_are_checked() {
        let steps = Steps::new(&[0], &[1], &[i64::MAX]).expect("valid");
        assert_eq!(scale(steps, Number::Int(2)), Err(Error::IntegerOverflow));
        assert_eq!(
            scale(steps, Number::Int(1 << 70)),
            Err(Error::IntegerOverflow)
        );
        let Ok(Scaled::Int(out)) = scale(steps, Number::Int(-1)) else {
            panic!("fits")
        };
        assert_eq!(out.values, [-i64::MAX]);
        // int * float converts the int to the nearest float first.
        let Ok(Scaled::Float(out)) = scale(steps, Number::Float(1.0)) else {
            panic!("finite")
        };
        assert_eq!(out.values, [9_223_372_036_854_775_808.0]);
    }

    #[test]
    fn non_finite_products_are_errors_and_zeros_vanish() {
        let steps = Steps::new(&[0.0, 1.0], &[1.0, 2.0], &[1e300, -2.0]).expect("valid");
        assert_eq!(
            scale(steps, Number::Float(1e10)),
            Err(Error::NonFiniteProduct)
        );
        let Ok(Scaled::Float(out)) = scale(steps, Number::Float(-0.0)) else {
            panic!("finite")
        };
        assert!(out.is_empty());
        let Ok(Scaled::Float(out)) = scale(steps, Number::Int(0)) else {
            panic!("finite")
        };
        assert!(out.is_empty());
    }

    #[test]
    fn counters_truncate() {
        let steps = Steps::new(&[0, 1], &[1, 2], &[3, 1]).expect("valid");
        let out = scale_counter(steps, Number::Float(0.5)).expect("fits");
        assert_eq!((out.starts, out.values), (vec![0], vec![1]));
        assert!(
            scale_counter(steps, Number::Float(-0.0))
                .expect("fits")
                .is_empty()
        );
        assert_eq!(
            scale_counter(steps, Number::Float(1e300)),
            Err(Error::IntegerOverflow)
        );
        assert_eq!(
            scale_counter(steps, Number::Float(f64::MAX)),
            Err(Error::NonFiniteProduct)
        );
        let out = scale_counter(steps, Number::Int(3)).expect("fits");
        assert_eq!(out.values, [9, 3]);
    }
}
