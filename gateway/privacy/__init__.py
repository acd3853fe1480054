"""Consent, age and pseudonyms. Kept import-light on purpose: `gateway.policy` imports
`PrivacyRules` from here, so nothing in this file may import the gateway's HTTP layer.
`install(app, config)` lives in `gateway.privacy.install`."""

from .rules import MinorRules, PrivacyRules

__all__ = ["MinorRules", "PrivacyRules"]
