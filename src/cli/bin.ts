#!/usr/bin/env node
import { main } from './cli.js'

// `npx nb-image build …` runs this bundle (dist/cli/index.js).
process.exitCode = await main(process.argv.slice(2))
