import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { NOTHING_SALVAGED } from '@shared/ipc/channels/app'
import { createDispatcher } from '../../../../electron/main/ipc/dispatch'
import { createHandlers, type ShellHooks } from '../../../../electron/main/ipc/handlers'
import { createServices } from '../../../../electron/main/services'
import { manualClock, tempDir, tempLibrary } from '../../support/temp-library'

/** app.recoveryNotice / app.showRecoveryFile: the recovery reaches the renderer, and only its own files can be revealed. */
async function recovered(shell: ShellHooks) {
  const dir = tempDir()
  const clock = manualClock()
  const first = await createServices({ dataDir: dir, now: clock })
  const copy = await first.safetyBackups.create(first.db, 'scheduled')
  first.close()
  writeFileSync(join(dir, 'longhand.sqlite'), 'garbage '.repeat(1000))
  clock.advance(60_000)
  const services = await tempLibrary({ dataDir: dir, now: clock })
  return { services, copy, at: clock(), dispatch: createDispatcher(createHandlers(services, shell)) }
}

describe('recovery channels', () => {
  it('report what was moved where and which copy was restored from when, and reveal those files in the Electron shell', async () => {
    const shown: string[] = []
    const { services, copy, at, dispatch } = await recovered({ showItemInFolder: (path) => shown.push(path) })
    expect(await dispatch('app.recoveryNotice', {})).toEqual({
      ok: true,
      value: {
        reason: 'damaged',
        at,
        movedAsideTo: services.recovery!.movedAsideTo,
        restoredFrom: copy.file,
        restoredFromTakenAt: copy.createdAt,
        // Garbage is no database: nothing could be carried over from it.
        salvage: NOTHING_SALVAGED,
        canShowFile: true,
      },
    })
    expect(await dispatch('app.showRecoveryFile', { file: 'moved-aside' })).toEqual({ ok: true, value: { shown: true } })
    expect(await dispatch('app.showRecoveryFile', { file: 'restored-from' })).toEqual({ ok: true, value: { shown: true } })
    expect(shown).toEqual([services.recovery!.movedAsideTo, copy.file])
  })

  it('cannot reveal anything without the shell hook (browser), nor a path the renderer names', async () => {
    const { dispatch } = await recovered({})
    expect(await dispatch('app.recoveryNotice', {})).toMatchObject({ ok: true, value: { canShowFile: false } })
    expect(await dispatch('app.showRecoveryFile', { file: 'moved-aside' })).toEqual({ ok: true, value: { shown: false } })
    expect(await dispatch('app.showRecoveryFile', { file: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-args' } })
  })

  it('say nothing when the library opened normally', async () => {
    const shown: string[] = []
    const services = await tempLibrary()
    const dispatch = createDispatcher(createHandlers(services, { showItemInFolder: (path) => shown.push(path) }))
    expect(await dispatch('app.recoveryNotice', {})).toEqual({ ok: true, value: null })
    expect(await dispatch('app.showRecoveryFile', { file: 'moved-aside' })).toEqual({ ok: true, value: { shown: false } })
    expect(shown).toEqual([])
  })
})
