"""Coordinate domains, and datetimes as integer microseconds (no validation here).

Three coordinate domains exist: numbers (``int``/``float``), naive ``datetime`` and
timezone-aware ``datetime``. Inside collections every coordinate is a *key*: numbers stay
as they are, datetimes become integer microseconds since the epoch (aware ones: of their
UTC instant), so one integer kernel serves every domain, in Python and in Rust.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone, tzinfo
from typing import NamedTuple

__all__ = [
    "NUMBER",
    "Domain",
    "domain_of",
    "from_key",
    "key_of",
    "length_from_key",
    "pick_zone",
    "zone_rank",
]

_EPOCH_NAIVE = datetime(1970, 1, 1)
_EPOCH_AWARE = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MICROSECOND = timedelta(microseconds=1)


class Domain(NamedTuple):
    """Which coordinates a collection holds: ``"number"``, ``"naive"`` or ``"aware"``.

    ``tz`` is the zone used to display aware coordinates that have no zone of their own
    (see ``Layout.zones``): the first of the zones seen by :func:`zone_rank`.
    """

    kind: str
    tz: tzinfo | None = None

    def compatible(self, other: Domain) -> bool:
        """Whether coordinates of both domains can be compared."""
        return self.kind == other.kind


NUMBER = Domain("number")


def domain_of(x: int | float | datetime) -> Domain:
    """The domain of one (validated) coordinate.

    >>> domain_of(3).kind, domain_of(datetime(2024, 1, 1)).kind
    ('number', 'naive')
    """
    if isinstance(x, datetime):
        if x.utcoffset() is None:
            return Domain("naive")
        return Domain("aware", x.tzinfo)
    return NUMBER


def key_of(x: int | float | datetime) -> int | float:
    """The kernel key of a coordinate: the number itself (``-0.0`` spelled ``0.0``, the
    one canonical zero), or integer microseconds.

    >>> key_of(datetime(1970, 1, 1, 0, 0, 1)), key_of(-0.0)
    (1000000, 0.0)
    """
    if isinstance(x, datetime):
        if x.utcoffset() is None:
            return (x - _EPOCH_NAIVE) // _MICROSECOND
        return (x - _EPOCH_AWARE) // _MICROSECOND
    if type(x) is float:
        return x + 0.0  # -0.0 + 0.0 is 0.0; every other float is unchanged
    return x


def from_key(k: int | float, domain: Domain) -> int | float | datetime:
    """Inverse of :func:`key_of` for a domain.

    >>> from_key(1000000, Domain("naive"))
    datetime.datetime(1970, 1, 1, 0, 0, 1)
    """
    kind = domain.kind
    if kind == "number":
        return k
    if kind == "naive":
        return _EPOCH_NAIVE + timedelta(microseconds=k)
    return (_EPOCH_AWARE + timedelta(microseconds=k)).astimezone(domain.tz)


def length_from_key(k: int | float, domain: Domain) -> int | float | timedelta:
    """A length in key units as the user sees it (a ``timedelta`` for datetimes)."""
    if domain.kind == "number":
        return k
    return timedelta(microseconds=k)


def zone_rank(tz: tzinfo) -> tuple[str, str, str]:
    """The order in which zones meeting at one instant are preferred for display: by
    name (``str``), then type, then ``repr``, so the choice never depends on input order.

    >>> from zoneinfo import ZoneInfo
    >>> zone_rank(ZoneInfo("Europe/Amsterdam"))[0], zone_rank(timezone.utc)[:2]
    ('Europe/Amsterdam', ('UTC', 'datetime.timezone'))
    """
    t = type(tz)
    return str(tz), f"{t.__module__}.{t.__qualname__}", repr(tz)


def pick_zone(zones: Iterable[tzinfo]) -> tzinfo:
    """The zone shown where several meet at one instant: the first by :func:`zone_rank`.

    >>> from zoneinfo import ZoneInfo
    >>> pick_zone([timezone.utc, ZoneInfo("America/Kralendijk")])
    zoneinfo.ZoneInfo(key='America/Kralendijk')
    """
    return min(zones, key=zone_rank)
