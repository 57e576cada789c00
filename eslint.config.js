import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      '__tests__/fixtures/',
      '.bench/',
      '.test-runs/',
      'src/manifest/generated/',
      'src/resolve/generated/',
      'src/contents/generated/'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Only the adapters may run commands, and never through a shell
      // (__tests__/no-shell.test.ts checks these rules fire, and scans src/ and dist/).
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:child_process', 'child_process'].map((name) => ({
            name,
            importNames: ['exec', 'execSync'],
            message: 'Run commands as argument arrays through src/adapters/process.ts.'
          }))
        }
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='shell'][value.value!=false]",
          message: 'Never run a command through a shell: pass shell: false (or leave it out).'
        }
      ]
    }
  }
)
