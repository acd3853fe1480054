"""A tenant's policy: `config/policies/<name>.yaml`. Each rule can name the clause of the
tenant's privacy policy it enforces, so `privacy-gateway policy explain` and docs/policies.md
can show the chain from promise to rule to test."""

from __future__ import annotations

from pydantic import Field

from .settings import Strict


class ModelRule(Strict):
    allow: list[str] = Field(default_factory=lambda: ["*"], description="model names or globs")
    clause: str | None = None


class Policy(Strict):
    name: str = Field(pattern=r"^[a-z0-9_-]+$")
    version: str
    description: str = ""
    models: ModelRule = ModelRule()
    # Request filters, run in this order; the response side runs in reverse.
    filters: list[str] = []

    def explain(self) -> list[str]:
        """Every rule in plain words, each with the clause it keeps."""
        lines = [f"Policy {self.name} version {self.version}: {self.description}".rstrip(": ")]
        allowed = ", ".join(self.models.allow)
        lines.append(_with_clause(f"Only these models may be called: {allowed}.", self.models.clause))
        if self.filters:
            lines.append("Every request passes these filters, in order: " + ", ".join(self.filters) + ".")
        else:
            lines.append("No privacy filter runs: requests reach the provider as sent.")
        return lines


def _with_clause(text: str, clause: str | None) -> str:
    return f"{text} [clause {clause}]" if clause else text
