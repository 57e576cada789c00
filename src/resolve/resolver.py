"""nb-image-action's Python resolver: the one RUN of the generated `nb-pip-resolve` stage.

It runs inside the manifest's base image, with that image's own python3 and pip, so the
versions it picks are the ones that image can install. Once per build (BuildKit caches the
step on its inputs and the NB_PIP_RESOLVE_KEY day), it:

1. resolves the Python requirements of every tier together (pythonConsistency: all-tiers),
   or of each image on its own (per-tier), with `pip install --dry-run --report`;
2. downloads every chosen file once (`pip download --require-hashes`, pinned to the
   resolution's hashes), building a wheel from any sdist;
3. works out, offline, which of those packages each image needs, with the resolution's
   pins as constraints, so each package has exactly one candidate;
4. writes /out/<image>/ (the wheels that image installs on top of its parent stage, and a
   requirements.lock pinning each by name, version and the hash of that very file) and
   /out/report/resolution.json for the action.

The index settings come from the secret pip.conf (PIP_CONFIG_FILE); nothing here ever
prints them: every line that leaves this program goes through redact(). On failure it
prints one line `nb-pip-error <json>` with what pip said, for the action to locate in the
manifest and the requirements files, and exits 1 (a failure must not be cached).

Only the standard library, and nothing newer than Python 3.7 (pip 22.2, the first pip with
`install --report`, runs on 3.7).
"""

import os
import sys

try:
    import configparser
    import hashlib
    import json
    import re
    import shutil
    import subprocess
    import time
    from urllib.parse import unquote, urlsplit
except ImportError as missing:
    # A minimal Python (Debian's python3-minimal has no json) cannot run pip either.
    sys.stdout.write(
        'nb-pip-error {"kind": "python-incomplete", "python": "%s", "missing": "%s"}\n'
        % (sys.version.split()[0], getattr(missing, "name", None) or "a module")
    )
    sys.exit(1)

IN = "/nb/in"
PIP_CONF = "/nb/pip.conf"
OUT = "/out"
REPORT = "/out/report"
WORK = "/tmp/nb-pip"
WHEELHOUSE = WORK + "/wheelhouse"
# pip's `install --dry-run --report` appeared in 22.2.
MIN_PIP = (22, 2)
# How much of pip's output an error carries.
OUTPUT_LINES = 60
LOG_LINES = 30
# Lines of pip's debug log that tell an index problem from a missing package.
LOG_INTEREST = re.compile(
    r"Could not fetch URL|Retrying \(|NewConnectionError|ConnectTimeout|ReadTimeout|"
    r"SSLError|ProxyError|Max retries exceeded|not a trusted or secure host|"
    r"\b40[13] Client Error|\b5\d\d Server Error"
)

SECRETS = []


def redact(text):
    """The text with every credential of the pip.conf replaced by ****."""
    for secret in SECRETS:
        text = text.replace(secret, "****")
    return text


def say(message):
    sys.stdout.write(redact("nb-pip: %s\n" % message))
    sys.stdout.flush()


class Failure(Exception):
    """A failure the action explains; `detail` becomes the nb-pip-error line."""

    def __init__(self, detail):
        Exception.__init__(self, detail.get("kind", "failed"))
        self.detail = detail


def read_secrets():
    """Credentials in the pip.conf's URLs (user:password, the password, a token user)."""
    if not os.path.isfile(PIP_CONF):
        return
    parser = configparser.RawConfigParser()
    try:
        parser.read(PIP_CONF)
    except configparser.Error:
        return
    for section in parser.sections():
        for _, value in parser.items(section):
            for word in value.split():
                netloc = urlsplit(word).netloc
                if "@" not in netloc:
                    continue
                userinfo = netloc.rsplit("@", 1)[0]
                for form in (userinfo, unquote(userinfo)):
                    user, colon, password = form.partition(":")
                    # A user name alone is most often a token.
                    SECRETS.extend([form, password if colon else user])
    # Longest first, so a password inside user:password is replaced with the whole.
    SECRETS.sort(key=len, reverse=True)
    SECRETS[:] = [secret for secret in SECRETS if len(secret) >= 3]


def pip_env(config):
    env = dict(os.environ)
    if config.get("indexSettings"):
        # The base image's own ENV would beat the config file: the manifest's and the
        # inputs' indexes are the ones asked for.
        for name in (
            "PIP_INDEX_URL",
            "PIP_EXTRA_INDEX_URL",
            "PIP_TRUSTED_HOST",
            "PIP_FIND_LINKS",
            "PIP_NO_INDEX",
        ):
            env.pop(name, None)
    if os.path.isfile(PIP_CONF):
        env["PIP_CONFIG_FILE"] = PIP_CONF
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PIP_NO_INPUT"] = "1"
    env["PIP_CACHE_DIR"] = WORK + "/cache"
    env["PIP_PROGRESS_BAR"] = "off"
    env["PIP_ROOT_USER_ACTION"] = "ignore"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run_pip(env, args, log=None):
    """pip with these arguments; returns (exit code, its output, interesting log lines)."""
    command = [sys.executable, "-m", "pip"] + args
    if log is not None:
        command += ["--log", log]
        if os.path.exists(log):
            os.remove(log)
    # One stream: pip explains a conflict on stdout ("The conflict is caused by:") between
    # two ERROR lines on stderr.
    process = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=WORK)
    output = process.stdout.decode("utf-8", "replace")
    logged = []
    if process.returncode != 0 and log is not None and os.path.exists(log):
        with open(log, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if LOG_INTEREST.search(line):
                    # Drop pip's timestamp; keep each distinct line once.
                    text = re.sub(r"^\S+ ", "", line.strip())
                    if text not in logged:
                        logged.append(text)
    return process.returncode, output, logged[-LOG_LINES:]


# Progress lines that say nothing about why pip failed.
NOISE = re.compile(r"^\s*(Collecting|Downloading|Using cached|Looking in|Obtaining|Requirement already|Processing|Saved|File was already)\b")


def tail(text, count):
    lines = [line for line in text.splitlines() if line.strip() and not NOISE.match(line)]
    return [redact(line) for line in lines[-count:]]


def pip_failure(step, images, result):
    code, output, logged = result
    return Failure(
        {
            "kind": "pip",
            "step": step,
            "images": images,
            "exitCode": code,
            "output": tail(output, OUTPUT_LINES),
            # pip's retries are on the console already; its log adds why a page was skipped.
            "log": [redact(line) for line in logged if line not in output],
        }
    )


def probe(env):
    """pip's and Python's versions in the base image, or the reason there is no pip."""
    code, output, _ = run_pip(env, ["--version"])
    if code != 0:
        kind = "no-pip" if "No module named pip" in output else "pip-broken"
        raise Failure({"kind": kind, "python": sys.version.split()[0], "output": tail(output, 10)})
    match = re.search(r"^pip (\S+)", output, re.M)
    version = match.group(1) if match else "unknown"
    numbers = tuple(int(part) for part in re.findall(r"\d+", version)[:2])
    if len(numbers) == 2 and numbers < MIN_PIP:
        raise Failure({"kind": "old-pip", "pip": version, "python": sys.version.split()[0]})
    return version


def resolve(env, name, requirements, constraints, step, images, offline=False):
    """`pip install --dry-run --report` of one requirements file; the report's install list."""
    report = "%s/%s.json" % (WORK, name)
    args = ["install", "--dry-run", "--report", report, "-r", requirements]
    for constraint in constraints:
        args += ["-c", constraint]
    if offline:
        args += ["--no-index", "--find-links", WHEELHOUSE]
    result = run_pip(env, args, log="%s/%s.log" % (WORK, name))
    if result[0] != 0:
        if "externally-managed-environment" in result[1]:
            raise Failure({"kind": "externally-managed", "output": tail(result[1], 20)})
        raise pip_failure(step, images, result)
    warnings = [line for line in result[1].splitlines() if line.startswith("WARNING")]
    for line in warnings:
        say("%s: %s" % (name, line))
    with open(report, encoding="utf-8") as handle:
        data = json.load(handle)
    return data, [redact(line) for line in warnings]


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def items(report):
    """name → {name, version, sha256, file, requested, extras} of a report's installs."""
    found = {}
    for item in report.get("install", []):
        metadata = item.get("metadata", {})
        name = normalize(metadata.get("name", ""))
        info = item.get("download_info", {})
        archive = info.get("archive_info", {})
        sha256 = (archive.get("hashes") or {}).get("sha256")
        if sha256 is None and str(archive.get("hash", "")).startswith("sha256="):
            sha256 = archive["hash"][len("sha256=") :]
        url = info.get("url", "")
        found[name] = {
            "name": name,
            "version": metadata.get("version", ""),
            "sha256": sha256,
            "file": unquote(urlsplit(url).path.rsplit("/", 1)[-1]),
            "url": url,
            "direct": bool(item.get("is_direct")) or "vcs_info" in info or "dir_info" in info,
            "requested": bool(item.get("requested")),
            "extras": item.get("requested_extras") or [],
        }
    return found


def lock_lines(packages, step):
    lines = []
    for name in sorted(packages):
        package = packages[name]
        if package["direct"] or not package["sha256"]:
            raise Failure(
                {
                    "kind": "unsupported",
                    "step": step,
                    "package": name,
                    "url": redact(package["url"]),
                    "reason": "not a file from a package index (a URL, a path or a VCS checkout)",
                }
            )
        lines.append("%s==%s --hash=sha256:%s" % (name, package["version"], package["sha256"]))
    return lines


def write(path, text):
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def download(env, name, packages, images):
    """Fetches the pinned files of `packages` into the wheelhouse (once each)."""
    lock = "%s/%s.lock" % (WORK, name)
    write(lock, "".join(line + "\n" for line in lock_lines(packages, "download")))
    if not packages:
        return
    args = ["download", "--no-deps", "--require-hashes", "--dest", WORK + "/files", "-r", lock]
    result = run_pip(env, args, log="%s/download-%s.log" % (WORK, name))
    if result[0] != 0:
        raise pip_failure("download", images, result)


def build_wheels(env):
    """The wheelhouse: every downloaded wheel, and a wheel built from every sdist."""
    os.makedirs(WHEELHOUSE, exist_ok=True)
    files = sorted(os.listdir(WORK + "/files")) if os.path.isdir(WORK + "/files") else []
    for file in files:
        source = os.path.join(WORK, "files", file)
        if file.endswith(".whl"):
            os.replace(source, os.path.join(WHEELHOUSE, file))
            continue
        say("building a wheel from %s" % file)
        args = ["wheel", "--no-deps", "--wheel-dir", WHEELHOUSE, source]
        result = run_pip(env, args, log="%s/wheel-%s.log" % (WORK, file))
        if result[0] != 0:
            raise pip_failure("wheel", [file], result)


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def wheel_of(package):
    """The wheelhouse file of one pinned package (a wheel built from an sdist has its own name)."""
    if package["file"].endswith(".whl") and os.path.isfile(os.path.join(WHEELHOUSE, package["file"])):
        return package["file"]
    for file in sorted(os.listdir(WHEELHOUSE)):
        parts = file[: -len(".whl")].split("-")
        if len(parts) >= 5 and normalize(parts[0]) == package["name"] and parts[1] == package["version"]:
            return file
    raise Failure({"kind": "missing-wheel", "package": package["name"], "version": package["version"]})


def lay_out(image, own):
    """/out/<image>/: the wheels it installs, hard-linked, and their lock with file hashes."""
    folder = os.path.join(OUT, image)
    os.makedirs(folder)
    lines = []
    for name in sorted(own):
        package = own[name]
        file = wheel_of(package)
        source = os.path.join(WHEELHOUSE, file)
        target = os.path.join(folder, file)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
        os.chmod(target, 0o644)
        lines.append("%s==%s --hash=sha256:%s" % (name, package["version"], sha256_of(source)))
    write(os.path.join(folder, "requirements.lock"), "".join(line + "\n" for line in lines))
    os.chmod(os.path.join(folder, "requirements.lock"), 0o644)


def conflict_search(env, config, constraints, union_failure):
    """
    The union failed: find the tiers to blame. A tier (with base) failing alone is its own
    problem; otherwise tiers are added one by one until the set fails, then the last one is
    paired with each before it. Only run on failure.
    """
    images = config["images"]
    base = config["base"]
    tiers = [name for name in config["tiers"]]

    def attempt(label, requirement_files, names):
        file = "%s/%s.txt" % (WORK, label)
        write(file, "".join("-r %s\n" % path for path in requirement_files))
        try:
            resolve(env, label, file, constraints, "union", names)
            return None
        except Failure as failure:
            return failure

    base_files = [IN + "/" + images[base]["tierFile"]]
    failure = attempt("alone-base", base_files, [base])
    if failure is not None:
        return failure
    for tier in tiers:
        failure = attempt("alone-" + tier, base_files + [IN + "/" + images[tier]["tierFile"]], [base, tier])
        if failure is not None:
            return failure
    for k in range(1, len(tiers)):
        chosen = tiers[: k + 1]
        files = base_files + [IN + "/" + images[t]["tierFile"] for t in chosen]
        failure = attempt("upto-" + tiers[k], files, [base] + chosen)
        if failure is None:
            continue
        for i in range(k):
            pair = [tiers[i], tiers[k]]
            pair_files = base_files + [IN + "/" + images[t]["tierFile"] for t in pair]
            pair_failure = attempt("pair-%s-%s" % tuple(pair), pair_files, [base] + pair)
            if pair_failure is not None:
                pair_failure.detail["step"] = "conflict"
                return pair_failure
        failure.detail["step"] = "conflict"
        return failure
    return union_failure


def main():
    started = time.time()
    with open(os.path.join(IN, "config.json"), encoding="utf-8") as handle:
        config = json.load(handle)
    read_secrets()
    if os.path.isdir(WORK):
        shutil.rmtree(WORK)
    os.makedirs(WORK)
    os.makedirs(REPORT)
    env = pip_env(config)
    pip_version = probe(env)
    python = sys.version.split()[0]
    say("pip %s, Python %s (%s)" % (pip_version, python, sys.executable))

    images = config["images"]
    base = config["base"]
    constraints = [IN + "/" + path for path in config.get("constraints", [])]
    consistency = config["consistency"]
    closures = {}
    warnings = []
    union_error = None

    if consistency == "all-tiers":
        names = [base] + config["tiers"]
        say("resolving %s together (pythonConsistency: all-tiers)" % ", ".join(names))
        try:
            union, found = resolve(
                env, "union", IN + "/" + config["union"], constraints, "union", names
            )
        except Failure as failure:
            if failure.detail.get("kind") == "pip" and "ResolutionImpossible" in "\n".join(
                failure.detail.get("output", [])
            ):
                say("the tiers cannot be installed together; finding which ones conflict")
                raise conflict_search(env, config, constraints, failure)
            raise
        warnings += found
        pinned = items(union)
        download(env, "union", pinned, names)
        build_wheels(env)
        write(WORK + "/union.pins", "".join("%s==%s\n" % (n, p["version"]) for n, p in sorted(pinned.items())))
        for image in [base] + config["tiers"]:
            report, _ = resolve(
                env,
                "image-" + image,
                IN + "/" + images[image]["requirements"],
                constraints + [WORK + "/union.pins"],
                "split",
                [image],
                offline=True,
            )
            closures[image] = items(report)
        if config.get("shared"):
            closures[config["shared"]] = pinned
    else:
        say("resolving each image on its own (pythonConsistency: per-tier)")
        for image in [base] + config["tiers"]:
            report, found = resolve(
                env, "image-" + image, IN + "/" + images[image]["requirements"],
                constraints, "image", [image] if image == base else [base, image],
            )
            warnings += found
            closures[image] = items(report)
            download(env, image, closures[image], [image])
        if config.get("shared"):
            try:
                report, found = resolve(
                    env, "union", IN + "/" + config["union"], constraints, "union",
                    [base] + config["tiers"],
                )
                closures[config["shared"]] = items(report)
                download(env, "union", closures[config["shared"]], [config["shared"]])
            except Failure as failure:
                stderr = "\n".join(failure.detail.get("output", []))
                union_error = (
                    conflict_search(env, config, constraints, failure)
                    if "ResolutionImpossible" in stderr
                    else failure
                ).detail
        build_wheels(env)

    base_closure = closures[base]
    result = {}
    for image, closure in closures.items():
        own = closure if image == base else {
            name: package
            for name, package in closure.items()
            if name not in base_closure or base_closure[name]["version"] != package["version"]
        }
        lay_out(image, own)
        result[image] = {
            "packages": [
                {
                    "name": name,
                    "version": closure[name]["version"],
                    "requested": closure[name]["requested"],
                    "own": name in own,
                }
                for name in sorted(closure)
            ]
        }
    files = sorted(os.listdir(WHEELHOUSE))
    size = sum(os.path.getsize(os.path.join(WHEELHOUSE, file)) for file in files)
    say(
        "%d files (%d bytes) for %s in %.1f s"
        % (len(files), size, ", ".join(sorted(result)), time.time() - started)
    )
    resolution = {
        "schema": 1,
        "pip": pip_version,
        "python": python,
        "consistency": consistency,
        "images": result,
        "files": [{"file": file, "bytes": os.path.getsize(os.path.join(WHEELHOUSE, file))} for file in files],
        "warnings": warnings,
    }
    if union_error is not None:
        resolution["sharedError"] = union_error
    write(REPORT + "/resolution.json", json.dumps(resolution, indent=1, sort_keys=True) + "\n")
    shutil.rmtree(WORK)


if __name__ == "__main__":
    try:
        main()
    except Failure as failure:
        # What pip said, readable in the build log, then the same for the action.
        for line in failure.detail.get("output", []) + failure.detail.get("log", []):
            sys.stdout.write("  %s\n" % line)
        sys.stdout.write("nb-pip-error %s\n" % redact(json.dumps(failure.detail, sort_keys=True)))
        sys.stdout.flush()
        sys.exit(1)
