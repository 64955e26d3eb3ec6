//! The sweep: sorted start and stop events in, canonical pieces out.

use crate::{Column, Coord, Error, Value};

/// How the total over a piece becomes the piece's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The total itself; pieces whose total is exactly zero are dropped.
    Meter,
    /// The total truncated toward zero; pieces below 1 are dropped.
    Counter,
    /// 1 where the total is positive; everything else is dropped.
    Set,
}

impl Kind {
    /// Parses the lower-case name used by the Python package: `"meter"`, `"counter"`
    /// or `"set"`.
    ///
    /// ```
    /// use intervalues_core::Kind;
    /// assert_eq!(Kind::from_name("counter"), Some(Kind::Counter));
    /// assert_eq!(Kind::from_name("Counter"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "meter" => Some(Self::Meter),
            "counter" => Some(Self::Counter),
            "set" => Some(Self::Set),
            _ => None,
        }
    }
}

/// What a float value stands for when values are summed.
///
/// Integer values are exact integers under either rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FloatRule {
    /// A float is its exact binary value; a piece's value is the correctly rounded
    /// exact sum, what Python's `math.fsum` returns (`0.1 + 0.2` gives
    /// `0.30000000000000004`).
    Binary,
    /// A float is the decimal it prints as (the shortest round-trip digits, as
    /// Python's `repr`), a whole float its exact integer; a piece's value is the exact
    /// decimal sum correctly rounded (`0.1 + 0.2` gives `0.3`). The Python package's rule.
    Decimal,
}

impl FloatRule {
    /// Parses the lower-case name used by the Python package: `"binary"` or `"decimal"`.
    ///
    /// ```
    /// use intervalues_core::FloatRule;
    /// assert_eq!(FloatRule::from_name("decimal"), Some(FloatRule::Decimal));
    /// assert_eq!(FloatRule::from_name("fsum"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "binary" => Some(Self::Binary),
            "decimal" => Some(Self::Decimal),
            _ => None,
        }
    }
}

/// A step function in canonical form, as three parallel columns.
///
/// Pieces are `[starts[i], stops[i])` with value `values[i]`; they are sorted and
/// disjoint, no value is zero, and two pieces that touch (`stops[i] == starts[i + 1]`)
/// have different values.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns<C, V> {
    /// Piece starts, increasing.
    pub starts: Vec<C>,
    /// Piece stops: `starts[i] < stops[i] <= starts[i + 1]`.
    pub stops: Vec<C>,
    /// Piece values, never zero.
    pub values: Vec<V>,
}

impl<C, V> Default for Columns<C, V> {
    fn default() -> Self {
        Self {
            starts: Vec::new(),
            stops: Vec::new(),
            values: Vec::new(),
        }
    }
}

impl<C: Coord, V: Copy + PartialEq> Columns<C, V> {
    pub(crate) fn with_capacity(pieces: usize) -> Self {
        Self {
            starts: Vec::with_capacity(pieces),
            stops: Vec::with_capacity(pieces),
            values: Vec::with_capacity(pieces),
        }
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.starts.shrink_to_fit();
        self.stops.shrink_to_fit();
        self.values.shrink_to_fit();
    }

    /// The number of pieces.
    #[must_use]
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether the step function is zero everywhere.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Appends a piece after the last one, merging it into the last one when they
    /// touch and have the same value.
    pub(crate) fn push_merged(&mut self, start: C, stop: C, value: V) {
        if let (Some(last_stop), Some(&last_value)) = (self.stops.last_mut(), self.values.last())
            && *last_stop == start
            && last_value == value
        {
            *last_stop = stop;
            return;
        }
        self.starts.push(start);
        self.stops.push(stop);
        self.values.push(value);
    }
}

/// Combines weighted intervals into the canonical step function of their sum.
///
/// Interval `i` is `[starts[i], stops[i])` with weight `values[i]`. The value of the
/// result between two consecutive interval bounds is the exact sum of the weights of
/// the intervals covering that stretch (for floats: that sum correctly rounded, as
/// Python's `math.fsum` returns it), turned into a piece value by `kind`.
/// Zero-length intervals contribute nothing.
///
/// With `nr_digits: Some(k)`, every float coordinate and value is first rounded to
/// `k` decimals with [`round_decimal`](crate::round_decimal); integers are unchanged.
///
/// Cost: O(n log n) time (one sort of the starts and one of the stops, side by side
/// on two threads for large inputs), O(n) memory.
///
/// # Errors
///
/// [`Error::LengthMismatch`], [`Error::NonFinite`] and [`Error::ReversedBounds`] for
/// bad input (checked before rounding); [`Error::IntegerOverflow`] when an integer
/// piece value does not fit in `i64`; [`Error::FloatOverflow`] when a float sum does
/// not stay finite.
///
/// # Examples
///
/// ```
/// use intervalues_core::{combine, Kind};
///
/// let out = combine(&[0, 2], &[4, 6], &[1, 1], Kind::Meter, None)?;
/// assert_eq!((out.starts, out.stops, out.values), (vec![0, 2, 4], vec![2, 4, 6], vec![1, 2, 1]));
///
/// let out = combine(&[0.0, 2.0], &[4.0, 6.0], &[0.1, 0.2], Kind::Meter, Some(1))?;
/// assert_eq!(out.values, vec![0.1, 0.30000000000000004, 0.2]);
/// # Ok::<(), intervalues_core::Error>(())
/// ```
pub fn combine<C: Coord, V: Value>(
    starts: &[C],
    stops: &[C],
    values: &[V],
    kind: Kind,
    nr_digits: Option<u32>,
) -> Result<Columns<C, V>, Error> {
    combine_with_rule(starts, stops, values, kind, nr_digits, FloatRule::Binary)
}

/// Like [`combine`], with a choice of what a float value stands for ([`FloatRule`]).
///
/// With [`FloatRule::Binary`] this is [`combine`]. With [`FloatRule::Decimal`] a float
/// value stands for the decimal it prints as (a whole float for its exact integer), as
/// in the Python package: a piece's value is the exact decimal sum of the values
/// covering it, correctly rounded once, so `0.1 + 0.2` is `0.3` and `0.1 + 0.2 - 0.3`
/// cancels. Integer values are summed exactly under either rule.
///
/// Cost: O(n log n) time, O(n) memory; the decimal rule formats each distinct float
/// once (a small cache remembers recent ones).
///
/// # Errors
///
/// As [`combine`]. Under the decimal rule [`Error::FloatOverflow`] also means the
/// exact sums do not fit the kernel's `i128` fixed point: more than 38 decimals, a
/// whole float beyond `2^127`, or a scaled total beyond `i128`.
///
/// # Examples
///
/// ```
/// use intervalues_core::{combine_with_rule, FloatRule, Kind};
///
/// let (starts, stops) = ([0.0, 0.0, 1.0], [2.0, 2.0, 2.0]);
/// let values = [0.1, 0.2, -0.3];
/// let out = combine_with_rule(&starts, &stops, &values, Kind::Meter, None, FloatRule::Decimal)?;
/// assert_eq!((out.starts, out.stops, out.values), (vec![0.0], vec![1.0], vec![0.3]));
///
/// let out = combine_with_rule(&starts, &stops, &values, Kind::Meter, None, FloatRule::Binary)?;
/// assert_eq!(out.values, vec![0.30000000000000004, 2.7755575615628914e-17]);
/// # Ok::<(), intervalues_core::Error>(())
/// ```
pub fn combine_with_rule<C: Coord, V: Value>(
    starts: &[C],
    stops: &[C],
    values: &[V],
    kind: Kind,
    nr_digits: Option<u32>,
    rule: FloatRule,
) -> Result<Columns<C, V>, Error> {
    let (opens, closes) = events(starts, stops, values, nr_digits)?;
    V::sweep_events(opens, closes, kind, rule)
}

/// [`combine_with_rule`] on `(start, stop, value)` tuples, the shape of the 0.4.0
/// module's `combine_intervals_int` / `combine_intervals_float`: each interval's bounds
/// are taken in either order (`(3, 1, v)` is `[1, 3)`, as 0.4.0 does), and the pieces
/// come back as tuples.
///
/// # Errors
///
/// As [`combine_with_rule`] (never [`Error::ReversedBounds`]).
///
/// ```
/// use intervalues_core::{combine_tuples, FloatRule, Kind};
///
/// let out = combine_tuples(&[(0, 2, 1), (3, 1, 2)], Kind::Meter, None, FloatRule::Decimal)?;
/// assert_eq!(out, [(0, 1, 1), (1, 2, 3), (2, 3, 2)]);
/// # Ok::<(), intervalues_core::Error>(())
/// ```
pub fn combine_tuples<C: Coord, V: Value>(
    intervals: &[(C, C, V)],
    kind: Kind,
    nr_digits: Option<u32>,
    rule: FloatRule,
) -> Result<Vec<(C, C, V)>, Error> {
    let mut starts = Vec::with_capacity(intervals.len());
    let mut stops = Vec::with_capacity(intervals.len());
    let mut values = Vec::with_capacity(intervals.len());
    for &(a, b, v) in intervals {
        let (low, high) = if b < a { (b, a) } else { (a, b) };
        starts.push(low);
        stops.push(high);
        values.push(v);
    }
    let out = combine_with_rule(&starts, &stops, &values, kind, nr_digits, rule)?;
    Ok(out
        .starts
        .into_iter()
        .zip(out.stops)
        .zip(out.values)
        .map(|((a, b), v)| (a, b, v))
        .collect())
}

/// The exact running total of a sweep and how it becomes a piece value.
pub(crate) trait Total {
    /// What an event adds to (or subtracts from) the total.
    type Item: Copy + Send + Sync;
    /// A piece value.
    type Out: Copy + PartialEq;
    fn add(&mut self, item: Self::Item) -> Result<(), Error>;
    fn sub(&mut self, item: Self::Item) -> Result<(), Error>;
    /// The value of a piece with the current total, or `None` if `kind` drops it.
    fn settle(&self, kind: Kind) -> Result<Option<Self::Out>, Error>;
}

/// Sorts the events and sweeps them into canonical pieces. `opens` and `closes` hold
/// the same items, one pair per interval.
pub(crate) fn sweep<C: Coord, T: Total>(
    mut opens: Vec<(C, T::Item)>,
    mut closes: Vec<(C, T::Item)>,
    mut total: T,
    kind: Kind,
) -> Result<Columns<C, T::Out>, Error> {
    sort_by_coordinate(&mut opens, &mut closes);
    let mut out = Columns::with_capacity((2 * opens.len()).saturating_sub(1));
    let (mut i, mut j) = (0, 0);
    let mut piece_start = None;
    // Every interval closes after it opens, so the sweep ends with the last close.
    while let Some(&(next_close, _)) = closes.get(j) {
        let at = match opens.get(i) {
            Some(&(next_open, _)) if next_open <= next_close => next_open,
            _ => next_close,
        };
        if let Some(start) = piece_start
            && let Some(value) = total.settle(kind)?
        {
            out.push_merged(start, at, value);
        }
        while let Some(&(_, item)) = opens.get(i).filter(|event| event.0 == at) {
            total.add(item)?;
            i += 1;
        }
        while let Some(&(_, item)) = closes.get(j).filter(|event| event.0 == at) {
            total.sub(item)?;
            j += 1;
        }
        piece_start = Some(at);
    }
    out.shrink_to_fit();
    Ok(out)
}

/// Inputs at least this long sort their starts and stops on two threads.
const PARALLEL_SORT_MIN: usize = 1 << 16;

/// Sorts both event lists by coordinate (a total order, so sorting cannot panic),
/// the two sorts side by side on two threads for large inputs.
fn sort_by_coordinate<C: Coord, I: Send>(opens: &mut [(C, I)], closes: &mut [(C, I)]) {
    let by_coordinate = |a: &(C, I), b: &(C, I)| a.0.order(&b.0);
    let sorted_opens = opens.len() >= PARALLEL_SORT_MIN
        && std::thread::scope(|scope| {
            let helper = std::thread::Builder::new()
                .spawn_scoped(scope, || opens.sort_unstable_by(by_coordinate));
            closes.sort_unstable_by(by_coordinate);
            helper.is_ok_and(|handle| handle.join().is_ok())
        });
    if opens.len() < PARALLEL_SORT_MIN {
        closes.sort_unstable_by(by_coordinate);
    }
    if !sorted_opens {
        opens.sort_unstable_by(by_coordinate);
    }
}

/// Validated, rounded `(start, value)` and `(stop, value)` events, unsorted, without
/// the intervals that contribute nothing.
type Events<C, V> = (Vec<(C, V)>, Vec<(C, V)>);

fn events<C: Coord, V: Value>(
    starts: &[C],
    stops: &[C],
    values: &[V],
    nr_digits: Option<u32>,
) -> Result<Events<C, V>, Error> {
    if starts.len() != stops.len() || starts.len() != values.len() {
        return Err(Error::LengthMismatch {
            starts: starts.len(),
            stops: stops.len(),
            values: values.len(),
        });
    }
    let non_finite = |which, index| Error::NonFinite { which, index };
    let mut opens = Vec::with_capacity(starts.len());
    let mut closes = Vec::with_capacity(starts.len());
    for (index, ((&start, &stop), &value)) in starts.iter().zip(stops).zip(values).enumerate() {
        let mut start = start.checked().ok_or(non_finite(Column::Starts, index))?;
        let mut stop = stop.checked().ok_or(non_finite(Column::Stops, index))?;
        let mut value = value.checked().ok_or(non_finite(Column::Values, index))?;
        if start > stop {
            return Err(Error::ReversedBounds { index });
        }
        if let Some(digits) = nr_digits {
            start = start.round_to(digits);
            stop = stop.round_to(digits);
            value = value.round_to(digits);
        }
        if start != stop && !value.is_zero() {
            opens.push((start, value));
            closes.push((stop, value));
        }
    }
    Ok((opens, closes))
}

#[cfg(test)]
mod tests {
    use super::{Kind, combine};
    use crate::{Column, Error};

    type Triple<C, V> = (Vec<C>, Vec<C>, Vec<V>);

    fn run<C: crate::Coord, V: crate::Value>(
        s: &[C],
        t: &[C],
        v: &[V],
        kind: Kind,
    ) -> Triple<C, V> {
        let out = combine(s, t, v, kind, None).expect("valid input");
        (out.starts, out.stops, out.values)
    }

    #[test]
    fn meter_overlap() {
        assert_eq!(
            run(&[0, 2], &[4, 6], &[1, 1], Kind::Meter),
            (vec![0, 2, 4], vec![2, 4, 6], vec![1, 2, 1])
        );
    }

    #[test]
    fn meter_drops_zero_and_merges_equal_neighbours() {
        assert_eq!(
            run(&[0, 2, 5], &[2, 4, 6], &[3, 3, 0], Kind::Meter),
            (vec![0], vec![4], vec![3])
        );
        assert_eq!(
            run(&[0, 0], &[4, 4], &[1, -1], Kind::Meter),
            (vec![], vec![], vec![])
        );
        assert_eq!(
            run(&[0, 1], &[3, 2], &[1, -2], Kind::Meter),
            (vec![0, 1, 2], vec![1, 2, 3], vec![1, -1, 1])
        );
    }

    #[test]
    fn counter_truncates_and_drops_below_one() {
        assert_eq!(
            run(&[0.0, 1.0], &[3.0, 2.0], &[1.5, -1.0], Kind::Counter),
            (vec![0.0, 2.0], vec![1.0, 3.0], vec![1.0, 1.0])
        );
        assert_eq!(
            run(&[0, 1], &[3, 2], &[2, -3], Kind::Counter),
            (vec![0, 2], vec![1, 3], vec![2, 2])
        );
    }

    #[test]
    fn set_keeps_positive_as_one() {
        assert_eq!(
            run(&[0, 1, 5], &[3, 2, 7], &[2, 5, -1], Kind::Set),
            (vec![0], vec![3], vec![1])
        );
    }

    #[test]
    fn zero_length_contributes_nothing() {
        assert_eq!(
            run(&[1, 0], &[1, 2], &[7, 1], Kind::Meter),
            (vec![0], vec![2], vec![1])
        );
    }

    #[test]
    fn negative_zero_is_zero() {
        assert_eq!(
            run(&[-0.0, 0.0], &[1.0, 1.0], &[1.0, 1.0], Kind::Meter),
            (vec![0.0], vec![1.0], vec![2.0])
        );
    }

    #[test]
    fn float_pieces_are_fsum_and_cancel() {
        let (s, _, v) = run(
            &[0.0, 0.0, 0.0, 1.0],
            &[2.0, 2.0, 2.0, 2.0],
            &[0.1, 0.2, 0.3, -0.6],
            Kind::Meter,
        );
        // fsum([0.1, 0.2, 0.3]) == 0.6 and fsum([0.1, 0.2, 0.3, -0.6]) is tiny, not 0.
        assert_eq!(s, vec![0.0, 1.0]);
        assert_eq!(v, vec![0.6, 2.775_557_561_562_891_4e-17]);
    }

    #[test]
    fn errors() {
        let e = combine::<i64, i64>(&[0], &[1, 2], &[1], Kind::Meter, None);
        assert_eq!(
            e,
            Err(Error::LengthMismatch {
                starts: 1,
                stops: 2,
                values: 1
            })
        );
        let e = combine::<i64, i64>(&[0, 3], &[1, 2], &[1, 1], Kind::Meter, None);
        assert_eq!(e, Err(Error::ReversedBounds { index: 1 }));
        let e = combine::<f64, f64>(&[0.0], &[f64::NAN], &[1.0], Kind::Meter, None);
        let which = Column::Stops;
        assert_eq!(e, Err(Error::NonFinite { which, index: 0 }));
        let e = combine::<i64, f64>(&[0], &[1], &[f64::INFINITY], Kind::Set, None);
        let which = Column::Values;
        assert_eq!(e, Err(Error::NonFinite { which, index: 0 }));
        assert_eq!(
            e.map_err(|e| e.to_string()),
            Err("values[0] is not a finite number".to_owned())
        );
    }

    #[test]
    fn integer_overflow_only_when_a_kept_piece_overflows() {
        let big = i64::MAX;
        let e = combine(&[0, 0], &[2, 2], &[big, 1], Kind::Meter, None);
        assert_eq!(e, Err(Error::IntegerOverflow));
        // The transient sum at 1 exceeds i64, but no piece does.
        let out = combine(&[0, 1], &[1, 2], &[big, big], Kind::Meter, None).expect("fits");
        assert_eq!(out.values, vec![big]);
        let out = combine(&[0, 0], &[2, 2], &[big, 1], Kind::Set, None).expect("fits");
        assert_eq!(out.values, vec![1]);
        let out = combine(&[0, 0], &[1, 1], &[i64::MIN, -1], Kind::Counter, None).expect("fits");
        assert!(out.is_empty());
    }

    #[test]
    fn float_overflow() {
        let e = combine(&[0, 0], &[1, 1], &[f64::MAX, f64::MAX], Kind::Meter, None);
        assert_eq!(e, Err(Error::FloatOverflow));
    }

    #[test]
    fn rounding_applies_to_float_coordinates_and_values() {
        let out = combine(
            &[0.123, 0.5],
            &[0.5, 0.987],
            &[0.125, 0.375],
            Kind::Meter,
            Some(2),
        )
        .expect("valid");
        assert_eq!(out.starts, vec![0.12, 0.5]);
        assert_eq!(out.stops, vec![0.5, 0.99]);
        assert_eq!(out.values, vec![0.12, 0.38]);
        // Rounding can make an interval empty.
        let out = combine(&[0.001], &[0.002], &[1.0], Kind::Meter, Some(1)).expect("valid");
        assert!(out.is_empty());
    }
}
