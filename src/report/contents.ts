// The report's record of what is inside each image (images[].packages) and of the notebook
// import audit (images[].audit): part of the versioned report contract (types.ts), read
// from the built image itself by src/contents/. Both are optional: reports written before
// them, and images that were not built, have neither.

/** A Debian or RPM package installed in an image. */
export interface SystemPackage {
  name: string
  version: string
  /**
   * Installed size in bytes: dpkg's Installed-Size × 1024 (an estimate the package declares,
   * in KiB rounded up), or rpm's SIZE (the sum of its files' sizes, as the package records
   * it). Null when the package declares none.
   */
  sizeBytes: number | null
  architecture?: string
}

/** A Python distribution on the sys.path of the image's python3. */
export interface PythonPackage {
  /** The PEP 503 normal form (`scikit-learn`), as pip compares names. */
  name: string
  version: string
  /** Installed size in bytes; null when nothing says. */
  sizeBytes: number | null
  /**
   * `measured`: the sizes of the files its RECORD (or installed-files.txt) lists, read in
   * the image. `estimated`: its Debian package's Installed-Size (Debian's egg-info lists no
   * files). Null when neither is known.
   */
  sizeSource: 'measured' | 'estimated' | null
  /**
   * Where it is installed: `debian` (apt's /usr/lib/python3/dist-packages), `local`
   * (/usr/local: pip into the system Python), `venv`, `site-packages`, `user`, `other`.
   */
  location: string
  /** The Debian package that installed it, when apt did (then the Debian list counts it). */
  debianPackage?: string
}

/** The python3 an image runs notebooks with. */
export interface PythonInterpreter {
  version: string
  executable: string
  /** Whether it is a virtual environment's (pip tiers install into one). */
  venv: boolean
}

/** Everything installed in an image, as read from the image. */
export interface ImagePackages {
  /** The image's python3; null when it has none (then `python` is empty). */
  interpreter: PythonInterpreter | null
  /** Every Python distribution the interpreter sees, the first on sys.path when shadowed. */
  python: PythonPackage[]
  debian: SystemPackage[]
  rpm: SystemPackage[]
  /** What could not be listed and why ("the image has no python3: …"). */
  notes: string[]
}

/** Where a module is imported in a notebook. */
export interface ImportSite {
  /** 1-based among all the notebook's cells, as a reader counts them. */
  cell: number
  /** 1-based line within the cell. */
  line: number
  /** The line of the .ipynb file that holds that line of the cell's source, when found. */
  fileLine?: number
  /** The cell's `In [n]` number, when the notebook was saved executed. */
  executionCount?: number
}

/** Which package probably provides a module the image lacks. */
export interface LikelyPackage {
  /** The project on PyPI (pip list). */
  pypi: string | null
  /** The Debian package (apt list). */
  debian: string | null
  /** True when it is the import name itself, not a known mapping. */
  guess: boolean
}

/** A module a notebook imports that the image cannot import. */
export interface MissingModule {
  /** The module as imported (`sklearn`, `google.cloud.storage` → `google.cloud`). */
  module: string
  /** Every import of it is optional (inside try/except ImportError or `if TYPE_CHECKING`). */
  optional: boolean
  /** A standard-library module the image's Python lacks (Debian splits the standard library). */
  stdlib: boolean
  likely: LikelyPackage
  /** The install command of the notebook's own (`%pip install xgboost`), when it installs it. */
  installedByNotebook?: string
  sites: ImportSite[]
  /**
   * Where to add it, in words: `tiers.tier2.pip (scikit-learn) or tiers.tier2.apt
   * (python3-sklearn) in notebook-tiers.yaml`; `base.…` when several tiers' notebooks need it.
   */
  addTo?: string
}

/** Why a notebook (or a cell of it) could not be checked. */
export interface NotebookProblem {
  /** invalid-json, encoding, not-notebook, too-large, syntax, unreadable, no-python, … */
  kind: string
  message: string
  /** The cell, for a syntax error (1-based among all cells), and the line within it. */
  cell?: number
  line?: number
  /** The line of the .ipynb file the problem is on, when known. */
  fileLine?: number
}

/** A package a notebook installs itself (`%pip install …`, `!apt-get install …`). */
export interface NotebookInstall {
  manager: string
  command: string
  cell: number
  line: number
  packages: string[]
}

/** The audit of one notebook in the image that serves its tier. */
export interface NotebookAudit {
  /** Repository-relative path. */
  path: string
  /**
   * ok: every required import resolves; missing: one does not; error: the notebook (or a
   * cell) could not be read; skipped: not a Python notebook.
   */
  status: 'ok' | 'missing' | 'error' | 'skipped'
  /** Third-party modules that resolved, with the package that provides each when known. */
  resolved: { module: string; package?: string }[]
  missing: MissingModule[]
  errors: NotebookProblem[]
  installs: NotebookInstall[]
  notes: string[]
}

/** A package a tier declares that none of its notebooks uses (a hint, never a failure). */
export interface UnusedPackage {
  manager: 'pip' | 'apt'
  /** As the manifest writes it. */
  spec: string
  version?: string
  sizeBytes?: number | null
  /**
   * unused: it ships modules no notebook imports (directly or through what they import);
   * no-modules: it ships none (a tool or a library: imports cannot tell); not-installed: the
   * image has no package of that name.
   */
  reason: 'unused' | 'no-modules' | 'not-installed'
}

/** The audit of the notebooks of one tier. */
export interface TierAudit {
  tier: string
  notebooks: NotebookAudit[]
  unused: UnusedPackage[]
  notes: string[]
}

/** The notebook import audit of one image: the tiers it serves. */
export interface ImageAudit {
  /**
   * passed: every notebook's imports resolve. failed: a notebook imports a module the image
   * lacks, cannot be read, or (with `audit-notebooks: true`) could not be checked.
   * unchecked: the audit could not run in this image (see notes; a warning under `auto`).
   */
  status: 'passed' | 'failed' | 'unchecked'
  tiers: TierAudit[]
  notes: string[]
}
