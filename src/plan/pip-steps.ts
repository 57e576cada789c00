// pip's part of the generated Dockerfile. The Python packages of every image are resolved
// once, by pip itself inside the base image, in the stage `nb-pip-resolve` (the program
// src/resolve/resolver.py, its inputs the named context `nb-pip-in` that the action
// writes: src/resolve/inputs.ts); `nb-pip-report` carries what it decided out to the action,
// which builds that target first (src/resolve/resolve.ts). Each image stage then installs
// its own wheels, offline, from a read-only bind mount of its own folder of the resolution:
// BuildKit keys that step on the folder's content, so a change to one tier leaves every
// other tier's install cached, and no wheel or pip cache reaches a layer.
//
// The index settings reach the resolution only as the secret `nb-pip-conf` (a pip.conf),
// never as a build arg; BuildKit leaves secrets out of cache keys and layers.
import type { Packages } from '../manifest/types.js'
import {
  runInstruction,
  type GenerationContext,
  type ImageStage,
  type PackageSteps
} from './package-steps.js'

/** The stage that resolves and downloads every image's Python packages. */
export const PIP_RESOLVE_STAGE = 'nb-pip-resolve'
/** The stage (FROM scratch) holding only the resolution's report, exported before the build. */
export const PIP_REPORT_STAGE = 'nb-pip-report'
/** The named build context holding the resolver and its inputs. */
export const PIP_INPUT_CONTEXT = 'nb-pip-in'
/** The BuildKit secret holding the pip.conf with the index settings. */
export const PIP_CONF_SECRET = 'nb-pip-conf'
/** The build arg keying the resolution: the UTC day, so it is made again once a day. */
export const PIP_RESOLVE_KEY = 'NB_PIP_RESOLVE_KEY'
/** Where the resolution writes each image's wheels (`<folder>/<image>`) and its report. */
export const PIP_OUT = '/out'

/** A pip requirement's project name in PEP 503 normal form, for de-duplication. */
export function normalizePip(spec: string): string {
  return spec
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, '-')
}

/** Whether a set of packages asks pip for anything. */
function hasPip(packages: Packages): boolean {
  return packages.pip.length > 0 || packages.requirements !== undefined
}

/** Whether an image stage installs Python packages (the shared image: when any tier does). */
export function installsPython(image: ImageStage): boolean {
  return image.role === 'shared'
    ? image.tiers.some((tier) => hasPip(tier.packages))
    : hasPip(image.packages)
}

/** Whether the generated Dockerfile resolves Python packages at all. */
export function usesPip(context: GenerationContext): boolean {
  return context.images.some(installsPython)
}

/** pip in the generated Dockerfile. */
export const pipSteps: PackageSteps = {
  refreshArgs: (context) => (usesPip(context) ? [PIP_RESOLVE_KEY] : []),
  preamble(context) {
    if (!usesPip(context)) return []
    return [
      [
        '# Python packages: resolved for every image at once, by pip inside the base image,',
        '# and each file downloaded once (src/resolve/resolver.py, given as the nb-pip-in context).',
        `FROM \${BASE_IMAGE} AS ${PIP_RESOLVE_STAGE}`,
        `ARG ${PIP_RESOLVE_KEY}`,
        // The resolver writes /out and /tmp: as root, whatever user the base image runs as.
        'USER 0',
        runInstruction(
          ['python3', '/nb/in/resolve.py'],
          [
            `type=bind,from=${PIP_INPUT_CONTEXT},target=/nb/in`,
            `type=secret,id=${PIP_CONF_SECRET},target=/nb/pip.conf,required=true`
          ]
        )
      ],
      [
        `FROM scratch AS ${PIP_REPORT_STAGE}`,
        `COPY --from=${PIP_RESOLVE_STAGE} ${PIP_OUT}/report /`
      ]
    ]
  },
  before: () => [],
  install(image) {
    if (!installsPython(image)) return []
    return [
      runInstruction(
        [
          'python3',
          '-m',
          'pip',
          'install',
          '--no-index',
          '--find-links',
          '/nb/pip',
          '--require-hashes',
          '--no-cache-dir',
          '--disable-pip-version-check',
          '--no-input',
          '-r',
          '/nb/pip/requirements.lock'
        ],
        [`type=bind,from=${PIP_RESOLVE_STAGE},source=${PIP_OUT}/${image.name},target=/nb/pip`]
      )
    ]
  }
}
