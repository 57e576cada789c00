// apt's part of the generated Dockerfile, laid out so that a build fetches the package
// indexes once, downloads each .deb once, and installs the tiers side by side:
//
//   nb-apt-lists      `apt-get update`, once per session and per NB_APT_LISTS_KEY (the UTC day)
//   nb-apt-bin        the three scripts below, written by COPY heredocs (no shell, no layer of
//                     any image: steps bind-mount them at /nb/bin)
//   nb-debs-<stage>   per package set (base, each tier): resolve the set against the lists
//                     (apt_resolve), then fetch it into a locked cache mount shared by every
//                     set and copy it out (apt_fetch): a .deb two tiers need is fetched once,
//                     and only the fetching holds the lock
//   <stage>           installs bind-mount only their own set and install those local files
//                     without any index (apt_install); `shared` mounts every tier's set
//
// No index and no .deb reaches an image layer. An install's cache key is the content of
// the set it mounts, so a package added to one tier re-runs that tier's download and install
// only, and a new day's lists rebuild nothing unless a .deb changed. Measured in
// /work/scratch/issue-11/NOTES.md and docs/benchmarks.md.
import { createHash } from 'node:crypto'
import {
  runInstruction,
  type GenerationContext,
  type ImageStage,
  type PackageSteps,
  type StageLines
} from './package-steps.js'

/** The stage that holds the package indexes. */
export const APT_LISTS_STAGE = 'nb-apt-lists'
/** The stage that holds the scripts. */
export const APT_BIN_STAGE = 'nb-apt-bin'
/** The build arg that keys the lists stage: the UTC day. */
export const APT_LISTS_KEY = 'NB_APT_LISTS_KEY'
/**
 * Every file an install writes gets this modification time (2024-01-01T00:00:00Z), so that a
 * cold rebuild from the same .debs gives the same layer. A constant, not SOURCE_DATE_EPOCH:
 * a build arg in a step's environment would re-run it on every commit.
 */
export const APT_FIXED_MTIME = 1704067200

/** The download stage of one package set. */
export function debsStage(stage: string): string {
  return `nb-debs-${stage}`
}

/** Where the download stages keep their results (none of it is in an image). */
const OUT = '/nb-apt'

/**
 * apt_resolve PACKAGE…: the .deb files apt would fetch to install the packages on top of this
 * stage, one `URI FILE SIZE HASH` line each in /nb-apt/uris (apt prints them; nothing is
 * fetched). The names reach apt only as arguments.
 */
const RESOLVE = `# apt_resolve PACKAGE...: the .debs apt would fetch for them, as URI FILE SIZE HASH lines
set -eu
mkdir -p ${OUT}/empty/partial
apt-get install -qq -y --no-install-recommends --print-uris -o Dir::Cache::archives=${OUT}/empty "$@" > ${OUT}/print-uris
sed -n "s/^'\\([^']*\\)' \\([^ ]*\\) \\([0-9]*\\) \\([^ ]*\\)$/\\1 \\2 \\3 \\4/p" ${OUT}/print-uris > ${OUT}/uris
rm -rf ${OUT}/empty ${OUT}/print-uris
`

/**
 * apt_fetch: copies the files /nb-apt/uris lists into /nb-apt/debs, first downloading into the
 * pool (the locked cache mount at /var/cache/apt/archives) those it does not hold yet, each
 * checked against the index's hash by apt's own downloader.
 */
const FETCH = `# apt_fetch: those .debs from the pool (downloading what it lacks) into ${OUT}/debs
set -eu
pool=/var/cache/apt/archives
rm -rf "$pool/nb-partial"
mkdir -p "$pool/nb-partial" ${OUT}/debs
set --
while read -r uri file size hash; do
  [ "$(stat -c %s "$pool/$file" 2>/dev/null || echo none)" = "$size" ] || set -- "$@" "$uri" "$pool/nb-partial/$file" "$hash"
done < ${OUT}/uris
if [ "$#" -gt 0 ]; then
  /usr/lib/apt/apt-helper -o APT::Sandbox::User=root download-file "$@"
  mv "$pool"/nb-partial/* "$pool"/
fi
rm -rf "$pool/nb-partial"
while read -r uri file size hash; do cp "$pool/$file" ${OUT}/debs/; done < ${OUT}/uris
`

/**
 * apt_install DIR…: installs the .deb files of the folders (each file name once) without any
 * package index or download, then drops what would make a rebuild differ: apt's and dpkg's
 * logs, ldconfig's cache, and the install time as the files' modification time (files
 * unpacked from a .deb keep the archive's, older than the marker).
 */
const INSTALL = `# apt_install DIR...: the .debs in DIR... (each name once), with no index, no logs, fixed mtimes
set -eu
touch /nb/mark/start
set -- $(for dir in "$@"; do ls "$dir"/*.deb 2>/dev/null || true; done | awk -F/ '!seen[$NF]++')
[ "$#" -gt 0 ] || exit 0
DEBIAN_FRONTEND=noninteractive apt-get install -qq -y --no-install-recommends -o Dpkg::Options::=--force-unsafe-io -o Dpkg::Options::=--log=/dev/null -o Dir::Log::History=/dev/null -o Dir::Log::Terminal=/dev/null -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= "$@"
rm -f /var/cache/ldconfig/aux-cache
find /var/log -xdev -newer /nb/mark/start -type f -delete
find / -xdev -newer /nb/mark/start -exec touch -h -d @${APT_FIXED_MTIME} {} +
`

/** The scripts, by file name in nb-apt-bin (and under /nb/bin where steps mount it). */
export const APT_SCRIPTS: Readonly<Record<string, string>> = {
  apt_resolve: RESOLVE,
  apt_fetch: FETCH,
  apt_install: INSTALL
}

const BIN_MOUNT = `type=bind,from=${APT_BIN_STAGE},target=/nb/bin`
const LISTS_MOUNT = `type=bind,from=${APT_LISTS_STAGE},source=/var/lib/apt/lists,target=/var/lib/apt/lists`

/**
 * The pool of downloaded .debs: one per base image, so that projects on one engine with
 * different distributions never wait for each other's lock or mix files.
 */
export function aptPoolId(manifest: GenerationContext['manifest']): string {
  const base = manifest.buildArgs['BASE_IMAGE'] ?? manifest.baseImage ?? ''
  return `nb-apt-${createHash('sha256').update(base).digest('hex').slice(0, 12)}`
}

const hasApt = (image: ImageStage): boolean => image.packages.apt.length > 0

/** The stages whose install mounts a download stage: every set that lists packages. */
function sets(image: ImageStage): ImageStage[] {
  return image.role === 'shared' ? image.tiers.filter(hasApt) : hasApt(image) ? [image] : []
}

/** apt in the generated Dockerfile. */
export const aptSteps: PackageSteps = {
  refreshArgs: ({ images }) => (images.some(hasApt) ? [APT_LISTS_KEY] : []),

  preamble({ images }) {
    if (!images.some(hasApt)) return []
    return [
      [
        '# apt: the package indexes, fetched once per session and once a day (NB_APT_LISTS_KEY);',
        '# only the download stages mount them, so no image holds them.',
        `FROM \${BASE_IMAGE} AS ${APT_LISTS_STAGE}`,
        `ARG ${APT_LISTS_KEY}`,
        runInstruction(['apt-get', 'update', '-qq'])
      ],
      [
        '# apt: the scripts of the steps below; package names reach them only as arguments.',
        `FROM scratch AS ${APT_BIN_STAGE}`,
        // One file per heredoc, named after its delimiter (quoted: nothing is expanded). The
        // names are plain words, which every heredoc parser reads alike.
        `COPY ${Object.keys(APT_SCRIPTS)
          .map((name) => `<<"${name}"`)
          .join(' ')} /`,
        ...Object.entries(APT_SCRIPTS).flatMap(([name, script]) => [
          ...script.trimEnd().split('\n'),
          name
        ])
      ]
    ]
  },

  before(image, context): StageLines[] {
    if (image.role === 'shared' || !hasApt(image)) return []
    const pool = `type=cache,id=${aptPoolId(context.manifest)},target=/var/cache/apt/archives,sharing=locked`
    return [
      [
        `# apt: the .debs of ${image.role === 'base' ? 'the base' : `tier ${image.name}`}, resolved on top of ${image.role === 'base' ? 'the base image' : 'the base'}`,
        `FROM ${image.from} AS ${debsStage(image.stage)}`,
        runInstruction(
          ['/bin/sh', '/nb/bin/apt_resolve', ...image.packages.apt],
          [BIN_MOUNT, LISTS_MOUNT]
        ),
        runInstruction(['/bin/sh', '/nb/bin/apt_fetch'], [BIN_MOUNT, pool])
      ]
    ]
  },

  install(image) {
    const mounted = sets(image)
    if (mounted.length === 0) return []
    const targets = mounted.map((set) => `/nb/debs/${set.stage}`)
    return [
      runInstruction(
        ['/bin/sh', '/nb/bin/apt_install', ...targets],
        [
          BIN_MOUNT,
          ...mounted.map(
            (set, index) =>
              `type=bind,from=${debsStage(set.stage)},source=${OUT}/debs,target=${targets[index] ?? ''}`
          ),
          'type=tmpfs,target=/nb/mark'
        ]
      )
    ]
  }
}
