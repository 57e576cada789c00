import { InputError } from '../../src/utils/errors.js'

/** The InputError `fn` throws; fails the test when it throws nothing or something else. */
export function thrownInputError(fn: () => unknown): InputError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('expected an InputError')
}
