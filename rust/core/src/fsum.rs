//! Exact float sums: Shewchuk's non-overlapping partials with CPython's final rounding.

/// An exact running sum of `f64`s, kept as non-overlapping partials.
///
/// The partials are non-zero, ordered by increasing magnitude, and their exact
/// (unrounded) sum is the exact sum of everything added so far. Subtracting a value
/// that was added before cancels it exactly, whatever happened in between.
/// [`ExactSum::rounded`] rounds that exact sum the way CPython's `math.fsum` does,
/// so the result is bit-identical to `math.fsum` over the same multiset of values.
///
/// ```
/// use intervalues_core::ExactSum;
///
/// let mut sum = ExactSum::new();
/// for v in [1e100, 1.0, -1e100, 0.1] {
///     sum.add(v);
/// }
/// assert_eq!(sum.rounded(), 1.1);
/// sum.add(-1.0);
/// sum.add(-0.1);
/// assert_eq!(sum.rounded(), 0.0);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExactSum {
    partials: Vec<f64>,
}

impl ExactSum {
    /// An empty sum (zero).
    #[must_use]
    pub const fn new() -> Self {
        Self {
            partials: Vec::new(),
        }
    }

    /// Adds `x` exactly. Returns `false`, leaving the sum unusable, if an
    /// intermediate sum overflows or `x` is not finite.
    pub fn add(&mut self, mut x: f64) -> bool {
        let mut kept = 0;
        for j in 0..self.partials.len() {
            let y = self.partials[j];
            // Knuth's branch-free two-sum: hi + lo == x + y exactly, hi == fl(x + y).
            let hi = x + y;
            let y_part = hi - x;
            let lo = (x - (hi - y_part)) + (y - y_part);
            // Keep non-zero errors, in place (kept <= j, so nothing unread is lost).
            self.partials[kept] = lo;
            kept += usize::from(lo != 0.0);
            x = hi;
        }
        self.partials.truncate(kept);
        if x != 0.0 {
            self.partials.push(x);
        }
        x.is_finite()
    }

    /// The exact sum correctly rounded to the nearest `f64` (ties to even), computed
    /// with the same steps as CPython's `math.fsum`.
    #[must_use]
    pub fn rounded(&self) -> f64 {
        let p = &self.partials;
        let Some((&top, rest)) = p.split_last() else {
            return 0.0;
        };
        let mut hi = top;
        let mut lo = 0.0;
        let mut n = rest.len();
        // Add partials from the top down while the sum stays exact.
        while n > 0 {
            n -= 1;
            let x = hi;
            let y = p[n];
            hi = x + y;
            lo = y - (hi - x);
            if lo != 0.0 {
                break;
            }
        }
        // Half-even rounding across several partials: if the rounding error `lo` and
        // the next partial down have the same sign, the exact sum lies beyond the
        // halfway point that `hi` was rounded from, so round away instead.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
        hi
    }
}

#[cfg(test)]
mod tests {
    use super::ExactSum;

    fn fsum(values: &[f64]) -> f64 {
        let mut s = ExactSum::new();
        for &v in values {
            assert!(s.add(v));
        }
        s.rounded()
    }

    #[test]
    fn matches_cpython_fsum_examples() {
        // Values checked against CPython 3.11 `math.fsum`.
        assert_eq!(fsum(&[0.1; 10]), 1.0);
        assert_eq!(fsum(&[1e-16, 1.0, 1e16]), 10_000_000_000_000_002.0);
        assert_eq!(fsum(&[]), 0.0);
        assert_eq!(
            fsum(&[1.0, 2f64.powi(-53), 2f64.powi(-106)]),
            1.000_000_000_000_000_2
        );
        assert_eq!(fsum(&[1.0, 2f64.powi(-53)]), 1.0);
    }

    #[test]
    fn cancels_exactly() {
        let vals = [0.1, 0.2, 0.3, 1e20, -7.25, 3e-300];
        let mut s = ExactSum::new();
        for v in vals {
            s.add(v);
        }
        for v in vals.iter().rev() {
            s.add(-v);
        }
        assert_eq!(s.rounded(), 0.0);
        assert!(s.partials.is_empty());
    }

    #[test]
    fn reports_overflow() {
        let mut s = ExactSum::new();
        assert!(s.add(f64::MAX));
        assert!(!s.add(f64::MAX));
        assert!(!ExactSum::new().add(f64::NAN));
    }
}
