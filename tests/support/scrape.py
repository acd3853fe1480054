"""Scraping `/metrics` in tests: the families the gateway must export, reading sample values,
and checking the text format with promtool when it is installed, else with our own checks
on what prometheus_client's parser read (never skipped)."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import urllib.request
from collections import defaultdict

from prometheus_client.parser import text_string_to_metric_families

# Every family of issue 8 (name as in `# TYPE`, and its type), and the extra ones.
FAMILIES = {
    "privacy_gateway_requests_total": "counter",
    "privacy_gateway_request_duration_seconds": "histogram",
    "privacy_gateway_overhead_seconds": "histogram",
    "privacy_gateway_upstream_duration_seconds": "histogram",
    "privacy_gateway_time_to_first_token_seconds": "histogram",
    "privacy_gateway_in_flight_requests": "gauge",
    "privacy_gateway_pii_entities_total": "counter",
    "privacy_gateway_moderation_decisions_total": "counter",
    "privacy_gateway_sessions_finalized_total": "counter",
    "privacy_gateway_dataset_records_total": "counter",
    "privacy_gateway_filter_failures_total": "counter",
    "privacy_gateway_filter_duration_seconds": "histogram",
    "privacy_gateway_store_errors_total": "counter",
    "privacy_gateway_provider_errors_total": "counter",
    "privacy_gateway_fallbacks_total": "counter",
    "privacy_gateway_errors_total": "counter",
    "privacy_gateway_stream_interruptions_total": "counter",
}

_TYPE = re.compile(r"^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$")
_SAMPLE = re.compile(r'^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\.)*",?)*\})? '
                     r'([-+]?[0-9.]+([eE][-+]?[0-9]+)?|[-+]?Inf|NaN)( -?[0-9]+)?$')


def scrape(base_url: str) -> str:
    with urllib.request.urlopen(base_url + "/metrics", timeout=10) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/plain; version=0.0.4")
        return response.read().decode()


class Scrape:
    """Samples by name, with labels: `s.value("privacy_gateway_requests_total", tenant="a")`
    sums every sample of that name whose labels include the given ones."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.types: dict[str, str] = {}
        self.samples: dict[str, list[tuple[dict[str, str], float]]] = defaultdict(list)
        for line in text.splitlines():
            if match := _TYPE.match(line):
                self.types[match[1]] = match[2]
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                self.samples[sample.name].append((sample.labels, sample.value))

    def value(self, name: str, **labels: str) -> float:
        return sum(v for have, v in self.samples.get(name, []) if all(have.get(k) == w for k, w in labels.items()))

    def has(self, name: str, **labels: str) -> bool:
        return any(all(have.get(k) == w for k, w in labels.items()) for have, _ in self.samples.get(name, []))

    def label_values(self, label: str) -> set[str]:
        return {have[label] for entries in self.samples.values() for have, _ in entries if label in have}


def first_sample(family: str, kind: str) -> str:
    """The sample name a family's values appear under."""
    return {"histogram": family + "_count"}.get(kind, family)


def check_format(text: str) -> str:
    """promtool's verdict when it is installed; our own checks in any case. Returns which ran."""
    _own_checks(text)
    promtool = shutil.which("promtool")
    if promtool is None:
        return "parser"
    result = subprocess.run([promtool, "check", "metrics"], input=text, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, f"promtool check metrics: {result.stdout}{result.stderr}"
    return "promtool"


def _own_checks(text: str) -> None:
    """What promtool would catch that matters here: the exposition lines are well formed, each
    family is typed once before its samples, counters end in _total, histogram buckets are
    cumulative up to +Inf and agree with _count."""
    typed: set[str] = set()
    for line in text.splitlines():
        if line.startswith("# HELP "):
            continue
        if match := _TYPE.match(line):
            assert match[1] not in typed, f"family typed twice: {match[1]}"
            typed.add(match[1])
            if match[2] == "counter":
                assert match[1].endswith("_total"), f"counter without _total: {match[1]}"
            continue
        assert _SAMPLE.match(line), f"malformed exposition line: {line!r}"
        base = line.split("{")[0].split(" ")[0]
        assert any(base == f or base.startswith(f + "_") for f in typed), f"sample before its TYPE: {line!r}"
    for family in text_string_to_metric_families(text):
        if family.type != "histogram":
            continue
        series: dict[tuple, list[tuple[float, float]]] = defaultdict(list)
        counts: dict[tuple, float] = {}
        for sample in family.samples:
            key = tuple(sorted((k, v) for k, v in sample.labels.items() if k != "le"))
            if sample.name.endswith("_bucket"):
                series[key].append((float(sample.labels["le"]), sample.value))
            elif sample.name.endswith("_count"):
                counts[key] = sample.value
        for key, buckets in series.items():
            assert buckets[-1][0] == math.inf, f"{family.name}{key}: no +Inf bucket"
            assert all(a[1] <= b[1] for a, b in zip(buckets, buckets[1:])), f"{family.name}{key}: not cumulative"
            assert counts.get(key) == buckets[-1][1], f"{family.name}{key}: _count differs from +Inf"
