import { type ChildProcess, spawn } from 'node:child_process'
import { resolve } from 'node:path'

export const ROOT = resolve(__dirname, '../../..')

export interface BridgeProcess {
  url: string
  origin: string
  token: string
  child: ChildProcess
  /** Resolves when the process has exited (after SIGTERM by default). */
  stop(signal?: NodeJS.Signals): Promise<void>
  /** Calls a contract channel over HTTP, as the renderer would. */
  call<T = unknown>(channel: string, args?: unknown): Promise<T>
}

/** Starts `node out/main/bridge.js` (what `npm run web` runs) on a library folder. */
export async function startBridgeProcess(dataDir: string, extraEnv: Record<string, string> = {}): Promise<BridgeProcess> {
  const child = spawn(process.execPath, [resolve(ROOT, 'out/main/bridge.js')], {
    cwd: ROOT,
    env: { ...process.env, LONGHAND_DATA_DIR: dataDir, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`bridge did not start in time:\n${out}\n${err}`)), 20_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /^Longhand web: (\S+)$/m.exec(out)
      if (match) {
        clearTimeout(timer)
        resolveUrl(match[1]!)
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString()
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`bridge exited with ${code}:\n${out}\n${err}`))
    })
  })
  const parsed = new URL(url)
  const token = parsed.searchParams.get('token')!
  return {
    url,
    origin: parsed.origin,
    token,
    child,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
    async call(channel, args = {}) {
      const response = await fetch(`${parsed.origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-longhand-token': token },
        body: JSON.stringify(args),
      })
      const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
      if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.message}`)
      return envelope.value as never
    },
  }
}
