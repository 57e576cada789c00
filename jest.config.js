// Two projects: `unit` runs the pure modules in-process; `e2e` runs the bundled
// action (`node dist/index.js`) against a real Docker engine, one file at a time.
const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  extensionsToTreatAsEsm: ['.ts'],
  // Sources import './x.js' (NodeNext); map those back to the .ts files for ts-jest.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: { ignoreCodes: [151002] } }]
  },
  transformIgnorePatterns: [
    'node_modules/(?!(@actions|@octokit|universal-user-agent|before-after-hook)/)'
  ]
}

export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['/e2e/']
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/__tests__/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/__tests__/e2e/global-teardown.ts',
      slowTestThreshold: 120
    }
  ],
  testTimeout: 600000
}
