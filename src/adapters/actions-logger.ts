import * as core from '@actions/core'
import type { AnnotationTarget, Logger } from '../utils/logger.js'

/** Logger writing to the runner: log groups, and annotations on files and lines. */
export const actionsLogger: Logger = {
  info: (message) => core.info(message),
  debug: (message) => core.debug(message),
  notice: (message, target) => core.notice(message, annotation(target)),
  warning: (message, target) => core.warning(message, annotation(target)),
  error: (message, target) => core.error(message, annotation(target)),
  group: (title, fn) => core.group(title, fn)
}

function annotation(target: AnnotationTarget | undefined): core.AnnotationProperties {
  if (!target) return {}
  const properties: core.AnnotationProperties = {}
  if (target.title !== undefined) properties.title = target.title
  if (target.file !== undefined) properties.file = target.file
  if (target.startLine !== undefined) properties.startLine = target.startLine
  if (target.startColumn !== undefined) properties.startColumn = target.startColumn
  return properties
}
