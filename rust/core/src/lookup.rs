//! Point lookups on a step function: the value at many points at once.
//!
//! Pieces are closed for lookups and the left piece wins at a shared boundary: the
//! piece for a point `x` is the first one with `x <= stop`, and it holds `x` when its
//! `start <= x` (Python's `i = bisect_left(stops, x)`, hit iff `starts[i] <= x`).
//! Comparisons between integer coordinates and float points (and the other way round)
//! are exact: each point is first bracketed by the nearest coordinates below and above
//! it, so no integer beyond `2^53` is ever rounded to a float.
//!
//! Sorted points are answered by one merge with the stops (galloping over long gaps);
//! other points are sorted with their positions first (two radix passes over evenly
//! spread buckets, then the few points of a bucket by their exact keys), merged, and
//! scattered back. Both run in parallel chunks (rayon) for large inputs.

use rayon::prelude::*;

use crate::{Column, Coord, Error, Pieces, Steps, Value};

mod sealed {
    pub trait Sealed {}
    impl Sealed for i64 {}
    impl Sealed for f64 {}
}

/// A lookup point for coordinates of type `C`: `i64` (integers, datetimes as
/// microseconds) or `f64`, for either coordinate type.
///
/// The trait is sealed; its methods are the kernel's internals.
pub trait Point<C>: Copy + PartialOrd + Send + Sync + sealed::Sealed {
    /// Whether the point is a finite number.
    #[doc(hidden)]
    fn is_finite(self) -> bool;
    /// `(least C >= self, greatest C <= self)`, `None` where no coordinate lies on
    /// that side.
    #[doc(hidden)]
    fn bracket(self) -> (Option<C>, Option<C>);
    /// A key whose unsigned order is the points' numeric order.
    #[doc(hidden)]
    fn sort_key(self) -> u64;
    /// The point whose [`sort_key`](Point::sort_key) is `key`.
    #[doc(hidden)]
    fn from_sort_key(key: u64) -> Self;
    /// The point as a float, to place it among others (monotone: never exact-sensitive).
    #[doc(hidden)]
    fn estimate(self) -> f64;
}

/// `2^63` as a float: the first float beyond `i64::MAX`.
const TWO_63: f64 = 9_223_372_036_854_775_808.0;

fn int_key(x: i64) -> u64 {
    x.cast_unsigned() ^ (1 << 63)
}

fn float_key(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

fn int_from_key(key: u64) -> i64 {
    (key ^ (1 << 63)).cast_signed()
}

fn float_from_key(key: u64) -> f64 {
    f64::from_bits(if key >> 63 == 1 {
        key ^ (1 << 63)
    } else {
        !key
    })
}

impl Point<i64> for i64 {
    fn is_finite(self) -> bool {
        true
    }
    fn bracket(self) -> (Option<i64>, Option<i64>) {
        (Some(self), Some(self))
    }
    fn sort_key(self) -> u64 {
        int_key(self)
    }
    fn from_sort_key(key: u64) -> Self {
        int_from_key(key)
    }
    fn estimate(self) -> f64 {
        int_estimate(self)
    }
}

impl Point<f64> for f64 {
    fn is_finite(self) -> bool {
        f64::is_finite(self)
    }
    fn bracket(self) -> (Option<f64>, Option<f64>) {
        (Some(self), Some(self))
    }
    fn sort_key(self) -> u64 {
        float_key(self)
    }
    fn from_sort_key(key: u64) -> Self {
        float_from_key(key)
    }
    fn estimate(self) -> f64 {
        self
    }
}

impl Point<i64> for f64 {
    fn is_finite(self) -> bool {
        f64::is_finite(self)
    }
    fn bracket(self) -> (Option<i64>, Option<i64>) {
        if self >= TWO_63 {
            return (None, Some(i64::MAX));
        }
        if self < -TWO_63 {
            return (Some(i64::MIN), None);
        }
        // Truncation is exact here: a float beyond 2^52 is whole, and a smaller one
        // truncates to an integer that is itself exact as a float. No call to libm's
        // floor/ceil (they are not inlined on baseline x86-64).
        #[allow(clippy::cast_possible_truncation)]
        let whole = self as i64;
        #[allow(clippy::cast_precision_loss)]
        let back = whole as f64;
        if back < self {
            (Some(whole + 1), Some(whole)) // positive with a fraction
        } else if back > self {
            (Some(whole), Some(whole - 1)) // negative with a fraction
        } else {
            (Some(whole), Some(whole))
        }
    }
    fn sort_key(self) -> u64 {
        float_key(self)
    }
    fn from_sort_key(key: u64) -> Self {
        float_from_key(key)
    }
    fn estimate(self) -> f64 {
        self
    }
}

impl Point<f64> for i64 {
    fn is_finite(self) -> bool {
        true
    }
    fn bracket(self) -> (Option<f64>, Option<f64>) {
        // The nearest float; compared with the integer exactly in i128.
        #[allow(clippy::cast_precision_loss)]
        let near = self as f64;
        #[allow(clippy::cast_possible_truncation)] // whole, and |near| <= 2^63
        let near_int = if near >= TWO_63 {
            1i128 << 63
        } else {
            near as i128
        };
        match near_int.cmp(&i128::from(self)) {
            std::cmp::Ordering::Equal => (Some(near), Some(near)),
            std::cmp::Ordering::Greater => (Some(near), Some(near.next_down())),
            std::cmp::Ordering::Less => (Some(near.next_up()), Some(near)),
        }
    }
    fn sort_key(self) -> u64 {
        int_key(self)
    }
    fn from_sort_key(key: u64) -> Self {
        int_from_key(key)
    }
    fn estimate(self) -> f64 {
        int_estimate(self)
    }
}

/// An integer's nearest float (monotone in the integer).
#[allow(clippy::cast_precision_loss)]
fn int_estimate(x: i64) -> f64 {
    x as f64
}

/// The value of `steps` at each point (`V::default()`, zero, where no piece covers
/// it; canonical columns have no zero pieces, so a zero always means uncovered).
///
/// Cost: O(n + k log k) for `k` unsorted points on `n` pieces, O(k log(n / k + 1))
/// for sorted points; parallel over chunks for large inputs.
///
/// # Errors
///
/// [`Error::NonFinite`] (column [`Column::Points`]) for a NaN or infinite point.
///
/// ```
/// use intervalues_core::{values_at, Steps};
///
/// let steps = Steps::new(&[0, 2], &[2, 5], &[10, 20])?;
/// assert_eq!(values_at(steps, &[-1, 0, 2, 3, 5, 6])?, [0, 10, 10, 20, 20, 0]);
/// // Float points on integer coordinates, compared exactly.
/// assert_eq!(values_at(steps, &[1.5, 2.0, 2.5, 5.000001])?, [10, 10, 20, 0]);
/// # Ok::<(), intervalues_core::Error>(())
/// ```
pub fn values_at<C, V, P>(steps: Steps<'_, C, V>, points: &[P]) -> Result<Vec<V>, Error>
where
    C: Coord,
    V: Value + Default,
    P: Point<C>,
{
    let values = steps.values();
    locate(steps.pieces(), points, |found| {
        found
            .and_then(|i| values.get(i).copied())
            .unwrap_or_default()
    })
}

/// Whether some piece covers each point (pieces closed).
///
/// Cost as [`values_at`].
///
/// # Errors
///
/// [`Error::NonFinite`] (column [`Column::Points`]) for a NaN or infinite point.
///
/// ```
/// use intervalues_core::{contains_many, Pieces};
///
/// let set = Pieces::new(&[0.0, 3.0], &[1.0, 3.0])?;
/// assert_eq!(contains_many(set, &[1.0, 2.0, 3.0])?, [true, false, true]);
/// # Ok::<(), intervalues_core::Error>(())
/// ```
pub fn contains_many<C, P>(pieces: Pieces<'_, C>, points: &[P]) -> Result<Vec<bool>, Error>
where
    C: Coord,
    P: Point<C>,
{
    locate(pieces, points, |found| found.is_some())
}

/// Below this many points, each is searched for on its own (no sorting).
const SEARCH_EACH_BELOW: usize = 2048;

/// Points per parallel chunk.
const CHUNK: usize = 1 << 16;

/// `answer(index of the piece holding point k)` for every point `k`.
fn locate<C, P, T>(
    pieces: Pieces<'_, C>,
    points: &[P],
    answer: impl Fn(Option<usize>) -> T + Sync,
) -> Result<Vec<T>, Error>
where
    C: Coord,
    P: Point<C>,
    T: Copy + Default + Send + Sync,
{
    if let Some(index) = points.iter().position(|p| !p.is_finite()) {
        return Err(Error::NonFinite {
            which: Column::Points,
            index,
        });
    }
    let mut out = vec![T::default(); points.len()];
    if pieces.is_empty() {
        out.fill(answer(None));
        return Ok(out);
    }
    let find = |chunk: &[P], slots: &mut [T]| {
        let mut cursor = Cursor::new(pieces, chunk.first());
        for (slot, &p) in slots.iter_mut().zip(chunk) {
            *slot = answer(cursor.find(p));
        }
    };
    if points.windows(2).all(|w| w[0] <= w[1]) {
        out.par_chunks_mut(CHUNK)
            .zip(points.par_chunks(CHUNK))
            .for_each(|(slots, chunk)| find(chunk, slots));
    } else if points.len() < SEARCH_EACH_BELOW || u32::try_from(points.len()).is_err() {
        for (slot, &p) in out.iter_mut().zip(points) {
            *slot = answer(search(pieces, p));
        }
    } else {
        // Sort the points with their positions, answer in sorted order, scatter back.
        let order = sorted_positions(points);
        let mut sorted = vec![T::default(); points.len()];
        sorted
            .par_chunks_mut(CHUNK)
            .zip(order.par_chunks(CHUNK))
            .for_each(|(slots, chunk)| {
                // The keys give the points back: no random reads of `points`.
                let first = chunk.first().map(|&(key, _)| P::from_sort_key(key));
                let mut cursor = Cursor::new(pieces, first.as_ref());
                for (slot, &(key, _)) in slots.iter_mut().zip(chunk) {
                    *slot = answer(cursor.find(P::from_sort_key(key)));
                }
            });
        for (&(_, k), &value) in order.iter().zip(&sorted) {
            if let Some(slot) = out.get_mut(k as usize) {
                *slot = value;
            }
        }
    }
    Ok(out)
}

/// `(sort key, position)` of every point in the points' order, sorted in a few
/// sequential passes: each point's place among evenly spread buckets (by its
/// [`estimate`](Point::estimate); monotone, so bucket order is point order) is radix
/// sorted in two 11-bit passes, then the few points sharing a bucket are put in order by
/// their exact keys. Skewed points only make some buckets longer (sorted by comparison).
/// Fewer than `2^32` points.
#[allow(clippy::cast_possible_truncation)] // digits are 11 bits; positions below 2^32
fn sorted_positions<C, P: Point<C>>(points: &[P]) -> Vec<(u64, u32)> {
    const BITS: u32 = 11;
    const DIGITS: usize = 1 << BITS;
    let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
    for p in points {
        let x = p.estimate();
        low = low.min(x);
        high = high.max(x);
    }
    let count = points.len().next_power_of_two().clamp(1, 1 << (2 * BITS));
    #[allow(clippy::cast_precision_loss)] // a power of two up to 2^22
    let scale = if high > low {
        count as f64 / (high - low)
    } else {
        0.0
    };
    #[allow(clippy::cast_sign_loss)] // clamped to 0 .. count
    let bucket = |key: u64| ((P::from_sort_key(key).estimate() - low) * scale).max(0.0) as usize;
    let bucket = |key: u64| bucket(key).min(count - 1);
    let mut histograms = vec![[0usize; DIGITS]; 2];
    let mut items: Vec<(u64, u32)> = Vec::with_capacity(points.len());
    for (k, p) in points.iter().enumerate() {
        let key = p.sort_key();
        let b = bucket(key);
        for (pass, histogram) in histograms.iter_mut().enumerate() {
            if let Some(n) = histogram.get_mut((b >> (BITS as usize * pass)) & (DIGITS - 1)) {
                *n += 1;
            }
        }
        items.push((key, k as u32));
    }
    let mut spare = vec![(0u64, 0u32); items.len()];
    for (pass, histogram) in histograms.iter().enumerate() {
        if histogram.contains(&items.len()) {
            continue; // every bucket has the same digit here
        }
        let mut next = [0usize; DIGITS];
        let mut total = 0;
        for (slot, &n) in next.iter_mut().zip(histogram) {
            *slot = total;
            total += n;
        }
        for &item in &items {
            let digit = (bucket(item.0) >> (BITS as usize * pass)) & (DIGITS - 1);
            if let Some(at) = next.get_mut(digit) {
                if let Some(slot) = spare.get_mut(*at) {
                    *slot = item;
                }
                *at += 1;
            }
        }
        std::mem::swap(&mut items, &mut spare);
    }
    // Order each run of one bucket by the exact keys (the key order is the point order).
    let mut start = 0;
    while start < items.len() {
        let b = items.get(start).map_or(0, |item| bucket(item.0));
        let mut end = start + 1;
        while items.get(end).is_some_and(|item| bucket(item.0) == b) {
            end += 1;
        }
        if let Some(run) = items.get_mut(start..end)
            && run.len() > 1
        {
            run.sort_unstable_by_key(|item| item.0);
        }
        start = end;
    }
    items
}

/// The piece holding `p`, by binary search.
fn search<C: Coord, P: Point<C>>(pieces: Pieces<'_, C>, p: P) -> Option<usize> {
    let (above, below) = p.bracket();
    let stops = pieces.stops();
    let i = above.map_or(stops.len(), |hi| stops.partition_point(|&s| s < hi));
    holds(pieces, i, below)
}

/// `Some(i)` when piece `i` exists and starts at or before `below`.
fn holds<C: Coord>(pieces: Pieces<'_, C>, i: usize, below: Option<C>) -> Option<usize> {
    let start = *pieces.starts().get(i)?;
    below.is_some_and(|lo| start <= lo).then_some(i)
}

/// A position in the stops that only moves forward, for non-decreasing points.
struct Cursor<'a, C> {
    pieces: Pieces<'a, C>,
    /// The first stop not below the last point.
    at: usize,
}

impl<'a, C: Coord> Cursor<'a, C> {
    /// A cursor ready for points from `first` on.
    fn new<P: Point<C>>(pieces: Pieces<'a, C>, first: Option<&P>) -> Self {
        let stops = pieces.stops();
        let at = match first.map(|p| p.bracket().0) {
            Some(Some(hi)) => stops.partition_point(|&s| s < hi),
            Some(None) => stops.len(),
            None => 0,
        };
        Self { pieces, at }
    }

    /// The piece holding `p`, which is not below the previous point.
    fn find<P: Point<C>>(&mut self, p: P) -> Option<usize> {
        let below = p.bracket().1;
        self.advance(p);
        holds(self.pieces, self.at, below)
    }

    /// The index of the first stop not below `p` (`p` not below the previous point).
    fn advance<P: Point<C>>(&mut self, p: P) -> usize {
        let above = p.bracket().0;
        let stops = self.pieces.stops();
        match above {
            None => self.at = stops.len(),
            Some(hi) => {
                let before = |i: usize| stops.get(i).is_some_and(|&s| s < hi);
                // Dense points: the stop lies among the next eight, found by three
                // halvings without a branch. Otherwise gallop: double the step while
                // the stops stay below `hi`, and search the last stretch.
                if let Some(window) = stops.get(self.at..self.at + 8)
                    && window.last().is_some_and(|&s| s >= hi)
                {
                    let below = |i: usize| usize::from(window.get(i).is_some_and(|&s| s < hi));
                    let mut i = below(3) * 4;
                    i += below(i + 1) * 2;
                    i += below(i);
                    self.at += i;
                } else if before(self.at) {
                    let mut step = 1;
                    let mut low = self.at + 1;
                    while before(self.at + step) {
                        low = self.at + step + 1;
                        step *= 2;
                    }
                    let high = (self.at + step).min(stops.len());
                    let rest = stops.get(low..high).unwrap_or_default();
                    self.at = low + rest.partition_point(|&s| s < hi);
                }
            }
        }
        self.at
    }
}

#[cfg(test)]
mod tests {
    use super::{Point, contains_many, values_at};
    use crate::{Column, Error, Pieces, Steps};

    #[test]
    fn left_piece_wins_at_a_shared_boundary() {
        let steps = Steps::new(&[0, 2, 7], &[2, 5, 7], &[1, 2, 3]).expect("valid");
        let points = [-1, 0, 1, 2, 3, 5, 6, 7, 8];
        let want = [0, 1, 1, 1, 2, 2, 0, 3, 0];
        assert_eq!(values_at(steps, &points).expect("finite"), want);
        let reversed: Vec<i64> = points.iter().rev().copied().collect();
        let mut got = values_at(steps, &reversed).expect("finite");
        got.reverse();
        assert_eq!(got, want);
    }

    #[test]
    fn integer_coordinates_and_float_points_compare_exactly() {
        let big = 1i64 << 53;
        let (starts, stops) = ([big + 1], [big + 3]);
        let set = Pieces::new(&starts, &stops).expect("valid");
        let two53 = 9_007_199_254_740_992.0;
        let points = [two53, two53 + 2.0, two53 + 4.0];
        assert_eq!(
            contains_many(set, &points).expect("finite"),
            [false, true, false]
        );
        let edge = Pieces::new(&[i64::MAX - 1], &[i64::MAX]).expect("valid");
        assert_eq!(
            contains_many(edge, &[9_223_372_036_854_775_808.0, -1e300, 1e300]).expect("finite"),
            [false, false, false]
        );
        let low = Pieces::new(&[i64::MIN], &[i64::MIN + 10]).expect("valid");
        assert_eq!(
            contains_many(low, &[-9_223_372_036_854_775_808.0]).expect("f"),
            [true]
        );
    }

    #[test]
    fn float_coordinates_and_integer_points_compare_exactly() {
        let two53 = 9_007_199_254_740_992.0;
        let (starts, stops) = ([1.0, two53], [2.0, two53]);
        let set = Pieces::new(&starts, &stops).expect("valid");
        let big = 1i64 << 53;
        assert_eq!(
            contains_many(set, &[big - 1, big, big + 1, 1, 3]).expect("finite"),
            [false, true, false, true, false]
        );
        assert_eq!(
            Point::<f64>::bracket(big + 1),
            (Some(two53 + 2.0), Some(two53))
        );
        assert_eq!(
            Point::<f64>::bracket(i64::MAX),
            (
                Some(9_223_372_036_854_775_808.0),
                Some(9_223_372_036_854_774_784.0)
            )
        );
    }

    #[test]
    fn negative_zero_is_zero_and_subnormals_order() {
        let set = Pieces::new(&[-0.0, 5e-324], &[0.0, 1e-323]).expect("valid");
        assert_eq!(
            contains_many(set, &[0.0, -0.0, 5e-324, -5e-324, 1.5e-323]).expect("finite"),
            [true, true, true, false, false]
        );
    }

    #[test]
    fn sort_keys_order_and_invert() {
        let floats = [-1e300, -1.0, -5e-324, -0.0, 0.0, 5e-324, 1.0, 1e300];
        for pair in floats.windows(2) {
            assert!(Point::<f64>::sort_key(pair[0]) <= Point::<f64>::sort_key(pair[1]));
        }
        for x in floats {
            let back: f64 = Point::<f64>::from_sort_key(Point::<f64>::sort_key(x));
            assert_eq!(back.to_bits(), x.to_bits());
        }
        for x in [i64::MIN, -1, 0, 1, i64::MAX] {
            let back: i64 = Point::<i64>::from_sort_key(Point::<i64>::sort_key(x));
            assert_eq!(back, x);
        }
        assert!(Point::<i64>::sort_key(-1i64) < Point::<i64>::sort_key(0i64));
    }

    #[test]
    fn rejects_non_finite_points() {
        let set = Pieces::new(&[0.0], &[1.0]).expect("valid");
        assert_eq!(
            contains_many(set, &[0.5, f64::NAN]),
            Err(Error::NonFinite {
                which: Column::Points,
                index: 1
            })
        );
    }

    #[test]
    fn skewed_unsorted_points_agree_with_search() {
        // Clusters, far outliers and integers that share one float estimate: long
        // buckets, sorted by their exact keys.
        let lows: Vec<i64> = (0..3000).map(|i| (1 << 60) + i * 7).collect();
        let highs: Vec<i64> = lows.iter().map(|s| s + 3).collect();
        let values: Vec<i64> = (1..=3000).collect();
        let steps = Steps::new(&lows, &highs, &values).expect("valid");
        let mut state = 99u64;
        let mut points: Vec<i64> = (0..12_000)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                let offset = i64::try_from(state >> 44).unwrap_or(0) % 21_100;
                (1 << 60) + offset - 50
            })
            .collect();
        points.extend([i64::MIN, i64::MAX, 0, -1, 1 << 60]);
        points.rotate_left(17);
        let got = values_at(steps, &points).expect("finite");
        for (&p, &v) in points.iter().zip(&got) {
            let want = lows
                .iter()
                .zip(&highs)
                .zip(&values)
                .find(|((s, e), _)| **s <= p && p <= **e)
                .map_or(0, |(_, v)| *v);
            assert_eq!(v, want, "{p}");
        }
        let floats: Vec<f64> = [1e300, -1e300, 0.5, -0.0, 5e-324]
            .into_iter()
            .cycle()
            .take(3000)
            .collect();
        let set = Pieces::new(&[-1.0, 1e299], &[1.0, 1e300]).expect("valid");
        let got = contains_many(set, &floats).expect("finite");
        let want: Vec<bool> = floats
            .iter()
            .map(|&x| (-1.0..=1.0).contains(&x) || (1e299..=1e300).contains(&x))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn large_unsorted_and_sorted_inputs_agree_with_search() {
        let lows: Vec<i64> = (0..5000).map(|i| i * 10).collect();
        let highs: Vec<i64> = lows.iter().map(|s| s + 5).collect();
        let values: Vec<i64> = (1..=5000).collect();
        let steps = Steps::new(&lows, &highs, &values).expect("valid");
        let mut state = 12_345u64;
        let points: Vec<f64> = (0..300_000)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                #[allow(clippy::cast_precision_loss)]
                let p = (state >> 40) as f64 / 200.0 - 100.0;
                p
            })
            .collect();
        let brute = |p: f64| -> i64 {
            lows.iter()
                .zip(&highs)
                .zip(&values)
                .find(|((s, e), _)| {
                    #[allow(clippy::cast_precision_loss)]
                    let (s, e) = (**s as f64, **e as f64);
                    s <= p && p <= e
                })
                .map_or(0, |(_, v)| *v)
        };
        let got = values_at(steps, &points).expect("finite");
        for (&p, &v) in points.iter().zip(&got).step_by(97) {
            assert_eq!(v, brute(p), "{p}");
        }
        let mut sorted = points.clone();
        sorted.sort_by(f64::total_cmp);
        let got_sorted = values_at(steps, &sorted).expect("finite");
        for (&p, &v) in sorted.iter().zip(&got_sorted).step_by(97) {
            assert_eq!(v, brute(p), "{p}");
        }
    }
}
