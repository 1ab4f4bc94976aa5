"""China's public holidays and make-up working days (调休), made at build time for the core.

The core stays pure (standard library, no clock, no disk): the build calls ``china_calendar`` and
hands the browser data of the shape the core's ``calendar`` request field takes
(``crossdept.workdays``). The ``holidays`` package (PyPI, maintained) carries the State Council's
announced arrangements: ``holidays.China`` lists the days off — the holidays themselves and the
weekdays given off in exchange (``休息日（由 2026-02-14 调休）``) — and keeps the weekend days worked
instead in ``weekend_workdays``. Years the State Council has not announced yet come with the
holidays computed from their rules and no 调休, so the further ahead, the rougher the count.
"""

from __future__ import annotations

import holidays


def china_calendar(first_year: int, last_year: int) -> dict[str, list[str]]:
    """``{"holidays": [ISO …], "workdays": [ISO …]}`` for the years ``first_year`` … ``last_year``."""
    if last_year < first_year:
        raise ValueError(f"last_year {last_year} is before first_year {first_year}")
    china = holidays.China(years=range(first_year, last_year + 1))
    off = sorted(day for day in china if first_year <= day.year <= last_year)
    worked = sorted(day for day in china.weekend_workdays if first_year <= day.year <= last_year)
    return {"holidays": [d.isoformat() for d in off], "workdays": [d.isoformat() for d in worked]}
