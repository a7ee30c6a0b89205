// Electron 45 no longer downloads its binary in a postinstall: only its own `install.js` (the
// `install-electron` bin) or a first `require('electron')` fetches it. electron-vite does
// neither — it reads node_modules/electron/path.txt and stops with "Electron uninstall" when it
// is missing. So every script that launches Electron from node_modules runs ensure-electron.mjs
// first, which runs electron's own install.js only when the binary is not there yet.
// Pure decisions here (tested); ensure-electron.mjs is the command-line wrapper.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Where electron's install.js puts the executable inside dist/ (mirrors its getPlatformPath). */
export function electronPlatformPath(platform) {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron'
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return 'electron'
    case 'win32':
      return 'electron.exe'
    default:
      throw new Error(`Electron builds are not available for the platform ${platform}`)
  }
}

function readText(file) {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

function electronPackageVersion(electronDir) {
  const manifest = readText(join(electronDir, 'package.json'))
  if (manifest === null) throw new Error(`${electronDir} is missing: run \`npm install\` (or \`npm ci\`) first.`)
  return JSON.parse(manifest).version
}

/**
 * Is the Electron binary that electron-vite will launch present? The same test electron's
 * install.js makes (dist/version, path.txt, the executable), so "installed" here means
 * install.js would have nothing to do.
 */
export function electronBinaryState(electronDir, { platform = process.platform, env = process.env } = {}) {
  // electron-vite launches ELECTRON_EXEC_PATH instead of node_modules/electron when it is set.
  if (env.ELECTRON_EXEC_PATH) {
    return existsSync(env.ELECTRON_EXEC_PATH)
      ? { installed: true, path: env.ELECTRON_EXEC_PATH }
      : { installed: false, reason: `ELECTRON_EXEC_PATH points at ${env.ELECTRON_EXEC_PATH}, which does not exist`, fixable: false }
  }
  const version = electronPackageVersion(electronDir)
  const platformPath = electronPlatformPath(env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || platform)
  const pathTxt = readText(join(electronDir, 'path.txt'))
  if (pathTxt === null) return { installed: false, reason: 'node_modules/electron/path.txt is missing, the binary was never downloaded', fixable: true }
  if (pathTxt !== platformPath) return { installed: false, reason: `node_modules/electron/path.txt names ${pathTxt}, not ${platformPath}`, fixable: true }
  const distVersion = readText(join(electronDir, 'dist', 'version'))?.trim().replace(/^v/, '')
  if (distVersion !== version) return { installed: false, reason: `the downloaded Electron is ${distVersion ?? 'unknown'}, not ${version}`, fixable: true }
  const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist'), platformPath)
  if (!existsSync(binary)) return { installed: false, reason: `${binary} is missing`, fixable: true }
  return { installed: true, path: binary }
}

/**
 * One readable paragraph for a failed download. install.js prints the whole stack
 * (`TypeError: fetch failed` and a dozen `at …` lines): keep the error line, drop the stack.
 */
export function describeDownloadFailure(stderr, version) {
  const lines = String(stderr)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at ') && !line.startsWith('node:') && !/^\^+$/.test(line))
  const cause = lines.find((line) => /^[A-Za-z]*Error\b/.test(line)) ?? lines[0] ?? 'no error message'
  return [
    `Could not download the Electron ${version} binary (${cause}).`,
    'It is needed once to run the desktop app and is cached afterwards (~/.cache/electron or the OS equivalent).',
    'Check the internet connection or proxy (HTTPS_PROXY), or set ELECTRON_MIRROR to a mirror, then run the command again.',
  ].join('\n')
}

/** Runs a Node script, passing stdout through and collecting stderr. */
export function runNodeScript(script, { node = process.execPath, env = process.env, cwd } = {}) {
  return new Promise((resolve) => {
    const child = spawn(node, [script], { cwd, env, stdio: ['ignore', 'inherit', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', (error) => resolve({ code: 1, stderr: `${stderr}${error.message}\n` }))
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }))
  })
}

/**
 * Makes sure the Electron binary is there, running electron's own install.js when it is not.
 * Resolves to { status: 'present' | 'downloaded', path }; rejects with a readable message.
 */
export async function ensureElectronBinary({ electronDir, platform = process.platform, env = process.env, run = runNodeScript, log = console.log }) {
  const before = electronBinaryState(electronDir, { platform, env })
  if (before.installed) return { status: 'present', path: before.path }
  if (!before.fixable) throw new Error(before.reason)
  const version = electronPackageVersion(electronDir)
  log(`Downloading Electron ${version} (${before.reason})…`)
  const { code, stderr } = await run(join(electronDir, 'install.js'), { env, cwd: electronDir })
  if (code !== 0) throw new Error(describeDownloadFailure(stderr, version))
  const after = electronBinaryState(electronDir, { platform, env })
  if (!after.installed) throw new Error(`Electron's install.js finished, but ${after.reason}.`)
  return { status: 'downloaded', path: after.path }
}

/**
 * Ubuntu 23.10+ forbids unprivileged user namespaces to programs without an AppArmor profile,
 * and Chromium's sandbox needs them: Electron launched from node_modules aborts with
 * "The SUID sandbox helper binary was found, but is not configured correctly". Returns the hint
 * to print, or null when the restriction is off (or this is not Linux).
 */
export function linuxSandboxHint({ platform = process.platform, restrictUserns } = {}) {
  if (platform !== 'linux' || String(restrictUserns ?? '').trim() !== '1') return null
  return [
    'Note: this system restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns=1,',
    'Ubuntu 23.10 and later), so Electron started from node_modules may abort with "The SUID sandbox helper',
    'binary was found, but is not configured correctly". See README → "Linux: Ubuntu 23.10+ and the sandbox".',
  ].join('\n')
}
