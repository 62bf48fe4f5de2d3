"""The code keeps its promises about its own shape: WeasyPrint through its public API
only, and stages that only ever import earlier stages."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

SRC = REPO / "src" / "bundelpers"
# The stages in the order data flows through them; a stage may import only earlier ones
# (and the shared modules at the package's top level that import no stage).
STAGES = ("read", "prepare", "layout", "render", "assemble", "publish")
SHARED = {"errors", "messages", "files", "fonts", "project", "digests", "state"}


def modules() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text("utf-8"), str(path))) for path in sorted(SRC.rglob("*.py"))]


def test_no_module_uses_a_private_weasyprint_name_or_replaces_a_weasyprint_function() -> None:
    offences = []
    for path, tree in modules():
        names = set()  # local names bound to weasyprint modules or objects
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == "weasyprint":
                        if any(part.startswith("_") for part in alias.name.split(".")):
                            offences.append(f"{path.name}:{node.lineno} import {alias.name}")
                        names.add((alias.asname or alias.name).split(".")[0])
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "weasyprint":
                for alias in node.names:
                    if alias.name.startswith("_") or any(p.startswith("_") for p in node.module.split(".")):
                        offences.append(f"{path.name}:{node.lineno} from {node.module} import {alias.name}")
                    names.add(alias.asname or alias.name)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and _root(node) in names:
                if node.attr.startswith("_"):
                    offences.append(f"{path.name}:{node.lineno} .{node.attr}")
                if isinstance(node.ctx, ast.Store | ast.Del):
                    offences.append(f"{path.name}:{node.lineno} replaces {ast.unparse(node)}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in (
                    "setattr", "delattr") and node.args and _root(node.args[0]) in names:
                offences.append(f"{path.name}:{node.lineno} {ast.unparse(node)}")
        source = path.read_text("utf-8")
        if "make_margin_boxes" in source:
            offences.append(f"{path.name}: make_margin_boxes")
    assert offences == []


def _root(node: ast.AST) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _stage(path: Path) -> str:
    relative = path.relative_to(SRC)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _imported_stages(path: Path, tree: ast.Module) -> set[str]:
    """Top-level module names of bundelpers that `path` imports (relative or absolute)."""
    package = path.relative_to(SRC).parent.parts
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1] if node.level > 1 else package
                target = (*base, *(node.module.split(".") if node.module else ()))
                if not target:  # `from .. import messages`
                    target = (node.names[0].name,)
            elif (node.module or "").startswith("bundelpers."):
                target = tuple(node.module.split(".")[1:])
            else:
                continue
            found.add(target[0])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("bundelpers."):
                    found.add(alias.name.split(".")[1])
    return found


def test_each_stage_imports_only_earlier_stages_and_shared_modules() -> None:
    backwards = []
    for path, tree in modules():
        stage = _stage(path)
        if stage not in STAGES and stage not in SHARED:
            continue  # build.py, cli.py and friends stand on top of everything
        for imported in _imported_stages(path, tree):
            if imported == stage:
                continue
            if stage in SHARED and imported not in SHARED or stage in STAGES and imported in STAGES and STAGES.index(imported) > STAGES.index(stage) or stage in STAGES and imported not in STAGES and imported not in SHARED:
                backwards.append(f"{path.relative_to(SRC)} -> {imported}")
    assert backwards == []


def test_every_editor_facing_sentence_comes_from_the_messages_module() -> None:
    """No Dutch sentence is written into a raise or print outside messages.py: a sign is a
    string literal with a Dutch function word in an exception or print call."""
    dutch = (" de ", " het ", " een ", " niet ", " is ", " van ")
    offences = []
    for path, tree in modules():
        if path.name == "messages.py":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and (
                    isinstance(node.func, ast.Name) and (node.func.id == "print" or node.func.id.endswith("Error"))):
                for argument in node.args:
                    for constant in ast.walk(argument):
                        if isinstance(constant, ast.Constant) and isinstance(constant.value, str) \
                                and any(word in f" {constant.value} " for word in dutch):
                            offences.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert offences == []


def test_every_template_in_layouts_is_used() -> None:
    """A template no code or other template names is a stale copy waiting to be edited by
    mistake (as the old bundle and collection templates were)."""
    import re

    layouts = REPO / "layouts"
    sources = [path.read_text("utf-8") for path in SRC.rglob("*.py")]
    sources += [path.read_text("utf-8") for path in layouts.rglob("*.j2")]
    unused = []
    for template in sorted(layouts.rglob("*.j2")):
        name = template.relative_to(layouts).as_posix()
        own = template.read_text("utf-8")
        named = sum(len(re.findall(re.escape(f'"{name}"') + "|" + re.escape(f"'{name}'"), text))
                    for text in sources)
        named -= len(re.findall(re.escape(f'"{name}"') + "|" + re.escape(f"'{name}'"), own))
        folder_named = template.parent != layouts and any(
            f'"{template.parent.name}"' in text or f"'{template.parent.name}'" in text for text in sources)
        if not named and not folder_named:
            unused.append(name)
    assert unused == []
