//! `intervalues_pyrust`: the optional accelerator of the Python package `intervalues`.
//!
//! A thin PyO3 layer over the `intervalues-core` kernel: it decodes byte columns,
//! releases the GIL while the kernel runs, encodes the result and maps the kernel's
//! error to a Python exception. No algorithm lives here.

use std::borrow::Cow;

use intervalues_core::{
    Coord, Error, FloatRule, Kind, Number, Pieces, Point, Scaled, SetOp, Stats, Steps, Value,
    Window,
};
use pyo3::create_exception;
use pyo3::exceptions::{PyArithmeticError, PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyFloat, PyInt, PyTuple};

create_exception!(
    intervalues_pyrust,
    KernelOverflow,
    PyArithmeticError,
    "The exact result does not fit the kernel's 64-bit arithmetic; redo it with Python numbers."
);

/// Three output columns, encoded like the inputs.
type ByteColumns<'py> = (
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
);

/// The `(starts, stops, values)` columns of a step function, as Python passes them.
type StepBytes<'a> = (Cow<'a, [u8]>, Cow<'a, [u8]>, Cow<'a, [u8]>);

/// Scaled columns and the type code of their values.
type ScaledColumns<'py> = (
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    &'static str,
);

/// The `(starts, stops)` columns of a set, as Python passes them.
type SetBytes<'a> = (Cow<'a, [u8]>, Cow<'a, [u8]>);

/// Runs `$body` with the type alias `$t` set to `i64` or `f64` as the type code says.
macro_rules! by_code {
    ($code:expr, $argument:literal, $t:ident => $body:expr) => {
        match $code {
            "i" => {
                type $t = i64;
                $body
            }
            "f" => {
                type $t = f64;
                $body
            }
            other => Err(bad_type_code($argument, other)),
        }
    };
}

/// Combine weighted intervals into the canonical step function of their sum.
///
/// See `intervalues_pyrust.pyi` for the contract.
#[pyfunction]
#[pyo3(signature = (kind, starts, stops, values, coords, vals, nr_digits = None, float_rule = "decimal"))]
#[allow(clippy::too_many_arguments)] // the Python signature is the contract
#[allow(clippy::needless_pass_by_value)] // PyO3 hands over extracted arguments by value
fn combine<'py>(
    py: Python<'py>,
    kind: &str,
    starts: Cow<'_, [u8]>,
    stops: Cow<'_, [u8]>,
    values: Cow<'_, [u8]>,
    coords: &str,
    vals: &str,
    nr_digits: Option<i64>,
    float_rule: &str,
) -> PyResult<ByteColumns<'py>> {
    let kind = Kind::from_name(kind).ok_or_else(|| {
        PyValueError::new_err(format!(
            "kind must be 'meter', 'counter' or 'set', got '{kind}'"
        ))
    })?;
    let nr_digits = nr_digits
        .map(|digits| {
            u32::try_from(digits).map_err(|_| {
                PyValueError::new_err(format!(
                    "nr_digits must be None or a non-negative int, got {digits}"
                ))
            })
        })
        .transpose()?;
    let rule = FloatRule::from_name(float_rule).ok_or_else(|| {
        PyValueError::new_err(format!(
            "float_rule must be 'decimal' or 'binary', got '{float_rule}'"
        ))
    })?;
    let options = Options {
        kind,
        nr_digits,
        rule,
    };
    let columns = [starts.as_ref(), stops.as_ref(), values.as_ref()];
    match coords {
        "i" => combine_with::<i64>(py, options, columns, vals),
        "f" => combine_with::<f64>(py, options, columns, vals),
        other => Err(bad_type_code("coords", other)),
    }
}

/// The version of the `intervalues-core` kernel crate inside this module.
#[pyfunction]
fn kernel_version() -> &'static str {
    intervalues_core::VERSION
}

/// The validated keyword arguments of [`combine`].
#[derive(Clone, Copy)]
struct Options {
    kind: Kind,
    nr_digits: Option<u32>,
    rule: FloatRule,
}

fn combine_with<'py, C: Coord + Native>(
    py: Python<'py>,
    options: Options,
    columns: [&[u8]; 3],
    vals: &str,
) -> PyResult<ByteColumns<'py>> {
    match vals {
        "i" => run::<C, i64>(py, options, columns),
        "f" => run::<C, f64>(py, options, columns),
        other => Err(bad_type_code("vals", other)),
    }
}

fn run<'py, C: Coord + Native, V: Value + Native>(
    py: Python<'py>,
    options: Options,
    [starts, stops, values]: [&[u8]; 3],
) -> PyResult<ByteColumns<'py>> {
    let Options {
        kind,
        nr_digits,
        rule,
    } = options;
    let out = py.detach(|| {
        let starts = decode::<C>("starts", starts)?;
        let stops = decode::<C>("stops", stops)?;
        let values = decode::<V>("values", values)?;
        intervalues_core::combine_with_rule(&starts, &stops, &values, kind, nr_digits, rule)
            .map_err(|err| kernel_error(&err))
    })?;
    Ok((
        encode(py, &out.starts)?,
        encode(py, &out.stops)?,
        encode(py, &out.values)?,
    ))
}

/// Decoded step-function columns.
struct Decoded<'a, C: Clone, V: Clone> {
    starts: Cow<'a, [C]>,
    stops: Cow<'a, [C]>,
    values: Cow<'a, [V]>,
}

impl<'a, C: Coord + Native, V: Value + Native> Decoded<'a, C, V> {
    fn new(name: &str, (starts, stops, values): &'a StepBytes<'_>) -> PyResult<Self> {
        Ok(Self {
            starts: decode(&format!("{name} starts"), starts)?,
            stops: decode(&format!("{name} stops"), stops)?,
            values: decode(&format!("{name} values"), values)?,
        })
    }

    /// The columns checked only for what order-free statistics need.
    fn unordered(&self) -> PyResult<Steps<'_, C, V>> {
        Steps::unordered(&self.starts, &self.stops, &self.values).map_err(|e| kernel_error(&e))
    }

    fn steps(&self, operand: &'static str) -> PyResult<Steps<'_, C, V>> {
        Steps::named(operand, &self.starts, &self.stops, &self.values).map_err(|e| kernel_error(&e))
    }
}

/// Decoded set columns.
type DecodedPieces<'a, C> = (Cow<'a, [C]>, Cow<'a, [C]>);

fn decode_pieces<'a, C: Coord + Native>(
    name: &str,
    (starts, stops): &'a SetBytes<'_>,
) -> PyResult<DecodedPieces<'a, C>> {
    Ok((
        decode(&format!("{name} starts"), starts)?,
        decode(&format!("{name} stops"), stops)?,
    ))
}

fn pieces<'a, C: Coord>(
    operand: &'static str,
    columns: &'a DecodedPieces<'_, C>,
) -> PyResult<Pieces<'a, C>> {
    Pieces::named(operand, &columns.0, &columns.1).map_err(|e| kernel_error(&e))
}

/// The value of a step function at each point.
///
/// See `intervalues_pyrust.pyi` for the contract.
#[pyfunction]
#[pyo3(signature = (columns, coords, vals, points, pts))]
#[allow(clippy::needless_pass_by_value)] // PyO3 hands over extracted arguments by value
fn values_at<'py>(
    py: Python<'py>,
    columns: StepBytes<'_>,
    coords: &str,
    vals: &str,
    points: Cow<'_, [u8]>,
    pts: &str,
) -> PyResult<Bound<'py, PyBytes>> {
    fn typed<'py, C, V, P>(
        py: Python<'py>,
        columns: &StepBytes<'_>,
        points: &[u8],
    ) -> PyResult<Bound<'py, PyBytes>>
    where
        C: Coord + Native,
        V: Value + Native + Default,
        P: Point<C> + Native,
    {
        let out = py.detach(|| {
            let decoded = Decoded::<C, V>::new("columns", columns)?;
            let points = decode::<P>("points", points)?;
            intervalues_core::values_at(decoded.steps("columns")?, &points)
                .map_err(|e| kernel_error(&e))
        })?;
        encode(py, &out)
    }
    by_code!(coords, "coords", C => by_code!(vals, "vals", V => by_code!(pts, "pts", P =>
        typed::<C, V, P>(py, &columns, &points))))
}

/// Whether some piece of a set covers each point.
///
/// See `intervalues_pyrust.pyi` for the contract.
#[pyfunction]
#[pyo3(signature = (columns, coords, points, pts))]
#[allow(clippy::needless_pass_by_value)] // PyO3 hands over extracted arguments by value
fn contains_many<'py>(
    py: Python<'py>,
    columns: SetBytes<'_>,
    coords: &str,
    points: Cow<'_, [u8]>,
    pts: &str,
) -> PyResult<Bound<'py, PyBytes>> {
    fn typed<'py, C, P>(
        py: Python<'py>,
        columns: &SetBytes<'_>,
        points: &[u8],
    ) -> PyResult<Bound<'py, PyBytes>>
    where
        C: Coord + Native,
        P: Point<C> + Native,
    {
        let out = py.detach(|| {
            let decoded = decode_pieces::<C>("columns", columns)?;
            let points = decode::<P>("points", points)?;
            intervalues_core::contains_many(pieces("columns", &decoded)?, &points)
                .map_err(|e| kernel_error(&e))
        })?;
        let bytes: Vec<u8> = out.into_iter().map(u8::from).collect();
        Ok(PyBytes::new(py, &bytes))
    }
    by_code!(coords, "coords", C => by_code!(pts, "pts", P => typed::<C, P>(py, &columns, &points)))
}

/// The sum (or difference) of two step functions.
///
/// See `intervalues_pyrust.pyi` for the contract.
#[pyfunction]
#[pyo3(signature = (kind, a, b, coords, vals, subtract = false))]
#[allow(clippy::needless_pass_by_value)] // PyO3 hands over extracted arguments by value
fn add_steps<'py>(
    py: Python<'py>,
    kind: &str,
    a: StepBytes<'_>,
    b: StepBytes<'_>,
    coords: &str,
    vals: &str,
    subtract: bool,
) -> PyResult<ByteColumns<'py>> {
    fn typed<'py, C: Coord + Native, V: Value + Native>(
        py: Python<'py>,
        kind: Kind,
        a: &StepBytes<'_>,
        b: &StepBytes<'_>,
        subtract: bool,
    ) -> PyResult<ByteColumns<'py>> {
        let out = py.detach(|| {
            let a = Decoded::<C, V>::new("a", a)?;
            let b = Decoded::<C, V>::new("b", b)?;
            intervalues_core::add(kind, a.steps("a")?, b.steps("b")?, subtract)
                .map_err(|e| kernel_error(&e))
        })?;
        Ok((
            encode(py, &out.starts)?,
            encode(py, &out.stops)?,
            encode(py, &out.values)?,
        ))
    }
    let kind = parse_kind(kind)?;
    by_code!(coords, "coords", C => by_code!(vals, "vals", V =>
        typed::<C, V>(py, kind, &a, &b, subtract)))
}

/// Union, intersection, difference or symmetric difference of two sets.
///
/// See `intervalues_pyrust.pyi` for the contract.
#[pyfunction]
#[pyo3(signature = (op, a, b, coords))]
#[allow(clippy::needless_pass_by_value)] // PyO3 hands over extracted arguments by value
fn set_op<'py>(
    py: Python<'py>,
    op: &str,
    a: SetBytes<'_>,
    b: SetBytes<'_>,
    coords: &str,
) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
    fn typed<'py, C: Coord + Native>(
        py: Python<'py>,
        op: SetOp,
        a: &SetBytes<'_>,
        b: &SetBytes<'_>,
    ) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
        let (starts, stops) = py.detach(|| {
            let a = decode_pieces::<C>("a", a)?;
            let b = decode_pieces::<C>("b", b)?;
            Ok::<_, PyErr>(intervalues_core::set_op(
                op,
                pieces("a", &a)?,
                pieces("b", &b)?,
            ))
        })?;
        Ok((encode(py, &starts)?, encode(py, &stops)?))
    }
    let op = SetOp::from_name(op).ok_or_else(|| {
        PyValueError::new_err(format!(
            "op must be 'or', 'and', 'sub' or 'xor', got '{op}'"
        ))
    })?;
    by_code!(coords, "coords", C => typed::<C>(py, op, &a, &b))
}

/// A step function's values times a number.
///
/// See `intervalues_pyrust.pyi` for the contract.
#[pyfunction]
#[pyo3(signature = (kind, columns, coords, vals, factor))]
#[allow(clippy::needless_pass_by_value)] // PyO3 hands over extracted arguments by value
fn scale_steps<'py>(
    py: Python<'py>,
    kind: &str,
    columns: StepBytes<'_>,
    coords: &str,
    vals: &str,
    factor: &Bound<'py, PyAny>,
) -> PyResult<ScaledColumns<'py>> {
    fn typed<'py, C: Coord + Native, V: Value + Native>(
        py: Python<'py>,
        counter: bool,
        columns: &StepBytes<'_>,
        factor: Number,
    ) -> PyResult<ScaledColumns<'py>> {
        let out = py.detach(|| {
            let decoded = Decoded::<C, V>::new("columns", columns)?;
            let steps = decoded.steps("columns")?;
            let scaled = if counter {
                intervalues_core::scale_counter(steps, factor).map(Scaled::Int)
            } else {
                intervalues_core::scale(steps, factor)
            };
            scaled.map_err(|e| kernel_error(&e))
        })?;
        Ok(match out {
            Scaled::Int(c) => (
                encode(py, &c.starts)?,
                encode(py, &c.stops)?,
                encode(py, &c.values)?,
                "i",
            ),
            Scaled::Float(c) => (
                encode(py, &c.starts)?,
                encode(py, &c.stops)?,
                encode(py, &c.values)?,
                "f",
            ),
        })
    }
    let counter = match parse_kind(kind)? {
        Kind::Meter => false,
        Kind::Counter => true,
        Kind::Set => {
            return Err(PyValueError::new_err(
                "kind must be 'meter' or 'counter' to scale, got 'set'",
            ));
        }
    };
    let factor = number("factor", factor)?;
    by_code!(coords, "coords", C => by_code!(vals, "vals", V =>
        typed::<C, V>(py, counter, &columns, factor)))
}

/// Which statistic [`statistic`] computes.
#[derive(Clone, Copy)]
enum Statistic {
    Integral,
    Average,
    Median,
    Mode,
    Minimum,
    Maximum,
}

/// One statistic of a step function, as a Python object.
fn statistic<'py>(
    py: Python<'py>,
    which: Statistic,
    columns: &StepBytes<'_>,
    coords: &str,
    vals: &str,
    within: Option<&Bound<'py, PyTuple>>,
) -> PyResult<Bound<'py, PyAny>> {
    enum Answer {
        One(Number),
        Many(Vec<Number>),
    }
    fn typed<C: Coord + Native, V: Value + Native>(
        py: Python<'_>,
        which: Statistic,
        columns: &StepBytes<'_>,
        within: Option<Window>,
    ) -> PyResult<Answer> {
        py.detach(|| {
            let decoded = Decoded::<C, V>::new("columns", columns)?;
            // Without a window every piece counts wherever it is: no order to check.
            let steps = if within.is_some() {
                decoded.steps("columns")?
            } else {
                decoded.unordered()?
            };
            let stats = Stats::new(steps);
            let answer = match which {
                Statistic::Integral => stats.integral(within).map(Answer::One),
                Statistic::Average => stats.average(within).map(|a| Answer::One(Number::Float(a))),
                Statistic::Median => stats.median(within).map(Answer::One),
                Statistic::Mode => stats.mode(within).map(Answer::Many),
                Statistic::Minimum => stats.minimum(within).map(Answer::One),
                Statistic::Maximum => stats.maximum(within).map(Answer::One),
            };
            answer.map_err(|e| kernel_error(&e))
        })
    }
    let within = within.map(window).transpose()?;
    let answer = by_code!(coords, "coords", C => by_code!(vals, "vals", V =>
        typed::<C, V>(py, which, columns, within)))?;
    match answer {
        Answer::One(n) => py_number(py, n),
        Answer::Many(values) => {
            let items = values
                .into_iter()
                .map(|n| py_number(py, n))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(PyTuple::new(py, items)?.into_any())
        }
    }
}

/// `total_length()` (no window) or `integrate(lo, hi)` of a step function.
///
/// See `intervalues_pyrust.pyi` for the contract.
#[pyfunction]
#[pyo3(signature = (columns, coords, vals, window = None))]
#[allow(clippy::needless_pass_by_value)] // PyO3 hands over extracted arguments by value
fn integral<'py>(
    py: Python<'py>,
    columns: StepBytes<'_>,
    coords: &str,
    vals: &str,
    window: Option<Bound<'py, PyTuple>>,
) -> PyResult<Bound<'py, PyAny>> {
    statistic(
        py,
        Statistic::Integral,
        &columns,
        coords,
        vals,
        window.as_ref(),
    )
}

/// The measure-weighted mean of a step function's values.
///
/// See `intervalues_pyrust.pyi` for the contract.
#[pyfunction]
#[pyo3(signature = (columns, coords, vals, within = None))]
#[allow(clippy::needless_pass_by_value)] // PyO3 hands over extracted arguments by value
fn average<'py>(
    py: Python<'py>,
    columns: StepBytes<'_>,
    coords: &str,
    vals: &str,
    within: Option<Bound<'py, PyTuple>>,
) -> PyResult<Bound<'py, PyAny>> {
    statistic(
        py,
        Statistic::Average,
        &columns,
        coords,
        vals,
        within.as_ref(),
    )
}

/// The measure-weighted median of a step function's values.
///
/// See `intervalues_pyrust.pyi` for the contract.
#[pyfunction]
#[pyo3(signature = (columns, coords, vals, within = None))]
#[allow(clippy::needless_pass_by_value)] // PyO3 hands over extracted arguments by value
fn median<'py>(
    py: Python<'py>,
    columns: StepBytes<'_>,
    coords: &str,
    vals: &str,
    within: Option<Bound<'py, PyTuple>>,
) -> PyResult<Bound<'py, PyAny>> {
    statistic(
        py,
        Statistic::Median,
        &columns,
        coords,
        vals,
        within.as_ref(),
    )
}

/// The values covering the most measure, ascending.
///
/// See `intervalues_pyrust.pyi` for the contract.
#[pyfunction]
#[pyo3(signature = (columns, coords, vals, within = None))]
#[allow(clippy::needless_pass_by_value)] // PyO3 hands over extracted arguments by value
fn mode<'py>(
    py: Python<'py>,
    columns: StepBytes<'_>,
    coords: &str,
    vals: &str,
    within: Option<Bound<'py, PyTuple>>,
) -> PyResult<Bound<'py, PyAny>> {
    statistic(py, Statistic::Mode, &columns, coords, vals, within.as_ref())
}

/// The smallest value of a step function.
///
/// See `intervalues_pyrust.pyi` for the contract.
#[pyfunction]
#[pyo3(signature = (columns, coords, vals, within = None))]
#[allow(clippy::needless_pass_by_value)] // PyO3 hands over extracted arguments by value
fn minimum<'py>(
    py: Python<'py>,
    columns: StepBytes<'_>,
    coords: &str,
    vals: &str,
    within: Option<Bound<'py, PyTuple>>,
) -> PyResult<Bound<'py, PyAny>> {
    statistic(
        py,
        Statistic::Minimum,
        &columns,
        coords,
        vals,
        within.as_ref(),
    )
}

/// The largest value of a step function.
///
/// See `intervalues_pyrust.pyi` for the contract.
#[pyfunction]
#[pyo3(signature = (columns, coords, vals, within = None))]
#[allow(clippy::needless_pass_by_value)] // PyO3 hands over extracted arguments by value
fn maximum<'py>(
    py: Python<'py>,
    columns: StepBytes<'_>,
    coords: &str,
    vals: &str,
    within: Option<Bound<'py, PyTuple>>,
) -> PyResult<Bound<'py, PyAny>> {
    statistic(
        py,
        Statistic::Maximum,
        &columns,
        coords,
        vals,
        within.as_ref(),
    )
}

/// The sum of a value column (`IntervalMeter.total()`).
///
/// See `intervalues_pyrust.pyi` for the contract.
#[pyfunction]
#[pyo3(signature = (values, vals))]
#[allow(clippy::needless_pass_by_value)] // PyO3 hands over extracted arguments by value
fn total<'py>(py: Python<'py>, values: Cow<'_, [u8]>, vals: &str) -> PyResult<Bound<'py, PyAny>> {
    fn typed<V: Value + Native>(py: Python<'_>, values: &[u8]) -> PyResult<Number> {
        py.detach(|| {
            let values = decode::<V>("values", values)?;
            let starts = vec![0i64; values.len()];
            let steps = Steps::new(&starts, &starts, &values).map_err(|e| kernel_error(&e))?;
            Stats::new(steps).total().map_err(|e| kernel_error(&e))
        })
    }
    let total = by_code!(vals, "vals", V => typed::<V>(py, &values))?;
    py_number(py, total)
}

/// The summed length of a set's pieces (`coverage_length()`).
///
/// See `intervalues_pyrust.pyi` for the contract.
#[pyfunction]
#[pyo3(signature = (columns, coords))]
#[allow(clippy::needless_pass_by_value)] // PyO3 hands over extracted arguments by value
fn coverage<'py>(
    py: Python<'py>,
    columns: SetBytes<'_>,
    coords: &str,
) -> PyResult<Bound<'py, PyAny>> {
    fn typed<C: Coord + Native>(py: Python<'_>, columns: &SetBytes<'_>) -> PyResult<Number> {
        py.detach(|| {
            let (lows, highs) = decode_pieces::<C>("columns", columns)?;
            let ones = vec![1i64; lows.len()];
            let set = Steps::new(&lows, &highs, &ones).map_err(|e| kernel_error(&e))?;
            Stats::new(set).coverage().map_err(|e| kernel_error(&e))
        })
    }
    let length = by_code!(coords, "coords", C => typed::<C>(py, &columns))?;
    py_number(py, length)
}

/// The pieces whose value is at least (or below) a threshold, as set columns.
///
/// See `intervalues_pyrust.pyi` for the contract.
#[pyfunction]
#[pyo3(signature = (columns, coords, vals, threshold, which))]
#[allow(clippy::needless_pass_by_value)] // PyO3 hands over extracted arguments by value
fn regions<'py>(
    py: Python<'py>,
    columns: StepBytes<'_>,
    coords: &str,
    vals: &str,
    threshold: &Bound<'py, PyAny>,
    which: &str,
) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
    fn typed<'py, C: Coord + Native, V: Value + Native>(
        py: Python<'py>,
        columns: &StepBytes<'_>,
        threshold: Number,
        at_least: bool,
    ) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
        let (starts, stops) = py.detach(|| {
            let decoded = Decoded::<C, V>::new("columns", columns)?;
            Ok::<_, PyErr>(Stats::new(decoded.steps("columns")?).regions(threshold, at_least))
        })?;
        Ok((encode(py, &starts)?, encode(py, &stops)?))
    }
    let at_least = match which {
        "at_least" => true,
        "below" => false,
        other => {
            return Err(PyValueError::new_err(format!(
                "which must be 'at_least' or 'below', got '{other}'"
            )));
        }
    };
    let threshold = number("threshold", threshold)?;
    by_code!(coords, "coords", C => by_code!(vals, "vals", V =>
        typed::<C, V>(py, &columns, threshold, at_least)))
}

/// 0.4.0's integer entry point: combine `(start, stop, value)` int tuples into meter
/// pieces, exactly.
///
/// See `intervalues_pyrust.pyi` for the contract.
#[pyfunction]
#[pyo3(signature = (raw_ivs))]
#[allow(clippy::needless_pass_by_value)] // PyO3 hands over extracted arguments by value
fn combine_intervals_int(
    py: Python<'_>,
    raw_ivs: Vec<(i64, i64, i64)>,
) -> PyResult<Vec<(i64, i64, i64)>> {
    py.detach(|| intervalues_core::combine_tuples(&raw_ivs, Kind::Meter, None, FloatRule::Decimal))
        .map_err(|e| compat_error(&e))
}

/// 0.4.0's float entry point: round to `nr_decimal` decimals, then combine exactly.
///
/// See `intervalues_pyrust.pyi` for the contract.
#[pyfunction]
#[pyo3(signature = (raw_ivs, nr_decimal))]
#[allow(clippy::needless_pass_by_value)] // PyO3 hands over extracted arguments by value
fn combine_intervals_float(
    py: Python<'_>,
    raw_ivs: Vec<(f64, f64, f64)>,
    nr_decimal: i64,
) -> PyResult<Vec<(f64, f64, f64)>> {
    let digits = u32::try_from(nr_decimal.max(0)).unwrap_or(u32::MAX);
    if nr_decimal < 0 {
        return Err(PyValueError::new_err(format!(
            "nr_decimal must be >= 0, got {nr_decimal}"
        )));
    }
    py.detach(|| {
        intervalues_core::combine_tuples(&raw_ivs, Kind::Meter, Some(digits), FloatRule::Decimal)
    })
    .map_err(|e| compat_error(&e))
}

/// Errors of the 0.4.0 entry points: there is no Python fallback behind them, so an
/// overflow is Python's `OverflowError`, as 0.4.0 raises for ints beyond 64 bits.
fn compat_error(err: &Error) -> PyErr {
    if err.is_overflow() {
        PyOverflowError::new_err(format!(
            "{err}: the exact result does not fit the kernel's 64-bit (or 128-bit decimal) arithmetic"
        ))
    } else {
        PyValueError::new_err(err.to_string())
    }
}

fn parse_kind(kind: &str) -> PyResult<Kind> {
    Kind::from_name(kind).ok_or_else(|| {
        PyValueError::new_err(format!(
            "kind must be 'meter', 'counter' or 'set', got '{kind}'"
        ))
    })
}

/// A Python `int` or `float` argument as a kernel number.
fn number(argument: &str, obj: &Bound<'_, PyAny>) -> PyResult<Number> {
    if obj.is_instance_of::<PyFloat>() {
        let x: f64 = obj.extract()?;
        if !x.is_finite() {
            return Err(PyValueError::new_err(format!(
                "{argument} must be finite, got {x}"
            )));
        }
        return Ok(Number::Float(x));
    }
    if obj.is_instance_of::<PyInt>() {
        return obj
            .extract::<i64>()
            .map(Number::from)
            .map_err(|_| KernelOverflow::new_err(format!("{argument} does not fit in 64 bits")));
    }
    Err(PyTypeError::new_err(format!(
        "{argument} must be an int or a float, not {}",
        obj.get_type().name()?
    )))
}

/// A `(lo, hi)` window argument.
fn window(bounds: &Bound<'_, PyTuple>) -> PyResult<Window> {
    if bounds.len() != 2 {
        return Err(PyValueError::new_err(format!(
            "within must be a (lo, hi) tuple, got {} items",
            bounds.len()
        )));
    }
    Ok(Window {
        lo: number("within[0]", &bounds.get_item(0)?)?,
        hi: number("within[1]", &bounds.get_item(1)?)?,
    })
}

fn py_number(py: Python<'_>, n: Number) -> PyResult<Bound<'_, PyAny>> {
    Ok(match n {
        Number::Int(i) => i.into_pyobject(py)?.into_any(),
        Number::Float(f) => PyFloat::new(py, f).into_any(),
    })
}

/// The one place where kernel errors become Python exceptions.
fn kernel_error(err: &Error) -> PyErr {
    if err.is_overflow() {
        KernelOverflow::new_err(err.to_string())
    } else {
        PyValueError::new_err(err.to_string())
    }
}

fn bad_type_code(argument: &str, got: &str) -> PyErr {
    PyValueError::new_err(format!(
        "{argument} must be 'i' (int64) or 'f' (float64), got '{got}'"
    ))
}

/// An 8-byte column item in native byte order, as `array('q')` / `array('d')` store it.
trait Native: Copy + Send + Sync + bytemuck::Pod {
    fn from_ne(bytes: [u8; 8]) -> Self;
    fn to_ne(self) -> [u8; 8];
}

impl Native for i64 {
    fn from_ne(bytes: [u8; 8]) -> Self {
        Self::from_ne_bytes(bytes)
    }
    fn to_ne(self) -> [u8; 8] {
        self.to_ne_bytes()
    }
}

impl Native for f64 {
    fn from_ne(bytes: [u8; 8]) -> Self {
        Self::from_ne_bytes(bytes)
    }
    fn to_ne(self) -> [u8; 8] {
        self.to_ne_bytes()
    }
}

/// The items of a byte column: a view of the bytes when they are 8-byte aligned (as
/// `bytes` objects are), else a decoded copy.
fn decode<'a, T: Native>(argument: &str, bytes: &'a [u8]) -> PyResult<Cow<'a, [T]>> {
    let (items, rest) = bytes.as_chunks::<8>();
    if !rest.is_empty() {
        return Err(PyValueError::new_err(format!(
            "{argument} must hold 8-byte items, got {} bytes",
            bytes.len()
        )));
    }
    Ok(match bytemuck::try_cast_slice(bytes) {
        Ok(view) => Cow::Borrowed(view),
        Err(_) => Cow::Owned(items.iter().map(|&item| T::from_ne(item)).collect()),
    })
}

fn encode<'py, T: Native>(py: Python<'py>, items: &[T]) -> PyResult<Bound<'py, PyBytes>> {
    PyBytes::new_with(py, items.len() * 8, |buffer| {
        for (slot, &item) in buffer.as_chunks_mut::<8>().0.iter_mut().zip(items) {
            *slot = item.to_ne();
        }
        Ok(())
    })
}

/// Accelerator for `intervalues`: combine weighted intervals given as byte columns.
#[pymodule]
mod intervalues_pyrust {
    #[pymodule_export]
    use super::{
        KernelOverflow, add_steps, average, combine, combine_intervals_float,
        combine_intervals_int, contains_many, coverage, integral, kernel_version, maximum, median,
        minimum, mode, regions, scale_steps, set_op, total, values_at,
    };
    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(module: &Bound<'_, PyModule>) -> PyResult<()> {
        module.add("__version__", env!("INTERVALUES_VERSION"))
    }
}
