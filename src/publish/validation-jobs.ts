import { createHash } from 'node:crypto'
import { stringify } from 'yaml'
import type { GitSource } from '../github/context.js'
import type { TierNotebooks } from '../manifest/notebooks.js'
import { splitTag } from '../image/reference.js'
import type { Report } from '../report/types.js'

// NotebookValidationJob resources for the Jupyter Notebook Validator Operator, checked
// against its CRD (api/v1alpha1/notebookvalidationjob_types.go, group mlops.mlops.dev):
//   spec.notebook.git.url (required; https://, git://, ssh:// or git@)
//   spec.notebook.git.ref (required; the operator runs `git clone --branch <ref>`, so a
//                          branch or tag, never a commit SHA)
//   spec.notebook.path    (required; must end in .ipynb)
//   spec.podConfig.containerImage (required) — pinned by digest here
//   spec.podConfig.buildConfig.enabled — false: the image is pre-built, never rebuilt
// The operator names the validation pod `<job>-validation`, so job names stay within 52
// characters to keep pod names valid DNS labels (63).

/** The CRD's group/version and kind. */
export const NVJ_API_VERSION = 'mlops.mlops.dev/v1alpha1'
export const NVJ_KIND = 'NotebookValidationJob'

/** Longest job name: 63 (a DNS label, the pod's name) minus "-validation". */
export const MAX_JOB_NAME = 52

/** One NotebookValidationJob to write. */
export interface NotebookValidationJob {
  name: string
  tier: string
  notebook: string
  /** `repo@sha256:…`. */
  containerImage: string
  /** A human-readable tag of the same image, for the annotation. */
  imageTag: string
}

/** A Kubernetes label value: at most 63 of [A-Za-z0-9_.-], starting and ending alphanumeric. */
export function labelValue(text: string): string {
  return text
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '')
}

/** Lowercase DNS-1123 label text: letters, digits and `-`, no leading or trailing `-`. */
export function dnsLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/**
 * Names jobs `<tier>-<notebook file name>`; when two would collide or a name is too long,
 * it is cut and given a short hash of the notebook's path, so names are stable run to run.
 */
export function jobName(tier: string, notebook: string, taken: Set<string>): string {
  const stem = notebook.replace(/^.*\//, '').replace(/\.ipynb$/, '')
  const readable = dnsLabel(`${tier}-${stem}`) || 'notebook'
  if (readable.length <= MAX_JOB_NAME && !taken.has(readable)) return readable
  const hash = createHash('sha256').update(`${tier}\0${notebook}`).digest('hex').slice(0, 8)
  const head = readable.slice(0, MAX_JOB_NAME - hash.length - 1).replace(/-+$/, '')
  return `${head}-${hash}`
}

/**
 * One job per notebook of each tier, pointing at the digest of the image that serves the
 * tier. Tiers whose image was not pushed get no job.
 */
export function planNotebookValidationJobs(
  report: Report,
  notebooks: TierNotebooks[]
): NotebookValidationJob[] {
  const jobs: NotebookValidationJob[] = []
  const taken = new Set<string>()
  // Readable names first, in a stable order, so the hash suffix goes to the later duplicate.
  for (const { tier, notebooks: files } of notebooks) {
    const image = report.images.find((candidate) => candidate.tiers.includes(tier))
    const first = image?.tags.find((tag) => tag.pushed)
    if (!image?.digest || !first) continue
    const repository = splitTag(first.ref).repository
    for (const notebook of files) {
      const name = jobName(tier, notebook, taken)
      taken.add(name)
      jobs.push({
        name,
        tier,
        notebook,
        containerImage: `${repository}@${image.digest}`,
        imageTag: first.ref
      })
    }
  }
  return jobs
}

/** Everything the YAML needs besides the jobs. */
export interface NvjContext {
  git: GitSource
  namespace?: string
  /** The version tag of the run (1.2.3, pr-7, …), for an annotation. */
  version: string | null
  toolVersion: string
}

/** The jobs as multi-document YAML, ready for `kubectl apply -f`. */
export function renderNotebookValidationJobs(
  jobs: NotebookValidationJob[],
  context: NvjContext
): string {
  const documents = jobs.map((job) => {
    const annotations: Record<string, string> = {
      'nb-image-action/image': job.imageTag,
      'nb-image-action/revision': context.git.revision
    }
    if (context.version) annotations['nb-image-action/version'] = context.version
    const metadata: Record<string, unknown> = { name: job.name }
    if (context.namespace) metadata['namespace'] = context.namespace
    metadata['labels'] = {
      'app.kubernetes.io/managed-by': 'nb-image-action',
      'app.kubernetes.io/version': labelValue(context.toolVersion),
      'nb-image-action/tier': labelValue(job.tier)
    }
    metadata['annotations'] = annotations
    return stringify(
      {
        apiVersion: NVJ_API_VERSION,
        kind: NVJ_KIND,
        metadata,
        spec: {
          notebook: {
            git: { url: context.git.url, ref: context.git.ref },
            path: job.notebook
          },
          podConfig: {
            containerImage: job.containerImage,
            buildConfig: { enabled: false }
          }
        }
      },
      { lineWidth: 0 }
    )
  })
  const header = `# NotebookValidationJobs written by nb-image-action ${context.toolVersion}: one per notebook,\n# each running the tier image pinned by digest. Apply with \`kubectl apply -f <this file>\`.\n`
  return header + documents.map((document) => `---\n${document}`).join('')
}

/** Why the operator could not clone this source, if it could not (see the CRD notes above). */
export function gitSourceProblem(git: GitSource): string | undefined {
  if (!/^((https?|git|ssh):\/\/|git@)[A-Za-z0-9._~:/@%+-]+$/.test(git.url)) {
    return `the git URL ${git.url} is not one the operator accepts (https://, git://, ssh:// or git@, without spaces or shell characters)`
  }
  if (!/^[A-Za-z0-9._/+@][A-Za-z0-9._/+@-]*$/.test(git.ref)) {
    return `the git ref "${git.ref}" has characters the operator's git-clone shell script would interpret; push from a branch or tag named with letters, digits and . _ - + @ /`
  }
  return undefined
}
