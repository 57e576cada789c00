/** This release of the action, recorded in every report (kept equal to package.json by a test). */
export const TOOL_VERSION = '0.1.0'
/** The tool's name in reports and comments. */
export const TOOL_NAME = 'nb-image-action'

/** The tool as reports record it. */
export const TOOL = { name: TOOL_NAME, version: TOOL_VERSION } as const
