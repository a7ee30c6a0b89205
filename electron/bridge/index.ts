import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { libraryDir } from '../main/data-dir'
import { LibraryHost } from '../main/library-host'
import { createServices } from '../main/services'
import { salvageSummary } from '../main/services/salvage'
import { describeOpenFailure } from '../main/services/store/open-failure'
import { storeLanguage } from '@shared/i18n/store'
import { startBridge } from './server'
import { INTEGRITY_WORKER_FILE } from '../main/services/store/integrity-check'
import { bootPhase } from '../main/boot-trace'

/**
 * `npm run web`: the real renderer and the real services in a browser. Dev and test only.
 * The library is the development one (`Longhand Dev/longhand-data`, never the installed app's);
 * LONGHAND_DATA_DIR picks another folder; LONGHAND_PORT a fixed port (default: random).
 */
async function main(): Promise<void> {
  bootPhase('bridge modules loaded')
  const here = dirname(fileURLToPath(import.meta.url))
  const dataDir = libraryDir({ isPackaged: false })
  // The host owns the open library, so restoring a safety backup can close and reopen it.
  const host = await LibraryHost.open({
    open: () => createServices({ dataDir, integrityWorker: resolve(here, INTEGRITY_WORKER_FILE), appVersion: process.env.npm_package_version ?? '0.0.0', shell: 'web' }),
    onInternalError: (channel, error) => console.error(`Longhand: ${channel} failed:`, error),
    // LONGHAND_INTEGRITY_CHECK_AFTER_MS (tests): when the check after the start runs (default 10 s).
    integrityCheck: process.env.LONGHAND_INTEGRITY_CHECK_AFTER_MS ? { afterMs: Number(process.env.LONGHAND_INTEGRITY_CHECK_AFTER_MS) } : {},
  })
  bootPhase('services and host ready')
  const { recovery } = host.services
  if (recovery) {
    // The page shows the same as a notice (app.recoveryNotice).
    console.error(
      `Longhand: the library file was ${recovery.reason === 'empty' ? 'empty' : 'unreadable'} and was moved to ${recovery.movedAsideTo} (nothing was deleted); ` +
        (recovery.restoredFrom
          ? `restored the safety copy ${recovery.restoredFrom} taken ${new Date(recovery.restoredFromTakenAt ?? 0).toISOString()}.`
          : 'there was no safety copy, so an empty library was started.') +
        (recovery.salvage ? ` ${salvageSummary(recovery.salvage)}` : ''),
    )
  }
  const port = process.env.LONGHAND_PORT ? Number(process.env.LONGHAND_PORT) : 0
  const bridge = await startBridge({ dispatch: host.dispatch, staticDir: resolve(here, '../renderer'), port })

  let closing = false
  const shutdown = async () => {
    if (closing) return
    closing = true
    await bridge.close()
    host.close()
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
  bootPhase('listening')
  console.log(`Longhand web: ${bridge.url}`)
  console.log(`Library: ${dataDir}`)
}

main().catch((error) => {
  // Typed and translated like the app's error dialog (open-failure.ts), in the terminal's language.
  const { message } = describeOpenFailure(error, storeLanguage(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG))
  console.error(`Longhand web could not start: ${message}`)
  process.exit(1)
})
