"""No wardchart module imports, directly or through others, a module that imports it back.

A cycle makes the order of imports matter and hides which module depends on which.
Imports made inside functions count too: they are cycles all the same, only deferred.
"""

from __future__ import annotations

import grimp

#: Cycles known and being removed elsewhere, each listed with the modules in it (none today:
#: keep it that way).
KNOWN_CYCLES: list[frozenset[str]] = []


def _cycles(graph: grimp.ImportGraph) -> list[frozenset[str]]:
    """The groups of modules that reach each other by imports (strongly connected
    components of more than one module), by Tarjan's algorithm without recursion."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                elif child in on_stack:
                    low[module] = min(low[module], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
            if low[module] == index[module]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == module:
                        break
                if len(group) > 1:
                    found.append(frozenset(group))
    return found


def _path(graph: grimp.ImportGraph, group: frozenset[str]) -> str:
    """One import path round the cycle, to say where to look."""
    start = min(group)
    for other in sorted(group - {start}):
        there = graph.find_shortest_chain(importer=start, imported=other)
        back = graph.find_shortest_chain(importer=other, imported=start)
        if there and back:
            return " → ".join([*there, *back[1:]])
    return ", ".join(sorted(group))


def test_no_import_cycles_among_wardchart_modules() -> None:
    graph = grimp.build_graph("wardchart", cache_dir=None)
    cycles = [c for c in _cycles(graph) if c not in KNOWN_CYCLES]
    assert not cycles, "import cycles:\n" + "\n".join(_path(graph, c) for c in cycles)


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for module in ("a", "a.one", "a.two", "a.three"):
        graph.add_module(module)
    graph.add_import(importer="a.one", imported="a.two")
    graph.add_import(importer="a.two", imported="a.one")
    graph.add_import(importer="a.three", imported="a.one")
    assert _cycles(graph) == [frozenset({"a.one", "a.two"})]
    assert _path(graph, frozenset({"a.one", "a.two"})) == "a.one → a.two → a.one"
