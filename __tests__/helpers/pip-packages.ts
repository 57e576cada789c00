// The projects the test package index serves. Small, but shaped like ADR-031's tiers so
// the resolver has real choices to make:
//
//   base   nbt-runner             (papermill)   needs nbt-core, nbt-config
//   tier1  nbt-k8s                (kubernetes)  needs nbt-config>=1.1; only tier1 has it
//   tier2  nbt-train, NBT_Plot    (sklearn, seaborn)   train 2.x needs nbt-core>=2
//   tier3  nbt-serve[grpc]        (flask + grpc)       serve needs nbt-core<2; the extra
//                                                      brings nbt-grpc, only tier3 has it
//
// Resolved together (pythonConsistency default), tier3's nbt-core<2 forces the resolver
// back from nbt-train 2.0.0 to 1.0.0 and every image gets nbt-core 1.1.0. Resolved per
// tier, tier2 gets nbt-train 2.0.0 and nbt-core 2.0.0 instead. `nbt-train>=2` in tier2
// next to tier3 is a conflict (through nbt-core); `nbt-core<2` against `nbt-core>=2` is
// a direct one. nbt-config 1.2.0 needs Python 3.12 and nbt-core 2.1.0rc1 is a
// pre-release: a resolution made with the base image's pip (Python 3.11, no --pre) never
// picks either. NBT_Plot is spelled unlike its normal form (nbt-plot) on purpose.
//
// Each payload size is distinct, so an image's layer sizes tell which versions it holds.
import { buildWheel, type Wheel, type WheelSpec } from './wheel-builder.js'

/** Every release the index serves, in the order they were "published". */
export const PIP_FIXTURE_RELEASES: readonly WheelSpec[] = [
  { name: 'nbt-core', version: '1.0.0', payloadBytes: 1_000_000 },
  { name: 'nbt-core', version: '1.1.0', payloadBytes: 1_100_000 },
  { name: 'nbt-core', version: '2.0.0', payloadBytes: 2_000_000 },
  { name: 'nbt-core', version: '2.1.0rc1', payloadBytes: 2_100_000 },
  { name: 'nbt-config', version: '1.0.0', payloadBytes: 50_000 },
  { name: 'nbt-config', version: '1.1.0', payloadBytes: 60_000 },
  { name: 'nbt-config', version: '1.2.0', payloadBytes: 70_000, requiresPython: '>=3.12' },
  { name: 'nbt-runner', version: '1.0.0', payloadBytes: 300_000, requires: ['nbt-core>=1.0'] },
  {
    name: 'nbt-runner',
    version: '1.2.0',
    payloadBytes: 320_000,
    requires: ['nbt-core>=1.1', 'nbt-config>=1.0']
  },
  { name: 'nbt-k8s', version: '3.0.0', payloadBytes: 300_000, requires: ['nbt-config>=1.1'] },
  { name: 'nbt-train', version: '1.0.0', payloadBytes: 500_000, requires: ['nbt-core>=1.0,<2'] },
  { name: 'nbt-train', version: '2.0.0', payloadBytes: 700_000, requires: ['nbt-core>=2'] },
  { name: 'NBT_Plot', version: '0.9.0', payloadBytes: 150_000, requires: ['nbt-core>=1.0'] },
  {
    name: 'NBT_Plot',
    version: '1.0.0',
    payloadBytes: 160_000,
    requires: ['nbt-core>=1.1', 'nbt-train>=1.0']
  },
  {
    name: 'nbt-serve',
    version: '1.0.0',
    payloadBytes: 400_000,
    requires: ['nbt-core>=1.1,<2', 'nbt-config>=1.0'],
    extras: { grpc: ['nbt-grpc>=1.0'] }
  },
  {
    name: 'nbt-serve',
    version: '1.1.0',
    payloadBytes: 420_000,
    requires: ['nbt-core>=1.1,<2', 'nbt-config>=1.0'],
    extras: { grpc: ['nbt-grpc>=1.1'] }
  },
  { name: 'nbt-grpc', version: '1.0.0', payloadBytes: 250_000 },
  { name: 'nbt-grpc', version: '1.1.0', payloadBytes: 260_000 },
  // For "one package added to one tier" (issue 11): small and depending on nothing.
  { name: 'nbt-tiny', version: '1.0.0', payloadBytes: 10_000 }
]

/** The three-tier manifest's requirements that go with these releases. */
export const PIP_FIXTURE_TIERS = {
  base: ['nbt-runner'],
  tier1: ['nbt-k8s'],
  tier2: ['nbt-train', 'nbt-plot'],
  tier3: ['nbt-serve[grpc]']
} as const

/**
 * What one resolution of every tier together must give (pip 23.0.1, Python 3.11), by
 * normalised project name. Checked against pip itself by the experiments in NOTES.md.
 */
export const PIP_FIXTURE_RESOLVED: Readonly<Record<string, string>> = {
  'nbt-runner': '1.2.0',
  'nbt-core': '1.1.0',
  'nbt-config': '1.1.0',
  'nbt-k8s': '3.0.0',
  'nbt-train': '1.0.0',
  'nbt-plot': '1.0.0',
  'nbt-serve': '1.1.0',
  'nbt-grpc': '1.1.0'
}

let built: Wheel[] | undefined

/** Builds (once per process) every fixture wheel. */
export function pipFixtureWheels(): Wheel[] {
  built ??= PIP_FIXTURE_RELEASES.map(buildWheel)
  return built
}
