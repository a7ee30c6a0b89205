// The whole-file check (PRAGMA quick_check) on a worker thread, with a read-only connection of its
// own: reading every page takes ~0.3 s for 10,000 drafts, and on the main connection every request
// of the window waited for it. Plain JavaScript so Node runs this very file in the tests and
// electron-vite bundles it unchanged as an entry of the main build (out/main/integrity-worker.mjs).
// It only reports: what a result means, and the marker, are decided on the main thread
// (integrity-check.ts). Posts one message, after its connection is closed:
// { result } or { error: { code, message, stage } }.
import { parentPort, workerData } from 'node:worker_threads'

const { file, nativeBinding, busyTimeoutMs } = workerData

function failure(error, stage) {
  const code = typeof error?.code === 'string' ? error.code : ''
  return { error: { code, message: error instanceof Error ? error.message : String(error), stage } }
}

async function check() {
  let Database
  try {
    Database = (await import('better-sqlite3')).default
  } catch (error) {
    return failure(error, 'engine')
  }
  let db
  try {
    // The same native module as the main connection (native-binding.ts); read-only, so nothing
    // this thread does can change the library.
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  } catch (error) {
    const engine = /better_sqlite3|bindings file|NODE_MODULE_VERSION|dlopen|ELF|Win32 application/i.test(String(error?.message))
    return failure(error, engine && !String(error?.code).startsWith('SQLITE') ? 'engine' : 'open')
  }
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`)
    return { result: String(db.pragma('quick_check', { simple: true })) }
  } catch (error) {
    return failure(error, 'check')
  } finally {
    db.close()
  }
}

parentPort.postMessage(await check())
