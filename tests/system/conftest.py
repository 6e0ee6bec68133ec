import pytest

from tests.system.production import ProductionSite


@pytest.fixture(scope="session")
def production_site(tmp_path_factory):
    """The demo site served by `make serve` (three workers), for the whole session."""
    site = ProductionSite(
        tmp_path_factory.mktemp("production"),
        # Low enough for the cross-worker test to reach, from its own client address.
        MENTORING_RATE_LIMIT="4",
    )
    site.prepare()
    site.start()
    yield site
    site.stop()
