"""Which names of a function are local variables (Python's scoping rule)."""

from __future__ import annotations

import ast
from typing import List

__all__ = ["parameter_names", "local_names"]

_NESTED_SCOPES = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.Lambda,
    ast.ListComp,
    ast.SetComp,
    ast.DictComp,
    ast.GeneratorExp,
)


def parameter_names(fdef: ast.FunctionDef) -> List[str]:
    """Positional-only, positional and keyword-only parameters, in order."""
    a = fdef.args
    return [p.arg for p in (*a.posonlyargs, *a.args, *a.kwonlyargs)]


def local_names(fdef: ast.FunctionDef) -> List[str]:
    """Parameters then every name bound in the body, in first-seen order.

    Nested scopes are not entered: the lowering rejects them anyway.
    """
    seen = dict.fromkeys(parameter_names(fdef))
    stack: List[ast.AST] = list(reversed(fdef.body))
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            seen.setdefault(node.id)
        if isinstance(node, _NESTED_SCOPES):
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))
    return list(seen)
