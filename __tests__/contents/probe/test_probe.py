"""
Unit tests of src/contents/probe.py's pure parts on the host's python3 (no Docker):
`python3 -B -m unittest test_probe -v` in this folder; __tests__/contents/probe.test.ts runs
them under `npm test`. The probe inside real images is tested end to end
(__tests__/e2e/contents.test.ts).
"""
import ast
import io
import json
import os
import shutil
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
PROBE = os.path.join(ROOT, "src", "contents", "probe.py")
sys.path.insert(0, os.path.dirname(PROBE))
import probe  # noqa: E402

FIXTURES = os.path.join(ROOT, "__tests__", "fixtures", "notebooks")


def fixture(name):
    with open(os.path.join(FIXTURES, name), "rb") as handle:
        return probe.decode_notebook(handle.read())


def analyse(name):
    cells, _ = probe.parse_notebook(fixture(name))
    return probe.analyse_cells(cells)


def imports_of(code):
    imports, ignored = probe.extract_imports(ast.parse(code))
    return imports, ignored


class FakeResolver(object):
    """find_spec stand-in: `present` modules are found, the rest missing."""

    def __init__(self, present, dists=None):
        self.present = set(present)
        self.dists = dists or {}

    def resolve(self, dotted):
        top = dotted.split(".")[0]
        if top in self.present:
            result = {"name": top, "status": "found"}
            if top in self.dists:
                result["distributions"] = [self.dists[top]]
            return result
        return {"name": top, "status": "missing"}


STDLIB = probe.stdlib_names()


class CleanCellTest(unittest.TestCase):
    CASES = [
        # (source, expected code, what is recorded)
        ("%matplotlib inline\nimport numpy", "pass\nimport numpy", {"magics": [(1, "matplotlib inline")]}),
        ("!ls -la\nx = 1", "pass\nx = 1", {"shell": [(1, "ls -la")]}),
        ("files = !ls\nprint(files)", "files = None\nprint(files)", {"shell": [(1, "ls")]}),
        ("home = %env HOME", "home = None", {"magics": [(1, "env HOME")]}),
        ("a, b = !echo 1 2", "a, b = None", {"shell": [(1, "echo 1 2")]}),
        ("yaml.safe_load?\n??yaml\nimport os", "pass\npass\nimport os", {}),
        ("if True:\n    !echo hi\n    import json", "if True:\n    pass\n    import json", {"shell": [(2, "echo hi")]}),
        ("%time import json", "import json", {"magics": [(1, "time import json")]}),
        ("!pip install \\\n    a \\\n    b\nimport c", "pass\n\n\nimport c", {"shell": [(1, "pip install a b")]}),
        ("%load_ext sql\n%load_ext autoreload", "pass\npass", {"loadExt": [(1, "sql")]}),
        ("%%time\nimport yaml", "\nimport yaml", {"cellMagic": "time"}),
        ("\n%%capture out\nimport yaml", "\n\nimport yaml", {"cellMagic": "capture"}),
    ]

    def test_cases(self):
        for source, code, recorded in self.CASES:
            with self.subTest(source=source):
                got, info = probe.clean_cell(source)
                self.assertEqual(got, code)
                for key, value in recorded.items():
                    self.assertEqual(info[key], value)
                ast.parse(got)

    # IPython syntax only at the start of a statement: these lines are Python (or text).
    IN_CONTEXT = [
        # a `%` line continuing an expression, in a cell that also has a magic
        ("%matplotlib inline\nx = (10\n  % 3)\nimport a", "pass\nx = (10\n  % 3)\nimport a"),
        # `!` and `%` lines inside a triple-quoted string
        ('%env A=1\ns = """\n!not shell\n%not magic\n"""\nimport a', 'pass\ns = """\n!not shell\n%not magic\n"""\nimport a'),
        ("%env A=1\ns = \'\'\'x \\\'\'\' \n!y\n\'\'\'\nimport a", None),
        # after a backslash continuation
        ("%env A=1\nx = 10 \\\n% 3\nimport a", "pass\nx = 10 \\\n% 3\nimport a"),
        # a `#` hides brackets and quotes
        ("%env A=1\nx = 1  # ( \"\n!ls\nimport a", "pass\nx = 1  # ( \"\npass\nimport a"),
        # brackets inside strings do not count
        ("%env A=1\nx = ')'\n!ls\nimport a", "pass\nx = ')'\npass\nimport a"),
        # autocall escapes
        ("/print 1\n,print a b\n;print a b\nimport a", "pass\npass\npass\nimport a"),
        # CRLF line ends
        ("%env A=1\r\nx = (1\r\n% 2)\r\nimport a", "pass\nx = (1\r\n% 2)\r\nimport a"),
    ]

    def test_only_statement_starts_are_ipython_syntax(self):
        for source, code in self.IN_CONTEXT:
            with self.subTest(source=source):
                got, _ = probe.clean_cell(source)
                if code is not None:
                    self.assertEqual(got, code)
                # Whatever the cleaner did, the result parses and finds the import.
                imports, _ = imports_of(got)
                self.assertEqual([i["module"] for i in imports][-1:], ["a"])

    def test_python_cell_magics_keep_their_body(self):
        for magic in ("python", "python3", "time", "capture out"):
            with self.subTest(magic=magic):
                code, info = probe.clean_cell("%%" + magic + "\nimport a")
                self.assertEqual(code, "\nimport a")

    def test_top_level_await_parses(self):
        cells = [{"position": 1, "type": "code", "executionCount": None, "id": None,
                  "source": "import asyncio\nawait asyncio.sleep(0)\nasync for x in y():\n    pass\nimport a"}]
        result = probe.analyse_cells(cells)
        self.assertEqual(result["errors"], [])
        self.assertEqual([i["module"] for i in result["imports"]], ["asyncio", "a"])

    def test_non_python_cell_magics_skip_the_cell(self):
        for magic in ("bash", "writefile x.py", "html", "sql", "sh", "javascript"):
            with self.subTest(magic=magic):
                code, info = probe.clean_cell("%%" + magic + "\nimport not_python")
                self.assertIsNone(code)
                self.assertEqual(info["cellMagic"], magic.split()[0])

    def test_line_numbers_are_kept(self):
        source = "%pip install x\n!ls\n\nimport a\nfrom b import c"
        code, _ = probe.clean_cell(source)
        imports, _ = imports_of(code)
        self.assertEqual([(i["module"], i["line"]) for i in imports], [("a", 4), ("b", 5)])

    def test_valid_python_that_starts_with_percent_is_left_alone(self):
        # Only cells that do not parse are cleaned (analyse_cells), so a continued
        # expression keeps its `%` line.
        cells = [{"position": 1, "type": "code", "source": "x = (10\n  % 3)\nimport a", "executionCount": None, "id": None}]
        result = probe.analyse_cells(cells)
        self.assertEqual([i["module"] for i in result["imports"]], ["a"])
        self.assertEqual(result["errors"], [])


class ExtractImportsTest(unittest.TestCase):
    def test_forms(self):
        imports, ignored = imports_of(
            "import a.b, c as d\nfrom e.f import g\nfrom . import h\nfrom ..i import j\n"
            "__import__('k')\nimport importlib\nimportlib.import_module('l.m')\n"
            "importlib.import_module('.rel', 'pkg')\nimport_module(name)\n"
        )
        self.assertEqual(
            [(i["module"], i["top"], i["line"], i["via"]) for i in imports],
            [
                ("a.b", "a", 1, "import"),
                ("c", "c", 1, "import"),
                ("e.f", "e", 2, "from"),
                ("k", "k", 5, "__import__"),
                ("importlib", "importlib", 6, "import"),
                ("l.m", "l", 7, "import_module"),
            ],
        )
        self.assertEqual(imports[2]["names"], ["g"])
        self.assertEqual([(i["module"], i["line"]) for i in ignored], [(".", 3), ("..i", 4)])

    OPTIONAL = [
        ("try:\n    import a\nexcept ImportError:\n    pass", True),
        ("try:\n    import a\nexcept ModuleNotFoundError:\n    pass", True),
        ("try:\n    import a\nexcept (ValueError, ImportError):\n    pass", True),
        ("try:\n    import a\nexcept builtins.ImportError:\n    pass", True),
        ("try:\n    import a\nexcept Exception:\n    pass", True),
        ("try:\n    import a\nexcept BaseException:\n    pass", True),
        ("try:\n    import a\nexcept:\n    pass", True),
        ("try:\n    import a\nexcept KeyError:\n    pass", False),
        ("try:\n    import a\nfinally:\n    pass", False),
        ("try:\n    pass\nexcept ImportError:\n    import a", False),
        ("try:\n    pass\nexcept ImportError:\n    pass\nelse:\n    import a", False),
        ("try:\n    try:\n        import a\n    except KeyError:\n        pass\nexcept ImportError:\n    pass", True),
        ("if TYPE_CHECKING:\n    import a", True),
        ("if typing.TYPE_CHECKING:\n    import a\nelse:\n    pass", True),
        ("if sys.version_info < (3, 11):\n    import a", False),
    ]

    def test_optional(self):
        for code, optional in self.OPTIONAL:
            with self.subTest(code=code):
                imports, _ = imports_of(code)
                self.assertEqual([i["module"] for i in imports], ["a"])
                self.assertEqual(imports[0]["optional"], optional)

    def test_in_function(self):
        imports, _ = imports_of(
            "def f():\n    import a\nclass C:\n    import b\n    def m(self):\n        import c\n"
            "g = lambda: __import__('d')\nimport e"
        )
        self.assertEqual(
            [(i["module"], i["inFunction"]) for i in imports],
            [("a", True), ("b", False), ("c", True), ("d", True), ("e", False)],
        )


class InstallLineTest(unittest.TestCase):
    CASES = [
        ("pip install -q xgboost==2.0.3 'pandas>=2'", "%", "pip", ["xgboost==2.0.3", "pandas>=2"], ["xgboost", "pandas"]),
        ("pip install --upgrade requests", "!", "pip", ["requests"], ["requests"]),
        ("python -m pip install -r requirements.txt demo-core", "!", "pip", ["demo-core"], ["demo-core"]),
        ("{sys.executable} -m pip install tqdm", "!", "pip", ["tqdm"], ["tqdm"]),
        ("python3.11 -m pip install -i https://x/simple papermill[all]", "!", "pip", ["papermill[all]"], ["papermill"]),
        ("pip3 install -e . git+https://h/r.git", "!", "pip", ["git+https://h/r.git"], [None]),
        ("sudo apt-get install -y graphviz", "!", "apt", ["graphviz"], ["graphviz"]),
        ("conda install -c conda-forge -y numpy", "%", "conda", ["numpy"], ["numpy"]),
        ("cd /tmp && pip install six > /dev/null", "!", "pip", ["six"], ["six"]),
        ("uv pip install polars", "!", "pip", ["polars"], ["polars"]),
    ]

    def test_cases(self):
        for text, escape, manager, specs, names in self.CASES:
            with self.subTest(text=text):
                got = probe.parse_install_line(text, escape)
                self.assertEqual(got["manager"], manager)
                self.assertEqual([p["spec"] for p in got["packages"]], specs)
                self.assertEqual([p["name"] for p in got["packages"]], names)

    def test_requirement_files(self):
        got = probe.parse_install_line("pip install -r requirements.txt", "%")
        self.assertEqual(got["requirementFiles"], ["requirements.txt"])

    def test_not_installs(self):
        for text in ("ls -la", "pip list", "pip show numpy", "echo pip install x", "pipx install y"):
            with self.subTest(text=text):
                self.assertIsNone(probe.parse_install_line(text, "!"))


class NotebookTest(unittest.TestCase):
    def test_invalid_json(self):
        with self.assertRaises(probe.NotebookError) as caught:
            probe.parse_notebook(fixture("invalid-json.ipynb"))
        self.assertEqual(
            caught.exception.as_dict(),
            {"kind": "invalid-json", "message": "not valid JSON: Expecting value at line 6, column 1", "line": 6, "column": 1},
        )

    def test_not_a_notebook(self):
        with self.assertRaises(probe.NotebookError) as caught:
            probe.parse_notebook(fixture("not-notebook.ipynb"))
        self.assertEqual(
            caught.exception.message,
            'not a Jupyter notebook: the document is a JSON array, not an object with "cells"',
        )
        for text, message in (
            ('{"metadata": {}}', 'not a Jupyter notebook: no "cells" list (nor nbformat 3 "worksheets")'),
            ('{"cells": [1]}', "not a Jupyter notebook: cell 1 is a JSON number, not an object"),
            ('{"cells": [{"cell_type": "code", "source": 3}]}', "not a Jupyter notebook: the source of cell 1 is a JSON number, not text"),
        ):
            with self.subTest(text=text):
                with self.assertRaises(probe.NotebookError) as caught:
                    probe.parse_notebook(text)
                self.assertEqual(caught.exception.message, message)

    def test_not_utf8(self):
        with open(os.path.join(FIXTURES, "not-utf8.ipynb"), "rb") as handle:
            raw = handle.read()
        with self.assertRaises(probe.NotebookError) as caught:
            probe.decode_notebook(raw)
        self.assertEqual(caught.exception.message, "not UTF-8 text: byte 0xe9 at offset 40")

    def test_nbformat3(self):
        cells, meta = probe.parse_notebook(fixture("nbformat3.ipynb"))
        self.assertEqual(meta["nbformat"], 3)
        self.assertEqual([c["type"] for c in cells], ["heading", "code"])
        self.assertEqual(cells[1]["executionCount"], 3)
        result = probe.analyse_cells(cells)
        self.assertEqual([(i["module"], i["cell"], i["codeCell"], i["line"]) for i in result["imports"]],
                         [("yaml", 2, 1, 1), ("nonexistent_v3", 2, 1, 2)])

    def test_cell_numbering_counts_all_cells(self):
        result = analyse("missing-import.ipynb")  # cell 1 is markdown
        self.assertEqual(
            [(i["module"], i["cell"], i["codeCell"], i["line"]) for i in result["imports"]],
            [("yaml", 2, 1, 1), ("xgboost", 2, 1, 2), ("cv2", 3, 2, 1), ("sklearn.model_selection", 3, 2, 2),
             ("os", 4, 3, 1), ("json", 4, 3, 1)],
        )

    def test_syntax_error(self):
        result = analyse("syntax-error.ipynb")
        self.assertEqual(len(result["errors"]), 1)
        error = result["errors"][0]
        self.assertEqual((error["kind"], error["cell"], error["line"]), ("syntax", 2, 2))
        self.assertTrue(error["message"].startswith("SyntaxError in cell 2, line 2: "))
        self.assertEqual(error["text"], "def broken(:")
        self.assertEqual([i["module"] for i in result["imports"]], ["yaml", "requests"])

    def test_empty(self):
        result = analyse("empty.ipynb")
        self.assertEqual((result["codeCells"], result["imports"], result["errors"]), (0, [], []))

    def test_magics_and_shell(self):
        result = analyse("magics-shell.ipynb")
        self.assertEqual(result["errors"], [])
        self.assertEqual([s["magic"] for s in result["skippedCells"]], ["%%bash", "%%writefile"])
        self.assertEqual(
            [(i["module"], i["cell"], i["line"], i["via"]) for i in result["imports"]],
            [("yaml", 2, 2, "import"), ("requests", 4, 3, "import"), ("json", 5, 1, "import"),
             ("prometheus_client", 5, 4, "import"), ("kubernetes", 6, 4, "import")],
        )
        self.assertEqual([(i["cell"], i["line"], [p["spec"] for p in i["packages"]]) for i in result["installs"]],
                         [(6, 1, ["demo-extra", "demo-core"])])

    def test_pip_magic(self):
        result = analyse("pip-magic.ipynb")
        self.assertEqual(
            [(i["escape"], i["cell"], i["line"], i["manager"], [p["spec"] for p in i["packages"]]) for i in result["installs"]],
            [("%", 1, 1, "pip", ["xgboost==2.0.3", "pandas>=2"]), ("!", 2, 1, "pip", ["requests"]),
             ("!", 2, 2, "pip", ["demo-core"]), ("!", 3, 2, "pip", ["tqdm"]), ("!", 3, 3, "apt", ["graphviz"])],
        )

    def test_relative(self):
        result = analyse("relative-import.ipynb")
        self.assertEqual([i["module"] for i in result["imports"]], ["yaml"])
        self.assertEqual([i["module"] for i in result["ignored"]], [".", ".utils", ".."])


class AuditTest(unittest.TestCase):
    def audit(self, name, present=(), siblings=None):
        with open(os.path.join(FIXTURES, name), "rb") as handle:
            import base64

            entry = {"path": name, "contentBase64": base64.b64encode(handle.read()).decode()}
        resolver = FakeResolver(set(present) | {"os", "json", "sys", "importlib", "typing"})
        return probe.audit_notebook(entry, resolver, STDLIB, probe._local_modules(siblings), 1 << 20)

    def test_missing(self):
        report = self.audit("missing-import.ipynb", present={"yaml"})
        self.assertEqual(report["status"], "missing")
        missing = [(m["name"], m["likelyPackage"]["pypi"], m["likelyPackage"]["debian"], m["occurrences"][0]["cell"], m["occurrences"][0]["line"])
                   for m in report["modules"] if m["status"] == "missing"]
        self.assertEqual(missing, [("xgboost", "xgboost", "python3-xgboost", 2, 2), ("cv2", "opencv-python", "python3-opencv", 3, 1),
                                   ("sklearn", "scikit-learn", "python3-sklearn", 3, 2)])
        self.assertEqual(report["stdlib"], ["json", "os"])

    def test_conditional(self):
        report = self.audit("conditional-import.ipynb")
        required = sorted(m["name"] for m in report["modules"] if not m["optional"])
        self.assertEqual(required, ["missing_fallback_module", "tomlkit"])
        self.assertEqual(report["status"], "missing")

    def test_conditional_all_optional_passes(self):
        cells = '{"cells": [{"cell_type": "code", "source": "try:\\n    import ujson\\nexcept ImportError:\\n    ujson = None"}]}'
        import base64

        entry = {"path": "x.ipynb", "contentBase64": base64.b64encode(cells.encode()).decode()}
        report = probe.audit_notebook(entry, FakeResolver(()), STDLIB, {}, 1 << 20)
        self.assertEqual(report["status"], "ok")
        self.assertEqual([(m["name"], m["status"], m["optional"]) for m in report["modules"]], [("ujson", "missing", True)])

    def test_installed_by_notebook(self):
        report = self.audit("pip-magic.ipynb")
        self.assertEqual(report["status"], "ok")
        self.assertEqual([(m["name"], m["installedByNotebook"]) for m in report["modules"]],
                         [("xgboost", "xgboost==2.0.3"), ("tqdm", "tqdm")])

    def test_local_modules(self):
        report = self.audit("local-module.ipynb", siblings=["helpers.py", "mylib/", "data/", "notes.txt"])
        self.assertEqual([(m["name"], m["status"]) for m in report["modules"]],
                         [("helpers", "local"), ("mylib", "local"), ("notlocal_missing", "missing")])

    def test_errors_never_raise(self):
        for name, kind in (("invalid-json.ipynb", "invalid-json"), ("not-notebook.ipynb", "not-notebook"),
                           ("not-utf8.ipynb", "encoding")):
            with self.subTest(name=name):
                report = self.audit(name)
                self.assertEqual(report["status"], "error")
                self.assertEqual(report["errors"][0]["kind"], kind)
        report = probe.audit_notebook({"path": "gone.ipynb", "file": "/nonexistent/gone.ipynb"}, FakeResolver(()), STDLIB, {}, 1 << 20)
        self.assertEqual(report["errors"], [{"kind": "unreadable", "message": "cannot read the file: No such file or directory"}])

    def test_too_large(self):
        report = probe.audit_notebook({"path": "x", "file": os.path.join(FIXTURES, "syntax-error.ipynb")}, FakeResolver(()), STDLIB, {}, 10)
        self.assertEqual(report["errors"][0]["kind"], "too-large")

    def test_empty_and_r(self):
        self.assertEqual(self.audit("empty.ipynb")["notes"], ["no code cells: nothing to check"])
        report = self.audit("r-kernel.ipynb")
        self.assertEqual((report["status"], report["notes"]), ("skipped", ["the kernel language is R, not Python: imports not checked"]))

    def test_namespace_hint(self):
        report = self.audit("namespace.ipynb")
        self.assertEqual([(m["name"], m["likelyPackage"]["pypi"]) for m in report["modules"]],
                         [("google.protobuf", "protobuf"), ("google.cloud", "google-cloud-storage")])


class SystemPackagesTest(unittest.TestCase):
    """read_dpkg, read_dpkg_lists and scan_distributions on a made-up root."""

    def setUp(self):
        self.root = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.root)

    def write(self, path, text):
        full = path if path.startswith(self.root) else os.path.join(self.root, path.lstrip("/"))
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as handle:
            handle.write(text)
        return full

    def test_dpkg(self):
        self.write("var/lib/dpkg/status", "\n".join([
            "Package: python3-yaml", "Status: install ok installed", "Architecture: amd64", "Version: 6.0-3+b2",
            "Installed-Size: 700", "Depends: python3 (<< 3.12), python3 (>= 3.11~), libyaml-0-2 (>= 0.2.5)", "",
            "Package: gone", "Status: deinstall ok config-files", "Version: 1", "",
            "Package: python3-sklearn-lib", "Status: install ok installed", "Architecture: amd64", "Version: 1.2.1+dfsg-1",
            "Installed-Size: 10", "Provides: python3-sklearn-abi", "Depends: python3-numpy,", " python3-scipy | python3-x", "",
        ]) + "\n")
        self.write("var/lib/dpkg/info/python3-yaml.list", "/.\n/usr/lib/python3/dist-packages/yaml\n/usr/lib/python3/dist-packages/yaml/__init__.py\n"
                   "/usr/lib/python3/dist-packages/_yaml.cpython-311-x86_64-linux-gnu.so\n/usr/lib/python3/dist-packages/PyYAML-6.0.egg-info\n"
                   "/usr/share/doc/python3-yaml/copyright\n")
        self.write("var/lib/dpkg/info/python3-sklearn-lib:amd64.list", "/usr/lib/python3/dist-packages/sklearn/_isotonic.so\n")
        packages = probe.read_dpkg(self.root)
        self.assertEqual(sorted(packages), ["python3-sklearn-lib", "python3-yaml"])
        self.assertEqual(packages["python3-yaml"]["installedSizeBytes"], 700 * 1024)
        self.assertEqual(packages["python3-yaml"]["_depends"], ["libyaml-0-2", "python3"])
        self.assertEqual(packages["python3-sklearn-lib"]["_depends"], ["python3-numpy", "python3-scipy", "python3-x"])
        modules, owners = probe.read_dpkg_lists(packages, self.root)
        site = "/usr/lib/python3/dist-packages"
        self.assertEqual(modules[(site, "yaml")], ["python3-yaml"])
        self.assertEqual(modules[(site, "_yaml")], ["python3-yaml"])
        self.assertEqual(modules[(site, "sklearn")], ["python3-sklearn-lib"])
        self.assertEqual(packages["python3-yaml"]["pythonModules"], ["_yaml", "yaml"])
        self.assertEqual(owners[site + "/PyYAML-6.0.egg-info"], "python3-yaml")

    def test_no_dpkg(self):
        self.assertIsNone(probe.read_dpkg(self.root))

    def test_status_d(self):
        self.write("var/lib/dpkg/status.d/base", "Package: base-files\nVersion: 12.4\nArchitecture: amd64\nInstalled-Size: 340\n")
        self.assertEqual(probe.read_dpkg(self.root)["base-files"]["version"], "12.4")

    def test_distributions(self):
        site = os.path.join(self.root, "site-packages")
        self.write(site + "/demo_extra/__init__.py", "x = 1\n")
        self.write(site + "/demo_extra-0.3.1.dist-info/METADATA",
                   "Metadata-Version: 2.1\nName: demo_extra\nVersion: 0.3.1\nRequires-Dist: Demo.Core>=1\n"
                   "Requires-Dist: pytest ; extra == 'test'\nRequires-Dist: tomli ; python_version < \"3.11\"\n\nRequires-Dist: body\n")
        self.write(site + "/demo_extra-0.3.1.dist-info/RECORD",
                   "demo_extra/__init__.py,sha256=x,6\ndemo_extra-0.3.1.dist-info/METADATA,,\n../../bin/gone,,\n")
        self.write(site + "/google/protobuf/__init__.py", "")
        self.write(site + "/protobuf-4.0.dist-info/METADATA", "Name: protobuf\nVersion: 4.0\n")
        self.write(site + "/protobuf-4.0.dist-info/RECORD", "google/protobuf/__init__.py,,\n")
        self.write(site + "/old-1.0.egg-info/PKG-INFO", "Name: old\nVersion: 1.0\n")
        self.write(site + "/old-1.0.egg-info/top_level.txt", "old\n")
        self.write(site + "/old-1.0.egg-info/requires.txt", "six\n[test]\npytest\n[:python_version < '3']\nfutures\n")
        self.write(site + "/old-1.0.egg-info/installed-files.txt", "../old.py\nPKG-INFO\n")
        self.write(site + "/old.py", "print(1)\n")
        other = os.path.join(self.root, "other")
        self.write(other + "/old-0.9.egg-info", "Name: old\nVersion: 0.9\n")
        dists = probe.scan_distributions([site, other, "/nonexistent"], {})
        by = dict((d["name"], d) for d in dists)
        self.assertEqual(sorted(by), ["demo-extra", "old", "protobuf"])
        self.assertEqual(by["demo-extra"]["requires"], ["demo-core", "tomli"])
        self.assertEqual(by["old"]["requires"], ["futures", "six"])
        self.assertEqual(by["old"]["shadowed"], [{"version": "0.9", "location": other}])
        size, count = probe._size_of(by["demo-extra"]["_files"])
        self.assertEqual(count, 2)  # the missing ../../bin/gone is not counted
        self.assertEqual(by["old"]["sizeSource"], "installed-files.txt")
        self.assertEqual(probe._size_of(by["old"]["_files"])[0], len("print(1)\n") + len("Name: old\nVersion: 1.0\n"))


class UnusedTest(unittest.TestCase):
    def test_closure(self):
        dists = {
            "demo-extra": {"name": "demo-extra", "version": "1", "requires": ["demo-core"], "modules": ["demo_extra"]},
            "demo-core": {"name": "demo-core", "version": "1", "requires": [], "modules": ["demo_core"]},
            "demo-unused": {"name": "demo-unused", "version": "2", "requires": [], "modules": ["demo_unused"], "sizeBytes": 9},
            "meta": {"name": "meta", "version": "1", "requires": ["demo-unused"], "modules": []},
            "scikit-learn": {"name": "scikit-learn", "version": "1.2", "requires": [], "modules": ["sklearn"], "debianPackage": "python3-sklearn"},
        }
        debs = {
            "python3-sklearn": {"version": "1", "installedSizeBytes": 1, "_depends": ["python3-sklearn-lib", "python3-joblib"], "_provides": [], "pythonModules": ["sklearn"]},
            "python3-sklearn-lib": {"version": "1", "installedSizeBytes": 1, "_depends": ["python3-numpy-abi9"], "_provides": [], "pythonModules": ["sklearn"]},
            "python3-numpy": {"version": "1", "installedSizeBytes": 1, "_depends": [], "_provides": ["python3-numpy-abi9"], "pythonModules": ["numpy"]},
            "python3-joblib": {"version": "1", "installedSizeBytes": 1, "_depends": [], "_provides": [], "pythonModules": ["joblib"]},
            "python3-seaborn": {"version": "1", "installedSizeBytes": 5, "_depends": [], "_provides": [], "pythonModules": ["seaborn"]},
            "graphviz": {"version": "1", "installedSizeBytes": 7, "_depends": [], "_provides": []},
        }
        notebooks = [{"modules": [
            {"name": "demo_extra", "status": "found", "distributions": ["demo-extra"]},
            {"name": "sklearn", "status": "found", "debianPackage": "python3-sklearn-lib", "debianPackages": ["python3-sklearn-lib", "python3-sklearn"]},
            {"name": "nothere", "status": "missing"},
        ]}]
        tier = {"packages": {"pip": ["demo-extra", "Demo_Core>=1", "demo-unused==2", "meta", "absent"],
                             "apt": ["python3-sklearn", "python3-joblib", "python3-numpy:amd64", "python3-seaborn", "graphviz", "python3-numpy-abi9", "nope"]}}
        result = probe.unused_packages(tier, notebooks, dists, debs, {})
        self.assertEqual([(u["manager"], u["spec"]) for u in result["unused"]], [("pip", "demo-unused==2"), ("apt", "python3-seaborn")])
        self.assertEqual([(u["manager"], u["spec"]) for u in result["noModules"]], [("pip", "meta"), ("apt", "graphviz")])
        self.assertEqual([u["spec"] for u in result["notInstalled"]], ["absent", "nope"])


class MiniJsonTest(unittest.TestCase):
    def test_same_as_json(self):
        mini = probe.MiniJson()
        for name in sorted(os.listdir(FIXTURES)):
            if not name.endswith(".ipynb") or name == "not-utf8.ipynb":
                continue
            with self.subTest(name=name):
                text = fixture(name)
                try:
                    expected = json.loads(text)
                except ValueError as error:
                    expected = (error.msg, error.lineno, error.colno)
                try:
                    got = mini.loads(text)
                except ValueError as error:
                    got = (error.msg, error.lineno, error.colno)
                self.assertEqual(got, expected)
        value = {"a": "\u00e9\U0001F600\"\\\n", "b": [1, 2.5, -3e5, None, True, False], "c": {}}
        self.assertEqual(json.loads(mini.dumps(value)), value)
        self.assertEqual(mini.loads(json.dumps(value)), value)


class MainTest(unittest.TestCase):
    def run_main(self, text):
        out = io.StringIO()
        saved = sys.stdout
        sys.stdout = out
        try:
            code = probe.main([], text)
        finally:
            sys.stdout = saved
        return code, json.loads(out.getvalue())

    def test_bad_input(self):
        code, doc = self.run_main("{")
        self.assertEqual(code, 2)
        self.assertEqual(doc["fatal"]["kind"], "input")
        code, doc = self.run_main('{"schemaVersion": 2}')
        self.assertEqual(doc["fatal"]["message"], "the input is not an nb-image-probe input (schemaVersion 1)")
        for text, message in (
            ('{"schemaVersion": 1, "tiers": {}}', "input: tiers must be an array"),
            ('{"schemaVersion": 1, "tiers": [{"notebooks": 3}]}', "input: tiers[0] must be an object with a notebooks array"),
            ('{"schemaVersion": 1, "tiers": [{"packages": {"pip": "x"}}]}', "input: tiers[0].packages.pip/apt must be arrays of strings"),
            ('{"schemaVersion": 1, "tiers": [{"notebooks": ["a"]}]}', "input: tiers[0].notebooks[0] must be an object"),
            ('{"schemaVersion": 1, "timeoutSeconds": "5"}', "input: timeoutSeconds must be a number"),
        ):
            with self.subTest(text=text):
                code, doc = self.run_main(text)
                self.assertEqual((code, doc["fatal"]), (2, {"kind": "input", "message": message}))

    def test_timeout(self):
        saved = probe.run

        def slow(request, started):
            time.sleep(5)

        probe.run = slow
        try:
            start = time.time()
            code, doc = self.run_main('{"schemaVersion": 1, "timeoutSeconds": 0.3}')
        finally:
            probe.run = saved
        self.assertEqual((code, doc["fatal"]["kind"]), (3, "timeout"))
        self.assertLess(time.time() - start, 2)

    def test_host_run(self):
        # The whole probe on the host's own Python: one document, every tier reported.
        code, doc = self.run_main(json.dumps({"schemaVersion": 1, "rpm": False, "tiers": [
            {"name": "t", "packages": {"pip": [], "apt": []},
             "notebooks": [{"path": "m.ipynb", "file": os.path.join(FIXTURES, "missing-import.ipynb")}]}]}))
        self.assertEqual(code, 0)
        self.assertEqual(doc["schemaVersion"], 1)
        self.assertIn("distributions", doc)
        modules = dict((m["name"], m["status"]) for m in doc["tiers"][0]["notebooks"][0]["modules"])
        self.assertEqual(modules["xgboost"], "missing")

    def test_runs_on_python_38_grammar(self):
        with open(PROBE) as handle:
            ast.parse(handle.read(), feature_version=(3, 8))


if __name__ == "__main__":
    unittest.main()
