"""The message table (``intervalues._checks.MESSAGES``, issue 13/14).

Every user-facing error text lives in that one table. These tests check the table
itself: each key formats with its fields and gives its exception class, no key is dead,
and where intervalues 0.4.0 raised for the same input our text starts with 0.4.0's
(so ``re.search(re.escape(old), ours)`` matches code written for 0.4.0), with 0.4.0's
class, or ``InvalidTypeError`` where 0.4.0 raised ``ValueError`` for a type problem.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

import intervalues
from intervalues._checks import MESSAGES, InvalidTypeError, fail

PACKAGE = Path(intervalues.__file__).parent

# 0.4.0's messages (from its source) and the key whose text starts with each, with the
# fields that fill 0.4.0's placeholders the same way. Internal or defensive 0.4.0
# messages that no public call reaches are left out, as are the few whose input we
# refuse earlier for another reason (DEPARTURES W15: e.g. an infinite interval value).
OLD_TEXTS: list[tuple[type[Exception], str, str, dict[str, object]]] = [
    # -- BaseInterval
    (TypeError, "Cannot intersect discrete and continuous intervals", "iv_kind_intersect", {}),
    (TypeError, "IntervalPdf does not support datetime coordinates", "pdf_datetime", {}),
    (ValueError, "Multiplication should be with an int or a float.", "iv_factor", {}),
    (
        TypeError,
        "cannot remove timezone information from a naive datetime",
        "tz_remove_naive",
        {},
    ),
    (
        TypeError,
        "coordinates must use the same numeric/datetime domain and timezone awareness",
        "coords_domain",
        {},
    ),
    (
        TypeError,
        "coordinates must use the same numeric/datetime domain and timezone awareness",
        "coords_domain_value",
        {},
    ),
    (TypeError, "datetime coordinates require a timedelta shift", "shift_needs_timedelta", {}),
    (TypeError, "datetime intervals require an explicit stop", "iv_datetime_needs_stop", {}),
    (
        ValueError,
        "fold is only applicable when converting naive datetimes",
        "tz_fold_aware",
        {},
    ),
    (ValueError, "fold must be 0 or 1", "tz_fold_value", {}),
    (ValueError, "interval bounds must be finite", "iv_bound_finite", {}),
    (
        TypeError,
        "interval bounds must both be finite numbers or datetimes",
        "iv_bound_type",
        {},
    ),
    (
        TypeError,
        "interval bounds must use the same coordinate domain and timezone awareness",
        "iv_bounds_domain",
        {},
    ),
    (ValueError, "interval start must be less than or equal to stop", "iv_reversed", {}),
    (
        TypeError,
        "numeric scalar intervals require numeric coordinates",
        "iv_scalar_type",
        {},
    ),
    (TypeError, "other must be a BaseInterval", "other_not_interval", {}),
    (
        ValueError,
        "remove_timezone=True cannot be used with a target timezone",
        "tz_remove_with_target",
        {},
    ),
    (
        TypeError,
        "shift and coordinate must use compatible numeric or datetime domains",
        "shift_type",
        {},
    ),
    (ValueError, "split points must be finite numbers", "split_point_type", {}),
    (ValueError, "split points must be finite numbers", "split_point_finite", {}),
    (
        ValueError,
        "target_timezone=None requires remove_timezone=True",
        "tz_none_needs_remove",
        {},
    ),
    (
        TypeError,
        "timedelta shifts require datetime coordinates",
        "shift_timedelta_numeric",
        {},
    ),
    (
        ValueError,
        "timezone conversion cannot preserve this discrete interval's point sequence",
        "tz_spacing",
        {},
    ),
    (TypeError, "timezone conversion requires datetime coordinates", "tz_needs_datetimes", {}),
    (ValueError, "value must not be NaN", "clamp_nan", {}),
    (TypeError, "must be real number, not str", "clamp_type", {"type": "str"}),
    (
        ValueError,
        "2024-03-31 02:30:00 is a nonexistent local time in Europe/Amsterdam",
        "tz_nonexistent",
        {"value": "2024-03-31 02:30:00", "tz": "Europe/Amsterdam"},
    ),
    (
        ValueError,
        "2024-10-27 02:30:00 is ambiguous in Europe/Amsterdam; specify fold=0 or fold=1",
        "tz_ambiguous",
        {"value": "2024-10-27 02:30:00", "tz": "Europe/Amsterdam"},
    ),
    # -- BaseDiscreteInterval
    (TypeError, "IntervalPmf does not support datetime coordinates", "pmf_datetime", {}),
    (TypeError, "coordinate must be a number", "dis_coordinate_type", {}),
    (
        TypeError,
        "coordinates and steps must use the same numeric/datetime domain",
        "dis_step_domain",
        {},
    ),
    (TypeError, "count must be an integer", "dis_count_type", {}),
    (ValueError, "count must be at least 1", "dis_count_min", {}),
    (
        TypeError,
        "datetime coordinates require a datetime interval",
        "dis_datetime_query",
        {},
    ),
    (
        TypeError,
        "datetime discrete intervals require an explicit stop or count",
        "dis_datetime_needs_end",
        {},
    ),
    (
        TypeError,
        "datetime discrete intervals require an explicit timedelta step",
        "dis_datetime_needs_step",
        {},
    ),
    (TypeError, "datetime intervals require datetime coordinates", "dis_numeric_query", {}),
    (TypeError, "datetime intervals require datetime split points", "dis_split_type", {}),
    (TypeError, "discrete bounds must both be datetimes", "dis_bounds_datetime", {}),
    (IndexError, "discrete interval index out of range", "dis_index_range", {}),
    (
        TypeError,
        "discrete intervals must use the same numeric/datetime domain",
        "dis_domain",
        {},
    ),
    (TypeError, "index must be an integer", "dis_index_type", {}),
    (
        TypeError,
        "numeric discrete intervals require numeric coordinates",
        "dis_start_type",
        {},
    ),
    (ValueError, "step must be greater than zero", "dis_step_positive", {}),
    (ValueError, "stop must be greater than or equal to start", "dis_reversed", {}),
    (TypeError, "timedelta steps require datetime coordinates", "dis_timedelta_step", {}),
    (TypeError, "value must be a number", "dis_clamp_type", {}),
    (ValueError, "5 is not a point in this interval", "dis_not_a_point", {"value": 5}),
    (TypeError, "must be real number, not str", "dis_step_type", {"type": "str"}),
    # -- collections
    (
        TypeError,
        "collection intervals must use the same numeric/datetime domain and timezone awareness",
        "collection_domain",
        {},
    ),
    (
        TypeError,
        "collection intervals must use the same numeric/datetime domain and timezone awareness",
        "within_domain",
        {},
    ),
    (ValueError, "max() arg is an empty sequence", "max_empty", {}),
    (ValueError, "min() arg is an empty sequence", "min_empty", {}),
    (TypeError, "Cannot mix discrete and continuous intervals", "mixed_discrete", {}),
    (TypeError, "Cannot mix discrete and continuous intervals", "iv_kind_mix", {}),
    (TypeError, "Cannot mix discrete and continuous intervals", "dis_minus_number", {}),
    (TypeError, "Cannot mix numeric and datetime intervals", "mix_numeric_datetime", {}),
    (
        TypeError,
        "Discrete intervals must use the same numeric/datetime domain",
        "discrete_domain",
        {},
    ),
    (TypeError, "Intervals must use the same numeric/datetime domain", "intervals_domain", {}),
    (TypeError, "Intervals must use the same numeric/datetime domain", "array_mixed_domains", {}),
    (
        TypeError,
        "coordinates must use the same numeric/datetime domain and timezone awareness",
        "coords_mix",
        {},
    ),
    (
        TypeError,
        "coordinates must use the same numeric/datetime domain and timezone awareness",
        "lookup_domain",
        {},
    ),
    (
        TypeError,
        "intervalues.combine_intervals not available to make a class of type list",
        "combined_type",
        {"value": "list"},
    ),
    (
        TypeError,
        "intervalues.combine_intervals not available to make a class of type meter",
        "object_exists_type",
        {"value": "meter"},
    ),
    (
        ValueError,
        "Input x is not of type <class 'intervalues.interval_set.IntervalSet'> or "
        "<class 'intervalues.base_interval.BaseInterval'>",
        "update_type",
        {
            "value": "x",
            "cls": intervalues.IntervalSet,
            "iv_cls": intervalues.BaseInterval,
        },
    ),
    (
        ValueError,
        "Input a is not of type <class 'intervalues.interval_meter.IntervalCounter'> or "
        "<class 'intervalues.base_interval.BaseInterval'>",
        "update_type",
        {
            "value": "a",
            "cls": intervalues.IntervalCounter,
            "iv_cls": intervalues.BaseInterval,
        },
    ),
    (ValueError, 'Not correct use of "in" for a', "lookup_in", {"value": "a"}),
    (ValueError, "Not correct use of indexing with a", "lookup_index", {"value": "a"}),
    (TypeError, "coordinate must be numeric or datetime", "list_filter_type", {}),
    (TypeError, "interval must be a BaseInterval", "interval_not_interval", {}),
    (
        TypeError,
        "Can't ignore combine due to input not being sequence of BaseIntervals.",
        "skip_combine_items",
        {},
    ),
    (
        TypeError,
        "The query domain must match the meter coordinate type",
        "within_kind",
        {},
    ),
    (
        ValueError,
        "The statistical domain must have positive measure",
        "stats_zero_domain",
        {},
    ),
    (
        TypeError,
        "coverage_length is only defined for continuous intervals",
        "coverage_length_discrete",
        {},
    ),
    (
        TypeError,
        "support_point_count is only defined for discrete intervals",
        "support_point_count_continuous",
        {},
    ),
    (
        ValueError,
        "value statistics require non-empty support or an explicit domain",
        "stats_empty",
        {},
    ),
    (ValueError, "value statistics require positive measure", "stats_no_measure", {}),
    (TypeError, "within must be a BaseInterval", "within_type", {}),
    (TypeError, "minimum must be a finite number", "threshold_type", {"name": "minimum"}),
    (ValueError, "minimum must be a finite number", "threshold_finite", {"name": "minimum"}),
    (KeyError, "popitem(): dictionary is empty", "popitem_empty", {}),
    (
        TypeError,
        "'float' object cannot be interpreted as an integer",
        "elements_whole",
        {},
    ),
    (
        TypeError,
        "Cannot compare discrete and continuous intervals in an IntervalSet",
        "set_compare_kind",
        {},
    ),
    (
        TypeError,
        "Cannot intersect discrete and continuous intervals in an IntervalSet",
        "set_intersect_kind",
        {},
    ),
    (
        TypeError,
        "Cannot mix discrete and continuous intervals in an IntervalSet",
        "set_mix_kind",
        {},
    ),
    (
        KeyError,
        "[5;6] not in IntervalSet:{BaseInterval[0;1]}",
        "set_remove_missing",
        {"value": "[5;6]", "owner": "IntervalSet:{BaseInterval[0;1]}"},
    ),
    # -- IntervalPdf
    (TypeError, "All mixture components must be IntervalPdf instances", "mixture_type", {}),
    (
        NotImplementedError,
        "An IntervalPdf cannot be cleared; construct a new PDF instead",
        "pdf_clear",
        {},
    ),
    (ValueError, "At least one PDF is required for a mixture", "mixture_empty", {}),
    (ValueError, "At least one mixture weight must be positive", "mixture_weight_zero", {}),
    (
        ValueError,
        "Cannot condition an IntervalPdf on a zero-probability range",
        "pdf_condition_zero",
        {},
    ),
    (
        TypeError,
        "Discrete intervals require a probability-mass distribution",
        "pdf_discrete",
        {},
    ),
    (
        TypeError,
        "Distribution comparisons require another IntervalPdf",
        "pdf_compare",
        {},
    ),
    (TypeError, "IntervalPdf inputs must be BaseInterval instances", "pdf_input_type", {}),
    (ValueError, "IntervalPdf intervals must have positive length", "pdf_length", {}),
    (ValueError, "IntervalPdf intervals must have positive length", "pdf_negative", {}),
    (ValueError, "IntervalPdf intervals must have positive length", "pdf_zero_weights", {}),
    (ValueError, "IntervalPdf must have finite, positive weighted length", "pdf_total", {}),
    (ValueError, "IntervalPdf must have finite, positive weighted length", "pdf_overflow", {}),
    (
        ValueError,
        "IntervalPdf requires at least one continuous interval",
        "pdf_empty",
        {},
    ),
    (
        ValueError,
        "IntervalPdf requires at least one continuous interval",
        "pdf_not_intervals",
        {},
    ),
    (ValueError, "IntervalPdf weights must be finite and non-negative", "pdf_weights", {}),
    (
        ValueError,
        "Mixture weights must be finite and non-negative",
        "mixture_weight_value",
        {},
    ),
    (TypeError, "Mixture weights must be real numbers", "mixture_weight_type", {}),
    (
        NotImplementedError,
        "Negation is not defined for probability distributions",
        "pdf_negate",
        {},
    ),
    (TypeError, "PDF scale must be a real number", "pdf_scale_type", {}),
    (ValueError, "PDF scale must be finite and positive", "pdf_scale_value", {}),
    (TypeError, "PDF update weight must be a real number", "pdf_times_type", {}),
    (ValueError, "PDF update weight must be finite and non-negative", "pdf_times_value", {}),
    (
        TypeError,
        "PDF updates require an interval or interval collection",
        "pdf_update_type",
        {},
    ),
    (
        ValueError,
        "PDF updates require finite, non-negative continuous weights",
        "pdf_update_weights",
        {},
    ),
    (
        ValueError,
        "Probabilities must be finite and in [0, 1]",
        "pdf_probabilities_range",
        {},
    ),
    (TypeError, "Probabilities must be real numbers", "pdf_probabilities_type", {}),
    (
        ValueError,
        "Removing this interval would leave an empty or zero-mass IntervalPdf",
        "pdf_remove_last",
        {},
    ),
    (
        NotImplementedError,
        "Subtraction is not defined for probability distributions",
        "pdf_subtract",
        {},
    ),
    (
        ValueError,
        "The number of weights must match the number of PDFs",
        "mixture_weight_count",
        {},
    ),
    (TypeError, "k must be a non-negative integer", "pdf_k_type", {}),
    (ValueError, "k must be a non-negative integer", "pdf_k_negative", {}),
    (TypeError, "level must be a real number", "pdf_level_type", {}),
    (ValueError, "level must be finite and in (0, 1)", "pdf_level_range", {}),
    (TypeError, "mass must be a real number", "pdf_mass_type", {}),
    (ValueError, "mass must be finite and in (0, 1]", "pdf_mass_range", {}),
    (TypeError, "p must be a real number", "pdf_p_type", {}),
    (ValueError, "p must be finite and in [0, 1]", "pdf_p_range", {}),
    (TypeError, "range bounds must be real numbers", "pdf_range_type", {}),
    (ValueError, "range bounds must not be NaN", "pdf_range_nan", {}),
    (TypeError, "rng must be an instance of random.Random", "pdf_rng", {}),
    (
        NotImplementedError,
        "setdefault is not supported for IntervalPdf; use update instead",
        "pdf_setdefault",
        {},
    ),
    (ValueError, "stop must be greater than or equal to start", "pdf_reversed", {}),
    (ValueError, "x must not be NaN", "pdf_x_nan", {}),
    (TypeError, "must be real number, not str", "real_type", {"type": "str"}),
    (
        TypeError,
        "simulations must be a positive integer",
        "pdf_runs_type",
        {"name": "simulations"},
    ),
    (
        ValueError,
        "permutations must be a positive integer",
        "pdf_runs_min",
        {"name": "permutations"},
    ),
    (
        TypeError,
        "samples must be a sequence of real numbers",
        "pdf_samples_type",
        {"name": "samples"},
    ),
    (
        ValueError,
        "samples must contain only finite values",
        "pdf_samples_finite",
        {"name": "samples"},
    ),
    (
        TypeError,
        "samples must contain only real numbers",
        "pdf_samples_item_type",
        {"name": "samples"},
    ),
    (ValueError, "samples_b must not be empty", "pdf_samples_empty", {"name": "samples_b"}),
    # -- IntervalPmf
    (
        ValueError,
        "Discrete PMF weights must be finite and non-negative",
        "pmf_weights",
        {},
    ),
    (
        TypeError,
        "IntervalPmf inputs must be BaseDiscreteInterval instances",
        "pmf_input_type",
        {},
    ),
    (ValueError, "IntervalPmf must have finite, positive total mass", "pmf_total", {}),
    (ValueError, "IntervalPmf requires at least one discrete interval", "pmf_empty", {}),
    (TypeError, "IntervalPmf requires discrete intervals", "pmf_data_type", {}),
    (TypeError, "coordinate must be a real number", "pmf_coordinate_type", {}),
    (ValueError, "coordinate must not be NaN", "pmf_coordinate_nan", {}),
    (TypeError, "probability must be a real number", "pmf_probability_type", {}),
    (
        ValueError,
        "probability must be finite and in [0, 1]",
        "pmf_probability_range",
        {},
    ),
    # -- FunctionInterval, IntervalFunction
    (TypeError, "function must be callable", "not_callable", {"name": "function"}),
    (TypeError, "combine must be callable", "not_callable", {"name": "combine"}),
    (TypeError, "start must be an int or float", "fn_number_type", {"name": "start"}),
    (
        TypeError,
        "intervals must contain only FunctionInterval instances",
        "fn_intervals_type",
        {},
    ),
    (
        TypeError,
        "intervals must contain only FunctionInterval instances",
        "fn_intervals_iterable",
        {},
    ),
    (
        TypeError,
        "function result must be an int or float",
        "fn_result_type",
        {"name": "function result"},
    ),
    (ValueError, "combiner result must be finite", "fn_result_finite", {"name": "combiner result"}),
    # -- IntervalMap, combine_maps, resolve_maps, PriorityIntervalMap
    (
        ValueError,
        "adding this resolver would create a cycle",
        "priority_cycle",
        {},
    ),
    (
        TypeError,
        "assign(start, stop, value) requires all three arguments",
        "map_assign_arguments",
        {},
    ),
    (
        ValueError,
        "assignment range must have positive length",
        "map_empty_range",
        {"what": "assignment"},
    ),
    (ValueError, "reset range must have positive length", "map_empty_range", {"what": "reset"}),
    (ValueError, "conflict must be 'replace'", "map_conflict", {}),
    (TypeError, "handle must be a PrioritySourceHandle", "handle_type", {}),
    (
        TypeError,
        "interval payload must be passed with the value keyword",
        "map_payload_keyword",
        {},
    ),
    (TypeError, "maps must contain only IntervalMap instances", "maps_type", {}),
    (
        TypeError,
        "maps must contain only IntervalMap or PriorityIntervalMap instances",
        "resolve_maps_type",
        {},
    ),
    (TypeError, "priority must be a finite real number", "priority_type", {}),
    (ValueError, "priority must be finite", "priority_finite", {}),
    (
        ValueError,
        "priority values must be unique when tie_policy='error'",
        "priority_not_unique",
        {},
    ),
    (
        KeyError,
        "source handle is not registered with this resolver",
        "handle_unknown",
        {},
    ),
    (
        TypeError,
        "source must be an IntervalMap or PriorityIntervalMap",
        "source_type",
        {},
    ),
    (ValueError, "start must be less than or equal to stop", "map_reversed", {}),
    (
        TypeError,
        "tie_break_key is only supported when tie_policy='key'",
        "tie_break_key_refused",
        {},
    ),
    (
        TypeError,
        "tie_break_key is required when tie_policy='key'",
        "tie_break_key_required",
        {},
    ),
    (
        ValueError,
        "tie_policy must be 'error', 'first', 'last', or 'key'",
        "tie_policy",
        {},
    ),
    (
        TypeError,
        "coordinate must be an int, float, or datetime",
        "map_coordinate_type",
        {"name": "coordinate"},
    ),
    (ValueError, "coordinate must be finite", "map_coordinate_finite", {"name": "coordinate"}),
    (
        TypeError,
        "coordinates must use the same numeric/datetime domain and timezone awareness",
        "map_coordinate_domain",
        {},
    ),
    (
        TypeError,
        "coordinates must use the same numeric/datetime domain and timezone awareness",
        "map_mix",
        {},
    ),
]


def _fields(template: str) -> list[str]:
    return sorted({name for _, name, _, _ in string.Formatter().parse(template) if name})


def _sample(key: str, **given: object) -> dict[str, object]:
    """Fields for ``key``: the given ones, a placeholder string for the others."""
    _, template = MESSAGES[key]
    return {name: given.get(name, f"<{name}>") for name in _fields(template)}


def _text(exc: Exception) -> str:
    """The message as code written for 0.4.0 matches it (``str(exc)``)."""
    return str(exc)


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_key_formats_with_its_fields(key):
    cls, template = MESSAGES[key]
    fields = _sample(key)
    exc = fail(key, **fields)
    assert type(exc) is cls
    assert exc.args == (template.format(**fields),)
    for name in fields:  # every field lands in the text
        assert f"<{name}>" in exc.args[0]


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_key_is_a_builtin_kind_of_error(key):
    cls, template = MESSAGES[key]
    assert template and template == template.strip()
    builtin = (TypeError, ValueError, KeyError, IndexError, ImportError, NotImplementedError,
               OverflowError, OSError, TimeoutError)  # fmt: skip
    builtin += (ZeroDivisionError,)  # m / 0, as Python and 0.4.0 raise it
    assert issubclass(cls, builtin), cls


def _string_literals_outside_the_table() -> set[str]:
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(), str(path))
        skip: set[int] = set()
        for node in ast.walk(tree):
            target = getattr(node, "target", None)
            targets = getattr(node, "targets", [target])
            if any(isinstance(t, ast.Name) and t.id == "MESSAGES" for t in targets):
                skip |= {id(n) for n in ast.walk(node)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Expr):  # docstrings do not raise anything
                skip.add(id(node.value))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in skip
            ):
                found.add(node.value)
    return found


def test_no_dead_keys():
    used = _string_literals_outside_the_table()
    dead = sorted(key for key in MESSAGES if key not in used)
    assert not dead, f"keys no module raises: {dead}"


def test_fail_refuses_an_unknown_key():
    with pytest.raises(KeyError):
        fail("no such message")


@pytest.mark.parametrize(
    ("old_class", "old_text", "key", "fields"),
    OLD_TEXTS,
    ids=[f"{key}:{text[:40]}" for _, text, key, _ in OLD_TEXTS],
)
def test_our_text_starts_with_0_4_0s(old_class, old_text, key, fields):
    exc = fail(key, **_sample(key, **fields))
    ours = _text(exc)
    if old_class is KeyError:  # a KeyError prints its argument quoted: the whole text
        assert ours == repr(old_text)
    else:
        assert re.search(re.escape(old_text), ours), ours
        assert ours.startswith(old_text), ours
    same_class = type(exc) is old_class
    invalid_type = old_class is ValueError and type(exc) is InvalidTypeError
    assert same_class or invalid_type, (type(exc), old_class)


def test_invalid_type_error_is_both():
    assert issubclass(InvalidTypeError, TypeError) and issubclass(InvalidTypeError, ValueError)
