"""Every validation of user input, and the text of every error it raises.

One table, :data:`MESSAGES`, holds each message once with its exception class; the
validators below and every other module raise through :func:`fail`, so a wording is
changed in one place and tested as a table. This module sits between the public types
and the engine: it may use the engine's pure helpers, never the other way round.

>>> fail("must_be_finite", name="start", value=float("nan"))
ValueError('start must be finite, got nan')
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from ._engine import accel
from ._engine.columns import Layout
from ._engine.coords import NUMBER, Domain

__all__ = [
    "MESSAGES",
    "InvalidTypeError",
    "check_coordinate",
    "check_factor",
    "check_layouts",
    "check_nr_digits",
    "check_same_domain",
    "check_scaled",
    "check_threshold",
    "check_use_rust",
    "check_value",
    "describe",
    "fail",
    "finite_result",
    "finite_sums",
    "scaled",
]


class InvalidTypeError(TypeError, ValueError):
    """A value of the wrong type where intervalues 0.4.0 raised ``ValueError``.

    It subclasses both ``TypeError`` (what it is) and ``ValueError`` (what older code
    catches), so ``except ValueError`` written for 0.4.0 keeps working.

    >>> from intervalues import BaseInterval
    >>> try:
    ...     BaseInterval(0, 1) * "2"
    ... except ValueError as exc:
    ...     print(type(exc).__name__)
    InvalidTypeError
    """


#: key -> (exception class, message template for ``str.format``).
#:
#: Where intervalues 0.4.0 raised for the same input, the template starts with 0.4.0's
#: text verbatim and our detail (argument, value, hint) follows a separator, so code
#: that matches 0.4.0's messages keeps matching (``tests/test_messages.py`` checks it).
#: Where 0.4.0 did not raise (DEPARTURES W15), the wording is ours and names the argument.
MESSAGES: dict[str, tuple[type[Exception], str]] = {
    # -- numbers and coordinates (generic) -----------------------------------------------
    "must_be_finite": (ValueError, "{name} must be finite, got {value!r}"),
    "not_a_coordinate": (
        TypeError,
        "{name} must be an int, float or datetime, not {type} ({value!r})",
    ),
    "not_a_number": (TypeError, "{name} must be an int or float, not {type} ({value!r})"),
    "not_a_factor": (InvalidTypeError, "{name} must be an int or float, not {type} ({value!r})"),
    "divide_by_zero": (ZeroDivisionError, "division by zero"),
    "threshold_type": (TypeError, "{name} must be a finite number: got {value!r}"),
    "threshold_finite": (ValueError, "{name} must be a finite number: got {value!r}"),
    "nr_digits_type": (TypeError, "nr_digits must be None or an int >= 0, got {value!r}"),
    "nr_digits_negative": (ValueError, "nr_digits must be None or an int >= 0, got {value}"),
    "coords_domain": (
        TypeError,
        "coordinates must use the same numeric/datetime domain and timezone awareness: "
        "cannot {what} {a} and {b}",
    ),
    "coords_domain_value": (
        TypeError,
        "coordinates must use the same numeric/datetime domain and timezone awareness: "
        "got {value!r} for {what} of {kind}",
    ),
    # -- BaseInterval ----------------------------------------------------------------------
    "iv_loc_sequence": (
        TypeError,
        "loc as a sequence must be (start, stop) or (start, stop, value), got {value!r}",
    ),
    "iv_stop_twice": (TypeError, "give stop either inside loc or as an argument, not both"),
    "iv_datetime_needs_stop": (
        TypeError,
        "datetime intervals require an explicit stop: got start={value!r} and no stop",
    ),
    "iv_scalar_type": (
        TypeError,
        "numeric scalar intervals require numeric coordinates: "
        "{name} must be an int, float or datetime, not {type} ({value!r})",
    ),
    "iv_bound_type": (
        TypeError,
        "interval bounds must both be finite numbers or datetimes: "
        "{name} must be an int, float or datetime, not {type} ({value!r})",
    ),
    "iv_bound_finite": (ValueError, "interval bounds must be finite: got {name}={value!r}"),
    "iv_bounds_domain": (
        TypeError,
        "interval bounds must use the same coordinate domain and timezone awareness: "
        "start and stop must both be {kind}, got {start!r} and {stop!r}",
    ),
    "iv_reversed": (
        ValueError,
        "interval start must be less than or equal to stop: got start={start!r} > stop={stop!r}",
    ),
    "iv_unknown_fields": (TypeError, "replace has unknown fields: {fields}"),
    "not_an_interval": (
        TypeError,
        "{name} must be an interval or a (start, stop[, value]) tuple, not {type} ({value!r})",
    ),
    "other_not_interval": (
        TypeError,
        "other must be a BaseInterval: got {type} ({value!r}); "
        "an interval or a (start, stop[, value]) tuple is accepted",
    ),
    "interval_not_interval": (
        TypeError,
        "interval must be a BaseInterval: got {type} ({value!r}); "
        "an interval or a (start, stop[, value]) tuple is accepted",
    ),
    "iv_kind_mix": (
        TypeError,
        "Cannot mix discrete and continuous intervals: cannot {what} a discrete and a "
        "continuous interval",
    ),
    "iv_kind_intersect": (
        TypeError,
        "Cannot intersect discrete and continuous intervals: got {a!r} and {b!r}",
    ),
    "iv_factor": (
        InvalidTypeError,
        "Multiplication should be with an int or a float. Got {type} ({value!r})",
    ),
    "clamp_nan": (ValueError, "value must not be NaN: cannot clamp NaN to {interval!r}"),
    "clamp_type": (
        TypeError,
        "must be real number, not {type}: clamp needs an int, float or datetime, got {value!r}",
    ),
    "split_point_type": (
        InvalidTypeError,
        "split points must be finite numbers: got {type} ({value!r})",
    ),
    "split_point_finite": (ValueError, "split points must be finite numbers: got {value!r}"),
    "shift_needs_timedelta": (
        TypeError,
        "datetime coordinates require a timedelta shift: got {value!r}",
    ),
    "shift_timedelta_numeric": (
        TypeError,
        "timedelta shifts require datetime coordinates: cannot shift a numeric interval "
        "by {value!r}",
    ),
    "shift_type": (
        TypeError,
        "shift and coordinate must use compatible numeric or datetime domains: "
        "{name} must be an int or float, not {type} ({value!r})",
    ),
    "shift_finite": (ValueError, "interval bounds must be finite: got {name}={value!r}"),
    "pdf_datetime": (
        TypeError,
        "IntervalPdf does not support datetime coordinates: got {value!r}",
    ),
    # -- time zones ----------------------------------------------------------------------
    "tz_needs_datetimes": (
        TypeError,
        "timezone conversion requires datetime coordinates: {what} holds numbers",
    ),
    "tz_fold_value": (ValueError, "fold must be 0 or 1: got fold={value!r}"),
    "tz_fold_aware": (
        ValueError,
        "fold is only applicable when converting naive datetimes: got fold={value!r} for "
        "timezone-aware bounds",
    ),
    "tz_remove_with_target": (
        ValueError,
        "remove_timezone=True cannot be used with a target timezone: got {tz!r}; "
        "pass None to strip the zone",
    ),
    "tz_remove_naive": (
        TypeError,
        "cannot remove timezone information from a naive datetime: the bounds have no zone",
    ),
    "tz_none_needs_remove": (
        ValueError,
        "target_timezone=None requires remove_timezone=True: pass remove_timezone=True "
        "to strip the zone",
    ),
    "tz_nonexistent": (
        ValueError,
        "{value} is a nonexistent local time in {tz}: the {name} falls in a gap "
        "(a clock jumps forward)",
    ),
    "tz_ambiguous": (
        ValueError,
        "{value} is ambiguous in {tz}; specify fold=0 or fold=1: the {name} occurs twice",
    ),
    "tz_spacing": (
        ValueError,
        "timezone conversion cannot preserve this discrete interval's point sequence: "
        "the conversion would change the spacing of the points",
    ),
    # -- BaseDiscreteInterval --------------------------------------------------------------
    "dis_loc_sequence": (
        TypeError,
        "loc as a sequence must be (start, stop, step, count, value), got {value!r}",
    ),
    "dis_start_type": (
        TypeError,
        "numeric discrete intervals require numeric coordinates: "
        "{name} must be an int, float or datetime, not {type} ({value!r})",
    ),
    "dis_datetime_needs_end": (
        TypeError,
        "datetime discrete intervals require an explicit stop or count: got start={value!r}",
    ),
    "dis_datetime_needs_step": (
        TypeError,
        "datetime discrete intervals require an explicit timedelta step: got step={value!r}",
    ),
    "dis_step_type": (
        TypeError,
        "must be real number, not {type}: step must be an int or float, got {value!r}",
    ),
    "dis_step_positive": (ValueError, "step must be greater than zero: got step={value!r}"),
    "dis_timedelta_step": (
        TypeError,
        "timedelta steps require datetime coordinates: got step={value!r} for start={start!r}",
    ),
    "dis_step_domain": (
        TypeError,
        "coordinates and steps must use the same numeric/datetime domain: "
        "got step={value!r} for start={start!r}",
    ),
    "dis_count_type": (TypeError, "count must be an integer: got {value!r}"),
    "dis_count_min": (ValueError, "count must be at least 1: got {value!r}"),
    "dis_bounds_datetime": (
        TypeError,
        "discrete bounds must both be datetimes: got {start!r} and {stop!r}",
    ),
    "dis_reversed": (
        ValueError,
        "stop must be greater than or equal to start: got start={start!r} > stop={stop!r}",
    ),
    "dis_index_type": (TypeError, "index must be an integer: got {value!r}"),
    "dis_index_range": (
        IndexError,
        "discrete interval index out of range: index {value} for {count} points",
    ),
    "dis_not_a_point": (ValueError, "{value} is not a point in this interval: {interval!r}"),
    "dis_coordinate_type": (TypeError, "coordinate must be a number: got {type} ({value!r})"),
    "dis_clamp_type": (TypeError, "value must be a number: got {type} ({value!r})"),
    "dis_datetime_query": (
        TypeError,
        "datetime coordinates require a datetime interval: got {value!r} for {interval!r}",
    ),
    "dis_numeric_query": (
        TypeError,
        "datetime intervals require datetime coordinates: got {value!r} for {interval!r}",
    ),
    "dis_split_type": (
        TypeError,
        "datetime intervals require datetime split points: got {value!r}",
    ),
    "dis_domain": (
        TypeError,
        "discrete intervals must use the same numeric/datetime domain: cannot compare {a} and {b}",
    ),
    "dis_minus_number": (
        TypeError,
        "Cannot mix discrete and continuous intervals: "
        "unsupported operand type(s) for -: '{left}' and '{right}'",
    ),
    # -- domains and kinds in collections -----------------------------------------------
    "mixed_discrete": (TypeError, "Cannot mix discrete and continuous intervals in {where}"),
    "set_mix_kind": (
        TypeError,
        "Cannot mix discrete and continuous intervals in an IntervalSet: both kinds in {where}",
    ),
    "set_intersect_kind": (
        TypeError,
        "Cannot intersect discrete and continuous intervals in an IntervalSet: both kinds in "
        "{where}",
    ),
    "set_compare_kind": (
        TypeError,
        "Cannot compare discrete and continuous intervals in an IntervalSet: both kinds in {where}",
    ),
    "mix_numeric_datetime": (
        TypeError,
        "Cannot mix numeric and datetime intervals: cannot mix {a} and {b} in {where}",
    ),
    "intervals_domain": (
        TypeError,
        "Intervals must use the same numeric/datetime domain: cannot mix {a} and {b} in {where}",
    ),
    "discrete_domain": (
        TypeError,
        "Discrete intervals must use the same numeric/datetime domain: cannot mix {a} and {b} "
        "in {where}",
    ),
    "coords_mix": (
        TypeError,
        "coordinates must use the same numeric/datetime domain and timezone awareness: "
        "cannot mix {a} and {b} in {where}",
    ),
    # -- gathering intervals -------------------------------------------------------------
    "not_intervals": (
        TypeError,
        "data must be an interval or an iterable of intervals, not {type}",
    ),
    "skip_combine_items": (
        TypeError,
        "Can't ignore combine due to input not being sequence of BaseIntervals. "
        "{name} must be an interval or a (start, stop[, value]) tuple, not {type} ({value!r})",
    ),
    "bounds_not_finite": (ValueError, "interval bounds must be finite: in {where}"),
    "bound_type": (
        TypeError,
        "interval bounds must both be finite numbers or datetimes: got {value!r}",
    ),
    "start_after_stop": (
        ValueError,
        "interval start must be less than or equal to stop: interval {i} of {where} ({interval!r})",
    ),
    # -- lookups and updates in collections --------------------------------------------
    "lookup_in": (
        InvalidTypeError,
        'Not correct use of "in" for {value}: {owner} lookups take an int, float, datetime '
        "or interval, not {type}",
    ),
    "lookup_index": (
        InvalidTypeError,
        "Not correct use of indexing with {value}: {owner} lookups take an int, float, "
        "datetime or interval, not {type}",
    ),
    "lookup_type": (
        InvalidTypeError,
        "cannot look up {value!r} in {owner}: points must be ints, floats or datetimes, not {type}",
    ),
    "lookup_domain": (
        TypeError,
        "coordinates must use the same numeric/datetime domain and timezone awareness: "
        "cannot look up {value!r} in {owner} of {kind}",
    ),
    "list_filter_type": (
        TypeError,
        "coordinate must be numeric or datetime: got {type} ({value!r})",
    ),
    "collection_domain": (
        TypeError,
        "collection intervals must use the same numeric/datetime domain and timezone "
        "awareness: {owner} holds {a} and {b}",
    ),
    "update_type": (
        InvalidTypeError,
        "Input {value} is not of type {cls} or {iv_cls}: {what} needs an interval or an "
        "interval collection, not {type}",
    ),
    "set_remove_missing": (KeyError, "{value} not in {owner}"),
    "set_pop_empty": (KeyError, "pop from an empty set"),
    "set_columns_discrete": (TypeError, "{what} needs a continuous set"),
    "set_data_mapping": (
        TypeError,
        "set_data needs a mapping of intervals to weights, got {value!r}",
    ),
    # a KeyError prints its argument quoted, so 0.4.0's text is the whole message
    "popitem_empty": (KeyError, "popitem(): dictionary is empty"),
    "elements_whole": (
        TypeError,
        "'float' object cannot be interpreted as an integer: elements() needs whole-number "
        "weights, got {value!r}",
    ),
    "coverage_length_discrete": (
        TypeError,
        "coverage_length is only defined for continuous intervals: use support_point_count()",
    ),
    "support_point_count_continuous": (
        TypeError,
        "support_point_count is only defined for discrete intervals: use coverage_length()",
    ),
    "integrate_discrete": (TypeError, "integrate() needs continuous intervals"),
    "min_empty": (ValueError, "min() arg is an empty sequence: {owner} is empty"),
    "max_empty": (ValueError, "max() arg is an empty sequence: {owner} is empty"),
    "compare_type": (TypeError, "cannot compare with {type}"),
    # -- weights must stay finite (issue 15 item 7) ---------------------------------------
    "sum_not_finite": (
        ValueError,
        "the weights of {what} must be finite: a sum of weights is beyond the float range "
        "(about 1.8e308); nothing was changed",
    ),
    "scaled_not_finite": (
        ValueError,
        "{name}={factor!r} would make a weight non-finite ({value!r} {op} {factor!r} is "
        "{result!r}); weights must be finite, nothing was changed",
    ),
    "statistic_not_finite": (
        ValueError,
        "the {name} of {what} is beyond the float range (about 1.8e308; for datetimes the "
        "timedelta range): its weights or lengths are too large for the answer",
    ),
    "density_underflow": (
        ValueError,
        "IntervalPdf densities must be positive floats: the piece [{start!r};{stop!r}] would "
        "get a density below the smallest float (5e-324), its share of the mass is too "
        "small for its length; nothing was changed",
    ),
    "density_not_finite": (
        ValueError,
        "IntervalPdf densities must be finite: the piece [{start!r};{stop!r}] would get "
        "density {density!r}; nothing was changed",
    ),
    # -- datetime64 columns (issue 15 items 4, 5) -----------------------------------------
    "datetime64_finer": (
        ValueError,
        "{name} has {count} datetime64 value(s) finer than a microsecond (the first at "
        "index {i}); intervalues keeps datetimes to the microsecond: round the column "
        "first, e.g. with .astype('datetime64[us]')",
    ),
    "datetime64_range": (
        ValueError,
        "{name} has {count} datetime64 value(s) outside the years 1 to 9999 that Python "
        "datetimes cover (the first at index {i})",
    ),
    "datetime64_zone_range": (
        ValueError,
        "{name}[{i}] cannot be shown in its time zone {tz}: there it falls outside the "
        "years 1 to 9999 that Python datetimes cover",
    ),
    # -- statistics of meters ------------------------------------------------------------
    "within_type": (TypeError, "within must be a BaseInterval: got {value!r}"),
    "within_domain": (
        TypeError,
        "collection intervals must use the same numeric/datetime domain and timezone "
        "awareness: within holds {a}, the collection {b}",
    ),
    "within_kind": (
        TypeError,
        "The query domain must match the meter coordinate type: within must be of the same "
        "kind (discrete or continuous) as the meter",
    ),
    "stats_empty": (
        ValueError,
        "value statistics require non-empty support or an explicit domain: {owner} is empty; "
        "pass a non-empty within",
    ),
    "stats_zero_domain": (
        ValueError,
        "The statistical domain must have positive measure: within={value!r} has length 0",
    ),
    "stats_no_measure": (
        ValueError,
        "value statistics require positive measure: {what} needs a domain of positive measure",
    ),
    # -- IntervalPdf ------------------------------------------------------------------------
    "pdf_empty": (
        ValueError,
        "IntervalPdf requires at least one continuous interval: got none ({type})",
    ),
    "pdf_not_intervals": (
        InvalidTypeError,
        "IntervalPdf requires at least one continuous interval: data must be an interval or "
        "an iterable of intervals, not {type}",
    ),
    "pdf_input_type": (
        TypeError,
        "IntervalPdf inputs must be BaseInterval instances: got {type} ({value!r})",
    ),
    "pdf_discrete": (
        TypeError,
        "Discrete intervals require a probability-mass distribution: use IntervalPmf for {value}",
    ),
    "pdf_length": (ValueError, "IntervalPdf intervals must have positive length: got {interval}"),
    "pdf_zero_weights": (
        ValueError,
        "IntervalPdf intervals must have positive length: every weight is 0, so the total "
        "weighted length is 0",
    ),
    "pdf_negative": (
        ValueError,
        "IntervalPdf intervals must have positive length: weights must be >= 0, got value "
        "{value!r} for interval {interval}",
    ),
    "pdf_overflow": (
        ValueError,
        "IntervalPdf must have finite, positive weighted length: the total overflows a float",
    ),
    "pdf_weights": (
        ValueError,
        "IntervalPdf weights must be finite and non-negative: got value {value!r} "
        "(weights must be >= 0)",
    ),
    "pdf_total": (
        ValueError,
        "IntervalPdf must have finite, positive weighted length: got {value!r}",
    ),
    # IntervalPdf.set_data re-normalises the mapping it is given, in 0.4.0's words
    "pdf_set_empty": (ValueError, "Cannot normalize an empty IntervalPdf"),
    "pdf_set_weight": (
        ValueError,
        "IntervalPdf weights must be finite and non-negative: got {value!r} for {interval!r}",
    ),
    "pdf_set_total": (
        ValueError,
        "IntervalPdf must have finite, positive weighted length: every weight is 0",
    ),
    "pdf_update_type": (
        TypeError,
        "PDF updates require an interval or interval collection: got {type} ({value!r})",
    ),
    "pdf_update_weights": (
        ValueError,
        "PDF updates require finite, non-negative continuous weights: got {interval}",
    ),
    "pdf_times_type": (
        TypeError,
        "PDF update weight must be a real number: got {type} ({value!r})",
    ),
    "pdf_times_value": (
        ValueError,
        "PDF update weight must be finite and non-negative: got times={value!r}",
    ),
    "pdf_remove_last": (
        ValueError,
        "Removing this interval would leave an empty or zero-mass IntervalPdf: it is the last "
        "piece",
    ),
    "pdf_setdefault": (
        NotImplementedError,
        "setdefault is not supported for IntervalPdf; use update instead",
    ),
    "pdf_clear": (
        NotImplementedError,
        "An IntervalPdf cannot be cleared; construct a new PDF instead",
    ),
    "pdf_subtract": (
        NotImplementedError,
        "Subtraction is not defined for probability distributions",
    ),
    "pdf_negate": (NotImplementedError, "Negation is not defined for probability distributions"),
    "pdf_scale_type": (TypeError, "PDF scale must be a real number: got {type} ({value!r})"),
    "pdf_scale_value": (ValueError, "PDF scale must be finite and positive: got {value!r}"),
    "real_type": (
        TypeError,
        "must be real number, not {type}: {name} must be a real number, got {value!r}",
    ),
    "pdf_x_nan": (ValueError, "x must not be NaN"),
    "pdf_range_type": (
        TypeError,
        "range bounds must be real numbers: got {name}={value!r} ({type})",
    ),
    "pdf_range_nan": (ValueError, "range bounds must not be NaN: got {name}=nan"),
    "pdf_reversed": (
        ValueError,
        "stop must be greater than or equal to start: got {a!r} > {b!r}",
    ),
    "pdf_condition_zero": (
        ValueError,
        "Cannot condition an IntervalPdf on a zero-probability range: [{a}, {b}] holds no mass",
    ),
    "pdf_p_type": (TypeError, "p must be a real number: got {type} ({value!r})"),
    "pdf_p_range": (ValueError, "p must be finite and in [0, 1]: got {value!r}"),
    "pdf_level_type": (TypeError, "level must be a real number: got {type} ({value!r})"),
    "pdf_level_range": (
        ValueError,
        "level must be finite and in (0, 1): got {value!r}",
    ),
    "pdf_mass_type": (TypeError, "mass must be a real number: got {type} ({value!r})"),
    "pdf_mass_range": (ValueError, "mass must be finite and in (0, 1]: got {value!r}"),
    "pdf_probabilities_type": (
        TypeError,
        "Probabilities must be real numbers: got {type} ({value!r})",
    ),
    "pdf_probabilities_range": (
        ValueError,
        "Probabilities must be finite and in [0, 1]: got {value!r}",
    ),
    "pdf_k_type": (TypeError, "k must be a non-negative integer: got {type} ({value!r})"),
    "pdf_k_negative": (ValueError, "k must be a non-negative integer: got {value!r}"),
    "pdf_runs_type": (TypeError, "{name} must be a positive integer: got {type} ({value!r})"),
    "pdf_runs_min": (ValueError, "{name} must be a positive integer: got {value!r}"),
    "pdf_rng": (TypeError, "rng must be an instance of random.Random: got {type}"),
    "pdf_samples_type": (TypeError, "{name} must be a sequence of real numbers: got {type}"),
    "pdf_samples_empty": (ValueError, "{name} must not be empty"),
    "pdf_samples_item_type": (
        TypeError,
        "{name} must contain only real numbers: got {type} ({value!r})",
    ),
    "pdf_samples_finite": (ValueError, "{name} must contain only finite values: got {value!r}"),
    "mixture_empty": (ValueError, "At least one PDF is required for a mixture"),
    "mixture_type": (
        TypeError,
        "All mixture components must be IntervalPdf instances: got {type}",
    ),
    "mixture_weight_count": (
        ValueError,
        "The number of weights must match the number of PDFs: got {pdfs} PDFs and {weights} "
        "weights",
    ),
    "mixture_weight_type": (
        TypeError,
        "Mixture weights must be real numbers: got {type} ({value!r})",
    ),
    "mixture_weight_value": (
        ValueError,
        "Mixture weights must be finite and non-negative: got {value!r}",
    ),
    "mixture_weight_zero": (
        ValueError,
        "At least one mixture weight must be positive: got {value!r}",
    ),
    "pdf_compare": (
        TypeError,
        "Distribution comparisons require another IntervalPdf: got {type}",
    ),
    # -- IntervalPmf ------------------------------------------------------------------------
    "pmf_data_type": (
        TypeError,
        "IntervalPmf requires discrete intervals: data must be a discrete interval or an "
        "iterable of them, not {type} ({value!r})",
    ),
    "pmf_empty": (ValueError, "IntervalPmf requires at least one discrete interval: got none"),
    "pmf_input_type": (
        TypeError,
        "IntervalPmf inputs must be BaseDiscreteInterval instances: got {type} ({value!r})",
    ),
    "pmf_datetime": (
        TypeError,
        "IntervalPmf does not support datetime coordinates: got {value!r}",
    ),
    "pmf_weights": (
        ValueError,
        "Discrete PMF weights must be finite and non-negative: got value {value!r} in {interval!r}",
    ),
    "pmf_total": (ValueError, "IntervalPmf must have finite, positive total mass: got {value}"),
    "pmf_coordinate_type": (
        TypeError,
        "coordinate must be a real number: got {type} ({value!r})",
    ),
    "pmf_coordinate_nan": (ValueError, "coordinate must not be NaN"),
    "pmf_probability_type": (
        TypeError,
        "probability must be a real number: got {type} ({value!r})",
    ),
    "pmf_probability_range": (
        ValueError,
        "probability must be finite and in [0, 1]: got {value!r}",
    ),
    # -- FunctionInterval, IntervalFunction -------------------------------------------------
    "fn_number_type": (
        TypeError,
        "{name} must be an int or float: got {type} ({value!r})",
    ),
    "not_callable": (TypeError, "{name} must be callable: got {type} ({value!r})"),
    "fn_intervals_iterable": (
        TypeError,
        "intervals must contain only FunctionInterval instances: got {type} ({value!r}), "
        "which is neither a FunctionInterval nor an iterable of them",
    ),
    "fn_intervals_type": (
        TypeError,
        "intervals must contain only FunctionInterval instances: got {type} ({value!r})",
    ),
    "fn_result_type": (TypeError, "{name} must be an int or float: got {type} ({value!r})"),
    "fn_result_finite": (ValueError, "{name} must be finite: got {value!r}"),
    # -- IntervalMap, combine_maps, resolve_maps -------------------------------------------
    "map_coordinate_type": (
        TypeError,
        "{name} must be an int, float, or datetime: got {type} ({value!r})",
    ),
    "map_coordinate_finite": (ValueError, "{name} must be finite: got {value!r}"),
    "map_coordinate_domain": (
        TypeError,
        "coordinates must use the same numeric/datetime domain and timezone awareness: "
        "{name} must be one of {kind} here, not {value!r}",
    ),
    "map_bounds_domain": (
        TypeError,
        "coordinates must use the same numeric/datetime domain and timezone awareness: "
        "start and stop must both be {kind}, got {start!r} and {stop!r}",
    ),
    "map_assign_domain": (
        TypeError,
        "coordinates must use the same numeric/datetime domain and timezone awareness: "
        "this map holds {held}; cannot assign {given}",
    ),
    "map_mix": (
        TypeError,
        "coordinates must use the same numeric/datetime domain and timezone awareness: "
        "cannot mix {names} in {where}",
    ),
    "map_reversed": (
        ValueError,
        "start must be less than or equal to stop: got start={start!r}, stop={stop!r}",
    ),
    "map_empty_range": (
        ValueError,
        "{what} range must have positive length: need start < stop, got start={start!r}, "
        "stop={stop!r}",
    ),
    "map_discrete": (TypeError, "{name} must be a continuous interval, not {value!r}"),
    "map_conflict": (ValueError, "conflict must be 'replace': got {value!r}"),
    "map_payload_keyword": (
        TypeError,
        "interval payload must be passed with the value keyword: assign(interval, value=...) "
        "takes no stop",
    ),
    "map_payload_missing": (TypeError, "assign(interval) needs a payload: pass value="),
    "map_assign_arguments": (
        TypeError,
        "assign(start, stop, value) requires all three arguments: or pass "
        "assign(interval, value=...)",
    ),
    "map_reset_arguments": (TypeError, "reset takes an interval or (start, stop), not both"),
    "map_items": (TypeError, "items must hold (interval, payload) pairs, got {value!r}"),
    "maps_iterable": (
        TypeError,
        "'{type}' object is not iterable: maps must be an iterable of IntervalMaps",
    ),
    "maps_one_map": (TypeError, "maps must be an iterable of IntervalMaps, not one IntervalMap"),
    "maps_type": (
        TypeError,
        "maps must contain only IntervalMap instances: got {type} ({value!r})",
    ),
    "resolve_maps_type": (
        TypeError,
        "maps must contain only IntervalMap or PriorityIntervalMap instances: got {type} "
        "({value!r})",
    ),
    # -- PriorityIntervalMap ----------------------------------------------------------------
    "tie_policy": (
        ValueError,
        "tie_policy must be 'error', 'first', 'last', or 'key': got {value!r}",
    ),
    "tie_break_key_required": (
        TypeError,
        "tie_break_key is required when tie_policy='key': pass tie_break_key=...",
    ),
    "tie_break_key_refused": (
        TypeError,
        "tie_break_key is only supported when tie_policy='key': this resolver's tie_policy is "
        "{value!r}",
    ),
    "priority_not_unique": (
        ValueError,
        "priority values must be unique when tie_policy='error': priority {value!r} is "
        "already used",
    ),
    "priority_type": (
        TypeError,
        "priority must be a finite real number: got {type} ({value!r})",
    ),
    "priority_finite": (ValueError, "priority must be finite: got {value!r}"),
    "source_type": (
        TypeError,
        "source must be an IntervalMap or PriorityIntervalMap: got {type} ({value!r})",
    ),
    "priority_cycle": (
        ValueError,
        "adding this resolver would create a cycle: it is already nested in the source",
    ),
    "handle_type": (
        TypeError,
        "handle must be a PrioritySourceHandle: got {type} ({value!r})",
    ),
    # a KeyError prints its argument quoted, so 0.4.0's text is the whole message
    "handle_unknown": (KeyError, "source handle is not registered with this resolver"),
    # -- arrays (NumPy, pandas, Arrow) and plotting: no 0.4.0 counterpart -------------------
    "array_type": (TypeError, "{name} must be a sequence or array, not {type}"),
    "arrow_big_ints": (ValueError, "{what}: integers beyond 64 bits have no Arrow type"),
    "arrow_table_type": (TypeError, "{what} needs a pyarrow Table, got {type}"),
    "arrow_column_missing": (
        ValueError,
        "{label} column {name!r} is not in the table; columns are {columns}",
    ),
    "array_missing": (ValueError, "{name} has {count} missing values{what}"),
    "array_shape": (ValueError, "{name} must be one-dimensional, got shape {shape}"),
    "array_dtype": (TypeError, "{name} must hold numbers or datetimes, not {dtype}"),
    "array_not_finite": (ValueError, "{name} has {count} NaN or infinite values"),
    "array_time_zone": (ValueError, "unknown time zone {value!r}"),
    "array_lengths": (ValueError, "starts and stops must have the same length, got {a} and {b}"),
    "array_value_length": (
        ValueError,
        "values must have the same length as starts, got {a} and {b}",
    ),
    "array_datetime_values": (TypeError, "values must be numbers, not datetimes"),
    "array_mixed_domains": (
        TypeError,
        "Intervals must use the same numeric/datetime domain: cannot mix numbers and "
        "datetimes in {where} (starts and stops)",
    ),
    "array_mixed_tz": (
        TypeError,
        "coordinates must use the same numeric/datetime domain and timezone awareness: "
        "cannot mix naive and timezone-aware datetimes in {where}",
    ),
    "array_reversed": (
        ValueError,
        "interval start must be less than or equal to stop: interval {i} of {where} has start "
        "after stop (starts[{i}]={start}, stops[{i}]={stop})",
    ),
    "array_points_domain": (
        InvalidTypeError,
        "coordinates must use the same numeric/datetime domain and timezone awareness: "
        "points must be of the collection's domain ({kind})",
    ),
    "missing_extra": (ImportError, "{what} needs {module}: pip install 'intervalues[{extra}]'"),
    "frame_column": (
        ValueError,
        "{label} column {name!r} is not in the frame; columns are {columns}",
    ),
    "missing_matplotlib": (ImportError, "plotting needs matplotlib: {hint}"),
    "plot_type": (
        TypeError,
        "plot_steps() draws an IntervalMeter, IntervalCounter, IntervalPdf, IntervalSet or "
        "IntervalPmf, not {type}",
    ),
    # -- combination functions -----------------------------------------------------------
    "combined_type": (
        TypeError,
        "intervalues.combine_intervals not available to make a class of type {value}: "
        "combined_type must be 'meter', 'counter' or 'set', got {value!r}",
    ),
    "object_exists_type": (
        TypeError,
        "intervalues.combine_intervals not available to make a class of type {value}: "
        "object_exists must be a meter, counter or set, not {type}",
    ),
    "variant_kind": (TypeError, "{name} needs {kind} intervals, not {other} ones"),
    "combine_via_rust_str": (
        InvalidTypeError,
        "intervals must be an iterable of intervals, not {type}",
    ),
    # -- backends ------------------------------------------------------------------------
    "use_rust_type": (TypeError, "use_rust must be None, True or False, got {value!r}"),
    "backend_env": (
        ValueError,
        "INTERVALUES_BACKEND must be 'python' or 'rust', got {value!r}",
    ),
    "accelerator_missing": (
        ImportError,
        "the Rust accelerator is not installed; install it with: pip install 'intervalues[rust]'",
    ),
    # -- intervalues.dask: the one-machine messages above where one machine raises -------
    "dask_big_ints": (
        TypeError,
        "{label} holds integers beyond 64 bits; intervalues.dask needs int64 columns (one "
        "machine keeps them as Python ints: use IntervalMeter.from_pandas)",
    ),
    "dask_dtype": (
        TypeError,
        "intervalues.dask needs numeric or datetime64 columns; column {name!r} has dtype "
        "{dtype} (cast it first, e.g. with astype)",
    ),
    "dask_promote_big_ints": (
        TypeError,
        "int and float coordinate columns with ints beyond 2**53 are not supported by "
        "intervalues.dask (one machine falls back to Python objects); cast both to one dtype",
    ),
    "dask_int64": (
        OverflowError,
        "a piece's value does not fit int64 (one machine keeps it as a Python int); combine "
        "this data with IntervalMeter.from_pandas, or use float values",
    ),
    "dask_kind": (ValueError, "kind must be 'meter', 'counter' or 'set', got {value!r}"),
    "dask_npartitions": (ValueError, "npartitions must be None or an int >= 1, got {value!r}"),
    "dask_timeout_setting": (
        ValueError,
        "dask config {setting!r} must be a positive duration such as '60s', got {value!r}",
    ),
    "dask_no_workers": (
        TimeoutError,
        "no dask worker has been connected to the scheduler for {limit} s, so the "
        "computation was cancelled (the limit is the dask config value {setting!r}: raise "
        "it, e.g. dask.config.set({{{setting!r}: '5min'}}) or "
        "DASK_INTERVALUES__NO_WORKERS_TIMEOUT=5min, or start workers)",
    ),
    "dask_points_type": (
        TypeError,
        "points must be a NumPy array, pandas Series or list, not {type}",
    ),
    "dask_no_files": (FileNotFoundError, "no files match {pattern!r}"),
    "dask_set_points": (
        ValueError,
        "intervalues.dask cannot combine a set with zero-length intervals yet: {count} "
        "rows have start == stop and a positive value (one machine keeps them as points "
        "[x;x]; use "
        "IntervalSet.from_pandas, or drop those rows)",
    ),
    # -- the command line (intervalues/cli/) ---------------------------------------------
    # The CLI raises these through ``intervalues.cli.errors.fail``, which turns them into
    # its ``CliError`` (one line on stderr, exit code 2); the class here is what
    # :func:`fail` itself gives (``cli/cells.py`` raises that ``ValueError`` as it is).
    # options
    "cli_set_value": (
        ValueError,
        "--kind set takes no --value: a set is where any row's interval lies, whatever "
        "its value (drop --value, or use --kind meter for the summed values)",
    ),
    "cli_scheduler": (ValueError, "--scheduler goes with --dask"),
    "cli_top": (ValueError, "--top must be at least 1, got {value}"),
    "cli_delimiter": (ValueError, "--delimiter must be one character, got {value!r}"),
    "cli_dask_needs_out": (
        ValueError,
        "--dask writes a partitioned Parquet dataset: give --out DIR",
    ),
    "cli_dask_plot": (
        ValueError,
        "--plot is not available with --dask (plot the written dataset instead)",
    ),
    "cli_needs_dask": (ImportError, "--dask needs Dask: pip install 'intervalues[dask]'"),
    "cli_needs_pyarrow": (ImportError, "{what} needs pyarrow: pip install 'intervalues[arrow]'"),
    # files
    "cli_no_file": (ValueError, "{path}: no such file"),
    "cli_no_match": (ValueError, "{pattern}: no file matches"),
    "cli_is_directory": (ValueError, "{path} is a directory, not a file"),
    "cli_cannot_read": (ValueError, "{path}: cannot read ({reason})"),
    "cli_bad_zip": (ValueError, "{path}: damaged zip file ({error})"),
    "cli_bad_compressed": (ValueError, "{path}: damaged compressed file ({error})"),
    "cli_zip_contents": (ValueError, "{path} must hold exactly one .csv file; it holds {listed}"),
    "cli_not_csv": (ValueError, "{path}: not a readable CSV file ({error})"),
    "cli_not_utf8": (ValueError, "{path} is not UTF-8 text ({reason} at byte {byte})"),
    "cli_empty_file": (
        ValueError,
        "{path} is empty: expected a header row with the column names",
    ),
    "cli_not_parquet": (ValueError, "{path}: not a readable Parquet file ({error})"),
    "cli_csv_line": (ValueError, "{path}, line {line}: {error}"),
    "cli_field_count": (
        ValueError,
        "{where}: {count} fields, but the header has {width} (is --delimiter right?)",
    ),
    "cli_unknown_column": (
        ValueError,
        "--{role} column {name!r} is not in {file}; the columns are: {columns}",
    ),
    "cli_delimiter_guess": (
        ValueError,
        "{file} has one column {header!r}: it looks {shown!r}-separated; use --delimiter '{shown}'",
    ),
    # cells and rows
    "cli_cell_format": (ValueError, "{cell!r} is not a datetime in the format {format!r}"),
    "cli_cell_not_finite": (ValueError, "{cell!r} is not a finite number"),
    "cli_cell_not_number": (ValueError, "{cell!r} is not a number"),
    "cli_cell_not_coordinate": (ValueError, "{cell!r} is not a number or an ISO 8601 datetime"),
    "cli_cell_not_coordinate_hint": (
        ValueError,
        "{cell!r} is not a number or an ISO 8601 datetime; for other datetimes give their "
        "format, e.g. --datetime-format {example!r}",
    ),
    "cli_cell": (ValueError, "{where}, column {name!r}: {error}"),
    "cli_cell_domain": (
        ValueError,
        "{cell!r} is one of the {domain}, but the start/stop columns began with "
        "{first_domain} ({first_cell!r} in column {first_column!r})",
    ),
    "cli_cell_nan": (
        ValueError,
        "{where}: column {name!r} is {cell!r} (not a number) (use --skip-missing to skip rows "
        "with empty or NaN cells)",
    ),
    "cli_row_empty": (
        ValueError,
        "{where}: column {name!r} is empty (use --skip-missing to skip such rows)",
    ),
    "cli_row_nan": (
        ValueError,
        "{where}: column {name!r} is NaN (not a number) (use --skip-missing to skip such rows)",
    ),
    "cli_reversed": (
        ValueError,
        "{where}: start {start} (column {start_column!r}) is after stop {stop} "
        "(column {stop_column!r}) (use --skip-reversed to skip such rows)",
    ),
    "cli_column_kinds": (
        ValueError,
        "--start column {start!r} ({start_type}) and --stop column {stop!r} ({stop_type}) "
        "are not of the same kind",
    ),
    # building and writing
    "cli_combine": (ValueError, "cannot combine the columns: {error}"),
    "cli_combine_overflow": (
        ValueError,
        "cannot combine the columns: a sum of the values is beyond the largest float "
        "(about 1.8e308)",
    ),
    "cli_cannot_write": (ValueError, "--out {path}: cannot write ({reason})"),
    "cli_out_type": (
        ValueError,
        "--out {path}: unknown file type {suffix!r}; use .csv or .parquet",
    ),
    "cli_plot_type": (
        ValueError,
        "--plot {path}: unknown image type {suffix!r}; use one of {types}",
    ),
    "cli_plot_write": (ValueError, "--plot {path}: cannot write the image ({error})"),
}

_DOMAIN_NAMES = {
    "number": "numbers",
    "naive": "naive datetimes",
    "aware": "timezone-aware datetimes",
}


def fail(key: str, **fields: Any) -> Exception:
    """The exception for message ``key``, formatted with ``fields`` (raise it).

    >>> fail("mixed_discrete", where="IntervalMeter")
    TypeError('Cannot mix discrete and continuous intervals in IntervalMeter')
    """
    cls, template = MESSAGES[key]
    return cls(template.format(**fields))


@contextmanager
def finite_sums(what: str) -> Iterator[None]:
    """Turn a float sum beyond the float range (``OverflowError`` from the sweep) into the
    clear ``ValueError`` of :data:`MESSAGES` ``"sum_not_finite"``.

    >>> try:
    ...     with finite_sums("IntervalMeter"):
    ...         10**400 / 1
    ... except ValueError as exc:
    ...     print(str(exc)[:46])
    the weights of IntervalMeter must be finite: a
    """
    try:
        yield
    except OverflowError:
        raise fail("sum_not_finite", what=what) from None


@contextmanager
def finite_result(name: str, what: str) -> Iterator[None]:
    """Turn a statistic beyond the float range (``OverflowError``: the mean of huge int
    weights) into the clear ``ValueError`` of :data:`MESSAGES` ``"statistic_not_finite"``.

    >>> try:
    ...     with finite_result("average_value", "IntervalMeter"):
    ...         10**400 / 1
    ... except ValueError as exc:
    ...     print(str(exc)[:44])
    the average_value of IntervalMeter is beyond
    """
    try:
        yield
    except OverflowError:
        raise fail("statistic_not_finite", name=name, what=what) from None


def check_scaled(values: list[Any], old: Any, factor: Any, name: str, op: str = "*") -> list[Any]:
    """``values`` (the weights ``old`` scaled by ``factor``), refused when one is not finite.

    >>> check_scaled([2.0], [1], 2.0, "factor")
    [2.0]
    >>> try:
    ...     check_scaled([math.inf], [2], 1e308, "factor")
    ... except ValueError as exc:
    ...     print(str(exc)[:70])
    factor=1e+308 would make a weight non-finite (2 * 1e+308 is inf); weig
    """
    for i, v in enumerate(values):
        if type(v) is float and v - v != 0.0:  # inf or nan
            raise fail("scaled_not_finite", name=name, factor=factor, value=old[i], op=op, result=v)
    return values


def scaled(old: Any, factor: Any, name: str, op: str = "*") -> list[Any]:
    """The weights ``old`` multiplied (``op="*"``) or divided (``"/"``) by ``factor``,
    refused with the ``ValueError`` of :func:`check_scaled` when one is not finite; an int
    too large to meet a float (Python's ``OverflowError``) is such a result too.

    >>> scaled([1, 2.5], 2, "factor"), scaled([3], 4, "factor", "/")
    ([2, 5.0], [0.75])
    >>> try:
    ...     scaled([10**400], 0.5, "factor")
    ... except ValueError as exc:
    ...     print(str(exc)[-43:])
    weights must be finite, nothing was changed
    """
    out: list[Any] = []
    for v in old:
        try:
            out.append(v * factor if op == "*" else v / factor)
        except OverflowError:  # 10**400 * 0.5: beyond the float range
            out.append(math.inf)
    return check_scaled(out, list(old), factor, name, op)


def finite(x: int | float) -> bool:
    """Whether the plain number ``x`` is finite: every ``int`` is, even one beyond the
    float range (where :func:`math.isfinite` raises ``OverflowError``).

    >>> finite(10**400), finite(2.5), finite(float("nan"))
    (True, True, False)
    """
    return type(x) is int or math.isfinite(x)


def _to_float(x: numbers.Real) -> float:
    """``float(x)``, or ``inf`` for a number beyond the float range (a huge ``Fraction``)."""
    try:
        return float(x)
    except OverflowError:
        return math.inf


def describe(domain: Domain) -> str:
    """The human name of a coordinate domain, as messages say it.

    >>> describe(Domain("aware"))
    'timezone-aware datetimes'
    """
    return _DOMAIN_NAMES[domain.kind]


def check_coordinate(
    x: Any, name: str, keys: tuple[str, str] = ("not_a_coordinate", "must_be_finite")
) -> int | float | datetime:
    """Return ``x`` as a valid coordinate or raise ``TypeError``/``ValueError``.

    Integers (not ``bool``) and finite floats are numbers; ``datetime`` objects are
    accepted as they are. NumPy scalars and other ``numbers.Real`` become ``int``/``float``.
    ``keys`` name the messages for a wrong type and for a non-finite number (each
    formatted with ``name``, ``type`` and ``value``), so a caller can raise 0.4.0's text.

    >>> check_coordinate(2, "start")
    2
    >>> check_coordinate(True, "start")
    Traceback (most recent call last):
    ...
    TypeError: start must be an int, float or datetime, not bool (True)
    """
    tx = type(x)
    if tx is int or tx is datetime:
        return x
    type_key, finite_key = keys
    if tx is float:
        if x - x != 0.0:  # inf or nan
            raise fail(finite_key, name=name, type="float", value=x)
        return x
    if isinstance(x, bool) or not isinstance(x, (numbers.Real, datetime)):
        raise fail(type_key, name=name, type=type(x).__name__, value=x)
    if isinstance(x, datetime):
        return x
    if isinstance(x, numbers.Integral):
        return int(x)
    f = _to_float(x)
    if not math.isfinite(f):
        raise fail(finite_key, name=name, type=type(x).__name__, value=x)
    return f


def check_value(
    v: Any, name: str = "value", keys: tuple[str, str] = ("not_a_number", "must_be_finite")
) -> int | float:
    """Return ``v`` as a valid weight (finite ``int``/``float``) or raise.

    ``keys`` name the messages for a wrong type and a non-finite number, as in
    :func:`check_coordinate`.

    >>> check_value(2.5)
    2.5
    >>> check_value("a")
    Traceback (most recent call last):
    ...
    TypeError: value must be an int or float, not str ('a')
    """
    tv = type(v)
    if tv is int:
        return v
    type_key, finite_key = keys
    if tv is float:
        if v - v != 0.0:
            raise fail(finite_key, name=name, type="float", value=v)
        return v
    if isinstance(v, bool) or not isinstance(v, numbers.Real):
        raise fail(type_key, name=name, type=type(v).__name__, value=v)
    if isinstance(v, numbers.Integral):
        return int(v)
    f = _to_float(v)
    if not math.isfinite(f):
        raise fail(finite_key, name=name, type=type(v).__name__, value=v)
    return f


def check_factor(v: Any, name: str = "factor", key: str = "not_a_factor") -> int | float:
    """Like :func:`check_value`, raising :class:`InvalidTypeError` (message ``key``) for
    non-numbers.

    >>> check_factor(2)
    2
    """
    if isinstance(v, bool) or not isinstance(v, numbers.Real):
        raise fail(key, name=name, type=type(v).__name__, value=v)
    return check_value(v, name)


def check_threshold(x: Any, name: str) -> int | float:
    """A finite ``int``/``float`` threshold (``bool`` and strings are refused).

    >>> check_threshold(2, "minimum")
    2
    """
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise fail("threshold_type", name=name, value=x)
    if not finite(x):
        raise fail("threshold_finite", name=name, value=x)
    return x


def check_nr_digits(nr_digits: Any) -> None:
    """``nr_digits`` must be ``None`` or an ``int >= 0`` (the decimals to round inputs to).

    >>> check_nr_digits(-1)
    Traceback (most recent call last):
    ...
    ValueError: nr_digits must be None or an int >= 0, got -1
    """
    if nr_digits is None:
        return
    if isinstance(nr_digits, bool) or not isinstance(nr_digits, int):
        raise fail("nr_digits_type", value=nr_digits)
    if nr_digits < 0:
        raise fail("nr_digits_negative", value=nr_digits)


def check_same_domain(
    a: Domain, b: Domain, where: str, op: str = "build", discrete: bool = False
) -> None:
    """Raise ``TypeError`` when coordinates of two domains would be mixed.

    ``where`` names the collection (or ``Collection.method``), ``op`` what is done:
    ``"build"`` (construction), ``"merge"`` (combining collections), ``"intersect"`` or
    ``"compare"`` (coordinates compared); together they pick 0.4.0's text for it.

    >>> try:
    ...     check_same_domain(Domain("number"), Domain("naive"), "IntervalSet")
    ... except TypeError as exc:
    ...     print(str(exc).replace(": ", ":\\n"))
    Intervals must use the same numeric/datetime domain:
    cannot mix numbers and naive datetimes in IntervalSet
    """
    if a.kind == b.kind:
        return
    if a.kind != "number" and b.kind != "number":
        key = "coords_mix"  # naive with aware
    elif op == "build" and where in ("IntervalMeter", "combine_intervals"):
        key = "mix_numeric_datetime"
    elif op in ("build", "merge"):
        key = "discrete_domain" if discrete else "intervals_domain"
    else:
        key = "coords_mix"
    raise fail(key, a=describe(a), b=describe(b), where=where)


def check_use_rust(use_rust: Any) -> None:
    """Validate a ``use_rust`` argument and the ``INTERVALUES_BACKEND`` setting.

    ``True`` (or ``INTERVALUES_BACKEND=rust``) without the accelerator is an
    ``ImportError`` that names the install command.

    >>> check_use_rust(False)
    >>> check_use_rust("yes")
    Traceback (most recent call last):
    ...
    TypeError: use_rust must be None, True or False, got 'yes'
    """
    if use_rust is not None and not isinstance(use_rust, bool):
        raise fail("use_rust_type", value=use_rust)
    forced = accel.forced_backend()
    if forced not in ("", "auto", "python", "rust"):
        raise fail("backend_env", value=forced)
    if (use_rust is True or forced == "rust") and not accel.available():
        raise fail("accelerator_missing")


def check_layouts(a: Layout, b: Layout, where: str, op: str = "build", kind: str = "mix") -> None:
    """Raise ``TypeError`` when two collections' contents cannot be combined (discrete
    with continuous, or different coordinate domains); empty layouts fit anything.

    ``where`` and ``op`` are as in :func:`check_same_domain`. Sets check the kind
    first, the other collections the domain first (as 0.4.0 did); for sets ``kind``
    (``"mix"``, ``"intersect"`` or ``"compare"``) picks 0.4.0's text.

    >>> check_layouts(Layout(NUMBER, True), Layout(NUMBER, False), "IntervalMeter")
    Traceback (most recent call last):
    ...
    TypeError: Cannot mix discrete and continuous intervals in IntervalMeter
    """
    if a.discrete is None or b.discrete is None:
        return
    if a.discrete != b.discrete and where.split(".")[0] == "IntervalSet":
        key = {"intersect": "set_intersect_kind", "compare": "set_compare_kind"}
        raise fail(key.get(kind, "set_mix_kind"), where=where)
    discrete = bool(a.discrete and b.discrete)
    check_same_domain(a.domain or NUMBER, b.domain or NUMBER, where, op, discrete)
    if a.discrete != b.discrete:
        raise fail("mixed_discrete", where=where)
