"""Values as people read them, as plain text: numbers, figures, estimates, one-line summaries.

Shared by the rich tables (``tables``) and the plain lines the commands print (``render.say``),
so neither needs the other, and plain output never loads rich.
"""

from __future__ import annotations

from typing import Any

from ..records import number_text, value_text

MARK_OPEN, MARK_CLOSE = "\x02", "\x03"  # search marks that survive rich's escaping


def short(text: Any, width: int = 100) -> str:
    """One-line text cut to ``width`` characters, for table cells."""
    if text is None:
        return ""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def number(value: Any) -> str:
    """A figure value without a trailing .0 and with thousands separators (blank when missing)."""
    return number_text(value)


def estimate_text(low: Any, best: Any, high: Any) -> str:
    """'500 · 500 · 12,000' (low · best · high)."""
    return " · ".join(number(v) if v is not None else "?" for v in (low, best, high))


def group_figure_line(fig: dict[str, Any]) -> str:
    """'almost 12,000 casualties — Ukrainian news sources [F4] (document)' for table cells."""
    who = fig.get("claimant") or fig.get("source") or "—"
    category = fig.get("measure") or fig.get("category")
    return (f"{value_text(fig)} {category} — {who} [{fig.get('admiralty')}] "
            f"({fig.get('document')})")


def claimant_text(fig: dict[str, Any]) -> str:
    """'the Pentagon (US Department of Defense)': the words of the text, and the entity they resolve to."""
    claimant, source = fig.get("claimant"), fig.get("source")
    if claimant and source and source.lower() not in claimant.lower():
        return f"{claimant} ({source})"
    return claimant or source or "—"


def incident_days(incident: dict[str, Any]) -> str:
    """'2019-06-21' for one day, '2019-06-21 – 2019-06-28' for several."""
    first, last = incident.get("first"), incident.get("last")
    return (first or "") if first == last else f"{first or '?'} – {last or '?'}"


def analysis_line(report: Any) -> str:
    """One line saying what an analysis run did."""
    what = "re-analysed" if report.full else "analysed"
    return (f"{what} {report.documents} document(s): {report.groups} figure group(s) written, "
            f"{report.contested} contested; {report.entities} entities  ({report.seconds:.1f} s)")
