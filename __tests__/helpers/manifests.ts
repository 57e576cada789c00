import type { Manifest, Tier } from '../../src/manifest/types.js'

/** A tier with no packages, notebooks or build args unless given. */
export function tier(name: string, fields: Partial<Omit<Tier, 'name'>> = {}): Tier {
  return { name, packages: { pip: [], apt: [] }, notebooks: [], buildArgs: {}, ...fields }
}

/** A valid manifest for a generated Dockerfile, overridden field by field. */
export function manifest(fields: Partial<Manifest> = {}): Manifest {
  return {
    file: 'notebook-tiers.yaml',
    version: 1,
    image: 'ghcr.io/acme/nb',
    context: '.',
    baseImage: 'python:3.12-slim',
    buildArgs: {},
    base: { pip: [], apt: [] },
    tiers: [],
    positions: {},
    ...fields
  }
}
