// Whether the engine talks plain HTTP to a registry: the rule dockerd applies before a push
// (moby registry/config.go, isSecureIndex), so that the action reads back over the scheme the
// push used instead of guessing it from how the registry is spelled. A registry listed under
// `insecure-registries` by name, or whose address lies in one of the insecure CIDRs
// (127.0.0.0/8 by default), may be reached over plain HTTP; every other one is HTTPS only.
import { BlockList, isIP } from 'node:net'

/** The part of `docker info`'s RegistryConfig the rule reads. */
export interface RegistryConfig {
  /** Per-registry settings, keyed by `host[:port]` as configured (docker.io is always there). */
  IndexConfigs?: Record<string, { Secure?: boolean } | null> | null
  /** `insecure-registries` given as CIDRs, plus 127.0.0.0/8. */
  InsecureRegistryCIDRs?: string[] | null
}

/** The CIDRs dockerd treats as insecure when nothing else is configured. */
export const DEFAULT_INSECURE_CIDRS = ['127.0.0.0/8']

/** `host` of `host[:port]` or `[v6]:port`. */
export function registryHost(registry: string): string {
  if (registry.startsWith('[')) return registry.slice(1, registry.indexOf(']'))
  const colon = registry.lastIndexOf(':')
  return colon >= 0 && registry.indexOf(':') === colon ? registry.slice(0, colon) : registry
}

/**
 * Whether plain HTTP is allowed to `registry` (`host[:port]`): its own entry in IndexConfigs
 * decides; otherwise any of the host's addresses (the host itself when it is an IP, else
 * what it resolves to: `addresses`) inside an insecure CIDR makes it insecure, as dockerd's
 * isCIDRMatch does.
 */
export function allowsPlainHttp(
  registry: string,
  config: RegistryConfig,
  addresses: readonly string[]
): boolean {
  const own = config.IndexConfigs?.[registry]
  if (own && typeof own.Secure === 'boolean') return !own.Secure
  const cidrs = config.InsecureRegistryCIDRs ?? []
  if (cidrs.length === 0) return false
  const list = new BlockList()
  for (const cidr of cidrs) {
    const [network = '', bits = ''] = cidr.split('/')
    const type = isIP(network) === 6 ? 'ipv6' : 'ipv4'
    if (isIP(network) === 0 || !/^\d+$/.test(bits)) continue
    list.addSubnet(network, Number(bits), type)
  }
  const host = registryHost(registry)
  const candidates = isIP(host) !== 0 ? [host] : addresses
  return candidates.some((address) => {
    const type = isIP(address) === 6 ? 'ipv6' : isIP(address) === 4 ? 'ipv4' : undefined
    return type !== undefined && list.check(address, type)
  })
}
