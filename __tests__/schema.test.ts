import { Ajv } from 'ajv'
import schema from '../schema/notebook-tiers.schema.json' with { type: 'json' }

// The action compiles the schema without checking it against the JSON Schema meta-schema
// (that check costs more than the rest of its start); this is where it is checked.
describe('schema/notebook-tiers.schema.json', () => {
  test('is a valid JSON Schema (draft-07) that compiles in strict mode', () => {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true })
    expect(ajv.validateSchema(schema)).toBe(true)
    expect(ajv.errors ?? null).toBeNull()
    expect(() => ajv.compile(schema)).not.toThrow()
  })
})
