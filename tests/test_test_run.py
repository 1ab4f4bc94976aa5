"""The test run itself: what `make test` relies on from pytest-xdist."""

import pytest


# make test runs --dist loadgroup so that a module marked xdist_group (the hosting tests) stays on
# one worker and builds its site once. pytest-xdist marks a group by appending "@name" to the test's
# id; with pytest 9.2 that stopped taking effect (pytest-xdist issue 1386) and the groups' tests
# silently spread over the workers. This test is grouped itself and looks at its own id.
@pytest.mark.xdist_group("grouping-check")
def test_tests_marked_with_a_group_run_as_one_group(request):
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("not run with --dist loadgroup")

    assert request.node.nodeid.endswith("@grouping-check"), "--dist loadgroup did not group: see the pytest pin in pyproject.toml"
