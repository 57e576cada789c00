// When the action may read a registry over plain HTTP: the rule dockerd applies to its own
// pushes (insecure-registries by name, then the insecure CIDRs on the host's addresses).
import {
  allowsPlainHttp,
  registryHost,
  type RegistryConfig
} from '../../src/image/insecure-registry.js'

const DEFAULT: RegistryConfig = {
  IndexConfigs: { 'docker.io': { Secure: true } },
  InsecureRegistryCIDRs: ['127.0.0.0/8']
}
const CONFIGURED: RegistryConfig = {
  IndexConfigs: {
    'docker.io': { Secure: true },
    'registry.internal:5000': { Secure: false },
    'secure.lan:5000': { Secure: true }
  },
  InsecureRegistryCIDRs: ['127.0.0.0/8', '10.20.0.0/16', 'fd00::/8']
}

test.each<[string, RegistryConfig, string[], boolean]>([
  ['127.0.0.1:5000', DEFAULT, [], true],
  ['localhost:5000', DEFAULT, ['127.0.0.1', '::1'], true],
  ['vm:36041', DEFAULT, ['127.0.0.1'], true],
  ['ghcr.io', DEFAULT, ['140.82.112.34'], false],
  ['ghcr.io', DEFAULT, [], false],
  ['registry.internal:5000', DEFAULT, ['10.20.1.2'], false],
  ['registry.internal:5000', CONFIGURED, ['192.0.2.7'], true],
  ['registry.internal', CONFIGURED, ['192.0.2.7'], false],
  ['secure.lan:5000', CONFIGURED, ['10.20.3.4'], false],
  ['lab.lan:5000', CONFIGURED, ['192.0.2.1', '10.20.3.4'], true],
  ['10.20.9.9:443', CONFIGURED, [], true],
  ['[fd00::12]:5000', CONFIGURED, [], true],
  ['[2001:db8::1]:5000', CONFIGURED, [], false],
  ['127.0.0.1:5000', { InsecureRegistryCIDRs: [] }, [], false],
  ['127.0.0.1:5000', {}, [], false]
])('%s under %j (addresses %j): plain HTTP %s', (registry, config, addresses, expected) => {
  expect(allowsPlainHttp(registry, config, addresses)).toBe(expected)
})

test.each<[string, string]>([
  ['ghcr.io', 'ghcr.io'],
  ['vm:5000', 'vm'],
  ['[::1]:5000', '::1'],
  ['[fd00::12]', 'fd00::12']
])('registryHost(%s)', (registry, host) => {
  expect(registryHost(registry)).toBe(host)
})
