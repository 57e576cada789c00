import { packagesOf, readProbeOutput, tierAudits } from '../../src/contents/probe-output.js'

const doc = (fields: Record<string, unknown> = {}): string =>
  JSON.stringify({
    schemaVersion: 1,
    notes: [],
    distributions: [],
    debian: null,
    rpm: null,
    tiers: [],
    ...fields
  })

describe('readProbeOutput: whatever the image prints, a document or a sentence', () => {
  test.each<[string, string, string]>([
    ['nothing', '', 'the probe printed nothing'],
    ['blank lines', '\n\n  \n', 'the probe printed nothing'],
    [
      'not JSON',
      'Traceback (most recent call last):\n  boom',
      'the probe printed no JSON document (last line: boom)'
    ],
    ['another schema', '{"schemaVersion": 2}', 'the probe printed a document of another schema'],
    ['an array', '[1]', 'the probe printed a document of another schema'],
    [
      'a fatal document',
      '{"schemaVersion": 1, "fatal": {"kind": "timeout", "message": "the probe ran out of its 58s"}}',
      'the probe stopped: the probe ran out of its 58s'
    ],
    [
      'a fatal without message',
      '{"schemaVersion": 1, "fatal": {}}',
      'the probe stopped: no reason given'
    ],
    [
      'a wrong field',
      doc({ distributions: [{ name: 3 }] }),
      "the probe's document is not readable: distributions[0].name: expected a string"
    ],
    [
      'a negative size',
      doc({ debian: [{ name: 'a', version: '1', installedSizeBytes: -1 }] }),
      "the probe's document is not readable: debian[0].installedSizeBytes: expected a non-negative integer"
    ],
    [
      'an unknown notebook status',
      doc({ tiers: [{ name: 't', notebooks: [{ path: 'a', status: 'fine' }] }] }),
      "the probe's document is not readable: tiers[0].notebooks[0].status: expected ok, missing, error, skipped"
    ],
    [
      'a cell number that is not one',
      doc({
        tiers: [
          {
            name: 't',
            notebooks: [
              { path: 'a', status: 'error', errors: [{ kind: 'syntax', message: 'm', cell: 0 }] }
            ]
          }
        ]
      }),
      "the probe's document is not readable: tiers[0].notebooks[0].errors[0].cell: expected a positive integer"
    ],
    [
      'an unused entry of another manager',
      doc({ tiers: [{ name: 't', notebooks: [], unused: [{ manager: 'conda', spec: 'x' }] }] }),
      "the probe's document is not readable: tiers[0].unused[0].manager: expected pip or apt"
    ]
  ])('%s', (_name, stdout, problem) => {
    expect(readProbeOutput(stdout)).toStrictEqual({ problem })
  })

  test('what a sitecustomize prints before the document is ignored: the last line counts', () => {
    const reading = readProbeOutput(`hello from sitecustomize\n${doc({ notes: ['n'] })}\n`)
    expect('document' in reading && reading.document.notes).toStrictEqual(['n'])
  })
})

describe('packagesOf', () => {
  test('interpreter, distributions with measured or estimated sizes, Debian and RPM packages', () => {
    const reading = readProbeOutput(
      doc({
        python: { version: '3.11.2', executable: '/opt/venv/bin/python3', venv: true, path: [] },
        notes: ['a note'],
        distributions: [
          {
            name: 'demo-core',
            version: '1.0',
            location: '/opt/venv/lib',
            locationKind: 'venv',
            sizeBytes: 2048,
            sizeSource: 'RECORD'
          },
          {
            name: 'pyyaml',
            version: '6.0',
            location: '/usr/lib/python3/dist-packages',
            locationKind: 'debian',
            sizeBytes: 700416,
            sizeSource: 'dpkg Installed-Size',
            debianPackage: 'python3-yaml'
          },
          { name: 'odd', version: '0', location: '/x', locationKind: 'other', sizeBytes: null }
        ],
        debian: [
          {
            name: 'python3-yaml',
            version: '6.0-3+b2',
            architecture: 'amd64',
            installedSizeBytes: 700416
          }
        ],
        rpm: [{ name: 'nbdemo', version: '1.4-2', architecture: 'noarch', installedSizeBytes: 0 }]
      })
    )
    if ('problem' in reading) throw new Error(reading.problem)
    expect(packagesOf(reading.document)).toStrictEqual({
      interpreter: { version: '3.11.2', executable: '/opt/venv/bin/python3', venv: true },
      python: [
        {
          name: 'demo-core',
          version: '1.0',
          sizeBytes: 2048,
          sizeSource: 'measured',
          location: 'venv'
        },
        {
          name: 'pyyaml',
          version: '6.0',
          sizeBytes: 700416,
          sizeSource: 'estimated',
          location: 'debian',
          debianPackage: 'python3-yaml'
        },
        { name: 'odd', version: '0', sizeBytes: null, sizeSource: null, location: 'other' }
      ],
      debian: [
        { name: 'python3-yaml', version: '6.0-3+b2', sizeBytes: 700416, architecture: 'amd64' }
      ],
      rpm: [{ name: 'nbdemo', version: '1.4-2', sizeBytes: null, architecture: 'noarch' }],
      notes: ['a note']
    })
  })
})

describe('tierAudits', () => {
  test('missing, optional, installed-by-notebook and found modules; errors; installs; unused hints', () => {
    const reading = readProbeOutput(
      doc({
        tiers: [
          {
            name: 'tier2',
            notes: [],
            notebooks: [
              {
                path: 'nb/train.ipynb',
                status: 'missing',
                errors: [],
                notes: ['cell 4 (%%bash) is not Python: not checked'],
                modules: [
                  {
                    name: 'yaml',
                    status: 'found',
                    optional: false,
                    debianPackage: 'python3-yaml',
                    distributions: ['pyyaml'],
                    occurrences: [{ cell: 1, line: 1, optional: false }]
                  },
                  {
                    name: 'demo_core',
                    status: 'found',
                    optional: false,
                    distributions: ['demo-core'],
                    occurrences: []
                  },
                  { name: 'helpers', status: 'local', optional: false, occurrences: [] },
                  {
                    name: 'sklearn',
                    status: 'missing',
                    optional: false,
                    likelyPackage: {
                      pypi: 'scikit-learn',
                      debian: 'python3-sklearn',
                      guess: false
                    },
                    occurrences: [{ cell: 2, line: 3, optional: false, executionCount: 5 }]
                  },
                  {
                    name: 'xgboost',
                    status: 'missing',
                    optional: false,
                    installedByNotebook: 'xgboost==2.0.3',
                    occurrences: [{ cell: 3, line: 1, optional: false }]
                  },
                  {
                    name: 'ujson',
                    status: 'missing',
                    optional: true,
                    occurrences: [{ cell: 1, line: 2, optional: true }]
                  },
                  {
                    name: 'tkinter',
                    status: 'missing',
                    optional: false,
                    kind: 'stdlib',
                    likelyPackage: { pypi: null, debian: 'python3-tk', guess: false },
                    occurrences: [{ cell: 1, line: 4, optional: false }]
                  }
                ],
                installs: [
                  {
                    manager: 'pip',
                    command: 'pip install -q xgboost==2.0.3',
                    cell: 3,
                    line: 1,
                    packages: [{ spec: 'xgboost==2.0.3', name: 'xgboost' }]
                  }
                ]
              },
              {
                path: 'nb/bad.ipynb',
                status: 'error',
                errors: [
                  { kind: 'invalid-json', message: 'not valid JSON: …', line: 6, column: 1 }
                ],
                notes: [],
                modules: [],
                installs: []
              }
            ],
            unused: [
              { manager: 'apt', spec: 'python3-gunicorn', version: '20.1', sizeBytes: 290816 }
            ],
            noModules: [{ manager: 'apt', spec: 'graphviz' }],
            notInstalled: [{ manager: 'pip', spec: 'nothing-here' }]
          }
        ]
      })
    )
    if ('problem' in reading) throw new Error(reading.problem)
    expect(tierAudits(reading.document)).toStrictEqual([
      {
        tier: 'tier2',
        notes: [],
        notebooks: [
          {
            path: 'nb/train.ipynb',
            status: 'missing',
            resolved: [
              { module: 'yaml', package: 'python3-yaml' },
              { module: 'demo_core', package: 'demo-core' }
            ],
            missing: [
              {
                module: 'sklearn',
                optional: false,
                stdlib: false,
                likely: { pypi: 'scikit-learn', debian: 'python3-sklearn', guess: false },
                sites: [{ cell: 2, line: 3, executionCount: 5 }]
              },
              {
                module: 'xgboost',
                optional: false,
                stdlib: false,
                likely: { pypi: 'xgboost', debian: null, guess: true },
                sites: [{ cell: 3, line: 1 }],
                installedByNotebook: 'xgboost==2.0.3'
              },
              {
                module: 'ujson',
                optional: true,
                stdlib: false,
                likely: { pypi: 'ujson', debian: null, guess: true },
                sites: [{ cell: 1, line: 2 }]
              },
              {
                module: 'tkinter',
                optional: false,
                stdlib: true,
                likely: { pypi: null, debian: 'python3-tk', guess: false },
                sites: [{ cell: 1, line: 4 }]
              }
            ],
            errors: [],
            installs: [
              {
                manager: 'pip',
                command: 'pip install -q xgboost==2.0.3',
                cell: 3,
                line: 1,
                packages: ['xgboost==2.0.3']
              }
            ],
            notes: ['cell 4 (%%bash) is not Python: not checked']
          },
          {
            path: 'nb/bad.ipynb',
            status: 'error',
            resolved: [],
            missing: [],
            errors: [{ kind: 'invalid-json', message: 'not valid JSON: …', fileLine: 6 }],
            installs: [],
            notes: []
          }
        ],
        unused: [
          {
            manager: 'apt',
            spec: 'python3-gunicorn',
            reason: 'unused',
            version: '20.1',
            sizeBytes: 290816
          },
          { manager: 'apt', spec: 'graphviz', reason: 'no-modules' },
          { manager: 'pip', spec: 'nothing-here', reason: 'not-installed' }
        ]
      }
    ])
  })
})
