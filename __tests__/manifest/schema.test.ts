import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import schema from '../../schema/notebook-tiers.schema.json' with { type: 'json' }
// @ts-expect-error: a plain .mjs script without types; only these two exports are used.
import { VALIDATOR_FILE, validatorSource } from '../../scripts/generate-validator.mjs'

describe('schema/notebook-tiers.schema.json', () => {
  test('is a valid JSON Schema (draft-07) that compiles in strict mode', () => {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true })
    expect(ajv.validateSchema(schema)).toBe(true)
    expect(ajv.errors ?? null).toBeNull()
    expect(() => ajv.compile(schema)).not.toThrow()
  })

  // The action validates manifests with the schema compiled ahead of time; a schema change
  // without `npm run generate` would silently keep validating against the old one.
  test('src/manifest/generated/validator.ts is generated from it (npm run generate)', () => {
    const committed = readFileSync(
      new URL(`../../${VALIDATOR_FILE as string}`, import.meta.url),
      'utf8'
    )
    expect(committed).toBe((validatorSource as () => string)())
  })
})
