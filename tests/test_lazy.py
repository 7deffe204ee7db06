"""``claimledger._lazy.lazy``: a module imported on first use, once, from any thread."""

from __future__ import annotations

import sys
import threading

from claimledger._lazy import lazy


def test_a_lazy_module_loads_on_first_attribute_access():
    name = "claimledger.watch"
    sys.modules.pop(name, None)
    module = lazy(name)
    assert name not in sys.modules and "not loaded" in repr(module)
    assert callable(module.watch)  # the first attribute access imports the module
    assert module.watch is sys.modules[name].watch


def test_threads_using_it_at_once_see_one_complete_module():
    name = "claimledger.evaluate_table"
    sys.modules.pop(name, None)
    module = lazy(name)
    found = []
    threads = [threading.Thread(target=lambda: found.append(module.format_table)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(found) == 8 and all(f is sys.modules[name].format_table for f in found)
