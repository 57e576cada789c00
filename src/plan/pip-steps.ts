// pip's part of the generated Dockerfile: `python3 -m pip install` of each image's
// requirements in its own stage; the shared image installs every tier's, each project once.
import { runInstruction, unique, type ImageStage, type PackageSteps } from './package-steps.js'

/** A pip requirement's project name in PEP 503 normal form, for de-duplication. */
export function normalizePip(spec: string): string {
  return spec
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, '-')
}

/** The pip requirements an image stage installs: the shared image's once per project. */
function requirements(image: ImageStage): string[] {
  return image.role === 'shared' ? unique(image.packages.pip, normalizePip) : image.packages.pip
}

/** pip in the generated Dockerfile. */
export const pipSteps: PackageSteps = {
  refreshArgs: () => [],
  preamble: () => [],
  before: () => [],
  install(image) {
    const specs = requirements(image)
    if (specs.length === 0) return []
    return [
      runInstruction([
        'python3',
        '-m',
        'pip',
        'install',
        '--no-cache-dir',
        '--disable-pip-version-check',
        ...specs
      ])
    ]
  }
}
