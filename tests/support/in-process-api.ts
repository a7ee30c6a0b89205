import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unwrap } from '@shared/ipc'
import type { Api } from '../../renderer/api/client'
import { createDispatcher } from '../../electron/main/ipc/dispatch'
import { createHandlers } from '../../electron/main/ipc/handlers'
import { type Services, type ServicesOptions, createServices } from '../../electron/main/services'

export interface InProcessBackend {
  api: Api
  services: Services
  dataDir: string
  close(): void
}

/**
 * A real backend — real services, real SQLite file in a temp folder, the real validating
 * dispatcher — called in-process instead of over IPC or HTTP. Arguments are structured-cloned,
 * as Electron's IPC would, so a component cannot depend on sharing objects with the backend.
 */
export async function createInProcessApi(options: Partial<ServicesOptions> = {}): Promise<InProcessBackend> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'longhand-test-'))
  const services = await createServices({ ...options, dataDir })
  const dispatch = createDispatcher(createHandlers(services))
  const api: Api = {
    shell: 'web',
    invoke: async (channel, args) => unwrap(await dispatch(channel, structuredClone(args))) as never,
    onEvent: () => () => {},
  }
  return {
    api,
    services,
    dataDir,
    close() {
      services.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
