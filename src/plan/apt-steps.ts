// apt's part of the generated Dockerfile: the Debian packages of each image, installed in
// its own stage.
import { runInstruction, type PackageSteps } from './package-steps.js'

/** apt in the generated Dockerfile. */
export const aptSteps: PackageSteps = {
  refreshArgs: () => [],
  preamble: () => [],
  before: () => [],
  install(image) {
    if (image.packages.apt.length === 0) return []
    // The package names reach the script only as positional parameters ("$@").
    const script =
      'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" && rm -rf /var/lib/apt/lists/*'
    return [runInstruction(['/bin/sh', '-c', script, 'apt-get-install', ...image.packages.apt])]
  }
}
