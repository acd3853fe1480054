"""Issue 8, end to end: `serve --workers 2` counts every request in one scrape whichever worker
served it, every family is there from start-up and after traffic, the scrape passes promtool;
the alert rules pass promtool; the dashboard has a panel per family."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import openai
import pytest
import yaml

from tests.support.gateway import NARROW_KEY, TENANT_KEY, base_config, write_config
from tests.support.scrape import FAMILIES, Scrape, check_format, first_sample, scrape
from tests.support.served import served

ROOT = Path(__file__).resolve().parents[2]
ALERTS = ROOT / "deploy" / "prometheus" / "alerts.yml"
DASHBOARD = ROOT / "deploy" / "grafana" / "privacy-gateway.json"
POLICIES = {
    # acme: redaction and moderation (the demo tenant's filters without consent); narrow: none
    "open": {"name": "open", "version": "1", "filters": ["pii", "moderation"],
             "moderation": yaml.safe_load((ROOT / "config" / "policies" / "demo.yaml").read_text())["moderation"]},
    "narrow": {"name": "narrow", "version": "1", "filters": []},
}
CHAT = "chat.completions"


def post_chat(url: str, key: str, model: str = "fake-model", text: str = "hello") -> int:
    """One request on a connection of its own, so that the workers' accept race spreads them."""
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        conn.request("POST", "/v1/chat/completions", headers={
            "Authorization": f"Bearer {key}", "Content-Type": "application/json", "Connection": "close"},
            body=json.dumps({"model": model, "messages": [{"role": "user", "content": text}]}))
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def multiproc_dir(lines: list[dict]) -> Path:
    """Where the workers keep their metric files: their memory maps say (the master's own
    environment change is not visible in /proc)."""
    for pid in {line["pid"] for line in lines if line.get("event") == "gateway started"}:
        for mapping in Path(f"/proc/{pid}/maps").read_text().splitlines():
            target = Path(mapping.split()[-1])
            if target.suffix == ".db" and target.parent.name.startswith("privacy-gateway-metrics-"):
                return target.parent
    raise AssertionError("no worker has a metrics file mapped")


def serving_pids(lines: list[dict]) -> set[int]:
    return {line["pid"] for line in lines if line.get("event") == "request" and line.get("endpoint") == CHAT}


def test_two_workers_one_scrape_every_family_and_promtool(tmp_path, fake_url, fake):
    config = base_config(fake_url)
    config["server"]["log_level"] = "INFO"
    with served(write_config(tmp_path, config, POLICIES), tmp_path / "gateway.log", workers=2) as gateway:
        files = multiproc_dir(gateway.log_lines())
        assert files.is_dir()

        # Right after start-up: every family, with zero-valued samples, in Prometheus's format.
        start_text = scrape(gateway.url)
        start = Scrape(start_text)
        for family, kind in FAMILIES.items():
            assert start.types.get(family) == kind, f"{family} missing at start-up"
            assert first_sample(family, kind) in start.samples, f"{family} has no sample at start-up"
            assert sum(v for _, v in start.samples[first_sample(family, kind)]) == 0
        check_format(start_text)

        # Traffic on fresh connections until both workers have served some of it. The second
        # worker may still be building its detectors when the first answers, on a busy host
        # for many seconds: the traffic goes on until a deadline, not for a fixed count.
        sent, deadline = 0, time.monotonic() + 120
        with ThreadPoolExecutor(8) as pool:
            while len(serving_pids(gateway.log_lines())) < 2 and time.monotonic() < deadline:
                statuses = list(pool.map(lambda _: post_chat(gateway.url, NARROW_KEY), range(40)))
                assert statuses == [200] * 40
                sent += 40
        workers = serving_pids(gateway.log_lines())
        assert len(workers) == 2, "one worker served every request"
        after = Scrape(scrape(gateway.url))
        assert after.value("privacy_gateway_requests_total", tenant="narrow") == sent
        assert after.value("privacy_gateway_request_duration_seconds_count", tenant="narrow", endpoint=CHAT) == sent
        assert after.value("privacy_gateway_in_flight_requests") == 0

        # Every kind of event once, then every family holds what it counted.
        client = openai.OpenAI(base_url=gateway.url + "/v1", api_key=TENANT_KEY, max_retries=0, timeout=30)
        client.chat.completions.create(model="fake-model", messages=[{"role": "user", "content": "Mail a@example.org"}])
        list(client.chat.completions.create(model="fake-model", stream=True,
                                            messages=[{"role": "user", "content": "a stream"}]))
        assert post_chat(gateway.url, TENANT_KEY, "fake-error-500") == 502
        assert post_chat(gateway.url, TENANT_KEY, "flaky-5xx") == 200
        with pytest.raises(openai.APIError):
            list(client.chat.completions.create(model="fake-break", stream=True,
                                                messages=[{"role": "user", "content": "x"}]))
        text = scrape(gateway.url)
        traffic = Scrape(text)
        for family, kind in FAMILIES.items():
            assert traffic.types.get(family) == kind and first_sample(family, kind) in traffic.samples, family
        for name, labels in [
            ("privacy_gateway_overhead_seconds_count", {"tenant": "acme"}),
            ("privacy_gateway_upstream_duration_seconds_count", {"provider": "fake"}),
            ("privacy_gateway_time_to_first_token_seconds_count", {"tenant": "acme"}),
            ("privacy_gateway_pii_entities_total", {"tenant": "acme", "entity_type": "EMAIL_ADDRESS"}),
            ("privacy_gateway_moderation_decisions_total", {"tenant": "acme", "action": "allow"}),
            ("privacy_gateway_filter_duration_seconds_count", {"filter": "pii"}),
            ("privacy_gateway_provider_errors_total", {"provider": "fake", "code": "upstream_unavailable"}),
            ("privacy_gateway_fallbacks_total", {"provider": "fake", "fallback": "backup"}),
            ("privacy_gateway_errors_total", {"code": "upstream_unavailable"}),
            ("privacy_gateway_stream_interruptions_total", {"reason": "upstream_failed"}),
        ]:
            assert traffic.value(name, **labels) > 0, (name, labels)
        assert check_format(text) in ("promtool", "parser")

        # A worker that dies keeps its counts; gunicorn starts another.
        os.kill(next(iter(workers)), signal.SIGKILL)
        assert Scrape(scrape(gateway.url)).value("privacy_gateway_requests_total", tenant="narrow") == sent

        assert gateway.stop() == 0
    assert not files.exists(), "the metrics directory outlived the server"


def test_alert_rules_pass_promtool_and_name_known_families():
    rules = yaml.safe_load(ALERTS.read_text())
    alerts = [rule for group in rules["groups"] for rule in group["rules"]]
    assert len(alerts) >= 8
    known = {f for f in FAMILIES} | {"up"}
    for rule in alerts:
        assert rule["alert"].startswith("PrivacyGateway") and rule["expr"].strip()
        assert rule["labels"]["severity"] in ("warning", "critical") and rule["annotations"]["summary"]
        for name in re.findall(r"\b(privacy_gateway_[a-z_]+|up)\b", rule["expr"]):
            assert re.sub(r"_(bucket|count|sum)$", "", name) in known, f"{rule['alert']}: unknown metric {name}"
    promtool = shutil.which("promtool")
    if promtool is not None:
        for command in (["check", "rules", str(ALERTS)], ["test", "rules", str(ALERTS.with_name("alerts_test.yml"))]):
            result = subprocess.run([promtool, *command], capture_output=True, text=True, timeout=60)
            assert result.returncode == 0, result.stdout + result.stderr


def test_the_dashboard_has_a_panel_per_family():
    dashboard = json.loads(DASHBOARD.read_text())
    panels = [p for p in dashboard["panels"] if p["type"] != "row"]
    ids = [p["id"] for p in dashboard["panels"]]
    assert len(ids) == len(set(ids))
    assert {v["name"] for v in dashboard["templating"]["list"]} >= {"datasource", "tenant"}
    for panel in panels:
        assert panel["title"] and panel["targets"] and panel["datasource"]["uid"] == "${datasource}"
        assert all(t["expr"] and t["refId"] for t in panel["targets"])
        assert panel["gridPos"]["w"] > 0 and panel["gridPos"]["h"] > 0
    for family in FAMILIES:
        assert any(family in t["expr"] for p in panels for t in p["targets"]), f"no panel shows {family}"
