import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unwrap } from '@shared/ipc'
import type { Api } from '../../renderer/api/client'
import { createDispatcher } from '../../electron/main/ipc/dispatch'
import { createHandlers } from '../../electron/main/ipc/handlers'
import { LibraryHost, type LibraryHostOptions } from '../../electron/main/library-host'
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

export interface InProcessHost {
  api: Api
  host: LibraryHost
  dataDir: string
  close(): void
}

/**
 * The same, behind the LibraryHost both shells use (restores, the safety-copy schedule and its
 * status): for components whose behaviour depends on what the host does over time.
 */
export async function createInProcessHost(
  options: Partial<ServicesOptions> & Pick<LibraryHostOptions, 'schedule' | 'now' | 'integrityCheck'> = {},
): Promise<InProcessHost> {
  const { schedule, now, integrityCheck, ...servicesOptions } = options
  const dataDir = servicesOptions.dataDir ?? mkdtempSync(join(tmpdir(), 'longhand-test-'))
  const host = await LibraryHost.open({
    open: () => createServices({ ...servicesOptions, ...(now ? { now } : {}), dataDir }),
    schedule: schedule ?? false,
    ...(now ? { now } : {}),
    ...(integrityCheck !== undefined ? { integrityCheck } : {}),
  })
  const api: Api = {
    shell: 'web',
    invoke: async (channel, args) => unwrap(await host.dispatch(channel, structuredClone(args))) as never,
    onEvent: () => () => {},
  }
  return {
    api,
    host,
    dataDir,
    close() {
      host.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
