//! `intervalues_pyrust`: the optional accelerator of the Python package `intervalues`.
//!
//! A thin PyO3 layer over the `intervalues-core` kernel: it decodes byte columns,
//! releases the GIL while the kernel runs, encodes the result and maps the kernel's
//! error to a Python exception. No algorithm lives here.

use std::borrow::Cow;

use intervalues_core::{Coord, Error, FloatRule, Kind, Value};
use pyo3::create_exception;
use pyo3::exceptions::{PyArithmeticError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

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
trait Native: Copy + Send + Sync {
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

fn decode<T: Native>(argument: &str, bytes: &[u8]) -> PyResult<Vec<T>> {
    let (items, rest) = bytes.as_chunks::<8>();
    if !rest.is_empty() {
        return Err(PyValueError::new_err(format!(
            "{argument} must hold 8-byte items, got {} bytes",
            bytes.len()
        )));
    }
    Ok(items.iter().map(|&item| T::from_ne(item)).collect())
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
    use super::{KernelOverflow, combine, kernel_version};
    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(module: &Bound<'_, PyModule>) -> PyResult<()> {
        module.add("__version__", env!("INTERVALUES_VERSION"))
    }
}
