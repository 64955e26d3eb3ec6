//! Set algebra on closed pieces, by linear merges.
//!
//! A set is sorted, disjoint closed pieces `[start, stop]`, one-point pieces `[x, x]`
//! included. Union and intersection are those of the point sets (touching pieces of a
//! union merge; pieces that touch intersect in a one-point piece). The difference is
//! the closure of the point-set difference, so the boundary points of a removed part
//! stay; a one-point piece survives a difference unless the other set covers it. The
//! symmetric difference is `(a - b) | (b - a)`. These are exactly the Python package's
//! operations, down to which operand's spelling of an equal coordinate is kept.

use crate::{Coord, Pieces};

/// A set operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SetOp {
    /// `a | b`.
    Union,
    /// `a & b`.
    Intersection,
    /// `a - b` (closure of the difference).
    Difference,
    /// `a ^ b`, that is `(a - b) | (b - a)`.
    SymmetricDifference,
}

impl SetOp {
    /// Parses the Python package's names: `"or"`, `"and"`, `"sub"` or `"xor"`.
    ///
    /// ```
    /// use intervalues_core::SetOp;
    /// assert_eq!(SetOp::from_name("xor"), Some(SetOp::SymmetricDifference));
    /// assert_eq!(SetOp::from_name("^"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "or" => Some(Self::Union),
            "and" => Some(Self::Intersection),
            "sub" => Some(Self::Difference),
            "xor" => Some(Self::SymmetricDifference),
            _ => None,
        }
    }
}

/// The pieces of a set: `(starts, stops)`.
pub type SetColumns<C> = (Vec<C>, Vec<C>);

/// `a op b` for two sets of closed pieces; the result is canonical (sorted, disjoint,
/// touching pieces merged).
///
/// Cost: O(n + m).
///
/// ```
/// use intervalues_core::{set_op, Pieces, SetOp};
///
/// let a = Pieces::new(&[0, 6], &[4, 8])?;
/// let b = Pieces::new(&[3], &[7])?;
/// assert_eq!(set_op(SetOp::Union, a, b), (vec![0], vec![8]));
/// assert_eq!(set_op(SetOp::Intersection, a, b), (vec![3, 6], vec![4, 7]));
/// assert_eq!(set_op(SetOp::Difference, a, b), (vec![0, 7], vec![3, 8]));
/// assert_eq!(set_op(SetOp::SymmetricDifference, a, b), (vec![0, 4, 7], vec![3, 6, 8]));
/// // Touching pieces intersect in one point.
/// let c = Pieces::new(&[4], &[5])?;
/// assert_eq!(set_op(SetOp::Intersection, a, c), (vec![4], vec![4]));
/// # Ok::<(), intervalues_core::Error>(())
/// ```
#[must_use]
pub fn set_op<C: Coord>(op: SetOp, a: Pieces<'_, C>, b: Pieces<'_, C>) -> SetColumns<C> {
    match op {
        SetOp::Union => union(a.starts(), a.stops(), b.starts(), b.stops()),
        SetOp::Intersection => intersection(a, b),
        SetOp::Difference => difference(a, b),
        SetOp::SymmetricDifference => {
            let (s1, e1) = difference(a, b);
            let (s2, e2) = difference(b, a);
            union(&s1, &e1, &s2, &e2)
        }
    }
}

/// Appends `[start, stop]`, merging it into the last piece when they overlap or touch.
fn push_joined<C: Coord>(out: &mut SetColumns<C>, start: C, stop: C) {
    if let Some(last) = out.1.last_mut()
        && start <= *last
    {
        if stop > *last {
            *last = stop;
        }
        return;
    }
    out.0.push(start);
    out.1.push(stop);
}

/// The pieces of both in `(start, stop)` order (those of `a` first among equals),
/// joined where they overlap or touch.
fn union<C: Coord>(a_starts: &[C], a_stops: &[C], b_starts: &[C], b_stops: &[C]) -> SetColumns<C> {
    let mut out = (
        Vec::with_capacity(a_starts.len() + b_starts.len()),
        Vec::with_capacity(a_starts.len() + b_starts.len()),
    );
    let (mut i, mut j) = (0, 0);
    loop {
        let a_piece = a_starts.get(i).zip(a_stops.get(i));
        let b_piece = b_starts.get(j).zip(b_stops.get(j));
        let (start, stop) = match (a_piece, b_piece) {
            (Some((&s, &e)), Some((&bs, &be))) if s < bs || (s == bs && e <= be) => {
                i += 1;
                (s, e)
            }
            (_, Some((&bs, &be))) => {
                j += 1;
                (bs, be)
            }
            (Some((&s, &e)), None) => {
                i += 1;
                (s, e)
            }
            (None, None) => break,
        };
        push_joined(&mut out, start, stop);
    }
    out
}

fn intersection<C: Coord>(a: Pieces<'_, C>, b: Pieces<'_, C>) -> SetColumns<C> {
    let mut out = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while let (Some(&as_), Some(&ae), Some(&bs), Some(&be)) = (
        a.starts().get(i),
        a.stops().get(i),
        b.starts().get(j),
        b.stops().get(j),
    ) {
        let low = if bs > as_ { bs } else { as_ };
        let high = if be < ae { be } else { ae };
        if low <= high {
            out.0.push(low);
            out.1.push(high);
        }
        if ae < be {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

fn difference<C: Coord>(a: Pieces<'_, C>, b: Pieces<'_, C>) -> SetColumns<C> {
    let mut out = (Vec::new(), Vec::new());
    let (b_starts, b_stops) = (b.starts(), b.stops());
    // The first piece of `b` that ends at or after the current piece's start.
    let mut first = 0;
    for (&start, &stop) in a.starts().iter().zip(a.stops()) {
        while b_stops.get(first).is_some_and(|&e| e < start) {
            first += 1;
        }
        // The pieces of `b` from `first` that start at or before `stop`.
        let overlapping = b_starts
            .get(first..)
            .unwrap_or_default()
            .iter()
            .zip(b_stops.get(first..).unwrap_or_default())
            .take_while(|&(&s, _)| s <= stop);
        if start == stop {
            // A lone point survives unless some piece covers it.
            if overlapping.count() == 0 {
                push_joined(&mut out, start, stop);
            }
            continue;
        }
        let mut at = start;
        for (&s, &e) in overlapping {
            if s > at {
                push_joined(&mut out, at, s);
            }
            if e > at {
                at = e;
            }
        }
        if at < stop {
            push_joined(&mut out, at, stop);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{SetOp, set_op};
    use crate::Pieces;

    fn p<'a>(s: &'a [i64], e: &'a [i64]) -> Pieces<'a, i64> {
        Pieces::new(s, e).expect("valid")
    }

    #[test]
    fn one_point_pieces() {
        let point = p(&[2], &[2]);
        let around = p(&[0], &[5]);
        let edge = p(&[5], &[6]);
        assert_eq!(set_op(SetOp::Difference, point, around), (vec![], vec![]));
        assert_eq!(set_op(SetOp::Difference, point, edge), (vec![2], vec![2]));
        // Removing a point from a piece leaves the piece (closure).
        assert_eq!(set_op(SetOp::Difference, around, point), (vec![0], vec![5]));
        assert_eq!(set_op(SetOp::Union, around, edge), (vec![0], vec![6]));
        assert_eq!(
            set_op(SetOp::Intersection, around, edge),
            (vec![5], vec![5])
        );
        assert_eq!(
            set_op(SetOp::Union, point, p(&[2], &[3])),
            (vec![2], vec![3])
        );
        assert_eq!(
            set_op(SetOp::SymmetricDifference, around, around),
            (vec![], vec![])
        );
    }

    #[test]
    fn difference_keeps_boundaries_of_removed_parts() {
        let a = p(&[0], &[10]);
        let b = p(&[-5, 2, 9], &[0, 3, 12]);
        assert_eq!(set_op(SetOp::Difference, a, b), (vec![0, 3], vec![2, 9]));
        assert_eq!(set_op(SetOp::Difference, b, a), (vec![-5, 10], vec![0, 12]));
    }

    #[test]
    fn negative_zero_spelling_follows_python() {
        let a = Pieces::new(&[-0.0], &[1.0]).expect("valid");
        let b = Pieces::new(&[0.0], &[2.0]).expect("valid");
        let (s, _) = set_op(SetOp::Union, a, b);
        assert_eq!(s[0].to_bits(), (-0.0f64).to_bits());
        // Python sorts (start, stop) tuples: (-0.0, 1.0) comes before (0.0, 2.0).
        let (s, _) = set_op(SetOp::Union, b, a);
        assert_eq!(s[0].to_bits(), (-0.0f64).to_bits());
        let (s, _) = set_op(SetOp::Intersection, b, a);
        assert_eq!(s[0].to_bits(), 0);
        let (s, _) = set_op(SetOp::Intersection, a, b);
        assert_eq!(s[0].to_bits(), (-0.0f64).to_bits());
    }
}
