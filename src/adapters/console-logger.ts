import type { AnnotationTarget, Logger } from '../utils/logger.js'

/** Logger for the CLI: progress on stderr, so stdout carries only the table or JSON. */
export function consoleLogger(options: {
  verbose: boolean
  write?: (text: string) => void
}): Logger {
  const write = options.write ?? ((text: string) => process.stderr.write(text))
  const where = (target?: AnnotationTarget): string =>
    target?.file
      ? `${target.file}${target.startLine ? `:${target.startLine}` : ''}${target.startColumn ? `:${target.startColumn}` : ''}: `
      : ''
  return {
    info: (message) => {
      if (options.verbose) write(`${message}\n`)
    },
    debug: () => undefined,
    notice: (message, target) => write(`note: ${where(target)}${message}\n`),
    warning: (message, target) => write(`warning: ${where(target)}${message}\n`),
    error: (message, target) => write(`error: ${where(target)}${message}\n`),
    async group(title, fn) {
      write(`▸ ${title}\n`)
      return fn()
    }
  }
}
