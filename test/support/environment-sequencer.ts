import { readFileSync } from 'node:fs'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

const environmentPragma = /@vitest-environment\s+([\w-]+)/

function environmentOf(spec: TestSpecification): string {
  const head = readFileSync(spec.moduleId, 'utf8').slice(0, 1000)
  return environmentPragma.exec(head)?.[1] ?? spec.project.config.environment
}

/**
 * Vitest's order, with the files of each environment together within a project, DOM files first. Without
 * isolation a worker keeps the modules it loaded only while the next file has the same environment: a
 * node file between two jsdom files starts a new worker, which loads React and antd again. The DOM
 * files are the slow ones, so they go first and the quick ones fill the end of the run.
 */
export class EnvironmentSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const projectRank = new Map<string, number>()
    for (const spec of sorted) if (!projectRank.has(spec.project.name)) projectRank.set(spec.project.name, projectRank.size)
    const keyed = sorted.map((spec, index) => ({ spec, index, project: projectRank.get(spec.project.name) ?? 0, dom: environmentOf(spec) === 'node' ? 1 : 0 }))
    keyed.sort((a, b) => a.project - b.project || a.dom - b.dom || a.index - b.index)
    return keyed.map(({ spec }) => spec)
  }
}
