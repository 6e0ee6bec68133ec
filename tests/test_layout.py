"""The layout a newcomer reads: each app imports only the apps above it in INSTALLED_APPS."""

import ast
from pathlib import Path

from common.content import project_apps


def _imported_apps(path, labels):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in labels:
                yield top, node.lineno


def test_apps_import_only_the_apps_above_them():
    order = [config.name for config in project_apps()]
    assert order[0] == "common", "the shared app comes first"
    wrong = []
    for position, config in enumerate(project_apps()):
        for path in Path(config.path).rglob("*.py"):
            for imported, line in _imported_apps(path, order):
                if order.index(imported) > position:
                    wrong.append(
                        f"{path.relative_to(config.path.rsplit('/', 1)[0])}:{line} "
                        f"imports {imported}"
                    )
    assert not wrong, "an app imports one below it in INSTALLED_APPS: " + ", ".join(wrong)


def test_the_project_package_holds_configuration_only():
    package = Path(__file__).resolve().parents[1] / "welcome"
    modules = sorted(p.name for p in package.glob("*.py"))
    assert modules == ["__init__.py", "asgi.py", "settings.py", "urls.py", "wsgi.py"]
    assert not [p for p in package.iterdir() if p.is_dir() and p.name != "__pycache__"]
