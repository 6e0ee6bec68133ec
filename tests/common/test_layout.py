"""The layout a newcomer reads: each app imports only the apps above it in INSTALLED_APPS."""

import ast
import tomllib
from pathlib import Path

import setuptools

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
    package = Path(__file__).resolve().parents[2] / "welcome"
    modules = sorted(p.name for p in package.glob("*.py"))
    assert modules == ["__init__.py", "asgi.py", "settings.py", "urls.py", "wsgi.py"]
    assert not [p for p in package.iterdir() if p.is_dir() and p.name != "__pycache__"]


def test_packaging_ships_every_app_and_nothing_else():
    """pyproject.toml excludes what is not the site; every app, however new, is packaged."""
    root = Path(__file__).resolve().parents[2]
    config = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]
    exclude = config["packages"]["find"]["exclude"]
    packages = set(setuptools.find_packages(root, exclude=exclude))
    apps = {config.name for config in project_apps()}
    top_level = {name for name in packages if "." not in name}
    assert top_level == apps | {"welcome"}
    assert {f"{app}.migrations" for app in apps if (root / app / "migrations").is_dir()} <= packages
