"""Print a module once, statement by statement, and reuse what was printed.

Why: printing a whole module costs about as much as parsing it. The import clean-up needs
the new text to see which names it still reads, and the final output is that same text
with a few import lines changed; printing each top-level statement once and caching it by
node identity makes the second print cost only the statements that changed.
"""

from __future__ import annotations

import libcst as cst


class ModulePrinter:
    """``Module.code``, with each top-level node's text cached by identity."""

    def __init__(self) -> None:
        # The node is kept next to its text so that its id cannot be reused by another node.
        self._cache: dict[int, tuple[cst.CSTNode, str]] = {}

    def node_code(self, module: cst.Module, node: cst.CSTNode) -> str:
        hit = self._cache.get(id(node))
        if hit is not None and hit[0] is node:
            return hit[1]
        text = module.code_for_node(node)
        self._cache[id(node)] = (node, text)
        return text

    def code(self, module: cst.Module) -> str:
        """Exactly ``module.code``."""
        if not module.has_trailing_newline:
            # Module codegen then pops the last newline token; rare enough to print whole.
            return module.code
        nodes = (*module.header, *module.body, *module.footer)
        text = "".join(self.node_code(module, node) for node in nodes)
        return text or module.default_newline
