//! Statistics of a step function's values, each computed the way the Python package
//! computes it, so the answers are the same bits.
//!
//! The value statistics see the step function as `(value, measure)` pairs: each
//! piece's value with its length `stop - start` (Python arithmetic: exact for
//! integers, one rounding for floats). With a window `within = [lo, hi]` the pieces
//! are clipped to it (`max(start, lo)`, `min(stop, hi)`), those left with a positive
//! length are kept, and the window's uncovered measure
//! `(hi - lo) - (sum of the kept lengths, added in order)` is paired with the
//! integer `0` when it is not zero. Sums of measures and of `value * measure` are
//! exact (as Python's `Fraction` arithmetic), so the average is the correctly
//! rounded exact mean and the median and mode compare exact weights.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::ControlFlow;

use rayon::prelude::*;

use crate::{Coord, Error, Number, Steps, Value, Wide};

/// A window `within`: the closed stretch `lo ..= hi`, bounds as Python numbers.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    /// The start of the window.
    pub lo: Number,
    /// The end of the window.
    pub hi: Number,
}

/// The statistics of one step function (canonical columns: no zero values).
///
/// ```
/// use intervalues_core::{Number, Stats, Steps, Window};
///
/// // 1 on [0, 2], 2 on [2, 4], 1 on [4, 6]
/// let steps = Steps::new(&[0, 2, 4], &[2, 4, 6], &[1, 2, 1])?;
/// let stats = Stats::new(steps);
/// assert!(stats.integral(None)?.same(Number::Int(8)));
/// assert_eq!(stats.average(None)?, 4.0 / 3.0);
/// assert!(stats.median(None)?.same(Number::Int(1)));
/// let window = Window { lo: Number::Int(0), hi: Number::Int(8) };
/// assert_eq!(stats.average(Some(window))?, 1.0);
/// assert!(stats.minimum(Some(window))?.same(Number::Int(0)));
/// # Ok::<(), intervalues_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Stats<'a, C, V> {
    steps: Steps<'a, C, V>,
}

/// Python's `_exact_sum`: an exact integer sum when every term is an `int`, else
/// `math.fsum` of the terms (ints converted to floats).
#[derive(Default)]
struct PythonSum {
    /// The exact integer total (`None` once it left `i128`).
    ints: Option<i128>,
    /// Whether every integer so far converts to a float exactly.
    ints_exact_as_floats: bool,
    /// The exact sum of the float terms (and of the ints once a float came).
    floats: Option<Wide>,
    /// An upper bound of the sum of the magnitudes, to stay clear of the
    /// intermediate overflows that `math.fsum` reports.
    magnitude: f64,
    count: usize,
}

/// `2^53`: integers up to this magnitude are exact as floats.
const EXACT_INT: i128 = 1 << 53;

impl PythonSum {
    fn new() -> Self {
        Self {
            ints: Some(0),
            ints_exact_as_floats: true,
            floats: None,
            magnitude: 0.0,
            count: 0,
        }
    }

    fn add(&mut self, term: Number) -> Result<(), Error> {
        self.count += 1;
        match term {
            Number::Int(i) => {
                self.ints = self.ints.and_then(|total| total.checked_add(i));
                self.ints_exact_as_floats &= i.abs() <= EXACT_INT;
                self.magnitude += term.to_f64().abs();
                if let Some(floats) = &mut self.floats {
                    floats.add(Number::Float(term.to_f64()));
                }
            }
            Number::Float(f) => {
                if !f.is_finite() {
                    return Err(Error::FloatOverflow);
                }
                self.magnitude += f.abs();
                if self.floats.is_none() {
                    // The ints so far, each exact as a float, sum exactly.
                    if !self.ints_exact_as_floats {
                        return Err(Error::FloatOverflow);
                    }
                    let mut floats = Wide::new();
                    floats.add(Number::Int(self.ints.ok_or(Error::FloatOverflow)?));
                    self.floats = Some(floats);
                }
                if let Some(floats) = &mut self.floats {
                    floats.add(term);
                }
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<Number, Error> {
        match self.floats {
            None => self.ints.map(Number::Int).ok_or(Error::IntegerOverflow),
            Some(floats) => {
                // fsum raises on an intermediate overflow even when the sum is finite:
                // leave anything near the edge to Python.
                if self.magnitude >= f64::MAX / 4.0 {
                    return Err(Error::FloatOverflow);
                }
                let mut one = Wide::new();
                one.add(Number::Int(1));
                Wide::quotient(&floats, &one).map(Number::Float)
            }
        }
    }
}

/// An exact rational sum: `i128` while it can, [`Wide`] after that.
#[derive(Debug, Clone)]
enum Exact {
    Int(i128),
    Wide(Wide),
}

impl Exact {
    fn wide(&self) -> Wide {
        match self {
            Self::Int(i) => {
                let mut w = Wide::new();
                w.add(Number::Int(*i));
                w
            }
            Self::Wide(w) => w.clone(),
        }
    }

    fn as_wide(&mut self) -> &mut Wide {
        if let Self::Int(_) = self {
            *self = Self::Wide(self.wide());
        }
        match self {
            Self::Wide(w) => w,
            Self::Int(_) => unreachable!("just widened"),
        }
    }

    fn add(&mut self, x: Number) {
        if let (Self::Int(total), Number::Int(i)) = (&mut *self, x)
            && let Some(sum) = total.checked_add(i)
        {
            *total = sum;
            return;
        }
        self.as_wide().add(x);
    }

    fn add_twice(&mut self, x: Number) {
        if let (Self::Int(total), Number::Int(i)) = (&mut *self, x)
            && let Some(sum) = i.checked_mul(2).and_then(|twice| total.checked_add(twice))
        {
            *total = sum;
            return;
        }
        self.as_wide().add_twice(x);
    }

    fn add_product(&mut self, x: Number, y: Number) {
        if let (Self::Int(total), Number::Int(a), Number::Int(b)) = (&mut *self, x, y)
            && let Some(sum) = a.checked_mul(b).and_then(|p| total.checked_add(p))
        {
            *total = sum;
            return;
        }
        self.as_wide().add_product(x, y);
    }

    fn is_zero(&self) -> bool {
        match self {
            Self::Int(i) => *i == 0,
            Self::Wide(w) => w.is_zero(),
        }
    }

    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match (self, other) {
            (Self::Int(a), Self::Int(b)) => a.cmp(b),
            _ => self.wide().cmp(&other.wide()),
        }
    }
}

/// The `(value, measure)` pairs of a step function, optionally within a window.
struct Pairs<'a, C, V> {
    steps: Steps<'a, C, V>,
    window: Option<Window>,
    /// The pieces that can meet the window.
    first: usize,
    end: usize,
    /// The window's uncovered measure, when it is not zero.
    gap: Option<Number>,
}

/// The index that stands for the gap pair.
const GAP: usize = usize::MAX;

impl<'a, C: Coord, V: Value> Pairs<'a, C, V> {
    fn new(steps: Steps<'a, C, V>, window: Option<Window>) -> Result<Self, Error> {
        let Some(w) = window else {
            return Ok(Self {
                steps,
                window,
                first: 0,
                end: steps.len(),
                gap: None,
            });
        };
        if w.lo == w.hi {
            return Err(Error::EmptyWindow);
        }
        // bisect_left(stops, lo) and bisect_right(starts, hi).
        let first = steps.stops().partition_point(|s| s.number() < w.lo);
        let end = steps.starts().partition_point(|s| s.number() <= w.hi);
        let mut pairs = Self {
            steps,
            window,
            first,
            end: end.max(first),
            gap: None,
        };
        let mut covered = Number::Int(0);
        for k in pairs.first..pairs.end {
            if let Some((_, measure)) = pairs.pair(k)? {
                covered = covered.plus(measure)?;
            }
        }
        let gap = w.hi.minus(w.lo)?.minus(covered)?;
        pairs.gap = gap.is_nonzero().then_some(gap);
        Ok(pairs)
    }

    /// The pair of piece `k` (`None` when it lies outside the window), or the gap.
    fn pair(&self, k: usize) -> Result<Option<(Number, Number)>, Error> {
        if k == GAP {
            return Ok(self.gap.map(|gap| (Number::Int(0), gap)));
        }
        let (Some(&start), Some(&stop), Some(&value)) = (
            self.steps.starts().get(k),
            self.steps.stops().get(k),
            self.steps.values().get(k),
        ) else {
            return Ok(None);
        };
        let (start, stop) = (start.number(), stop.number());
        let Some(w) = self.window else {
            return Ok(Some((value.number(), stop.minus(start)?)));
        };
        let (low, high) = (start.max_first(w.lo), stop.min_first(w.hi));
        (low < high)
            .then(|| high.minus(low).map(|m| (value.number(), m)))
            .transpose()
    }

    /// The indices of every pair (pieces, then the gap).
    fn indices(&self) -> impl Iterator<Item = usize> + use<C, V> {
        (self.first..self.end).chain(self.gap.map(|_| GAP))
    }

    fn for_each(
        &self,
        mut visit: impl FnMut(Number, Number) -> Result<(), Error>,
    ) -> Result<(), Error> {
        for k in self.indices() {
            if let Some((value, measure)) = self.pair(k)? {
                visit(value, measure)?;
            }
        }
        Ok(())
    }

    /// A key whose order is the values' numeric order (the gap's `0` included).
    fn key(value: Number) -> u64 {
        if V::INTEGER {
            match value {
                #[allow(clippy::cast_possible_truncation)] // values are i64
                Number::Int(i) => (i as i64).cast_unsigned() ^ (1 << 63),
                Number::Float(f) => float_key(f),
            }
        } else {
            float_key(value.to_f64())
        }
    }
}

fn float_key(x: f64) -> u64 {
    let bits = (x + 0.0).to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// A mixing hasher for `u64` keys (the murmur3 finaliser).
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

/// `(sum of length * value, sum of lengths)` of integer columns (`None` for floats or
/// when a sum leaves `i128`): in `i64` while nothing overflows (one overflow flag for
/// the whole block, no branch per piece), else again in `i128`.
fn int_moments_of<C: Coord, V: Value>(
    starts: &[C],
    stops: &[C],
    values: &[V],
) -> Option<(i128, i128)> {
    let (mut total, mut measure) = (0i128, 0i128);
    for ((starts, stops), values) in starts
        .chunks(BLOCK)
        .zip(stops.chunks(BLOCK))
        .zip(values.chunks(BLOCK))
    {
        let (mut block_total, mut block_measure, mut overflow) = (0i64, 0i64, false);
        for ((&s, &e), &v) in starts.iter().zip(stops).zip(values) {
            let (s, e, v) = (s.int()?, e.int()?, v.int()?);
            let (length, o1) = e.overflowing_sub(s);
            let (product, o2) = length.overflowing_mul(v);
            let (sum, o3) = block_total.overflowing_add(product);
            let (lengths, o4) = block_measure.overflowing_add(length);
            block_total = sum;
            block_measure = lengths;
            overflow |= o1 | o2 | o3 | o4;
        }
        if overflow {
            (block_total, block_measure) = (0, 0);
            let (mut wide_total, mut wide_measure) = (0i128, 0i128);
            for ((&s, &e), &v) in starts.iter().zip(stops).zip(values) {
                // One widening multiply a piece: |length * value| < 2^127.
                let length = i128::from(e.int()?) - i128::from(s.int()?);
                wide_measure = wide_measure.checked_add(length)?;
                wide_total = wide_total.checked_add(length * i128::from(v.int()?))?;
            }
            total = total.checked_add(wide_total)?;
            measure = measure.checked_add(wide_measure)?;
        }
        total = total.checked_add(i128::from(block_total))?;
        measure = measure.checked_add(i128::from(block_measure))?;
    }
    Some((total, measure))
}

/// Pieces per block of [`int_moments_of`].
const BLOCK: usize = 1024;

/// Pieces per parallel chunk of the integer moments.
const MOMENT_CHUNK: usize = 1 << 16;

/// Beyond this many distinct values, grouping sorts instead of hashing.
const MAX_HASHED_GROUPS: usize = 1 << 14;

impl<'a, C: Coord, V: Value> Stats<'a, C, V> {
    /// The statistics of `steps`.
    #[must_use]
    pub const fn new(steps: Steps<'a, C, V>) -> Self {
        Self { steps }
    }

    /// Python's `IntervalMeter.total()`: the sum of the values, exact for integers,
    /// `math.fsum` for floats.
    ///
    /// # Errors
    ///
    /// [`Error::IntegerOverflow`] / [`Error::FloatOverflow`] when the exact answer
    /// leaves `i128` or the safe float range (redo with Python numbers).
    pub fn total(&self) -> Result<Number, Error> {
        if let Some(ints) = self.int_total() {
            return Ok(Number::Int(ints));
        }
        let mut sum = PythonSum::new();
        for &v in self.steps.values() {
            sum.add(v.number())?;
        }
        sum.finish()
    }

    /// `total_length()` (no window): `_exact_sum` of `(stop - start) * value`; with a
    /// window, `integrate(lo, hi)`: the same over the pieces with `start < hi` and
    /// `stop > lo`, clipped as `min(stop, hi) - max(start, lo)`.
    ///
    /// # Errors
    ///
    /// As [`Stats::total`].
    pub fn integral(&self, window: Option<Window>) -> Result<Number, Error> {
        let steps = self.steps;
        if window.is_none()
            && let Some((weighted, _)) = self.int_moments()
        {
            return Ok(Number::Int(weighted));
        }
        let (first, end) = match window {
            None => (0, steps.len()),
            Some(w) => (
                steps.stops().partition_point(|s| s.number() <= w.lo),
                steps.starts().partition_point(|s| s.number() < w.hi),
            ),
        };
        let mut sum = PythonSum::new();
        for k in first..end.max(first) {
            let (Some(&s), Some(&e), Some(&v)) = (
                steps.starts().get(k),
                steps.stops().get(k),
                steps.values().get(k),
            ) else {
                break;
            };
            let (s, e) = (s.number(), e.number());
            let length = match window {
                None => e.minus(s)?,
                Some(w) => e.min_first(w.hi).minus(s.max_first(w.lo))?,
            };
            sum.add(length.times(v.number())?)?;
        }
        sum.finish()
    }

    /// `coverage_length()`: `_exact_sum` of `stop - start`.
    ///
    /// # Errors
    ///
    /// As [`Stats::total`].
    pub fn coverage(&self) -> Result<Number, Error> {
        let mut sum = PythonSum::new();
        for (&s, &e) in self.steps.starts().iter().zip(self.steps.stops()) {
            sum.add(e.number().minus(s.number())?)?;
        }
        sum.finish()
    }

    /// The measure-weighted mean of the values, correctly rounded (Python's
    /// `float(Fraction(sum(v * w)) / Fraction(sum(w)))`).
    ///
    /// # Errors
    ///
    /// [`Error::NoMeasure`] when the measures sum to zero; [`Error::EmptyWindow`];
    /// [`Error::FloatOverflow`] when the mean is beyond the float range.
    pub fn average(&self, within: Option<Window>) -> Result<f64, Error> {
        if within.is_none()
            && let Some((total, measure)) = self.int_moments()
        {
            if measure == 0 {
                return Err(Error::NoMeasure {
                    statistic: "average",
                });
            }
            return Wide::quotient(&Exact::Int(total).wide(), &Exact::Int(measure).wide());
        }
        let pairs = Pairs::new(self.steps, within)?;
        let (mut total, mut measure) = (Exact::Int(0), Exact::Int(0));
        pairs.for_each(|value, w| {
            total.add_product(value, w);
            measure.add(w);
            Ok(())
        })?;
        if measure.is_zero() {
            return Err(Error::NoMeasure {
                statistic: "average",
            });
        }
        Wide::quotient(&total.wide(), &measure.wide())
    }

    /// The measure-weighted median: the first value (ascending) at which the running
    /// measure passes half the total; when it lands exactly on half, the mean of that
    /// value and the next one (Python's `(v + next) / 2`, a float).
    ///
    /// # Errors
    ///
    /// [`Error::NoMeasure`] when no pair has a non-zero measure;
    /// [`Error::EmptyWindow`].
    pub fn median(&self, within: Option<Window>) -> Result<Number, Error> {
        if within.is_none()
            && let Some(groups) = self.int_groups()
        {
            return median_of_int_groups(&groups);
        }
        let pairs = Pairs::new(self.steps, within)?;
        let mut total = Exact::Int(0);
        let mut any = false;
        pairs.for_each(|_, w| {
            any |= w.is_nonzero();
            total.add(w);
            Ok(())
        })?;
        if !any {
            return Err(Error::NoMeasure {
                statistic: "median",
            });
        }
        let mut running = Exact::Int(0);
        let mut tie: Option<Number> = None;
        let mut last = None;
        let found = groups(&pairs, true, |value, weight| {
            if let Some(below) = tie {
                return Ok(ControlFlow::Break(Number::Float(below.midpoint(value)?)));
            }
            last = Some(value);
            // 2 * running against the total: half without a division.
            running.add_twice_exact(weight);
            Ok(match running.cmp(&total) {
                std::cmp::Ordering::Greater => ControlFlow::Break(value),
                std::cmp::Ordering::Equal => {
                    tie = Some(value);
                    ControlFlow::Continue(())
                }
                std::cmp::Ordering::Less => ControlFlow::Continue(()),
            })
        })?;
        Ok(found.or(tie).or(last).unwrap_or(Number::Int(0)))
    }

    /// The values carrying the most measure, ascending (all of them when tied).
    ///
    /// # Errors
    ///
    /// [`Error::NoMeasure`] when there are no pairs; [`Error::EmptyWindow`].
    pub fn mode(&self, within: Option<Window>) -> Result<Vec<Number>, Error> {
        if within.is_none()
            && let Some(groups) = self.int_groups()
        {
            let best = groups
                .iter()
                .map(|&(_, w)| w)
                .max()
                .ok_or(Error::NoMeasure { statistic: "mode" })?;
            return Ok(groups
                .iter()
                .filter(|&&(_, w)| w == best)
                .map(|&(v, _)| Number::from(v))
                .collect());
        }
        let pairs = Pairs::new(self.steps, within)?;
        let mut best: Option<Exact> = None;
        let mut tied = Vec::new();
        groups(&pairs, false, |value, weight| {
            let order = best.as_ref().map(|b| weight.cmp(b));
            match order {
                None | Some(std::cmp::Ordering::Greater) => {
                    best = Some(weight.clone());
                    tied.clear();
                    tied.push(value);
                }
                Some(std::cmp::Ordering::Equal) => tied.push(value),
                Some(std::cmp::Ordering::Less) => {}
            }
            Ok(ControlFlow::<()>::Continue(()))
        })?;
        if best.is_none() {
            return Err(Error::NoMeasure { statistic: "mode" });
        }
        Ok(tied)
    }

    /// The smallest value (Python's `min`: the first of equal ones).
    ///
    /// # Errors
    ///
    /// [`Error::NoMeasure`] when there are no pairs; [`Error::EmptyWindow`].
    pub fn minimum(&self, within: Option<Window>) -> Result<Number, Error> {
        self.extreme(within, "minimum", |candidate, best| candidate < best)
    }

    /// The largest value (Python's `max`: the first of equal ones).
    ///
    /// # Errors
    ///
    /// As [`Stats::minimum`].
    pub fn maximum(&self, within: Option<Window>) -> Result<Number, Error> {
        self.extreme(within, "maximum", |candidate, best| candidate > best)
    }

    fn extreme(
        &self,
        within: Option<Window>,
        statistic: &'static str,
        better: impl Fn(Number, Number) -> bool,
    ) -> Result<Number, Error> {
        let mut best: Option<Number> = None;
        if within.is_none() {
            for &v in self.steps.values() {
                let v = v.number();
                if best.is_none_or(|b| better(v, b)) {
                    best = Some(v);
                }
            }
        } else {
            Pairs::new(self.steps, within)?.for_each(|v, _| {
                if best.is_none_or(|b| better(v, b)) {
                    best = Some(v);
                }
                Ok(())
            })?;
        }
        best.ok_or(Error::NoMeasure { statistic })
    }

    /// `(sum of length * value, sum of lengths)` when coordinates and values are all
    /// integers and the sums fit `i128` (the common case, without a window).
    fn int_moments(&self) -> Option<(i128, i128)> {
        let (starts, stops, values) =
            (self.steps.starts(), self.steps.stops(), self.steps.values());
        // Memory bound: parallel chunks read the three columns at once.
        starts
            .par_chunks(MOMENT_CHUNK)
            .zip(stops.par_chunks(MOMENT_CHUNK))
            .zip(values.par_chunks(MOMENT_CHUNK))
            .map(|((starts, stops), values)| int_moments_of(starts, stops, values))
            .try_reduce(
                || (0, 0),
                |(t, m), (u, n)| Some((t.checked_add(u)?, m.checked_add(n)?)),
            )
    }

    /// The exact sum of integer values (`None` for floats).
    fn int_total(&self) -> Option<i128> {
        let mut total = 0i128;
        for &v in self.steps.values() {
            total = total.checked_add(i128::from(v.int()?))?;
        }
        Some(total)
    }

    /// The distinct values with their summed lengths, ascending, when coordinates and
    /// values are all integers and the values are few (zero lengths left out, as the
    /// median leaves them out; the mode has none, the pieces being canonical).
    fn int_groups(&self) -> Option<Vec<(i64, i128)>> {
        let steps = self.steps;
        let mut table: HashMap<i64, i128, BuildHasherDefault<KeyHasher>> = HashMap::default();
        for ((&s, &e), &v) in steps.starts().iter().zip(steps.stops()).zip(steps.values()) {
            let (Number::Int(s), Number::Int(e), Number::Int(v)) =
                (s.number(), e.number(), v.number())
            else {
                return None;
            };
            let length = e - s;
            if length == 0 {
                continue;
            }
            let v = i64::try_from(v).ok()?;
            if let Some(sum) = table.get_mut(&v) {
                *sum = sum.checked_add(length)?;
            } else if table.len() < MAX_HASHED_GROUPS {
                table.insert(v, length);
            } else {
                return None;
            }
        }
        let mut groups: Vec<(i64, i128)> = table.into_iter().collect();
        groups.sort_unstable_by_key(|&(v, _)| v);
        Some(groups)
    }

    /// The pieces whose value is `>= threshold` (`at_least`) or `< threshold`, as
    /// set columns with touching pieces joined.
    #[must_use]
    pub fn regions(&self, threshold: Number, at_least: bool) -> (Vec<C>, Vec<C>) {
        let mut starts: Vec<C> = Vec::new();
        let mut stops: Vec<C> = Vec::new();
        let columns = self.steps;
        for ((&a, &b), &v) in columns
            .starts()
            .iter()
            .zip(columns.stops())
            .zip(columns.values())
        {
            let v = v.number();
            let keep = if at_least {
                v >= threshold
            } else {
                v < threshold
            };
            if !keep {
                continue;
            }
            match stops.last_mut() {
                Some(last) if *last == a => *last = b,
                _ => {
                    starts.push(a);
                    stops.push(b);
                }
            }
        }
        (starts, stops)
    }
}

/// [`Stats::median`] over integer groups (ascending values, positive weights).
fn median_of_int_groups(groups: &[(i64, i128)]) -> Result<Number, Error> {
    let total = groups
        .iter()
        .try_fold(0i128, |sum, &(_, w)| sum.checked_add(w))
        .ok_or(Error::IntegerOverflow)?;
    let mut running = 0i128;
    for (i, &(v, w)) in groups.iter().enumerate() {
        running += w;
        let twice = running.checked_mul(2).ok_or(Error::IntegerOverflow)?;
        if twice > total {
            return Ok(Number::from(v));
        }
        if twice == total {
            return match groups.get(i + 1) {
                Some(&(next, _)) => {
                    Ok(Number::Float(Number::from(v).midpoint(Number::from(next))?))
                }
                None => Ok(Number::from(v)),
            };
        }
    }
    groups
        .last()
        .map(|&(v, _)| Number::from(v))
        .ok_or(Error::NoMeasure {
            statistic: "median",
        })
}

impl Exact {
    fn add_twice_exact(&mut self, x: &Self) {
        match x {
            Self::Int(i) => self.add_twice(Number::Int(*i)),
            Self::Wide(w) => {
                // Rare: a group weight beyond i128, or float weights.
                let mut doubled = w.clone();
                doubled.add_wide(w);
                self.as_wide().add_wide(&doubled);
            }
        }
    }
}

/// Visits the distinct values in ascending order with the exact sum of their
/// measures, until `visit` breaks.
fn groups<C: Coord, V: Value, R>(
    pairs: &Pairs<'_, C, V>,
    skip_zero: bool,
    mut visit: impl FnMut(Number, &Exact) -> Result<ControlFlow<R>, Error>,
) -> Result<Option<R>, Error> {
    // Few distinct values (the usual case): hash them.
    let mut table: HashMap<u64, (Number, Exact), BuildHasherDefault<KeyHasher>> =
        HashMap::default();
    let mut hashed = true;
    for k in pairs.indices() {
        let Some((value, measure)) = pairs.pair(k)? else {
            continue;
        };
        if skip_zero && !measure.is_nonzero() {
            continue;
        }
        let key = Pairs::<C, V>::key(value);
        if let Some((_, sum)) = table.get_mut(&key) {
            sum.add(measure);
        } else if table.len() < MAX_HASHED_GROUPS {
            let mut sum = Exact::Int(0);
            sum.add(measure);
            table.insert(key, (value, sum));
        } else {
            hashed = false;
            break;
        }
    }
    if hashed {
        let mut sorted: Vec<(u64, (Number, Exact))> = table.into_iter().collect();
        sorted.sort_unstable_by_key(|entry| entry.0);
        for (_, (value, sum)) in &sorted {
            if let ControlFlow::Break(found) = visit(*value, sum)? {
                return Ok(Some(found));
            }
        }
        return Ok(None);
    }
    // Many distinct values: sort the pair indices by value, then sum each run.
    let mut order: Vec<(u64, usize)> = Vec::new();
    for k in pairs.indices() {
        if let Some((value, measure)) = pairs.pair(k)?
            && (measure.is_nonzero() || !skip_zero)
        {
            order.push((Pairs::<C, V>::key(value), k));
        }
    }
    order.par_sort_unstable_by_key(|entry| entry.0);
    let mut run: Option<(u64, Number, Exact)> = None;
    for &(key, k) in &order {
        let Some((value, measure)) = pairs.pair(k)? else {
            continue;
        };
        match &mut run {
            Some((current, _, sum)) if *current == key => sum.add(measure),
            _ => {
                if let Some((_, v, sum)) = run.take()
                    && let ControlFlow::Break(found) = visit(v, &sum)?
                {
                    return Ok(Some(found));
                }
                let mut sum = Exact::Int(0);
                sum.add(measure);
                run = Some((key, value, sum));
            }
        }
    }
    if let Some((_, v, sum)) = run
        && let ControlFlow::Break(found) = visit(v, &sum)?
    {
        return Ok(Some(found));
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::{Stats, Window};
    use crate::Number::{self, Float, Int};
    use crate::{Error, Steps};

    #[allow(clippy::unnecessary_wraps)] // the statistics take an Option
    fn window(lo: Number, hi: Number) -> Option<Window> {
        Some(Window { lo, hi })
    }

    #[test]
    fn median_tie_rule_and_gap() {
        // 1 on [0, 2], 3 on [2, 4]: the half falls between 1 and 3.
        let steps = Steps::new(&[0, 2], &[2, 4], &[1, 3]).expect("valid");
        let stats = Stats::new(steps);
        assert!(stats.median(None).expect("ok").same(Float(2.0)));
        // Within [0, 8]: 0 over 4 units, so the half lands between 0 and 1.
        let got = stats.median(window(Int(0), Int(8))).expect("ok");
        assert!(got.same(Float(0.5)), "{got:?}");
        assert!(
            stats
                .median(window(Int(0), Int(12)))
                .expect("ok")
                .same(Int(0))
        );
        let mode = stats.mode(window(Int(0), Int(6))).expect("ok");
        assert_eq!(mode.len(), 3);
        assert!(mode[0].same(Int(0)) && mode[1].same(Int(1)) && mode[2].same(Int(3)));
    }

    #[test]
    fn average_is_the_correctly_rounded_exact_mean() {
        let steps = Steps::new(&[0.0, 0.1], &[0.1, 0.3], &[0.1, 0.2]).expect("valid");
        let stats = Stats::new(steps);
        // Exact: (0.1 * 0.1 + 0.2 * (0.3 - 0.1)) / (0.1 + (0.3 - 0.1)) in binary.
        let got = stats.average(None).expect("ok");
        assert_eq!(got, 0.166_666_666_666_666_69);
        let empty = Steps::<i64, i64>::new(&[], &[], &[]).expect("valid");
        assert_eq!(
            Stats::new(empty).average(None),
            Err(Error::NoMeasure {
                statistic: "average"
            })
        );
        assert_eq!(
            Stats::new(empty).average(window(Int(1), Float(1.0))),
            Err(Error::EmptyWindow)
        );
        assert_eq!(Stats::new(empty).average(window(Int(0), Int(4))), Ok(0.0));
    }

    #[test]
    fn integer_moments_beyond_64_bits_stay_exact() {
        // Products and sums beyond i64 in some blocks: those blocks are redone in i128.
        let n = 3000i64;
        let starts: Vec<i64> = (0..n).map(|i| i * (1 << 40)).collect();
        let ends: Vec<i64> = starts.iter().map(|s| s + (1 << 40)).collect();
        let values: Vec<i64> = (0..n)
            .map(|i| if i % 700 == 3 { 1 << 40 } else { 1 + i % 5 })
            .collect();
        let steps = Steps::new(&starts, &ends, &values).expect("valid");
        let moments = Stats::new(steps);
        let want: i128 = values.iter().map(|&v| i128::from(v) << 40).sum();
        assert!(
            moments
                .integral(None)
                .expect("fits")
                .same(Number::Int(want))
        );
        let measure = i128::from(n) << 40;
        #[allow(clippy::cast_precision_loss)]
        let mean = want as f64 / measure as f64; // both exact as floats here
        assert_eq!(moments.average(None).expect("fits"), mean);
        let edge = Steps::new(&[i64::MIN], &[i64::MAX], &[i64::MAX]).expect("valid");
        let wide = i128::from(i64::MAX) * (i128::from(i64::MAX) - i128::from(i64::MIN));
        assert!(
            Stats::new(edge)
                .integral(None)
                .expect("fits")
                .same(Number::Int(wide))
        );
    }

    #[test]
    fn integrals_follow_python_types() {
        let steps = Steps::new(&[0, 2], &[2, 4], &[1, 3]).expect("valid");
        let stats = Stats::new(steps);
        assert!(stats.integral(None).expect("ok").same(Int(8)));
        assert!(
            stats
                .integral(window(Int(1), Int(3)))
                .expect("ok")
                .same(Int(4))
        );
        assert!(
            stats
                .integral(window(Float(1.5), Int(3)))
                .expect("ok")
                .same(Float(3.5))
        );
        assert!(stats.coverage().expect("ok").same(Int(4)));
        assert!(stats.total().expect("ok").same(Int(4)));
        let floats = Steps::new(&[0.0], &[1.0], &[0.1]).expect("valid");
        assert!(Stats::new(floats).total().expect("ok").same(Float(0.1)));
    }

    #[test]
    fn extremes_and_regions() {
        let steps = Steps::new(&[0, 2, 4], &[2, 4, 6], &[1, 2, 1]).expect("valid");
        let stats = Stats::new(steps);
        assert!(stats.minimum(None).expect("ok").same(Int(1)));
        assert!(
            stats
                .maximum(window(Int(-5), Int(1)))
                .expect("ok")
                .same(Int(1))
        );
        assert!(
            stats
                .minimum(window(Int(-5), Int(1)))
                .expect("ok")
                .same(Int(0))
        );
        assert_eq!(stats.regions(Int(2), true), (vec![2], vec![4]));
        assert_eq!(stats.regions(Float(2.0), false), (vec![0, 4], vec![2, 6]));
        assert_eq!(stats.regions(Float(0.5), true), (vec![0], vec![6]));
    }
}
