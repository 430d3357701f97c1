"""Python AST -> untyped nb dialect text.

``build_module(dispatcher, arg_types)`` is the entry point; the modules are
split by concern: ``source`` (getting the AST with file positions),
``scope`` (local names), ``globals`` (freezing free names), ``emitter``
(op syntax), ``lower_expr`` / ``lower_stmt`` (the visitors) and ``module``
(assembling the entry function and the templates of its callees).
"""

from .module import ModuleBuilder, build_module
from .source import FunctionSource, get_source

__all__ = ["build_module", "ModuleBuilder", "get_source", "FunctionSource"]
