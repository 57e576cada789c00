// The repair decision of measure/history.ts: when history is taken as it came, when it is
// asked again by ID, when the image is unpacked again, and what is said when nothing helps.
import {
  historyTopId,
  lostSnapshot,
  readImageHistory,
  type HistoryAnswer
} from '../../src/measure/history.js'

const ID = 'sha256:aaa'
const row = (id: string, size: number): string =>
  JSON.stringify({ ID: id, Size: String(size), CreatedBy: `RUN make ${size}` })
const OWN: HistoryAnswer = { ok: true, output: `${row(ID, 5)}\n${row('<missing>', 7)}\n` }
const OTHER: HistoryAnswer = { ok: true, output: `${row('sha256:bbb', 9)}\n` }
const NO_ID: HistoryAnswer = { ok: true, output: `${row('<missing>', 5)}\n` }
const LOST_TEXT = 'Error response from daemon: snapshot sha256:c0ffee does not exist: not found'
const LOST: HistoryAnswer = { ok: false, error: LOST_TEXT }
const GONE: HistoryAnswer = { ok: false, error: 'Error response from daemon: No such image: x' }
const rows = (...sizes: number[]) =>
  sizes.map((size) => ({ sizeBytes: size, createdBy: `RUN make ${size}` }))

/** Engine operations answering from scripts, recording what was asked. */
function ops(byId: HistoryAnswer[], unpackError?: string) {
  const calls: string[] = []
  return {
    calls,
    history: async (id: string) => {
      calls.push(`history ${id}`)
      const next = byId.shift()
      if (!next) throw new Error('history asked once too often')
      return next
    },
    unpack: async (id: string) => {
      calls.push(`unpack ${id}`)
      return unpackError
    }
  }
}

test.each<[string, HistoryAnswer, HistoryAnswer[], string | undefined, unknown, string[]]>([
  ['its own history: taken as it is', OWN, [], undefined, { rows: rows(7, 5) }, []],
  ['no ID on the newest row (older engines): taken', NO_ID, [], undefined, { rows: rows(5) }, []],
  [
    "another image's history (the tag moved): asked again by ID",
    OTHER,
    [OWN],
    undefined,
    { rows: rows(7, 5) },
    [`history ${ID}`]
  ],
  [
    'a lost snapshot: unpacked again, then asked by ID',
    LOST,
    [OWN],
    undefined,
    { rows: rows(7, 5), repaired: LOST_TEXT },
    [`unpack ${ID}`, `history ${ID}`]
  ],
  [
    'the tag moved and the image lost a snapshot: unpacked, asked again',
    OTHER,
    [LOST, OWN],
    undefined,
    { rows: rows(7, 5), repaired: LOST_TEXT },
    [`history ${ID}`, `unpack ${ID}`, `history ${ID}`]
  ]
])('%s', async (_name, first, byId, unpackError, expected, calls) => {
  const engine = ops(byId, unpackError)
  await expect(readImageHistory(ID, first, engine)).resolves.toStrictEqual(expected)
  expect(engine.calls).toStrictEqual(calls)
})

test.each<[string, HistoryAnswer, HistoryAnswer[], string | undefined, string, string[]]>([
  [
    'any other failure: thrown as the engine said it, nothing repaired',
    GONE,
    [],
    undefined,
    'Error response from daemon: No such image: x',
    []
  ],
  [
    'unpacking fails: both reasons',
    LOST,
    [],
    'Error response from daemon: no space left on device',
    `${LOST_TEXT}; unpacking the image again to restore it failed: Error response from daemon: no space left on device`,
    [`unpack ${ID}`]
  ],
  [
    'still lost after unpacking: one repair only, then both answers',
    LOST,
    [LOST],
    undefined,
    `${LOST_TEXT}; still after unpacking the image again: ${LOST_TEXT}`,
    [`unpack ${ID}`, `history ${ID}`]
  ]
])('%s', async (_name, first, byId, unpackError, message, calls) => {
  const engine = ops(byId, unpackError)
  await expect(readImageHistory(ID, first, engine)).rejects.toThrow(message)
  expect(engine.calls).toStrictEqual(calls)
})

test.each<[string, string | undefined]>([
  [LOST_TEXT, 'sha256:c0ffee'],
  ['Error response from daemon: No such image: x', undefined],
  ['snapshot  does not exist', undefined]
])('lostSnapshot(%j)', (error, snapshot) => {
  expect(lostSnapshot(error)).toBe(snapshot)
})

test.each<[string, string | undefined]>([
  [`${row(ID, 1)}\n${row('<missing>', 2)}\n`, ID],
  [`\n${row('<missing>', 2)}\n`, undefined],
  ['', undefined]
])('historyTopId(%j)', (output, id) => {
  expect(historyTopId(output)).toBe(id)
})
