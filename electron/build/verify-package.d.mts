import type { Configuration } from 'electron-builder'
type Fuses = NonNullable<Configuration['electronFuses']>
export declare function expectedFuseWire(electronFuses: Fuses): Record<number, number>
export declare function checkFuses(binaryPath: string, electronFuses: Fuses): Promise<string[]>
export declare function checkResources(resourcesDir: string, platform: string, arch: string): Promise<string[]>
export declare function findUnpackedApps(
  distDir: string,
  productName?: string,
  executableName?: string,
): UnpackedApp[]
export interface UnpackedApp {
  readonly platform: 'linux' | 'win32' | 'darwin'
  /** Node's arch name: x64 unless the folder names another (linux-arm64-unpacked, mac-universal…). */
  readonly arch: string
  /** What the fuses are checked on: the executable, or the .app bundle on macOS. */
  readonly binary: string
  /** The program to launch (inside the bundle on macOS). */
  readonly executable: string
  readonly resources: string
}
