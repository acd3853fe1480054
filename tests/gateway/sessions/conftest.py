from tests.gateway.privacy.conftest import store_url  # noqa: F401 - shared fixture
