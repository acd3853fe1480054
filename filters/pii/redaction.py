"""The `pii` request filter: detect in every text of the request at once, refuse what the
policy refuses, replace the rest per entity type, and arm placeholder restoration for the
answer. Any failure on the way raises, and the chain fails closed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from filters.base import CONTINUE, Block, Decision
from filters.text_cache import TextResultCache, cache_scope
from filters.walkers import TextSlots, collect
from gateway.context import RequestContext

from . import operators
from .fields import field_type
from .resolve import Detection
from .restore import PlaceholderRestorer
from .rules import PIIRules
from .vault import SessionVault, VaultBackend, VaultKeys
from .vault_backends import MemoryVaultBackend

if TYPE_CHECKING:
    from gateway.privacy.pseudonyms import Secrets

# A sessionless request's mapping only has to live as long as its answer: it is kept in a
# vault of its own in this process's memory, never written to the shared store, and goes
# with the request.
_REQUEST_VAULT_TTL = 600


class VaultFactory:
    """Vaults per session, named by the same keyed session pseudonym as the rest of the
    session's keys, so erasing a user's sessions finds their vaults too."""

    def __init__(self, backend: VaultBackend, secrets: "Secrets") -> None:
        self.backend = backend
        self.secrets = secrets
        self.keys = VaultKeys(secrets)

    @staticmethod
    def session_scope(tenant: str, session_pseudonym: str) -> str:
        return f"{tenant}:s:{session_pseudonym}"

    def for_request(self, ctx: RequestContext, ttl: int) -> tuple[SessionVault, bool]:
        if ctx.session_id is None:
            scope = f"{ctx.tenant.name}:r:{ctx.request_id}"
            return SessionVault(scope, MemoryVaultBackend(), self.keys, _REQUEST_VAULT_TTL), False
        scope = self.session_scope(ctx.tenant.name, self.secrets.session(ctx.tenant.name, ctx.session_id))
        return SessionVault(scope, self.backend, self.keys, ttl), True

    async def erase_session(self, tenant: str, session_pseudonym: str) -> int:
        await self.backend.delete(self.session_scope(tenant, session_pseudonym))
        return 1

    def keyed_hash(self, tenant: str) -> operators.Replacement:
        def replace(entity_type: str, value: str) -> str:
            return f"<{entity_type}_{self.secrets.pseudonym(b'pii-hash', tenant, value)[:12]}>"

        return replace


class PIIFilter:
    name: ClassVar[str] = "pii"

    def __init__(self, rules: PIIRules, engine, vaults: VaultFactory,  # noqa: ANN001 - PIIEngine
                 cache: TextResultCache[tuple[Detection, ...]] | None = None) -> None:
        self.rules = rules
        self.engine = engine
        self.vaults = vaults
        self.cache = cache
        supported = engine.supported_entities()
        self.entities = frozenset(rules.entities) & supported if rules.entities else supported
        self.thresholds = rules.thresholds()
        self._scopes: dict[str, bytes] = {}  # tenant -> the cache scope of these rules

    async def _detect(self, ctx: RequestContext, texts: list[str]) -> tuple[list[Sequence[Detection]], int]:
        """Detections per text, and how many came from the cache (texts this process has seen
        under the same rules); one engine call for all the others."""
        rules = self.rules

        async def analyze(some: list[str]) -> list[Sequence[Detection]]:
            return await self.engine.analyze(
                some, timeout=rules.timeout_s, entities=self.entities, thresholds=self.thresholds,
                default_threshold=rules.default_threshold, allow_list=rules.allow_list, deny_list=rules.deny_list,
                keep_public_figures=rules.public_figures == "keep")

        if self.cache is None:
            return await analyze(texts), 0
        scope = self._scopes.get(ctx.tenant.name)
        if scope is None:
            scope = self._scopes[ctx.tenant.name] = cache_scope(
                filter="pii", tenant=ctx.tenant.name, entities=self.entities, thresholds=self.thresholds,
                default_threshold=rules.default_threshold, allow_list=rules.allow_list, deny_list=rules.deny_list,
                public_figures=rules.public_figures)
        return await self.cache.through(scope, texts, analyze, freeze=tuple)

    def _whole_values(self, slots) -> list[tuple[object, object, str, bool]]:  # noqa: ANN001 - TextSlots
        """Fields that are one value as a whole, typed by where they sit: a message's
        participant name is a person's name whatever it looks like ("zq_canary", "Maria"),
        a web search's user location a place; nothing around either tells a recognizer what
        it is. Values on the tenant's allow list, and all of a type the tenant does not
        redact, pass. The flag: whether the replacement must be bare (no "<>" or spaces, as
        providers require of a participant name)."""
        allowed = frozenset(self.rules.allow_list)
        places = slots.places if self.rules.user_location == "follow_location" else []
        wholes = [(c, k, "PERSON", True) for c, k in slots.names] + [(c, k, "LOCATION", False) for c, k in places]
        return [(c, k, kind, bare) for c, k, kind, bare in wholes if kind in self.entities and c[k] not in allowed]

    def _by_field_names(self, slots: TextSlots, texts: list[str],
                        found: list[Sequence[Detection]]) -> list[Sequence[Detection]]:
        """A bare value under a field the app named for a personal type ("phone": "5551234")
        is that type as a whole, whatever detection made of it (`fields.py`)."""
        if not slots.fields:
            return found
        found, allowed = list(found), frozenset(self.rules.allow_list)
        for index, name in slots.fields:
            kind = field_type(name, texts[index])
            if kind in self.entities and texts[index] not in allowed:
                found[index] = (Detection(kind, 0, len(texts[index]), 1.0),)
        return found

    async def on_request(self, ctx: RequestContext) -> Decision:
        rules = self.rules
        slots = collect(ctx)
        child = getattr(ctx, "audience", None) == "child"
        if slots.non_text_parts and (rules.non_text_parts == "block" or (child and rules.non_text_parts_for_children == "block")):
            return Block("pii", "Images, files and audio cannot be checked for personal data, and this tenant's policy refuses them.")
        if slots.token_arrays and rules.token_arrays == "refuse":
            return Block("pii", "Pre-tokenised input cannot be checked for personal data, and this tenant's policy refuses it.")
        if slots.identifiers and rules.end_user_ids == "pseudonymize":
            secrets = self.vaults.secrets
            for container, key in slots.identifiers:
                container[key] = "pg-" + secrets.pseudonym(b"end-user-id", ctx.tenant.name, container[key])
        if slots.places and rules.user_location == "country_only":
            for container, key in slots.places:
                del container[key]
            ctx.redactions["LOCATION"] += len(slots.places)
        texts = slots.texts
        wholes = self._whole_values(slots)
        if not texts and not wholes:
            return CONTINUE
        found, cached = await self._detect(ctx, texts) if texts else ([], 0)
        found = self._by_field_names(slots, texts, found)
        actions = {d.type: rules.action_for(d.type) for ds in found for d in ds}
        actions.update((kind, rules.action_for(kind)) for _, _, kind, _ in wholes)
        refused = sorted(t for t, a in actions.items() if a == "block")
        if refused:
            return Block("pii", "The request contains personal data of a type this tenant refuses.", tuple(refused))

        vault, has_session = self.vaults.for_request(ctx, rules.vault_ttl_s)
        wanted = [(d.type, text[d.start:d.end]) for text, ds in zip(texts, found) for d in ds
                  if actions[d.type] == "placeholder"]
        wanted += [(kind, container[key]) for container, key, kind, _ in wholes if actions[kind] == "placeholder"]
        placeholders = await vault.assign(wanted)
        ops = operators.operators_for(placeholders, self.vaults.keyed_hash(ctx.tenant.name))
        slots.write([operators.apply(text, ds, actions, ops) for text, ds in zip(texts, found)])
        for container, key, kind, bare in wholes:
            operators.replace_whole(container, key, kind, actions[kind], ops, bare=bare)

        counts = Counter(d.type for ds in found for d in ds if actions[d.type] != "keep")
        counts.update(kind for _, _, kind, _ in wholes if actions[kind] != "keep")
        ctx.redactions.update(counts)
        ctx.state[self.name] = {"detected": sum(len(ds) for ds in found), "cached_texts": cached}
        shows_filtered = getattr(ctx.route.provider if ctx.route else None, "shows_filtered_text", False)
        if rules.restore and not shows_filtered and (placeholders or has_session):
            mapping = await vault.load_all() if has_session else vault.placeholders
            if mapping:
                ctx.response_filters.append(PlaceholderRestorer(mapping))
        return CONTINUE


def build_pii_filter(policy, resources) -> PIIFilter:  # noqa: ANN001 - Policy, FilterResources
    from .engine import PIIEngine
    from .vault_backends import RedisVaultBackend

    settings = resources.settings
    engine = resources.shared("pii.engine", lambda: PIIEngine.build(settings.pii_engine))

    def vaults() -> VaultFactory:
        privacy = resources.items["privacy"]  # gateway.privacy.runtime.PrivacyRuntime
        redis = resources.items.get("redis")
        backend = RedisVaultBackend(redis) if redis is not None else MemoryVaultBackend()
        factory = VaultFactory(backend, privacy.secrets)
        privacy.erase_hooks.append(factory.erase_session)
        return factory

    cache = resources.shared("text-results", TextResultCache) if policy.pii.detection_cache else None
    return PIIFilter(policy.pii, engine, resources.shared("pii.vaults", vaults), cache)
