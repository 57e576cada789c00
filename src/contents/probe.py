# nb-image-action's in-image probe: the package inventory of one built image and the
# import audit of the notebooks of the tiers it serves, printed as ONE JSON document.
#
# It runs inside the image, with the image's own python3, in a container without network,
# on a read-only root filesystem; see NOTES.md for the `docker run` argv and the schemas.
# It is one file on purpose (it is streamed into the container, not installed), so it is
# longer than the house's 350 lines. Standard library only; Python 3.8+ (no walrus, no
# 3.9+ APIs, no `list[str]` annotations), and it never imports the packages it inspects:
# modules are located with importlib.util.find_spec, distributions are read from their
# metadata files, Debian packages from /var/lib/dpkg (no dpkg binary needed).
#
# The pure parts (clean_cell, extract_imports, parse_notebook, parse_install_line,
# parse_requirement_name) have no side effects at import time so test_probe.py can test
# them on the host.

import ast
import os
import re
import sys
import time

try:
    import json
except ImportError:  # Debian's python3-minimal has no json: see MiniJson below
    json = None

PROBE_VERSION = "1.0.0"
SCHEMA_VERSION = 1
# Input to stdin bootstrap separator (see BOOTSTRAP in NOTES.md).
INPUT_SEPARATOR = "\n#@@nb-image-probe-input@@\n"

# ---------------------------------------------------------------------------------------
# Standard library names. sys.stdlib_module_names exists from 3.10 on; for 3.8/3.9 this
# is 3.11's public list plus the modules 3.10/3.11 removed (a name that is newer than the
# running Python, e.g. tomllib on 3.8, is then checked with find_spec and reported
# "missing" with kind "stdlib", which is the truth for that interpreter).
STDLIB_FALLBACK = frozenset(
    """__future__ abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit
    audioop base64 bdb binascii binhex bisect builtins bz2 cProfile calendar cgi cgitb chunk
    cmath cmd code codecs codeop collections colorsys compileall concurrent configparser
    contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses datetime dbm
    decimal difflib dis distutils doctest dummy_threading email encodings ensurepip enum
    errno faulthandler fcntl filecmp fileinput fnmatch formatter fractions ftplib functools
    gc genericpath getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac html
    http idlelib imaplib imghdr imp importlib inspect io ipaddress itertools json keyword
    lib2to3 linecache locale logging lzma mailbox mailcap marshal math mimetypes mmap
    modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt ntpath nturl2path
    numbers opcode operator optparse os ossaudiodev parser pathlib pdb pickle pickletools
    pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd
    py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib
    resource rlcompleter runpy sched secrets select selectors shelve shlex shutil signal
    site smtpd smtplib sndhdr socket socketserver spwd sqlite3 sre_compile sre_constants
    sre_parse ssl stat statistics string stringprep struct subprocess sunau symbol symtable
    sys sysconfig syslog tabnanny tarfile telnetlib tempfile termios textwrap this threading
    time timeit tkinter token tokenize tomllib trace traceback tracemalloc tty turtle
    turtledemo types typing unicodedata unittest urllib uu uuid venv warnings wave weakref
    webbrowser winreg winsound wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib
    zoneinfo""".split()
)


def stdlib_names():
    names = getattr(sys, "stdlib_module_names", None)
    base = frozenset(names) if names else STDLIB_FALLBACK
    return base | frozenset(sys.builtin_module_names)


# Debian splits the standard library over several packages; a stdlib module that is
# missing is most likely in one of these (the rest are in libpython3.X-stdlib).
DEBIAN_STDLIB_PACKAGES = {
    "tkinter": "python3-tk",
    "_tkinter": "python3-tk",
    "turtle": "python3-tk",
    "idlelib": "idle-python3.X",
    "distutils": "python3-distutils",
    "lib2to3": "python3-lib2to3",
    "ensurepip": "python3-venv",
    "pydoc_data": "libpython3.X-stdlib",
}

# Import name -> (PyPI project, Debian package or None). The import names that differ
# from the project name are the ones worth curating; anything else falls back to the
# import name itself (marked guess: true).
LIKELY_PACKAGES = {
    "sklearn": ("scikit-learn", "python3-sklearn"),
    "skimage": ("scikit-image", "python3-skimage"),
    "yaml": ("PyYAML", "python3-yaml"),
    "cv2": ("opencv-python", "python3-opencv"),
    "PIL": ("Pillow", "python3-pil"),
    "bs4": ("beautifulsoup4", "python3-bs4"),
    "dateutil": ("python-dateutil", "python3-dateutil"),
    "google.protobuf": ("protobuf", "python3-protobuf"),
    "google.cloud": ("google-cloud-{name}", None),
    "grpc": ("grpcio", "python3-grpcio"),
    "jwt": ("PyJWT", "python3-jwt"),
    "Crypto": ("pycryptodome", "python3-pycryptodome"),
    "OpenSSL": ("pyOpenSSL", "python3-openssl"),
    "dotenv": ("python-dotenv", "python3-dotenv"),
    "magic": ("python-magic", "python3-magic"),
    "serial": ("pyserial", "python3-serial"),
    "usb": ("pyusb", "python3-usb"),
    "zmq": ("pyzmq", "python3-zmq"),
    "psycopg2": ("psycopg2-binary", "python3-psycopg2"),
    "MySQLdb": ("mysqlclient", "python3-mysqldb"),
    "pymysql": ("PyMySQL", "python3-pymysql"),
    "sqlalchemy": ("SQLAlchemy", "python3-sqlalchemy"),
    "attr": ("attrs", "python3-attr"),
    "docx": ("python-docx", "python3-docx"),
    "pptx": ("python-pptx", None),
    "fitz": ("PyMuPDF", "python3-fitz"),
    "Levenshtein": ("python-Levenshtein", "python3-levenshtein"),
    "slugify": ("python-slugify", "python3-slugify"),
    "jose": ("python-jose", "python3-jose"),
    "ldap": ("python-ldap", "python3-ldap"),
    "Bio": ("biopython", "python3-biopython"),
    "tensorflow": ("tensorflow", None),
    "torch": ("torch", None),
    "torchvision": ("torchvision", None),
    "transformers": ("transformers", None),
    "xgboost": ("xgboost", "python3-xgboost"),
    "lightgbm": ("lightgbm", None),
    "numpy": ("numpy", "python3-numpy"),
    "pandas": ("pandas", "python3-pandas"),
    "scipy": ("scipy", "python3-scipy"),
    "matplotlib": ("matplotlib", "python3-matplotlib"),
    "seaborn": ("seaborn", "python3-seaborn"),
    "kubernetes": ("kubernetes", "python3-kubernetes"),
    "prometheus_client": ("prometheus-client", "python3-prometheus-client"),
    "IPython": ("ipython", "python3-ipython"),
    "ipywidgets": ("ipywidgets", "python3-ipywidgets"),
    "nbformat": ("nbformat", "python3-nbformat"),
    "papermill": ("papermill", None),
    "mlflow": ("mlflow", None),
    "boto3": ("boto3", "python3-boto3"),
    "botocore": ("botocore", "python3-botocore"),
    "flask": ("Flask", "python3-flask"),
    "requests": ("requests", "python3-requests"),
    "joblib": ("joblib", "python3-joblib"),
    "gunicorn": ("gunicorn", "python3-gunicorn"),
    "tqdm": ("tqdm", "python3-tqdm"),
    "lxml": ("lxml", "python3-lxml"),
    "jinja2": ("Jinja2", "python3-jinja2"),
    "markdown": ("Markdown", "python3-markdown"),
    "win32api": ("pywin32", None),
    "pkg_resources": ("setuptools", "python3-pkg-resources"),
    "setuptools": ("setuptools", "python3-setuptools"),
}


def canonical_name(name):
    """PEP 503 normal form of a distribution name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def likely_package(module, stdlib, names=None):
    """Which project probably provides a missing import (module: dotted name; names: what
    `from module import …` takes, for namespaces such as google.cloud)."""
    parts = module.split(".")
    top = parts[0]
    if top in stdlib:
        deb = DEBIAN_STDLIB_PACKAGES.get(top, "libpython3.X-stdlib")
        deb = deb.replace("3.X", "%d.%d" % sys.version_info[:2])
        return {"pypi": None, "debian": deb, "guess": False, "stdlib": True}
    for key in (".".join(parts[:2]), top):
        if key in LIKELY_PACKAGES:
            pypi, deb = LIKELY_PACKAGES[key]
            if "{name}" in pypi:
                sub = parts[2] if len(parts) > 2 else (names or ["<name>"])[0]
                pypi = pypi.replace("{name}", sub.replace("_", "-"))
            return {"pypi": pypi, "debian": deb, "guess": False}
    return {
        "pypi": top,
        "debian": "python3-" + top.lower().replace("_", "-"),
        "guess": True,
    }


# ---------------------------------------------------------------------------------------
# Cells: IPython syntax out, line numbers kept.

# Cell magics whose body is Python that IPython runs (so its imports count): the timing
# and capture magics run it in the kernel, %%python/%%python3 in the image's python3.
PYTHON_BODY_CELL_MAGICS = frozenset("time timeit capture prun debug memit mprun python python3".split())
# Line magics whose argument is a Python statement.
PYTHON_ARG_LINE_MAGICS = frozenset("time timeit prun debug memit".split())
# `%load_ext` names IPython resolves inside IPython.extensions.
IPYTHON_EXTENSIONS = frozenset(["autoreload", "storemagic"])
# Namespace packages whose first subpackage is what names the project.
NAMESPACE_TOPS = frozenset("google azure backports jaraco zope sphinxcontrib mpl_toolkits".split())
ASSIGN_ESCAPE = re.compile(r"^(\s*)([A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*\s*=\s*)([!%])(.*)$")
# IPython's autocall escapes: `/f x` is f(x), `,f a b` is f("a", "b"), `;f a b` is f("a b").
AUTOCALL_ESCAPES = ("/", ",", ";")
# Flags for compile(): top-level `await` (IPython's autoawait) is valid in a notebook cell.
PARSE_FLAGS = ast.PyCF_ONLY_AST | getattr(ast, "PyCF_ALLOW_TOP_LEVEL_AWAIT", 0)


def parse_cell(source, name):
    """ast of one cell's Python as the kernel compiles it (top-level await allowed)."""
    return compile(source, name, "exec", PARSE_FLAGS, True)


def _logical_lines(lines, start):
    """Index past the last physical line of an escaped line continued with a backslash."""
    end = start
    while end < len(lines) and lines[end].rstrip().endswith("\\"):
        end += 1
    return min(end + 1, len(lines))


class _Continuation(object):
    """
    Follows brackets, strings and backslash continuations line by line, so that only a line
    that starts a statement is read as IPython syntax: `  % 3)` inside parentheses is the
    modulo operator, and a `!` line inside a triple-quoted string is text. An approximation
    of Python's tokenizer that needs no valid Python (the magic lines are not).
    """

    def __init__(self):
        self.depth = 0
        self.triple = None
        self.backslash = False

    def at_statement_start(self):
        return self.depth == 0 and self.triple is None and not self.backslash

    def feed(self, line):
        line = line.rstrip("\r")
        i, n = 0, len(line)
        self.backslash = False
        while i < n:
            if self.triple:
                if line[i] == "\\":
                    i += 2
                elif line.startswith(self.triple, i):
                    i += 3
                    self.triple = None
                else:
                    i += 1
                continue
            c = line[i]
            if c == "#":
                return
            if c in "\"'":
                if line.startswith(c * 3, i):
                    self.triple = c * 3
                    i += 3
                    continue
                i += 1
                while i < n and line[i] != c:
                    i += 2 if line[i] == "\\" else 1
                i += 1
                continue
            if c in "([{":
                self.depth += 1
            elif c in ")]}":
                self.depth = max(0, self.depth - 1)
            elif c == "\\" and i == n - 1:
                self.backslash = True
            i += 1


def clean_cell(source):
    """
    Replaces IPython syntax in one code cell with Python that parses, keeping every line
    where it was. Returns (code, info): code is None when the whole cell is skipped (a
    non-Python cell magic); info has `cellMagic`, `magics` (list of (line, text)),
    `shell` (list of (line, text)) and `loadExt` (list of (line, name)). Only lines that
    start a statement are read as IPython syntax (not those inside brackets or strings).
    """
    info = {"cellMagic": None, "magics": [], "shell": [], "loadExt": []}
    lines = source.split("\n")
    first = 0
    while first < len(lines) and lines[first].strip() == "":
        first += 1
    if first < len(lines) and lines[first].lstrip().startswith("%%"):
        head = lines[first].strip()[2:]
        name = head.split(None, 1)[0] if head.split() else ""
        info["cellMagic"] = name
        if name not in PYTHON_BODY_CELL_MAGICS:
            return None, info
        lines = list(lines)
        lines[first] = ""
    out = list(lines)
    state = _Continuation()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        indent = line[: len(line) - len(line.lstrip())]
        if not state.at_statement_start():
            state.feed(line)
            i += 1
            continue
        assign = ASSIGN_ESCAPE.match(line)
        if stripped.startswith(("%", "!")):
            end = _logical_lines(lines, i)
            text = " ".join(l.strip().rstrip("\\").strip() for l in lines[i:end])
            if text.startswith("!"):
                info["shell"].append((i + 1, text[1:].strip()))
                replacement = indent + "pass"
            else:
                body = text.lstrip("%")
                info["magics"].append((i + 1, body))
                words = body.split(None, 1)
                magic = words[0] if words else ""
                replacement = indent + "pass"
                if magic in PYTHON_ARG_LINE_MAGICS and len(words) > 1 and end == i + 1:
                    # `%time import numpy` runs its argument: keep it, at its column.
                    replacement = indent + words[1]
                elif magic == "load_ext" and len(words) > 1:
                    # `%load_ext X` imports X (IPython's own extensions aside).
                    extension = words[1].split()[0]
                    if extension not in IPYTHON_EXTENSIONS:
                        info["loadExt"].append((i + 1, extension))
            out[i] = replacement
            for j in range(i + 1, end):
                out[j] = ""
            i = end
            continue
        if assign and not stripped.startswith("#"):
            lead, target, escape, rest = assign.groups()
            end = _logical_lines(lines, i)
            text = " ".join([rest.strip().rstrip("\\").strip()] + [
                l.strip().rstrip("\\").strip() for l in lines[i + 1 : end]
            ])
            if escape == "!":
                info["shell"].append((i + 1, text))
            else:
                info["magics"].append((i + 1, text))
            out[i] = lead + target + "None"
            for j in range(i + 1, end):
                out[j] = ""
            i = end
            continue
        if stripped.startswith(AUTOCALL_ESCAPES) and len(stripped) > 1 and (
            stripped[1].isalpha() or stripped[1] == "_"
        ):
            # Autocall runs a function with the rest of the line as its arguments: no import.
            out[i] = indent + "pass"
            i += 1
            continue
        if stripped.startswith("?") or (
            stripped.endswith("?") and not stripped.startswith("#") and "#" not in stripped
        ):
            # Help (`obj?`, `obj??`, `?obj`): IPython shows documentation, runs nothing.
            out[i] = indent + "pass"
            i += 1
            continue
        state.feed(line)
        i += 1
    return "\n".join(out), info


# ---------------------------------------------------------------------------------------
# Imports.

OPTIONAL_EXCEPTIONS = frozenset(
    ["ImportError", "ModuleNotFoundError", "Exception", "BaseException"]
)


def _handler_catches_import_error(handler):
    if handler.type is None:
        return True
    types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    for t in types:
        name = t.attr if isinstance(t, ast.Attribute) else getattr(t, "id", None)
        if name in OPTIONAL_EXCEPTIONS:
            return True
    return False


def _is_type_checking(test):
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _literal_str(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if hasattr(ast, "Str") and isinstance(node, getattr(ast, "Str")):  # Python < 3.8
        return node.s
    return None


class _ImportCollector(ast.NodeVisitor):
    def __init__(self):
        self.imports = []
        self.ignored = []
        self.optional = []  # stack of reasons
        self.functions = 0

    def _add(self, node, module, via):
        entry = {
            "module": module,
            "top": module.split(".")[0],
            "line": node.lineno,
            "column": node.col_offset + 1,
            "via": via,
            "optional": bool(self.optional),
            "inFunction": self.functions > 0,
        }
        if self.optional:
            entry["optionalReason"] = self.optional[-1]
        self.imports.append(entry)

    def visit_Import(self, node):
        for alias in node.names:
            self._add(node, alias.name, "import")

    def visit_ImportFrom(self, node):
        if node.level:
            self.ignored.append(
                {
                    "module": "." * node.level + (node.module or ""),
                    "line": node.lineno,
                    "reason": "relative import",
                }
            )
            return
        if node.module:
            self._add(node, node.module, "from")
            self.imports[-1]["names"] = [a.name for a in node.names[:10]]

    def visit_Call(self, node):
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name in ("__import__", "import_module") and node.args:
            module = _literal_str(node.args[0])
            if module and not module.startswith("."):
                self._add(node, module, name)
        self.generic_visit(node)

    def _visit_try(self, node):
        optional = any(_handler_catches_import_error(h) for h in node.handlers)
        if optional:
            self.optional.append("try/except")
        for child in node.body:
            self.visit(child)
        if optional:
            self.optional.pop()
        for child in node.handlers + node.orelse + node.finalbody:
            self.visit(child)

    visit_Try = _visit_try
    visit_TryStar = _visit_try

    def visit_If(self, node):
        if _is_type_checking(node.test):
            self.optional.append("TYPE_CHECKING")
            for child in node.body:
                self.visit(child)
            self.optional.pop()
            for child in node.orelse:
                self.visit(child)
            return
        self.generic_visit(node)

    def _visit_function(self, node):
        self.functions += 1
        self.generic_visit(node)
        self.functions -= 1

    visit_FunctionDef = _visit_function
    visit_AsyncFunctionDef = _visit_function
    visit_Lambda = _visit_function


def extract_imports(tree):
    """Absolute imports of a parsed cell, and the relative ones it ignores."""
    collector = _ImportCollector()
    collector.visit(tree)
    return collector.imports, collector.ignored


# ---------------------------------------------------------------------------------------
# Installs a notebook does itself (`%pip install`, `!pip install`, `!apt-get install`…).

INSTALL_COMMAND = re.compile(
    r"^(?:sudo\s+)?(?:(?:\{[^}]*\}|\S*python[\d.]*)\s+-m\s+)?"
    r"(pip[\d.]*|conda|mamba|micromamba|uv\s+pip|apt-get|apt)\s+install\b(.*)$"
)
PIP_OPTIONS_WITH_VALUE = frozenset(
    "-r --requirement -c --constraint -i --index-url --extra-index-url -f --find-links "
    "-t --target --prefix --root --trusted-host --proxy --platform --python-version "
    "--implementation --abi --src --upgrade-strategy --progress-bar --cache-dir --log "
    "-e --editable -n --name -p --prefix --channel".split()
)
REQUIREMENT_NAME = re.compile(r"^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)")


def parse_requirement_name(spec):
    """Project name of a requirement string (`numpy>=1.26`, `papermill[all]`), else None."""
    if "://" in spec or spec.startswith((".", "/", "{", "$", "-")) or spec.endswith(
        (".whl", ".tar.gz", ".zip")
    ):
        return None
    match = REQUIREMENT_NAME.match(spec)
    return match.group(1) if match else None


def _split_words(text):
    try:
        import shlex  # not in Debian's python3-minimal
    except ImportError:
        return [w.strip("'\"") for w in text.split()]
    try:
        return shlex.split(text, comments=True)
    except ValueError:
        return text.split()


def parse_install_line(text, escape):
    """
    An install command in a magic (`pip install -q numpy`) or shell line, else None.
    escape is "%" or "!". Returns {manager, command, packages: [{spec, name}], options}.
    """
    command = text.strip()
    # Only the first command of a `cmd && cmd` chain is looked at; the rest too, if any.
    for part in re.split(r"\s*(?:&&|;|\|\|)\s*", command):
        match = INSTALL_COMMAND.match(part.strip())
        if not match:
            continue
        manager = match.group(1).split()[0]
        manager = "pip" if manager.startswith("pip") or manager == "uv" else manager
        manager = "apt" if manager == "apt-get" else manager
        words = _split_words(match.group(2))
        packages, requirement_files = [], []
        skip = False
        for i, word in enumerate(words):
            if skip:
                skip = False
                continue
            if word in ("-r", "--requirement"):
                if i + 1 < len(words):
                    requirement_files.append(words[i + 1])
                skip = True
                continue
            if word.startswith("-"):
                if word in PIP_OPTIONS_WITH_VALUE and "=" not in word:
                    skip = True
                continue
            if word in (">", ">>", "2>&1", "|"):
                break
            name = parse_requirement_name(word)
            entry = {"spec": word, "name": name}
            if name and manager == "pip":
                entry["canonical"] = canonical_name(name)
            packages.append(entry)
        result = {
            "manager": manager,
            "escape": escape,
            "command": part.strip(),
            "packages": packages,
        }
        if requirement_files:
            result["requirementFiles"] = requirement_files
        return result
    return None


# ---------------------------------------------------------------------------------------
# JSON without the json module: Debian's python3-minimal (the bare base image) lacks it,
# and the probe must still read its input and notebooks and print its report there.


class MiniJsonError(ValueError):
    def __init__(self, msg, text, pos):
        lineno = text.count("\n", 0, pos) + 1
        colno = pos - text.rfind("\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d" % (msg, lineno, colno))
        self.msg, self.lineno, self.colno = msg, lineno, colno


class MiniJson(object):
    """json.loads / json.dumps for what the probe reads and writes; errors like json's."""

    _WS = re.compile(r"[ \t\n\r]*")
    _NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?")
    _STRING = re.compile(r'([^"\\\x00-\x1f]*)(["\\\x00-\x1f])')
    _ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}

    def loads(self, text):
        value, pos = self._value(text, self._WS.match(text, 0).end())
        pos = self._WS.match(text, pos).end()
        if pos != len(text):
            raise MiniJsonError("Extra data", text, pos)
        return value

    def _value(self, s, i):
        c = s[i : i + 1]
        if c == "{":
            obj = {}
            i = self._WS.match(s, i + 1).end()
            if s[i : i + 1] == "}":
                return obj, i + 1
            while True:
                if s[i : i + 1] != '"':
                    raise MiniJsonError("Expecting property name enclosed in double quotes", s, i)
                key, i = self._string(s, i + 1)
                i = self._WS.match(s, i).end()
                if s[i : i + 1] != ":":
                    raise MiniJsonError("Expecting ':' delimiter", s, i)
                obj[key], i = self._value(s, self._WS.match(s, i + 1).end())
                i = self._WS.match(s, i).end()
                if s[i : i + 1] == "}":
                    return obj, i + 1
                if s[i : i + 1] != ",":
                    raise MiniJsonError("Expecting ',' delimiter", s, i)
                i = self._WS.match(s, i + 1).end()
        if c == "[":
            arr = []
            i = self._WS.match(s, i + 1).end()
            if s[i : i + 1] == "]":
                return arr, i + 1
            while True:
                item, i = self._value(s, i)
                arr.append(item)
                i = self._WS.match(s, i).end()
                if s[i : i + 1] == "]":
                    return arr, i + 1
                if s[i : i + 1] != ",":
                    raise MiniJsonError("Expecting ',' delimiter", s, i)
                i = self._WS.match(s, i + 1).end()
        if c == '"':
            return self._string(s, i + 1)
        for word, value in (("null", None), ("true", True), ("false", False)):
            if s.startswith(word, i):
                return value, i + len(word)
        match = self._NUMBER.match(s, i)
        if match and match.end() > i:
            text = match.group(0)
            return (float(text) if match.group(1) or match.group(2) else int(text)), match.end()
        raise MiniJsonError("Expecting value", s, i)

    def _string(self, s, i):
        parts = []
        while True:
            match = self._STRING.match(s, i)
            if not match:
                raise MiniJsonError("Unterminated string starting at", s, i - 1)
            parts.append(match.group(1))
            i = match.end()
            end = match.group(2)
            if end == '"':
                return "".join(parts), i
            if end != "\\":
                raise MiniJsonError("Invalid control character at", s, i - 1)
            c = s[i : i + 1]
            if c == "u":
                code = int(s[i + 1 : i + 5], 16)
                i += 5
                if 0xD800 <= code < 0xDC00 and s[i : i + 2] == "\\u":
                    low = int(s[i + 2 : i + 6], 16)
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                parts.append(chr(code))
            elif c in self._ESCAPES:
                parts.append(self._ESCAPES[c])
                i += 1
            else:
                raise MiniJsonError("Invalid \\escape", s, i - 1)

    def dumps(self, value, **_):
        out = []
        self._dump(value, out)
        return "".join(out)

    def _dump(self, v, out):
        if v is None or v is True or v is False:
            out.append({None: "null", True: "true", False: "false"}[v])
        elif isinstance(v, (int, float)):
            out.append(repr(v))
        elif isinstance(v, str):
            out.append('"')
            for ch in v:
                o = ord(ch)
                if ch in '"\\':
                    out.append("\\" + ch)
                elif 32 <= o < 127:
                    out.append(ch)
                elif o < 0x10000:
                    out.append("\\u%04x" % o)
                else:
                    o -= 0x10000
                    out.append("\\u%04x\\u%04x" % (0xD800 + (o >> 10), 0xDC00 + (o & 0x3FF)))
            out.append('"')
        elif isinstance(v, dict):
            out.append("{")
            for n, (k, item) in enumerate(v.items()):
                if n:
                    out.append(",")
                self._dump(str(k), out)
                out.append(":")
                self._dump(item, out)
            out.append("}")
        else:
            out.append("[")
            for n, item in enumerate(v):
                if n:
                    out.append(",")
                self._dump(item, out)
            out.append("]")


if json is None:
    json = MiniJson()


# ---------------------------------------------------------------------------------------
# Notebooks.


class NotebookError(Exception):
    def __init__(self, kind, message, **extra):
        Exception.__init__(self, message)
        self.kind = kind
        self.message = message
        self.extra = extra

    def as_dict(self):
        entry = {"kind": self.kind, "message": self.message}
        entry.update(self.extra)
        return entry


def _json_type(value):
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return "null" if value is None else "object"


def decode_notebook(raw):
    """Bytes of an .ipynb -> text; NotebookError when not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NotebookError(
            "encoding",
            "not UTF-8 text: byte 0x%02x at offset %d" % (raw[error.start], error.start),
            offset=error.start,
        )


def parse_notebook(text):
    """
    The cells of an nbformat 4 (or 3) notebook as dicts {position, type, source,
    executionCount, id}; position is 1-based among ALL cells, as a reader scrolling the
    notebook counts. Returns (cells, meta). Raises NotebookError.
    """
    try:
        doc = json.loads(text)
    except RecursionError:
        raise NotebookError("invalid-json", "not valid JSON: nested too deeply to read")
    except ValueError as error:
        line = getattr(error, "lineno", None)
        column = getattr(error, "colno", None)
        reason = getattr(error, "msg", str(error))
        where = " at line %d, column %d" % (line, column) if line else ""
        extra = {"line": line, "column": column} if line else {}
        raise NotebookError("invalid-json", "not valid JSON: %s%s" % (reason, where), **extra)
    if not isinstance(doc, dict):
        raise NotebookError(
            "not-notebook",
            "not a Jupyter notebook: the document is a JSON %s, not an object with \"cells\""
            % _json_type(doc),
        )
    major = doc.get("nbformat")
    raw_cells = doc.get("cells")
    if raw_cells is None and isinstance(doc.get("worksheets"), list):
        raw_cells = []
        for sheet in doc["worksheets"]:
            if isinstance(sheet, dict) and isinstance(sheet.get("cells"), list):
                raw_cells.extend(sheet["cells"])
        major = major or 3
    if not isinstance(raw_cells, list):
        raise NotebookError(
            "not-notebook",
            "not a Jupyter notebook: no \"cells\" list (nor nbformat 3 \"worksheets\")",
        )
    metadata = doc.get("metadata") if isinstance(doc.get("metadata"), dict) else {}
    kernelspec = metadata.get("kernelspec") if isinstance(metadata.get("kernelspec"), dict) else {}
    language_info = (
        metadata.get("language_info") if isinstance(metadata.get("language_info"), dict) else {}
    )
    language = kernelspec.get("language") or language_info.get("name") or metadata.get("language")
    cells = []
    for position, cell in enumerate(raw_cells, 1):
        if not isinstance(cell, dict):
            raise NotebookError(
                "not-notebook",
                "not a Jupyter notebook: cell %d is a JSON %s, not an object"
                % (position, _json_type(cell)),
                cell=position,
            )
        source = cell.get("source", cell.get("input", ""))
        if isinstance(source, list) and all(isinstance(s, str) for s in source):
            source = "".join(source)
        if not isinstance(source, str):
            raise NotebookError(
                "not-notebook",
                "not a Jupyter notebook: the source of cell %d is a JSON %s, not text"
                % (position, _json_type(source)),
                cell=position,
            )
        count = cell.get("execution_count", cell.get("prompt_number"))
        cells.append(
            {
                "position": position,
                "type": cell.get("cell_type"),
                "source": source,
                "executionCount": count if isinstance(count, int) else None,
                "id": cell.get("id") if isinstance(cell.get("id"), str) else None,
                "language": cell.get("language"),
            }
        )
    meta = {"nbformat": major if isinstance(major, int) else None, "language": language}
    return cells, meta


def analyse_cells(cells):
    """
    Imports, installs and syntax errors of the code cells. Pure: no module lookup.
    Returns {imports, ignored, installs, errors, skippedCells, codeCells}.
    """
    result = {
        "imports": [],
        "ignored": [],
        "installs": [],
        "errors": [],
        "skippedCells": [],
        "codeCells": 0,
    }
    code_index = 0
    for cell in cells:
        if cell["type"] != "code":
            continue
        code_index += 1
        result["codeCells"] += 1
        where = {"cell": cell["position"], "codeCell": code_index}
        if cell["executionCount"] is not None:
            where["executionCount"] = cell["executionCount"]
        if cell["id"]:
            where["cellId"] = cell["id"]
        # Plain Python is parsed as it is: cleaning only runs on cells that need it, so a
        # valid line that merely starts with `%` (a continued expression) is never touched.
        try:
            tree = parse_cell(cell["source"], "<cell %d>" % cell["position"])
            code, info = cell["source"], {"cellMagic": None, "magics": [], "shell": [], "loadExt": []}
        except (SyntaxError, ValueError):
            tree = None
            code, info = clean_cell(cell["source"])
        for line, text in info["magics"]:
            install = parse_install_line(text, "%")
            if install:
                install.update(where, line=line)
                result["installs"].append(install)
        for line, text in info["shell"]:
            install = parse_install_line(text, "!")
            if install:
                install.update(where, line=line)
                result["installs"].append(install)
        if code is None:
            skipped = dict(where, magic="%%" + info["cellMagic"])
            result["skippedCells"].append(skipped)
            continue
        try:
            if tree is None:
                tree = parse_cell(code, "<cell %d>" % cell["position"])
        except SyntaxError as error:
            line = error.lineno or 1
            lines = cell["source"].split("\n")
            text = lines[line - 1] if 0 < line <= len(lines) else ""
            entry = dict(where)
            entry.update(
                kind="syntax",
                line=line,
                column=error.offset,
                message="SyntaxError in cell %d, line %d: %s" % (cell["position"], line, error.msg),
                text=text.strip()[:200],
            )
            result["errors"].append(entry)
            continue
        except (ValueError, RecursionError, MemoryError) as error:
            entry = dict(where)
            entry.update(
                kind="syntax",
                line=1,
                message="cell %d cannot be parsed: %s" % (cell["position"], error),
            )
            result["errors"].append(entry)
            continue
        imports, ignored = extract_imports(tree)
        for line, name in info["loadExt"]:
            imports.append(
                {
                    "module": name,
                    "top": name.split(".")[0],
                    "line": line,
                    "column": 1,
                    "via": "load_ext",
                    "optional": False,
                    "inFunction": False,
                }
            )
        for entry in imports + ignored:
            entry.update(where)
        result["imports"].extend(imports)
        result["ignored"].extend(ignored)
    return result


# ---------------------------------------------------------------------------------------
# Python distributions, read from their metadata files (never imported).


def _read_text(path, limit=4 << 20):
    try:
        with open(path, "rb") as handle:
            return handle.read(limit).decode("utf-8", "replace")
    except (OSError, IOError):
        return None


def _parse_headers(text):
    """RFC 822-style METADATA / PKG-INFO headers (the body after the blank line is ignored)."""
    headers = {}
    key = None
    for line in text.split("\n"):
        if line == "" or line == "\r":
            break
        if line[:1] in (" ", "\t") and key:
            continue  # continuation (descriptions); nothing we need spans lines
        name, sep, value = line.partition(":")
        if not sep:
            continue
        key = name.strip().lower()
        headers.setdefault(key, []).append(value.strip())
    return headers


def _requires_from_egg(text):
    requires = []
    section_ok = True
    for line in text.split("\n"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            # `[extra]` sections are optional; `[:python_version < "3.9"]` are markers only.
            section_ok = line.startswith("[:")
            continue
        if section_ok:
            requires.append(line)
    return requires


def _requirement_entry(spec):
    name, _, marker = spec.partition(";")
    match = REQUIREMENT_NAME.match(name.strip())
    if not match:
        return None
    if re.search(r"\bextra\s*==", marker):
        return None  # only wanted when the dependent was installed with that extra
    return canonical_name(match.group(1))


def _module_name(entry):
    """Importable top-level name of a directory entry in a site directory, else None."""
    if entry.endswith((".dist-info", ".egg-info", ".data", ".pth", ".egg-link")):
        return None
    if entry in ("__pycache__", "..", ".", "bin"):
        return None
    if entry.endswith(".py"):
        return entry[:-3]
    if entry.endswith((".so", ".pyd")):
        return entry.split(".")[0]
    if "." in entry or "-" in entry:
        return None
    return entry


def _record_files(meta_dir, location):
    """Absolute paths listed in RECORD (or installed-files.txt), or None if neither exists."""
    record = _read_text(os.path.join(meta_dir, "RECORD"), 64 << 20)
    paths = []
    if record is not None:
        for line in record.split("\n"):
            if not line:
                continue
            # RECORD is CSV, but a comma in a path is quoted: rare, handled when present.
            if line.startswith('"'):
                import csv

                row = next(csv.reader([line]), [""])
                path = row[0]
            else:
                path = line.split(",", 1)[0]
            paths.append(os.path.normpath(os.path.join(location, path)))
        return paths, "RECORD"
    installed = _read_text(os.path.join(meta_dir, "installed-files.txt"), 64 << 20)
    if installed is not None:
        for line in installed.split("\n"):
            if line.strip():
                paths.append(os.path.normpath(os.path.join(meta_dir, line.strip())))
        return paths, "installed-files.txt"
    return None, None


def _size_of(paths):
    total = 0
    counted = 0
    seen = set()
    for path in paths:
        if path in seen:
            continue
        seen.add(path)
        try:
            st = os.lstat(path)
        except OSError:
            continue
        if not (st.st_mode & 0o170000 == 0o040000):  # directories carry no size of their own
            total += st.st_size
            counted += 1
    return total, counted


def _location_kind(location):
    if re.match(r"^/usr/lib/python3(\.\d+)?/dist-packages$", location):
        return "debian"  # apt's dist-packages
    if "/dist-packages" in location:
        return "local"  # pip into Debian's system Python (/usr/local/…/dist-packages)
    if location.endswith("site-packages"):
        if sys.prefix != getattr(sys, "base_prefix", sys.prefix) and location.startswith(
            sys.prefix
        ):
            return "venv"
        if "/.local/" in location:
            return "user"
        return "site-packages"
    return "other"


def scan_distributions(paths, debian_owner):
    """
    Distributions on sys.path, first match wins as for `import`; later copies of the same
    name are returned as `shadowed`. debian_owner: metadata dir -> Debian package.
    """
    found = {}
    order = []
    for location in paths:
        if not location or not os.path.isdir(location):
            continue
        try:
            entries = sorted(os.listdir(location))
        except OSError:
            continue
        for entry in entries:
            if not entry.endswith((".dist-info", ".egg-info")):
                continue
            meta_dir = os.path.join(location, entry)
            is_dir = os.path.isdir(meta_dir)
            if is_dir:
                text = _read_text(
                    os.path.join(meta_dir, "METADATA" if entry.endswith(".dist-info") else "PKG-INFO")
                )
            else:
                text = _read_text(meta_dir)  # a PKG-INFO file named x.egg-info
            if text is None:
                continue
            headers = _parse_headers(text)
            name = (headers.get("name") or [entry.split("-")[0]])[0]
            version = (headers.get("version") or [""])[0]
            canonical = canonical_name(name)
            dist = {
                "name": canonical,
                "displayName": name,
                "version": version,
                "location": location,
                "locationKind": _location_kind(location),
                "metadata": entry,
            }
            if canonical in found:
                found[canonical].setdefault("shadowed", []).append(
                    {"version": version, "location": location}
                )
                continue
            requires = headers.get("requires-dist") or []
            if not requires and is_dir and entry.endswith(".egg-info"):
                requires = _requires_from_egg(_read_text(os.path.join(meta_dir, "requires.txt")) or "")
            dist["requires"] = sorted(set(r for r in map(_requirement_entry, requires) if r))
            installer = _read_text(os.path.join(meta_dir, "INSTALLER")) if is_dir else None
            if installer:
                dist["installer"] = installer.strip()
            owner = debian_owner.get(meta_dir)
            if owner:
                dist["debianPackage"] = owner
            files, source = (None, None)
            if is_dir:
                files, source = _record_files(meta_dir, location)
            top = []
            top_text = _read_text(os.path.join(meta_dir, "top_level.txt")) if is_dir else None
            if top_text:
                top = [t.strip().replace("/", ".") for t in top_text.split("\n") if t.strip()]
            dist["_files"] = files
            dist["sizeSource"] = source
            dist["_top"] = top
            found[canonical] = dist
            order.append(canonical)
    return [found[n] for n in order]


# ---------------------------------------------------------------------------------------
# Debian packages from /var/lib/dpkg (no dpkg binary needed).

DEPENDS_FIELDS = ("depends", "pre-depends")
PY_SITE_FILE = re.compile(
    r"^(/usr/(?:local/)?lib/python3(?:\.\d+)?/(?:dist|site)-packages)/([^/]+)(?:/([^/]+))?"
)


def _parse_control(text):
    """Paragraphs of a dpkg status file as lists of dicts with lower-case keys."""
    paragraphs = []
    current = {}
    key = None
    for line in text.split("\n"):
        if not line.strip():
            if current:
                paragraphs.append(current)
            current, key = {}, None
            continue
        if line[0] in " \t":
            if key in ("depends", "pre-depends", "provides"):
                current[key] += " " + line.strip()
            continue
        name, sep, value = line.partition(":")
        if sep:
            key = name.strip().lower()
            current[key] = value.strip()
    if current:
        paragraphs.append(current)
    return paragraphs


def _relation_names(value):
    names = []
    for alternative in re.split(r"[,|]", value or ""):
        match = re.match(r"\s*([a-z0-9][a-z0-9+.-]*)", alternative)
        if match:
            names.append(match.group(1))
    return names


def read_dpkg(root="/"):
    """Installed Debian packages, or None when the image has no dpkg database."""
    base = os.path.join(root, "var/lib/dpkg")
    texts = []
    status = _read_text(os.path.join(base, "status"), 256 << 20)
    if status is not None:
        texts.append(status)
    status_d = os.path.join(base, "status.d")  # distroless images: one file per package
    if os.path.isdir(status_d):
        for entry in sorted(os.listdir(status_d)):
            if not entry.endswith(".md5sums"):
                text = _read_text(os.path.join(status_d, entry))
                if text:
                    texts.append(text)
    if not texts:
        return None
    packages = {}
    for text in texts:
        for para in _parse_control(text):
            name = para.get("package")
            state = para.get("status", "install ok installed").split()
            if not name or state[-1:] != ["installed"]:
                continue
            arch = para.get("architecture", "")
            try:
                size = int(para.get("installed-size", "0")) * 1024
            except ValueError:
                size = 0
            packages[name] = {
                "name": name,
                "version": para.get("version", ""),
                "architecture": arch,
                "installedSizeBytes": size,
                "_depends": sorted(
                    set(n for f in DEPENDS_FIELDS for n in _relation_names(para.get(f)))
                ),
                "_provides": _relation_names(para.get("provides")),
                "_arch": arch,
            }
    return packages


def read_dpkg_lists(packages, root="/"):
    """
    Which Python modules each Debian package ships (from info/<pkg>.list), and which
    dist-info/egg-info directory it owns. Returns (modules_by_site, owner_of_meta).
    modules_by_site: (site dir, top-level name) -> package; also (site dir, "a.b").
    """
    info = os.path.join(root, "var/lib/dpkg/info")
    modules = {}
    owner_of_meta = {}
    for name, pkg in packages.items():
        # Debian policy: a package shipping modules for python3 depends on python3 (dh_python3
        # adds python3:any); skipping the rest (libc, compilers…) halves the reading.
        if not (name.startswith(("python3", "libpython3")) or any(
            d.startswith(("python3", "libpython3")) for d in pkg["_depends"]
        )):
            continue
        text = _read_text(os.path.join(info, name + ".list"), 64 << 20)
        if text is None and pkg["_arch"]:
            text = _read_text(os.path.join(info, "%s:%s.list" % (name, pkg["_arch"])), 64 << 20)
        if not text or "-packages/" not in text:
            continue
        shipped = set()
        for line in text.split("\n"):
            match = PY_SITE_FILE.match(line)
            if not match:
                continue
            site, entry, sub = match.groups()
            if entry.endswith((".dist-info", ".egg-info")):
                owner_of_meta[site + "/" + entry] = name
                continue
            module = _module_name(entry)
            if not module:
                continue
            # Several packages may ship into one package folder (python3-sklearn and
            # python3-sklearn-lib): the one with __init__.py comes first.
            owners = modules.setdefault((site, module), [])
            if sub == "__init__.py" and owners[:1] != [name]:
                if name in owners:
                    owners.remove(name)
                owners.insert(0, name)
            elif name not in owners:
                owners.append(name)
            shipped.add(module)
            if sub:
                submodule = _module_name(sub)
                if submodule:
                    owners = modules.setdefault((site, module + "." + submodule), [])
                    if name not in owners:
                        owners.append(name)
        if shipped:
            pkg["pythonModules"] = sorted(shipped)
    return modules, owner_of_meta


def read_rpm(deadline):
    """Installed RPM packages via `rpm -qa`, or None when the image has no rpm."""
    rpm = None
    for folder in os.environ.get("PATH", "/usr/bin:/bin").split(os.pathsep):
        candidate = os.path.join(folder or ".", "rpm")
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            rpm = candidate
            break
    if not rpm:
        return None, None
    import subprocess  # only now: it costs a few milliseconds to import
    fmt = "%{NAME}\\t%{EPOCHNUM}:%{VERSION}-%{RELEASE}\\t%{ARCH}\\t%{SIZE}\\n"
    try:
        out = subprocess.run(
            [rpm, "-qa", "--qf", fmt],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=max(1.0, deadline - time.time()),
        )
    except (OSError, subprocess.SubprocessError) as error:
        return [], "rpm -qa failed: %s" % error
    if out.returncode != 0:
        return [], "rpm -qa exited %d: %s" % (
            out.returncode,
            out.stderr.decode("utf-8", "replace").strip()[-300:],
        )
    packages = []
    for line in out.stdout.decode("utf-8", "replace").split("\n"):
        parts = line.split("\t")
        if len(parts) != 4 or parts[0] == "gpg-pubkey":
            continue
        version = parts[1][2:] if parts[1].startswith("0:") else parts[1]
        try:
            size = int(parts[3])
        except ValueError:
            size = 0
        packages.append(
            {"name": parts[0], "version": version, "architecture": parts[2], "installedSizeBytes": size}
        )
    packages.sort(key=lambda p: (p["name"], p["architecture"]))
    return packages, None


# ---------------------------------------------------------------------------------------
# The audit against this interpreter.


class Resolver(object):
    """find_spec without importing, cached; and who provides what."""

    def __init__(self, dists, deb_modules, stdlib):
        import importlib.machinery
        import importlib.util

        self.util = importlib.util
        self.machinery = importlib.machinery
        self.stdlib = stdlib
        self.deb_modules = deb_modules
        self.cache = {}
        self.by_module = {}
        self.dists_of_deb = {}
        for dist in dists:
            for module in dist["modules"] + dist.get("namespaceModules", []):
                self.by_module.setdefault(module, []).append(dist["name"])
            if dist.get("debianPackage"):
                self.dists_of_deb.setdefault(dist["debianPackage"], []).append(dist["name"])
        self.sites = sorted(
            (p for p in sys.path if p and os.path.isdir(p)), key=len, reverse=True
        )

    def _site_of(self, path):
        for site in self.sites:
            if path == site or path.startswith(site.rstrip("/") + "/"):
                return site
        return None

    def resolve(self, dotted):
        parts = dotted.split(".")
        top = parts[0]
        key = ".".join(parts[:2])
        if key in self.cache:
            return self.cache[key]
        result = {"name": top}
        try:
            spec = self.util.find_spec(top)
        except Exception as error:  # a broken finder or .pth: say so, do not crash
            spec = None
            result["lookupError"] = "%s: %s" % (type(error).__name__, error)
        if spec is not None and len(parts) > 1 and spec.origin in (None, "namespace"):
            # A namespace package (google, azure…): its first subpackage says which
            # distribution it is; PathFinder searches the namespace's folders without
            # importing anything.
            locations = list(spec.submodule_search_locations or [])
            try:
                sub = self.machinery.PathFinder.find_spec(key, locations)
            except Exception:
                sub = None
            result["name"] = key
            spec = sub
        if spec is None:
            result["status"] = "missing"
            self.cache[key] = result
            return result
        origin = spec.origin
        if origin in (None, "namespace") and spec.submodule_search_locations:
            origin = list(spec.submodule_search_locations)[0]
        result["status"] = "found"
        if origin in ("built-in", "frozen"):
            result["origin"] = origin
        elif origin:
            result["origin"] = origin
            site = self._site_of(origin)
            if site:
                result["site"] = site
                debs = self.deb_modules.get((site, result["name"])) or self.deb_modules.get(
                    (site, top)
                )
                if debs:
                    result["debianPackage"] = debs[0]
                    if len(debs) > 1:
                        result["debianPackages"] = list(debs)
        dists = self.by_module.get(result["name"]) or self.by_module.get(top) or []
        if len(dists) != 1 and result.get("debianPackage") in self.dists_of_deb:
            # Debian's egg-info lists no files: the package that ships the module decides.
            dists = self.dists_of_deb[result["debianPackage"]]
        if dists:
            result["distributions"] = dists
        self.cache[key] = result
        return result


def audit_notebook(entry, resolver, stdlib, local_modules, max_bytes):
    """One notebook of the input -> its report entry (never raises for a bad notebook)."""
    report = {"path": entry.get("path") or entry.get("file") or "?", "status": "ok"}
    report.update(errors=[], notes=[], modules=[], installs=[], ignored=[], skippedCells=[])
    try:
        if "contentBase64" in entry:
            import base64
            import binascii

            try:
                raw = base64.b64decode(entry["contentBase64"])
            except (binascii.Error, TypeError, ValueError):
                raise NotebookError("input", "contentBase64 is not base64")
            if len(raw) > max_bytes:
                raise NotebookError(
                    "too-large", "%d bytes, larger than %d: not checked" % (len(raw), max_bytes)
                )
            text = decode_notebook(raw)
        elif not isinstance(entry.get("file"), str):
            raise NotebookError("input", "the input gives neither contentBase64 nor file for this notebook")
        else:
            try:
                size = os.path.getsize(entry["file"])
                if size > max_bytes:
                    raise NotebookError(
                        "too-large", "%d bytes, larger than %d: not checked" % (size, max_bytes)
                    )
                with open(entry["file"], "rb") as handle:
                    text = decode_notebook(handle.read())
            except (OSError, IOError) as error:
                raise NotebookError("unreadable", "cannot read the file: %s" % (error.strerror or error))
        cells, meta = parse_notebook(text)
    except NotebookError as error:
        report["status"] = "error"
        report["errors"].append(error.as_dict())
        return report
    report["nbformat"] = meta["nbformat"]
    report["language"] = meta["language"]
    report["cells"] = len(cells)
    language = (meta["language"] or "python").lower()
    if language not in ("python", "python3", "ipython", "ipython3"):
        report["status"] = "skipped"
        report["notes"].append(
            "the kernel language is %s, not Python: imports not checked" % meta["language"]
        )
        return report
    analysis = analyse_cells(cells)
    report["codeCells"] = analysis["codeCells"]
    report["installs"] = analysis["installs"]
    report["ignored"] = analysis["ignored"]
    report["skippedCells"] = analysis["skippedCells"]
    report["errors"].extend(analysis["errors"])
    if analysis["codeCells"] == 0:
        report["notes"].append("no code cells: nothing to check")
    for skipped in analysis["skippedCells"]:
        report["notes"].append(
            "cell %d (%s) is not Python: not checked" % (skipped["cell"], skipped["magic"])
        )
    installed_by_notebook = {}
    for install in analysis["installs"]:
        for package in install["packages"]:
            if package.get("name"):
                installed_by_notebook.setdefault(canonical_name(package["name"]), package["spec"])
    grouped = {}
    order = []
    stdlib_used = set()
    for imp in analysis["imports"]:
        module = resolver.resolve(imp["module"])
        key = module["name"]
        parts = imp["module"].split(".")
        if module["status"] == "missing" and len(parts) > 1 and (
            parts[0] in NAMESPACE_TOPS or ".".join(parts[:2]) in LIKELY_PACKAGES
        ):
            key = ".".join(parts[:2])
            module = dict(module, name=key)
        if imp["top"] in stdlib and module["status"] == "found":
            stdlib_used.add(imp["top"])
            continue
        if key not in grouped:
            grouped[key] = dict(module, occurrences=[])
            order.append(key)
        occurrence = dict((k, v) for k, v in imp.items() if k != "top")
        grouped[key]["occurrences"].append(occurrence)
    for key in order:
        module = grouped[key]
        occurrences = module["occurrences"]
        module["optional"] = all(o["optional"] for o in occurrences)
        if imp_is_stdlib(key, stdlib):
            module["kind"] = "stdlib"
        if module["status"] == "missing":
            top = key.split(".")[0]
            if top in local_modules:
                module["status"] = "local"
                module["localPath"] = local_modules[top]
            else:
                first = module["occurrences"][0]
                hint = likely_package(first["module"], stdlib, first.get("names"))
                module["likelyPackage"] = hint
                for candidate in (hint.get("pypi"), top):
                    if candidate and canonical_name(candidate) in installed_by_notebook:
                        module["installedByNotebook"] = installed_by_notebook[canonical_name(candidate)]
                        break
        report["modules"].append(module)
    report["stdlib"] = sorted(stdlib_used)
    # A module the notebook pip-installs itself is flagged on the module
    # (installedByNotebook) but does not make the notebook "missing".
    missing = [
        m
        for m in report["modules"]
        if m["status"] == "missing" and not m["optional"] and "installedByNotebook" not in m
    ]
    if report["errors"]:
        report["status"] = "error"
    elif missing:
        report["status"] = "missing"
    return report


def imp_is_stdlib(name, stdlib):
    return name.split(".")[0] in stdlib


def _local_modules(siblings):
    """Module names importable from the notebook's own folder (the kernel's cwd)."""
    found = {}
    for sibling in siblings or []:
        if not isinstance(sibling, str):
            continue
        clean = sibling.rstrip("/")
        if sibling.endswith("/"):
            name = clean
        elif clean.endswith(".py"):
            name = clean[:-3]
        elif clean.endswith(".so"):
            name = clean.split(".")[0]
        else:
            continue
        if re.match(r"^[A-Za-z_]\w*$", name):
            found[name] = sibling
    return found


# ---------------------------------------------------------------------------------------
# Declared packages a tier's notebooks never use.


def _apt_name(spec):
    return re.split(r"[:=]", spec.strip(), 1)[0]


def unused_packages(tier, notebooks, dists_by_name, deb_packages, deb_modules):
    """
    The tier's declared pip and apt packages that none of its notebooks import, directly
    or through dependencies (Requires-Dist for distributions, Depends/Pre-Depends for
    Debian packages, and the link between a Debian package and the distributions it
    ships). Hints only.
    """
    deb_packages = deb_packages or {}
    providers = {}
    for name, pkg in deb_packages.items():
        for virtual in pkg["_provides"]:
            providers.setdefault(virtual, []).append(name)
    dists_of_deb = {}
    for dist in dists_by_name.values():
        if dist.get("debianPackage"):
            dists_of_deb.setdefault(dist["debianPackage"], []).append(dist["name"])
    queue = []
    for report in notebooks:
        for module in report.get("modules", []):
            if module.get("status") != "found":
                continue
            for dist in module.get("distributions", []):
                queue.append(("dist", dist))
            for deb in module.get("debianPackages") or [module.get("debianPackage")]:
                if deb:
                    queue.append(("deb", deb))
    seen = set()
    while queue:
        node = queue.pop()
        if node in seen:
            continue
        seen.add(node)
        kind, name = node
        if kind == "dist":
            dist = dists_by_name.get(name)
            if not dist:
                continue
            queue.extend(("dist", r) for r in dist.get("requires", []))
            if dist.get("debianPackage"):
                queue.append(("deb", dist["debianPackage"]))
        else:
            pkg = deb_packages.get(name)
            if not pkg:
                for provider in providers.get(name, []):
                    queue.append(("deb", provider))
                continue
            queue.extend(("deb", d) for d in pkg["_depends"])
            queue.extend(("dist", d) for d in dists_of_deb.get(name, []))
    result = {"unused": [], "noModules": [], "notInstalled": []}
    declared = tier.get("packages") or {}
    for spec in declared.get("pip") or []:
        name = parse_requirement_name(spec.strip())
        if not name:
            continue
        canonical = canonical_name(name)
        dist = dists_by_name.get(canonical)
        entry = {"manager": "pip", "spec": spec, "name": canonical}
        if not dist:
            result["notInstalled"].append(entry)
        elif ("dist", canonical) in seen:
            continue
        else:
            entry["version"] = dist["version"]
            entry["sizeBytes"] = dist.get("sizeBytes")
            if dist["modules"]:
                entry["modules"] = dist["modules"]
                result["unused"].append(entry)
            else:
                result["noModules"].append(entry)
    for spec in declared.get("apt") or []:
        name = _apt_name(spec)
        entry = {"manager": "apt", "spec": spec, "name": name}
        pkg = deb_packages.get(name)
        if not pkg:
            real = providers.get(name)
            if not real:
                result["notInstalled"].append(entry)
                continue
            name = real[0]
            pkg = deb_packages[name]
            entry["providedBy"] = name
        if ("deb", name) in seen:
            continue
        entry["version"] = pkg["version"]
        entry["sizeBytes"] = pkg["installedSizeBytes"]
        if pkg.get("pythonModules"):
            entry["modules"] = pkg["pythonModules"]
            result["unused"].append(entry)
        else:
            result["noModules"].append(entry)
    return result


# ---------------------------------------------------------------------------------------
# Main.


class _Deadline(Exception):
    pass


def _on_alarm(signum, frame):
    raise _Deadline()


def _public(item):
    return dict((k, v) for k, v in item.items() if not k.startswith("_"))


def _own_path_entries():
    """sys.path[0] is the probe's folder or the cwd: the notebook kernel has neither."""
    if sys.path and (sys.path[0] in ("", ".") or os.path.exists(os.path.join(sys.path[0], "probe.py"))):
        return [sys.path.pop(0)]
    return []


def run(request, started):
    timings = {}
    deadline = started + float(request.get("timeoutSeconds") or 60)
    notes = []
    removed = _own_path_entries()
    stdlib = stdlib_names()
    out = {
        "schemaVersion": SCHEMA_VERSION,
        "probe": {"version": PROBE_VERSION},
        "python": {
            "version": "%d.%d.%d" % sys.version_info[:3],
            "implementation": sys.implementation.name,
            "executable": sys.executable,
            "prefix": sys.prefix,
            "basePrefix": getattr(sys, "base_prefix", sys.prefix),
            "venv": sys.prefix != getattr(sys, "base_prefix", sys.prefix),
            "path": [p for p in sys.path if p],
            "stdlibList": "sys.stdlib_module_names"
            if hasattr(sys, "stdlib_module_names")
            else "fallback (3.11 list)",
        },
        "notes": notes,
    }
    if removed:
        out["python"]["removedPathEntries"] = removed

    t = time.time()
    deb = read_dpkg(request.get("root") or "/")
    deb_modules, owner_of_meta = {}, {}
    if deb is not None:
        deb_modules, owner_of_meta = read_dpkg_lists(deb, request.get("root") or "/")
    timings["dpkg"] = int((time.time() - t) * 1000)

    t = time.time()
    dists = scan_distributions([p for p in sys.path if p], owner_of_meta)
    size_files = request.get("sizes", True)
    for dist in dists:
        files = dist.pop("_files")
        modules = list(dist.pop("_top"))
        owner = dist.get("debianPackage")
        if files is not None:
            if size_files:
                dist["sizeBytes"], dist["fileCount"] = _size_of(files)
            tops, inits, subs = set(), set(), set()
            prefix = dist["location"] + "/"
            for path in files:
                if not path.startswith(prefix):
                    continue
                rest = path[len(prefix) :].split("/")
                module = _module_name(rest[0])
                if not module or (len(rest) == 1 and not rest[0].endswith((".py", ".so", ".pyd"))):
                    continue
                tops.add(module)
                if len(rest) == 2 and rest[1] == "__init__.py":
                    inits.add(module)
                elif len(rest) > 2 and _module_name(rest[1]):
                    subs.add((module, _module_name(rest[1])))
            if not modules:
                modules = sorted(tops)
            # Namespace packages (google, azure…, no __init__.py): the first subpackage
            # tells which distribution a `google.protobuf` import needs.
            namespaced = sorted("%s.%s" % s for s in subs if s[0] in tops - inits)
            if namespaced:
                dist["namespaceModules"] = namespaced
        elif owner and deb and owner in deb:
            # Debian's egg-info has no file list: the package's Installed-Size stands in.
            dist["sizeBytes"] = deb[owner]["installedSizeBytes"]
            dist["sizeSource"] = "dpkg Installed-Size"
        else:
            dist["sizeBytes"] = None
        if not modules and owner and deb and owner in deb:
            modules = list(deb[owner].get("pythonModules", []))
        dist["modules"] = sorted(set(m for m in modules if m and not m.startswith("__")))
    timings["distributions"] = int((time.time() - t) * 1000)

    t = time.time()
    rpm, rpm_note = (None, None)
    if request.get("rpm", True):
        rpm, rpm_note = read_rpm(deadline)
    if rpm_note:
        notes.append(rpm_note)
    timings["rpm"] = int((time.time() - t) * 1000)

    if deb is None and rpm is None:
        notes.append("no Debian (/var/lib/dpkg/status) or RPM (rpm) package database: no system packages listed")

    out["distributions"] = dists
    out["debian"] = (
        None if deb is None else sorted((_public(p) for p in deb.values()), key=lambda p: p["name"])
    )
    out["rpm"] = rpm

    t = time.time()
    resolver = Resolver(dists, deb_modules, stdlib)
    dists_by_name = dict((d["name"], d) for d in dists)
    max_bytes = int(request.get("maxNotebookBytes") or 50 << 20)
    tiers = []
    for tier in request.get("tiers") or []:
        reports = []
        for entry in tier.get("notebooks") or []:
            local = _local_modules(entry.get("siblings"))
            reports.append(audit_notebook(entry, resolver, stdlib, local, max_bytes))
        tier_out = {"name": tier.get("name"), "notebooks": reports, "notes": []}
        unreadable = [r for r in reports if r["errors"] or r["status"] == "skipped"]
        if not reports:
            tier_out["notes"].append("no notebooks: unused packages not computed")
        elif unreadable:
            # Imports hidden in an unreadable notebook or cell would make every package
            # look unused: say nothing rather than something wrong.
            tier_out["notes"].append(
                "unused packages not computed: %d notebook(s) could not be read completely"
                % len(unreadable)
            )
        else:
            tier_out.update(unused_packages(tier, reports, dists_by_name, deb, deb_modules))
        tiers.append(tier_out)
    out["tiers"] = tiers
    timings["audit"] = int((time.time() - t) * 1000)
    timings["total"] = int((time.time() - started) * 1000)
    out["probe"]["durationMs"] = timings
    return out


def check_input(request):
    """Shape of the input (the TS side writes it; a mistake there must not be a traceback)."""
    tiers = request.get("tiers", [])
    if not isinstance(tiers, list):
        raise ValueError("input: tiers must be an array")
    for i, tier in enumerate(tiers):
        if not isinstance(tier, dict) or not isinstance(tier.get("notebooks", []), list):
            raise ValueError("input: tiers[%d] must be an object with a notebooks array" % i)
        packages = tier.get("packages") or {}
        if not isinstance(packages, dict) or not all(
            isinstance(packages.get(k, []), list) and all(isinstance(s, str) for s in packages.get(k, []))
            for k in ("pip", "apt")
        ):
            raise ValueError("input: tiers[%d].packages.pip/apt must be arrays of strings" % i)
        for j, entry in enumerate(tier.get("notebooks", [])):
            if not isinstance(entry, dict):
                raise ValueError("input: tiers[%d].notebooks[%d] must be an object" % (i, j))
    for key in ("timeoutSeconds", "maxNotebookBytes"):
        if key in request and not isinstance(request[key], (int, float)):
            raise ValueError("input: %s must be a number" % key)


def _emit(document):
    sys.stdout.write(json.dumps(document, ensure_ascii=True, separators=(",", ":")))
    sys.stdout.write("\n")
    sys.stdout.flush()


def main(argv, input_text=None):
    """argv: [input.json] or ["-"] (stdin); input_text: given by the stdin bootstrap."""
    started = time.time()
    try:
        if input_text is None:
            source = argv[0] if argv else "-"
            if source == "-":
                input_text = sys.stdin.read()
            else:
                with open(source, "r", encoding="utf-8") as handle:
                    input_text = handle.read()
        request = json.loads(input_text)
        if not isinstance(request, dict) or request.get("schemaVersion") != 1:
            raise ValueError("the input is not an nb-image-probe input (schemaVersion 1)")
        check_input(request)
    except (OSError, IOError, ValueError) as error:
        _emit({"schemaVersion": SCHEMA_VERSION, "fatal": {"kind": "input", "message": str(error)}})
        return 2
    try:
        import signal

        timeout = float(request.get("timeoutSeconds") or 60)
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    except (ImportError, AttributeError, ValueError):
        pass
    try:
        document = run(request, started)
    except _Deadline:
        _emit(
            {
                "schemaVersion": SCHEMA_VERSION,
                "fatal": {"kind": "timeout", "message": "the probe ran out of its %ss" % request.get("timeoutSeconds", 60)},
            }
        )
        return 3
    except Exception as error:  # the report gets a sentence; the traceback goes to stderr
        import traceback

        traceback.print_exc()
        _emit(
            {
                "schemaVersion": SCHEMA_VERSION,
                "fatal": {"kind": "internal", "message": "%s: %s" % (type(error).__name__, error)},
            }
        )
        return 3
    try:
        signal.setitimer(signal.ITIMER_REAL, 0)
    except Exception:
        pass
    _emit(document)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
