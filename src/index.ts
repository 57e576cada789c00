import { run } from './main.js'

// The runner executes this bundle (dist/index.js) directly.
await run()
